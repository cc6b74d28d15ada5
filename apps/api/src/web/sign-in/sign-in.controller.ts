import { PasswordSignIn, SessionStore, SignInRefused } from '@actionledger/auth';
import { CLOCK, type Clock } from '@actionledger/command-handling';
import { Body, Controller, Get, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Allow, Public } from '../../auth/access.decorators';
import { SESSION_COOKIE, sessionCookieOptions, sessionIdOf } from '../../auth/session-cookie';
import { SignInThrottleGuard } from '../../auth/sign-in-throttle';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { renderPage } from '../rendering/render-page';
import { WebPages } from '../rendering/web-page.decorator';
import { missingSignInFields, signInViewModel } from './sign-in.view-model';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Sign in with email and password into a session kept in Redis; sign out ends it there, not only in the browser. */
@WebPages()
@Controller()
export class SignInController {
  constructor(
    private readonly passwords: PasswordSignIn,
    private readonly sessions: SessionStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('sign-in')
  @Public()
  page(@Res() response: Response) {
    return renderPage(response, 'sign-in/sign-in.njk', signInViewModel());
  }

  @Post('sign-in')
  @Public()
  @UseGuards(SignInThrottleGuard)
  async signIn(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response) {
    const email = text(body.email);
    const password = text(body.password);
    const missing = missingSignInFields(email, password);
    if (missing.length > 0)
      return renderPage(response, 'sign-in/sign-in.njk', signInViewModel(email, missing), 400);
    try {
      const user = await this.passwords.verify(email, password);
      const previous = sessionIdOf(request);
      if (previous) await this.sessions.destroy(previous);
      const sessionId = await this.sessions.create(user.userId, this.clock.now());
      response.cookie(SESSION_COOKIE, sessionId, sessionCookieOptions(this.config));
      return response.redirect(303, '/');
    } catch (error) {
      if (!(error instanceof SignInRefused)) throw error;
      return renderPage(
        response,
        'sign-in/sign-in.njk',
        signInViewModel(email, [{ field: 'email', text: error.message }]),
        401,
      );
    }
  }

  @Post('sign-out')
  @Allow('lead', 'owner', 'board', 'admin')
  async signOut(@Req() request: Request, @Res() response: Response) {
    const sessionId = sessionIdOf(request);
    if (sessionId) await this.sessions.destroy(sessionId);
    response.clearCookie(SESSION_COOKIE, sessionCookieOptions(this.config));
    return response.redirect(303, '/signed-out');
  }

  @Get('signed-out')
  @Public()
  signedOut(@Res() response: Response) {
    return renderPage(response, 'sign-in/signed-out.njk', { title: 'You have signed out' });
  }
}
