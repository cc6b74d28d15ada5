import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/** The text fields that come with the files of `POST /api/actions/:id/evidence`. */
export class AttachEvidenceRequest {
  @ApiPropertyOptional({ example: 'Minutes of the November board, where the audit was reported' })
  @IsOptional()
  @IsString()
  @Length(0, 2_000)
  note?: string;
}
