import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsCalendarDate } from '../http/is-calendar-date.decorator';

/** The bodies of the action routes, one class per route. */

const SHA256 = /^[0-9a-fA-F]{64}$/;
const EVIDENCE_SHA256_DOC: ApiPropertyOptions = {
  type: [String],
  description: 'the attached files this relies on, by SHA-256 (as POST /api/actions/:id/evidence answered)',
  example: ['9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
};

export class PlanActionRequest {
  @ApiProperty({ example: 'Audit every contact received in the last month' })
  @IsString()
  @Length(1, 500)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 10_000)
  description?: string;
}

export class AssignActionRequest {
  @ApiProperty({ example: 'jo.bloggs' })
  @IsString()
  @Length(1, 200)
  ownerId!: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: "defaults from the finding's timescale" })
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string;
}

export class RescheduleActionRequest {
  @ApiProperty({ example: '2027-01-31' })
  @IsCalendarDate()
  dueDate!: string;

  @ApiProperty({ example: 'The audit team is short of two staff until January' })
  @IsString()
  @Length(1, 2_000)
  reason!: string;
}

export class RecordProgressRequest {
  @ApiProperty({ example: 'Half of the contacts audited; no child left unscreened' })
  @IsString()
  @Length(1, 10_000)
  note!: string;
}

export class CompleteActionRequest {
  @ApiProperty({ example: 'All 412 contacts audited; 3 referred on' })
  @IsString()
  @Length(1, 10_000)
  summary!: string;

  @ApiPropertyOptional({ type: [String], example: ['audit-report-2026-11.pdf'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 2_000, { each: true })
  evidence?: string[];

  @ApiPropertyOptional(EVIDENCE_SHA256_DOC)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(SHA256, {
    each: true,
    message: 'each value in evidenceSha256 must be a SHA-256 (64 hexadecimal digits)',
  })
  evidenceSha256?: string[];
}

export class VerifyActionRequest {
  @ApiPropertyOptional({ example: 'Checked a sample of 20 records' })
  @IsOptional()
  @IsString()
  @Length(0, 10_000)
  note?: string;

  @ApiPropertyOptional(EVIDENCE_SHA256_DOC)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(SHA256, {
    each: true,
    message: 'each value in evidenceSha256 must be a SHA-256 (64 hexadecimal digits)',
  })
  evidenceSha256?: string[];
}

export class ReopenActionRequest {
  @ApiProperty({ example: 'The audit report is missing from the evidence' })
  @IsString()
  @Length(1, 2_000)
  reason!: string;
}

export class AmendActionRequest {
  @ApiPropertyOptional({ example: 'Audit every contact received since the inspection' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 10_000)
  description?: string;

  @ApiProperty({ example: 'The title named the wrong month' })
  @IsString()
  @Length(1, 2_000)
  reason!: string;
}
