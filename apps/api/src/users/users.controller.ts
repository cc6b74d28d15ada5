import { UserAdministration, UserDirectory, type DirectoryUser } from '@actionledger/auth';
import type { Actor, CommandContext } from '@actionledger/command-handling';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorators';
import { RequestActor, RequestCommandContext } from '../http/request-context.decorator';
import { ownUser } from './own-user';
import { AddUserRequest, ChangeRolesRequest } from './user.requests';

/** An organisation's users, managed by its administrators; every answer is about the caller's own organisation. */
@ApiTags('users')
@ApiNotFoundResponse({ description: 'no such user in your organisation' })
@Controller('api')
export class UsersController {
  constructor(
    private readonly users: UserAdministration,
    private readonly directory: UserDirectory,
  ) {}

  @Get('me')
  @Allow('lead', 'owner', 'board', 'admin')
  async me(@RequestActor() actor: Actor) {
    const user = (await this.directory.user(actor.userId))!;
    return { ...this.view(user), actingAs: actor.role };
  }

  @Get('users')
  @Allow('admin', 'lead')
  async list(@RequestActor() actor: Actor) {
    const users = await this.directory.usersOf(actor.organisationId!);
    return users.filter((user) => user.status !== 'erased').map((user) => this.view(user));
  }

  @Post('users')
  @Allow('admin')
  @HttpCode(201)
  @ApiCreatedResponse({
    description: '{id, invitationToken, expiresAt}: the one-time secret for setting a password',
  })
  async add(@Body() body: AddUserRequest, @RequestCommandContext() context: CommandContext) {
    const id = await this.users.registerUser(
      { ...body, organisationId: context.actor.organisationId! },
      context,
    );
    return { id, ...(await this.users.invite(id, context)) };
  }

  @Post('users/:id/roles')
  @Allow('admin')
  @HttpCode(200)
  async changeRoles(
    @Param('id') id: string,
    @Body() body: ChangeRolesRequest,
    @RequestCommandContext() context: CommandContext,
  ) {
    await this.ownUser(id, context.actor);
    return this.users.changeRoles(id, body.roles, context);
  }

  @Post('users/:id/disable')
  @Allow('admin')
  @HttpCode(200)
  async disable(@Param('id') id: string, @RequestCommandContext() context: CommandContext) {
    await this.ownUser(id, context.actor);
    return this.users.disable(id, context);
  }

  @Post('users/:id/invitations')
  @Allow('admin')
  @HttpCode(201)
  async invite(@Param('id') id: string, @RequestCommandContext() context: CommandContext) {
    await this.ownUser(id, context.actor);
    return { id, ...(await this.users.invite(id, context)) };
  }

  private ownUser(id: string, actor: Actor): Promise<DirectoryUser> {
    return ownUser(this.directory, id, actor);
  }

  private view(user: DirectoryUser) {
    const { name, email } = this.directory.profileOf(user);
    return { id: user.userId, name, email, roles: user.roles, status: user.status };
  }
}
