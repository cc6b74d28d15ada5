import { NotFoundError, type Actor } from '@actionledger/command-handling';
import { CommitteeReportService, parseReportQuery, type RenderedReport } from '@actionledger/reports';
import { AuditChainBrokenError } from '@actionledger/audit';
import { ConflictException, Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/access.decorators';
import { RequestActor } from '../http/request-context.decorator';

/** The scrutiny committee's progress report on one inspection's plan, written from the log. */
@ApiTags('reports')
@Controller('api')
export class CommitteeReportController {
  constructor(private readonly reports: CommitteeReportService) {}

  @Get('inspections/:id/report')
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
    const report = await this.reports
      .report(actor, { inspectionId: id, since, asOf })
      .catch(refuseBrokenChain);
    send(response, await this.reports.render(report, format), format, report.auditHead!.digest);
  }

  @Get('reports/committee')
  @Allow('board', 'lead')
  @ApiQuery({
    name: 'since',
    required: false,
    description: 'YYYY-MM-DD; default: per inspection, the day after its last report issued',
  })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD, not after today; default: today' })
  @ApiQuery({
    name: 'format',
    required: false,
    enum: ['html', 'docx', 'pdf', 'csv'],
    description: 'default: html',
  })
  @ApiOkResponse({ description: "one file with the paper on each of the organisation's open inspections" })
  async allOpen(
    @Query() query: Record<string, unknown>,
    @RequestActor() actor: Actor,
    @Res() response: Response,
  ): Promise<void> {
    const { since, asOf, format } = parseReportQuery(query);
    const reports = await this.reports
      .reportsOfOrganisation(actor.organisationId!, { since, asOf })
      .catch(refuseBrokenChain);
    if (!reports.length) throw new NoOpenInspectionError();
    send(response, await this.reports.render(reports, format), format, reports[0].auditHead!.digest);
  }
}

/** A paper must never cite the head of a log whose chain is broken: 409, saying where it broke. */
function refuseBrokenChain(error: unknown): never {
  if (error instanceof AuditChainBrokenError) throw new ConflictException(error.message);
  throw error;
}

class NoOpenInspectionError extends NotFoundError {
  constructor() {
    super('open inspection', '');
    this.message = 'Your organisation has no open inspection to report on.';
  }
}

function send(response: Response, rendered: RenderedReport, format: string, auditHead: string): void {
  const disposition = format === 'html' ? 'inline' : 'attachment';
  response
    .status(200)
    .type(rendered.contentType)
    .setHeader('Content-Disposition', `${disposition}; filename="${rendered.fileName}"`)
    .setHeader('X-Audit-Head', auditHead)
    .send(rendered.bytes);
}
