import { UserAdministration, UserDirectory } from '@actionledger/auth';
import type { Actor } from '@actionledger/command-handling';
import { DomainRuleViolation } from '@actionledger/domain';
import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow } from '../../auth/access.decorators';
import type { AuthenticatedRequest } from '../../auth/bearer-auth.guard';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { commandContextOf, RequestActor } from '../../http/request-context.decorator';
import { ownUser } from '../../users/own-user';
import { renderPage } from '../rendering/render-page';
import { WebPages } from '../rendering/web-page.decorator';
import type { FieldError } from '../sign-in/sign-in.view-model';
import {
  inviteFormErrors,
  inviteFormOf,
  rolesOf,
  usersPageViewModel,
  validRoles,
  type UsersPageInput,
} from './users-page.view-model';

const TEMPLATE = 'users/users.njk';

/** `/users` (admin): the organisation's people; invite one, change their roles, disable them. */
@WebPages()
@Controller('users')
export class UsersPageController {
  constructor(
    private readonly administration: UserAdministration,
    private readonly directory: UserDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Allow('admin')
  async page(@RequestActor() actor: Actor, @Res() response: Response) {
    return this.render(response, actor, {});
  }

  @Post()
  @Allow('admin')
  async invite(
    @Body() body: Record<string, unknown>,
    @Req() request: AuthenticatedRequest,
    @Res() response: Response,
  ) {
    const actor = request.actor!;
    const form = inviteFormOf(body);
    const errors = inviteFormErrors(form);
    const { roles } = form;
    if (errors.length > 0 || !validRoles(roles)) {
      return this.render(response, actor, { invite: form, errors }, 400);
    }
    const context = commandContextOf(request);
    try {
      const userId = await this.administration.registerUser(
        { organisationId: actor.organisationId!, name: form.name, email: form.email, roles },
        context,
      );
      return this.showInvitation(response, actor, userId, form.name, request);
    } catch (error) {
      if (!(error instanceof DomainRuleViolation)) throw error;
      return this.render(
        response,
        actor,
        { invite: form, errors: [{ field: 'email', text: error.message }] },
        409,
      );
    }
  }

  @Post(':id/invitation')
  @Allow('admin')
  async reinvite(@Param('id') id: string, @Req() request: AuthenticatedRequest, @Res() response: Response) {
    const user = await ownUser(this.directory, id, request.actor!);
    const { name } = this.directory.profileOf(user);
    return this.showInvitation(response, request.actor!, user.userId, name, request);
  }

  @Post(':id/roles')
  @Allow('admin')
  async changeRoles(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() request: AuthenticatedRequest,
    @Res() response: Response,
  ) {
    const user = await ownUser(this.directory, id, request.actor!);
    const roles = rolesOf(body.roles);
    const field = `roles-${user.userId}`;
    if (!validRoles(roles)) {
      return this.refused(response, request.actor!, { field, text: 'Select at least one role' });
    }
    return this.attempt(response, request.actor!, field, () =>
      this.administration.changeRoles(user.userId, roles, commandContextOf(request)),
    );
  }

  @Post(':id/disable')
  @Allow('admin')
  async disable(@Param('id') id: string, @Req() request: AuthenticatedRequest, @Res() response: Response) {
    const user = await ownUser(this.directory, id, request.actor!);
    return this.attempt(response, request.actor!, `roles-${user.userId}`, () =>
      this.administration.disable(user.userId, commandContextOf(request)),
    );
  }

  /** A change the domain may refuse (disabling the last administrator, say): shown beside the user, else back. */
  private async attempt(response: Response, actor: Actor, field: string, change: () => Promise<unknown>) {
    try {
      await change();
    } catch (error) {
      if (!(error instanceof DomainRuleViolation)) throw error;
      return this.refused(response, actor, { field, text: error.message });
    }
    return response.redirect(303, '/users');
  }

  private refused(response: Response, actor: Actor, error: FieldError) {
    return this.render(response, actor, { errors: [error] }, 400);
  }

  private async showInvitation(
    response: Response,
    actor: Actor,
    userId: string,
    name: string,
    request: AuthenticatedRequest,
  ) {
    const { invitationToken, expiresAt } = await this.administration.invite(
      userId,
      commandContextOf(request),
    );
    const link = new URL(`/set-password?token=${encodeURIComponent(invitationToken)}`, this.config.publicUrl);
    return this.render(response, actor, { invitation: { name, link: link.toString(), expiresAt } }, 201);
  }

  private async render(
    response: Response,
    actor: Actor,
    input: Omit<UsersPageInput, 'users' | 'directory' | 'selfId'>,
    status = 200,
  ) {
    const users = await this.directory.usersOf(actor.organisationId!);
    const viewModel = usersPageViewModel({
      ...input,
      users,
      directory: this.directory,
      selfId: actor.userId,
    });
    return renderPage(response, TEMPLATE, viewModel, status);
  }
}
