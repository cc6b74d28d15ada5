import { FINDING_CATEGORIES, TIMESCALES, type FindingCategory, type Timescale } from '@actionledger/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export class AmendFindingRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 10_000)
  text?: string;

  @ApiPropertyOptional({ enum: FINDING_CATEGORIES })
  @IsOptional()
  @IsIn(FINDING_CATEGORIES)
  category?: FindingCategory;

  @ApiPropertyOptional({ enum: TIMESCALES })
  @IsOptional()
  @IsIn(TIMESCALES)
  timescale?: Timescale;

  @ApiProperty({ example: 'Typed from the wrong page of the letter' })
  @IsString()
  @Length(1, 2_000)
  reason!: string;
}

/** Withdrawing or reopening a record: only the reason. */
export class ReasonRequest {
  @ApiProperty({ example: 'Recorded twice by mistake' })
  @IsString()
  @Length(1, 2_000)
  reason!: string;
}
