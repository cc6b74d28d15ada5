import {
  FINDING_CATEGORIES,
  INSPECTION_TYPES,
  OVERALL_JUDGEMENTS,
  PLAN_ROW_STATUSES,
  TIMESCALES,
  type FindingCategory,
  type InspectionType,
  type OverallJudgement,
  type PlanRowStatus,
  type Timescale,
} from '@actionledger/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../http/is-calendar-date.decorator';

/** The multipart fields beside the file: an existing inspection, or a new one described. */
export class ImportPlanRequest {
  @ApiPropertyOptional({ description: 'the inspection the plan is for; else describe a new one' })
  @IsOptional()
  @IsUUID()
  inspectionId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  authority?: string;

  @ApiPropertyOptional({ enum: INSPECTION_TYPES })
  @IsOptional()
  @IsIn(INSPECTION_TYPES)
  inspectionType?: InspectionType;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD, comma-separated', example: '2012-01-10,2012-01-11' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((date) => date.trim()) : value))
  @IsArray()
  @ArrayMaxSize(31)
  @IsCalendarDate({ each: true })
  inspectionDates?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  letterDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  inspector?: string;

  @ApiPropertyOptional({ enum: OVERALL_JUDGEMENTS })
  @IsOptional()
  @IsIn(OVERALL_JUDGEMENTS)
  overallJudgement?: OverallJudgement;
}

const nullable = (_: object, value: unknown) => value !== null;

export class PlanRowCorrectionRequest {
  @IsInt()
  @Min(1)
  rowNumber!: number;

  @IsOptional()
  @IsBoolean()
  excluded?: boolean;

  @ValidateIf(nullable)
  @IsOptional()
  @IsUUID()
  findingId?: string | null;

  @IsOptional()
  @IsString()
  @Length(1, 10_000)
  findingText?: string;

  @IsOptional()
  @IsIn(FINDING_CATEGORIES)
  category?: FindingCategory;

  @IsOptional()
  @IsIn(TIMESCALES)
  timescale?: Timescale;

  @IsOptional()
  @IsString()
  @Length(1, 2000)
  action?: string;

  @ValidateIf(nullable)
  @IsOptional()
  @IsString()
  @Length(0, 10_000)
  description?: string | null;

  @ValidateIf(nullable)
  @IsOptional()
  @IsString()
  @Length(1, 100)
  ownerId?: string | null;

  @ValidateIf(nullable)
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string | null;

  @ValidateIf(nullable)
  @IsOptional()
  @IsCalendarDate()
  originalDueDate?: string | null;

  @IsOptional()
  @IsIn(PLAN_ROW_STATUSES)
  status?: PlanRowStatus;

  @ValidateIf(nullable)
  @IsOptional()
  @IsCalendarDate()
  completedOn?: string | null;

  @ValidateIf(nullable)
  @IsOptional()
  @IsCalendarDate()
  verifiedOn?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 10_000, { each: true })
  notes?: string[];
}

export class EditPlanImportRequest {
  @ApiPropertyOptional({
    description:
      'fields mapped to a column by its letter or header, or null for none: {"owner": "Responsible"}',
    example: { owner: 'D', dueDate: 'By when' },
  })
  @IsOptional()
  @IsObject()
  columns?: Record<string, string | null>;

  @ApiPropertyOptional({ type: [PlanRowCorrectionRequest], description: 'corrections by row number' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => PlanRowCorrectionRequest)
  rows?: PlanRowCorrectionRequest[];
}
