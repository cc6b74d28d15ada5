import { UserDirectory } from '@actionledger/auth';
import {
  AggregateLoader,
  InvalidInputError,
  NotFoundError,
  type Actor,
} from '@actionledger/command-handling';
import {
  actionStreamId,
  DomainRuleViolation,
  evolveAction,
  initialActionState,
  NotPermitted,
} from '@actionledger/domain';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore } from '@actionledger/event-store';
import { ProjectionRunner, type ReadModelContext } from '@actionledger/projections';
import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { ExecuteActionCommand } from '../../actions/execute-action.command';
import { sendTrailCsv } from '../../audit/csv-response';
import { trailEntryOf } from '../../audit/trail-entry';
import { Allow, READERS } from '../../auth/access.decorators';
import type { AuthenticatedRequest } from '../../auth/bearer-auth.guard';
import { commandContextOf, RequestActor } from '../../http/request-context.decorator';
import { READ_MODELS } from '../../read-models/read-models.providers';
import { renderPage } from '../rendering/render-page';
import { WebPages } from '../rendering/web-page.decorator';
import type { FieldError } from '../sign-in/sign-in.view-model';
import { actionPageViewModel, type ActionPageInput } from './action-page.view-model';
import { commandFromForm, isTransition, type Transition } from './action-transitions';

const actionAggregate = { evolve: evolveAction, initialState: initialActionState };
const POSITION = /^\d{1,19}$/;

/** A refusal of the domain or the store, as the sentence the page shows above the form, and its status. */
function refusalOf(error: unknown): { status: number; text: string } | null {
  if (error instanceof WrongExpectedRevisionError) {
    return {
      status: 409,
      text: 'Someone else changed this action while you were looking at it. Check it again below, then try again.',
    };
  }
  if (error instanceof NotPermitted) return { status: 403, text: error.message };
  if (error instanceof InvalidInputError) return { status: 400, text: error.message };
  if (error instanceof DomainRuleViolation) return { status: 409, text: error.message };
  return null;
}

/** `/actions/:id`: one action, the forms its state and the user's role allow, and its history (also as CSV). */
@WebPages()
@Controller('actions')
export class ActionPageController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly loader: AggregateLoader,
    private readonly directory: UserDirectory,
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelContext,
  ) {}

  @Get(':id')
  @Allow(...READERS)
  async page(
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @RequestActor() actor: Actor,
    @Res() response: Response,
  ) {
    // Read your writes: after a form, the page waits until the read models have the change.
    if (typeof query.after === 'string' && POSITION.test(query.after))
      await this.runner.waitFor(BigInt(query.after));
    const done = typeof query.done === 'string' ? query.done : undefined;
    return this.render(response, { ...(await this.load(id, actor)), done });
  }

  @Get(':id/history.csv')
  @Allow(...READERS)
  async historyCsv(@Param('id') id: string, @RequestActor() actor: Actor, @Res() response: Response) {
    const { history } = await this.load(id, actor);
    await this.directory.catchUp();
    const nameOf = (userId: string) => this.directory.displayName(userId);
    sendTrailCsv(
      response,
      history.map((event) => trailEntryOf(event, nameOf)),
      `action-${id}-history.csv`,
    );
  }

  @Post(':id/:transition')
  @Allow('lead', 'owner')
  async transition(
    @Param('id') id: string,
    @Param('transition') transition: string,
    @Body() body: Record<string, unknown>,
    @Req() request: AuthenticatedRequest,
    @Res() response: Response,
  ) {
    if (!isTransition(transition)) throw new NotFoundError('page', `/actions/${id}/${transition}`);
    const actor = request.actor!;
    const loaded = await this.load(id, actor);
    const parsed = commandFromForm(transition, body);
    if ('errors' in parsed) return this.refuse(response, loaded, transition, body, parsed.errors, 400);
    const context = commandContextOf(request);
    // The version the page was drawn from: a form sent from a stale page is refused, not applied over a change.
    if (typeof body.version === 'string' && /^\d+$/.test(body.version))
      context.expectedVersion = Number(body.version);
    try {
      const { position } = await this.commandBus.execute(new ExecuteActionCommand(id, parsed.input, context));
      return response.redirect(
        303,
        `/actions/${encodeURIComponent(id)}?after=${position}&done=${transition}`,
      );
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      const reloaded = await this.load(id, actor);
      const errors = [{ field: `${transition}-form`, text: refusal.text }];
      return this.refuse(response, reloaded, transition, body, errors, refusal.status);
    }
  }

  private async load(id: string, actor: Actor): Promise<Omit<ActionPageInput, 'done' | 'failed'>> {
    const { state, version } = await this.loader.loadVisible(
      actionStreamId(id),
      actionAggregate,
      actor,
      () => new NotFoundError('action', id),
    );
    return { actionId: id, state, version, actor, history: await this.store.readStream(actionStreamId(id)) };
  }

  private refuse(
    response: Response,
    loaded: Omit<ActionPageInput, 'done' | 'failed'>,
    transition: Transition,
    values: Record<string, unknown>,
    errors: FieldError[],
    status: number,
  ) {
    return this.render(response, { ...loaded, failed: { transition, values, errors } }, status);
  }

  private async render(response: Response, input: ActionPageInput, status = 200) {
    const viewModel = await actionPageViewModel(this.readModels, this.directory, input);
    return renderPage(response, 'action/action-page.njk', viewModel, status);
  }
}
