import { dirname, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import nunjucks from 'nunjucks';
import type { AppConfig } from '../../config/app-config';
import { addViewFilters } from './view-filters';

/** The web folder: each page's template sits beside its controller; the build copies them into dist/. */
export const WEB_DIR = dirname(__dirname);
const GOVUK_FRONTEND_DIST = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');

/**
 * Everything the server-rendered pages need from Express: security headers with a policy that runs no inline
 * script (the pages need no JavaScript at all), cookies, form bodies, GOV.UK Frontend's styles, fonts and images,
 * and Nunjucks with the GOV.UK macros.
 */
export function configureWebViews(app: NestExpressApplication, config: AppConfig): nunjucks.Environment {
  app.set('trust proxy', config.trustProxy);
  const directives = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
  };
  const pages = helmet({ contentSecurityPolicy: { directives } });
  // Swagger UI's page (not ours) carries inline <style> blocks; its scripts are files, so scripts stay 'self'.
  const apiDocs = helmet({
    contentSecurityPolicy: { directives: { ...directives, styleSrc: ["'self'", "'unsafe-inline'"] } },
  });
  app.use((request: Request, response: Response, next: NextFunction) =>
    (request.path.startsWith('/api/docs') ? apiDocs : pages)(request, response, next),
  );
  app.use(cookieParser());
  app.useBodyParser('urlencoded', { extended: false, limit: '200kb' });
  app.useStaticAssets(join(GOVUK_FRONTEND_DIST, 'govuk', 'assets'), { prefix: '/assets', index: false });
  app.useStaticAssets(join(GOVUK_FRONTEND_DIST, 'govuk'), { prefix: '/stylesheets', index: false });
  app.useStaticAssets(join(WEB_DIR, 'public'), { prefix: '/public', index: false });
  const environment = nunjucks.configure([WEB_DIR, GOVUK_FRONTEND_DIST], {
    autoescape: true,
    express: app.getHttpAdapter().getInstance(),
    throwOnUndefined: false,
  });
  addViewFilters(environment);
  app.setViewEngine('njk');
  return environment;
}
