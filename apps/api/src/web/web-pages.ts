import type { Provider, Type } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ActionPageController } from './action/action-page.controller';
import { AuditPageController } from './audit/audit-page.controller';
import { HomeController } from './home/home.controller';
import { InspectionController } from './inspection/inspection.controller';
import { LetterPagesController } from './letters/letter-pages.controller';
import { NotFoundPageFilter } from './rendering/not-found-page.filter';
import { PageLocalsBuilder } from './rendering/page-locals';
import { SetPasswordController } from './set-password/set-password.controller';
import { SignInController } from './sign-in/sign-in.controller';
import { UsersPageController } from './users/users-page.controller';

/** The web pages' controllers, for AppModule: add a page's controller here. */
export const webControllers: Type[] = [
  SignInController,
  SetPasswordController,
  HomeController,
  ActionPageController,
  InspectionController,
  AuditPageController,
  UsersPageController,
  LetterPagesController,
];

export const webProviders: Provider[] = [
  PageLocalsBuilder,
  { provide: APP_FILTER, useClass: NotFoundPageFilter },
];
