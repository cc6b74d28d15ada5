import { FINDING_CATEGORIES, TIMESCALES, type FindingCategory, type Timescale } from '@actionledger/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export class RaiseFindingRequest {
  @ApiProperty({ enum: FINDING_CATEGORIES, example: 'priority_action' })
  @IsIn(FINDING_CATEGORIES)
  category!: FindingCategory;

  @ApiPropertyOptional({ enum: TIMESCALES, default: 'none', example: 'within_3_months' })
  @IsOptional()
  @IsIn(TIMESCALES)
  timescale?: Timescale;

  @ApiProperty({ example: 'Ensure that all contacts are screened promptly by qualified social workers.' })
  @IsString()
  @Length(1, 10_000)
  text!: string;
}
