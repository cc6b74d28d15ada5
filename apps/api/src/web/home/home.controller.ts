import { UserDirectory } from '@actionledger/auth';
import type { Actor } from '@actionledger/command-handling';
import type { ReadModelContext } from '@actionledger/projections';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow } from '../../auth/access.decorators';
import { RequestActor } from '../../http/request-context.decorator';
import { READ_MODELS } from '../../read-models/read-models.providers';
import { renderPage } from '../rendering/render-page';
import { WebPages } from '../rendering/web-page.decorator';
import { boardHomeViewModel } from './board-home.view-model';
import { leadHomeViewModel } from './lead-home.view-model';
import { ownerHomeViewModel } from './owner-home.view-model';

/** `/`: the home page of the role the user acts in (the first of lead, owner, board, admin they hold). */
@WebPages()
@Controller()
export class HomeController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelContext,
    private readonly directory: UserDirectory,
  ) {}

  @Get()
  @Allow('lead', 'owner', 'board', 'admin')
  async home(@RequestActor() actor: Actor, @Res() response: Response) {
    const organisationId = actor.organisationId!;
    switch (actor.role) {
      case 'lead':
        return renderPage(
          response,
          'home/lead-home.njk',
          await leadHomeViewModel(this.readModels, this.directory, organisationId),
        );
      case 'owner':
        return renderPage(
          response,
          'home/owner-home.njk',
          await ownerHomeViewModel(this.readModels, this.directory, organisationId, actor.userId),
        );
      case 'board':
        return renderPage(
          response,
          'home/board-home.njk',
          await boardHomeViewModel(this.readModels, this.directory, organisationId),
        );
      default:
        return renderPage(response, 'home/admin-home.njk', { title: 'Administration' });
    }
  }
}
