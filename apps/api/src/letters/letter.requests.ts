import {
  FINDING_CATEGORIES,
  INSPECTION_TYPES,
  OVERALL_JUDGEMENTS,
  TIMESCALES,
  type FindingCategory,
  type InspectionType,
  type OverallJudgement,
  type Timescale,
} from '@actionledger/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../http/is-calendar-date.decorator';

/** The bodies of the letter-import routes. */

export class ImportLetterTextRequest {
  @ApiPropertyOptional({ description: "the letter's text, when not uploading a file" })
  @IsOptional()
  @IsString()
  text?: string;

  @ApiPropertyOptional({ example: 'durham-2011-03.txt' })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  fileName?: string;
}

export class TextSpanRequest {
  @IsInt()
  @Min(0)
  start!: number;

  @IsInt()
  @Min(0)
  end!: number;

  @IsInt()
  @Min(1)
  line!: number;
}

export class ProposedFindingRequest {
  @ApiProperty({ enum: FINDING_CATEGORIES })
  @IsIn(FINDING_CATEGORIES)
  category!: FindingCategory;

  @ApiProperty({ enum: TIMESCALES })
  @IsIn(TIMESCALES)
  timescale!: Timescale;

  @ApiProperty()
  @IsString()
  @Length(1, 10_000)
  text!: string;

  @ApiPropertyOptional({
    type: TextSpanRequest,
    nullable: true,
    description: 'where in the text it came from',
  })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @ValidateNested()
  @Type(() => TextSpanRequest)
  source?: TextSpanRequest | null;
}

export class ProposedActionTakenRequest {
  @ApiProperty({ description: 'the heading of the area for development it answers' })
  @IsString()
  @Length(0, 2_000)
  area!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 10_000)
  text!: string;

  @ApiPropertyOptional({ nullable: true, example: '2011-11', description: 'YYYY-MM or YYYY-MM-DD' })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, {
    message: 'date must be YYYY-MM or YYYY-MM-DD',
  })
  date?: string | null;

  @ApiProperty({ nullable: true, description: 'index in findings of the finding it answers' })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(0)
  findingIndex!: number | null;

  @ApiPropertyOptional({
    type: TextSpanRequest,
    nullable: true,
    description: 'where in the text it came from',
  })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @ValidateNested()
  @Type(() => TextSpanRequest)
  source?: TextSpanRequest | null;
}

export class SubJudgementRequest {
  @ApiProperty({ description: "the sub-judgement's heading as printed" })
  @IsString()
  @Length(1, 500)
  area!: string;

  @ApiProperty({ enum: OVERALL_JUDGEMENTS })
  @IsIn(OVERALL_JUDGEMENTS)
  grade!: OverallJudgement;
}

/** Exactly one of the two: within N working days of the letter, or by a fixed date. */
export class PlanDeadlineRequest {
  @ApiPropertyOptional({ example: 70 })
  @ValidateIf((deadline: PlanDeadlineRequest) => deadline.date === undefined)
  @IsInt()
  @Min(1)
  @Max(400)
  workingDays?: number;

  @ApiPropertyOptional({ example: '2024-05-09' })
  @ValidateIf((deadline: PlanDeadlineRequest) => deadline.workingDays === undefined)
  @IsCalendarDate()
  date?: string;
}

export class EditLetterDraftRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  authority?: string;

  @ApiPropertyOptional({ enum: INSPECTION_TYPES })
  @IsOptional()
  @IsIn(INSPECTION_TYPES)
  inspectionType?: InspectionType;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsCalendarDate()
  letterDate?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @IsCalendarDate({ each: true })
  inspectionDates?: string[];

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsString()
  @Length(1, 200)
  inspector?: string | null;

  @ApiPropertyOptional({ enum: OVERALL_JUDGEMENTS, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsIn(OVERALL_JUDGEMENTS)
  overallJudgement?: OverallJudgement | null;

  @ApiPropertyOptional({ type: [SubJudgementRequest], description: 'replaces the whole list' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SubJudgementRequest)
  judgements?: SubJudgementRequest[];

  @ApiPropertyOptional({ type: PlanDeadlineRequest, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @ValidateNested()
  @Type(() => PlanDeadlineRequest)
  planDeadline?: PlanDeadlineRequest | null;

  @ApiPropertyOptional({ type: [ProposedFindingRequest], description: 'replaces the whole list' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ProposedFindingRequest)
  findings?: ProposedFindingRequest[];

  @ApiPropertyOptional({ type: [ProposedActionTakenRequest], description: 'replaces the whole list' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ProposedActionTakenRequest)
  actionsTaken?: ProposedActionTakenRequest[];
}

export class ConfirmLetterDraftRequest {
  @ApiPropertyOptional({
    description:
      'where the draft names a possible duplicate (an inspection of the same authority, type and dates already recorded): that inspection’s id, to record this one beside it',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  recordAlongside?: string;
}
