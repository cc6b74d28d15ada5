import { UserDirectory } from '@actionledger/auth';
import { NotFoundError, type Actor } from '@actionledger/command-handling';
import { actionStreamId } from '@actionledger/domain';
import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import {
  getInspectionPlan,
  ProjectionRunner,
  weeklyPlanProgress,
  type PlanView,
  type ReadModelContext,
} from '@actionledger/projections';
import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, READERS } from '../../auth/access.decorators';
import { RequestActor } from '../../http/request-context.decorator';
import { READ_MODELS } from '../../read-models/read-models.providers';
import { readAfter } from '../rendering/read-after';
import { renderPage } from '../rendering/render-page';
import { WebPages } from '../rendering/web-page.decorator';
import { inspectionViewModel } from './inspection.view-model';

/** `/inspections/:id`: the plan from the read models, its weekly progress folded from its actions' events. */
@WebPages()
@Controller('inspections')
export class InspectionController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelContext,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    private readonly directory: UserDirectory,
  ) {}

  @Get(':id')
  @Allow(...READERS)
  async page(
    @Param('id') id: string,
    @Query('after') after: unknown,
    @RequestActor() actor: Actor,
    @Res() response: Response,
  ) {
    await readAfter(this.runner, after);
    const plan = await getInspectionPlan(this.readModels, actor.organisationId!, id);
    if (!plan) throw new NotFoundError('inspection', id);
    const weeks = weeklyPlanProgress(await this.actionEvents(plan), plan.today);
    return renderPage(response, 'inspection/inspection.njk', {
      ...inspectionViewModel(plan, weeks, this.directory),
      auditLink: actor.role !== 'owner',
    });
  }

  private async actionEvents(plan: PlanView) {
    const streams = await Promise.all(
      plan.findings.flatMap((finding) =>
        finding.actions.map((action) => this.store.readStream(actionStreamId(action.actionId))),
      ),
    );
    return streams.flat().map((event) => ({
      streamId: event.streamId,
      type: event.type,
      occurredAt: event.metadata.occurredAt,
    }));
  }
}
