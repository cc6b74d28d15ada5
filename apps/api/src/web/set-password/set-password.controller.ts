import { secretTokenHash, UserAdministration, UserDirectory } from '@actionledger/auth';
import { CLOCK, type Clock, type CommandContext } from '@actionledger/command-handling';
import { DomainRuleViolation } from '@actionledger/domain';
import { Body, Controller, Get, Inject, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Public } from '../../auth/access.decorators';
import { renderPage } from '../rendering/render-page';
import { WebPages } from '../rendering/web-page.decorator';
import { passwordErrors, setPasswordViewModel } from './set-password.view-model';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The page an invitation link opens (`/set-password?token=…`): the invitee chooses a password, once. */
@WebPages()
@Controller('set-password')
export class SetPasswordController {
  constructor(
    private readonly administration: UserAdministration,
    private readonly directory: UserDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Public()
  async page(@Query('token') token: unknown, @Res() response: Response) {
    if (!(await this.invitee(text(token)))) return this.expired(response);
    return renderPage(response, 'set-password/set-password.njk', setPasswordViewModel(text(token)));
  }

  @Post()
  @Public()
  async setPassword(@Body() body: Record<string, unknown>, @Res() response: Response) {
    const token = text(body.token);
    const context = await this.invitee(token);
    if (!context) return this.expired(response);
    const password = text(body.password);
    const errors = passwordErrors(password, text(body.confirmPassword));
    if (errors.length > 0) {
      return renderPage(response, 'set-password/set-password.njk', setPasswordViewModel(token, errors), 400);
    }
    try {
      await this.administration.setPassword(token, password, context);
    } catch (error) {
      // The invitation expired or the user was disabled between the page and the post.
      if (error instanceof DomainRuleViolation) return this.expired(response);
      throw error;
    }
    return renderPage(response, 'set-password/password-set.njk', { title: 'Your password is set' });
  }

  /** The invitee acts for themselves: the log records them, in their first role, as who set the password. */
  private async invitee(token: string): Promise<CommandContext | null> {
    if (token === '') return null;
    const invitation = await this.directory.invitation(secretTokenHash(token));
    const user = invitation && (await this.directory.user(invitation.userId));
    if (
      !invitation ||
      !user ||
      user.status !== 'active' ||
      invitation.expiresAt <= this.clock.now().toISOString()
    ) {
      return null;
    }
    const id = randomUUID();
    return {
      actor: { userId: user.userId, role: user.roles[0] ?? 'owner', organisationId: user.organisationId },
      correlationId: id,
      causationId: id,
    };
  }

  private expired(response: Response) {
    return renderPage(
      response,
      'set-password/invitation-expired.njk',
      { title: 'This link has expired' },
      410,
    );
  }
}
