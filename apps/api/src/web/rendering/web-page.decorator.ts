import { applyDecorators, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageLocalsInterceptor } from './page-locals';
import { WebErrorFilter } from './web-error.filter';

/**
 * Marks a controller as serving pages, not API: left out of the OpenAPI document (and so of the authorisation
 * matrix, which walks it), errors shown as GOV.UK error pages, and the layout's locals filled in.
 */
export const WebPages = () =>
  applyDecorators(ApiExcludeController(), UseFilters(WebErrorFilter), UseInterceptors(PageLocalsInterceptor));
