import type { Actor } from '@actionledger/command-handling';
import { CommitteeReportService, parseReportQuery } from '@actionledger/reports';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/access.decorators';
import { RequestActor } from '../http/request-context.decorator';

/** The scrutiny committee's progress report on one inspection's plan, written from the log. */
@ApiTags('reports')
@Controller('api/inspections')
export class CommitteeReportController {
  constructor(private readonly reports: CommitteeReportService) {}

  @Get(':id/report')
  @Allow('board', 'lead')
  @ApiQuery({
    name: 'since',
    required: false,
    description: 'YYYY-MM-DD; default: the day after the last report issued',
  })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD, not after today; default: today' })
  @ApiQuery({
    name: 'format',
    required: false,
    enum: ['html', 'docx', 'pdf', 'csv'],
    description: 'default: html',
  })
  @ApiProduces(
    'text/html',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/pdf',
    'text/csv',
  )
  @ApiOkResponse({ description: 'the paper; X-Audit-Head is the audit head it cites' })
  async report(
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @RequestActor() actor: Actor,
    @Res() response: Response,
  ): Promise<void> {
    const { since, asOf, format } = parseReportQuery(query);
    const report = await this.reports.report(actor, { inspectionId: id, since, asOf });
    const rendered = await this.reports.render(report, format);
    const disposition = format === 'html' ? 'inline' : 'attachment';
    response
      .status(200)
      .type(rendered.contentType)
      .setHeader('Content-Disposition', `${disposition}; filename="${rendered.fileName}"`)
      .setHeader('X-Audit-Head', report.auditHead!.digest)
      .send(rendered.bytes);
  }
}
