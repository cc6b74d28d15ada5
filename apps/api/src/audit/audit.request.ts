import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsCalendarDate } from '../http/is-calendar-date.decorator';

export class AuditQuery {
  @ApiPropertyOptional({
    example: 'action-6f1b4a52-3c1e-4d0b-9a57-2f0c8e7d4b11',
    description: 'one stream only',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/^[a-z][a-z-]*-[0-9a-f-]{36}$/, { message: 'stream must be a stream id such as action-<uuid>' })
  stream?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'from this day (inclusive, UTC)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'to this day (inclusive, UTC)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
