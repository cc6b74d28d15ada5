import { UserDirectory } from '@actionledger/auth';
import { NotFoundError, type Actor } from '@actionledger/command-handling';
import { actionStreamId, findingStreamId, inspectionStreamId } from '@actionledger/domain';
import {
  getInspectionPlan,
  listInspections,
  readDocuments,
  type ReadModelContext,
} from '@actionledger/projections';
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AuditTrail, type TrailFilter } from '../../audit/audit-trail';
import { CurrentAuditHeads } from '../../audit/current-audit-head';
import { sendTrailCsv } from '../../audit/csv-response';
import { Allow } from '../../auth/access.decorators';
import { RequestActor } from '../../http/request-context.decorator';
import { READ_MODELS } from '../../read-models/read-models.providers';
import { renderPage } from '../rendering/render-page';
import { WebPages } from '../rendering/web-page.decorator';
import { auditFilterForm, checkAuditFilter, filterQueryString, type AuditFilterChoice } from './audit-filter';
import { auditPageViewModel } from './audit-page.view-model';

const INSPECTIONS_LISTED = '100';

/** `/audit`: the organisation's trail, filtered by a GET form, with the audit head to minute and a CSV of it. */
@WebPages()
@Controller('audit')
export class AuditPageController {
  constructor(
    private readonly trail: AuditTrail,
    private readonly directory: UserDirectory,
    @Inject(READ_MODELS) private readonly readModels: ReadModelContext,
    private readonly heads: CurrentAuditHeads,
  ) {}

  @Get()
  @Allow('lead', 'board', 'admin')
  async page(
    @Query() query: Record<string, unknown>,
    @RequestActor() actor: Actor,
    @Res() response: Response,
  ) {
    const organisationId = actor.organisationId!;
    const people = (await this.directory.usersOf(organisationId))
      .filter((user) => user.status !== 'erased')
      .map((user) => ({ userId: user.userId, name: this.directory.displayName(user.userId) }));
    const form = auditFilterForm(query);
    const { choice, errors } = checkAuditFilter(form, new Set(people.map((person) => person.userId)));
    const [inspections, verification, entries] = await Promise.all([
      listInspections(this.readModels, organisationId, { limit: INSPECTIONS_LISTED }),
      this.heads.current(),
      errors.length === 0 ? this.entries(organisationId, choice) : null,
    ]);
    const viewModel = auditPageViewModel({
      form,
      errors,
      inspections: inspections.items,
      people,
      entries,
      verification,
      csvHref: `/audit/trail.csv${filterQueryString(query)}`,
    });
    return renderPage(response, 'audit/audit.njk', viewModel, errors.length ? 400 : 200);
  }

  /** The same filter's steps as CSV, for a board pack: the page's download link. */
  @Get('trail.csv')
  @Allow('lead', 'board', 'admin')
  async csv(
    @Query() query: Record<string, unknown>,
    @RequestActor() actor: Actor,
    @Res() response: Response,
  ) {
    const organisationId = actor.organisationId!;
    const people = await this.directory.usersOf(organisationId);
    const { choice, errors } = checkAuditFilter(
      auditFilterForm(query),
      new Set(people.map((user) => user.userId)),
    );
    if (errors.length) return response.redirect(303, `/audit${filterQueryString(query)}`);
    sendTrailCsv(response, await this.entries(organisationId, choice), 'audit-trail.csv');
  }

  private async entries(organisationId: string, choice: AuditFilterChoice) {
    const filter: TrailFilter = { userId: choice.userId, from: choice.from, to: choice.to };
    const streams = await this.streamsOf(organisationId, choice);
    return this.trail.entries(organisationId, streams ? { ...filter, streams } : filter);
  }

  /** An inspection's streams (its own, its findings', its actions'), or one action's; another organisation's: 404. */
  private async streamsOf(organisationId: string, choice: AuditFilterChoice): Promise<string[] | undefined> {
    let streams: string[] | undefined;
    if (choice.inspectionId) {
      const plan = await getInspectionPlan(this.readModels, organisationId, choice.inspectionId);
      if (!plan) throw new NotFoundError('inspection', choice.inspectionId);
      streams = [
        inspectionStreamId(plan.inspectionId),
        ...plan.findings.flatMap((finding) => [
          findingStreamId(finding.findingId),
          ...finding.actions.map((action) => actionStreamId(action.actionId)),
        ]),
      ];
    }
    if (choice.actionId) {
      const [action] = await readDocuments(this.readModels, organisationId, 'action', [choice.actionId]);
      if (!action) throw new NotFoundError('action', choice.actionId);
      const own = actionStreamId(action.actionId);
      streams = streams ? streams.filter((streamId) => streamId === own) : [own];
    }
    return streams;
  }
}
