import {
  INSPECTION_TYPES,
  OVERALL_JUDGEMENTS,
  type InspectionType,
  type OverallJudgement,
} from '@actionledger/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../http/is-calendar-date.decorator';

export class RecordInspectionRequest {
  @ApiProperty({ example: 'Durham County Council' })
  @IsString()
  @Length(1, 200)
  authority!: string;

  @ApiProperty({ enum: INSPECTION_TYPES })
  @IsIn(INSPECTION_TYPES)
  inspectionType!: InspectionType;

  @ApiProperty({
    type: [String],
    example: ['2011-02-22', '2011-02-23'],
    description: 'every day of the visit',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(60)
  @IsCalendarDate({ each: true })
  inspectionDates!: string[];

  @ApiPropertyOptional({ example: '2011-03-18', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  letterDate?: string | null;

  @ApiPropertyOptional({ example: 'Jane Doe', nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  inspector?: string | null;

  @ApiPropertyOptional({ enum: OVERALL_JUDGEMENTS, nullable: true })
  @IsOptional()
  @IsIn(OVERALL_JUDGEMENTS)
  overallJudgement?: OverallJudgement | null;
}
