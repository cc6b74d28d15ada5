import { FOLLOW_UP_JUDGEMENTS, type FollowUpJudgement } from '@actionledger/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../http/is-calendar-date.decorator';

/** The bodies of the follow-up routes, one class per route. */

export class ScheduleFollowUpRequest {
  @ApiProperty({ example: '2027-06-14', description: 'when the next inspection is expected' })
  @IsCalendarDate()
  expectedDate!: string;

  @ApiProperty({ description: 'the earlier inspection of your organisation whose findings it will consider' })
  @IsString()
  @Length(1, 200)
  followsInspectionId!: string;
}

export class JudgeFindingRequest {
  @ApiProperty({ description: 'a finding raised by the inspection the follow-up follows' })
  @IsString()
  @Length(1, 200)
  findingId!: string;

  @ApiProperty({ enum: FOLLOW_UP_JUDGEMENTS })
  @IsIn(FOLLOW_UP_JUDGEMENTS)
  judgement!: FollowUpJudgement;

  @ApiPropertyOptional({ example: 'Contacts are now screened within a day; supervision still patchy' })
  @IsOptional()
  @IsString()
  @Length(0, 10_000)
  note?: string;
}
