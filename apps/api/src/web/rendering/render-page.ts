import type { Response } from 'express';

/**
 * Renders a page's template with its view model and sends it. A template that fails to render rejects, so the
 * error reaches WebErrorFilter (a GOV.UK 500 page) instead of Express's own handler, which would print the stack.
 */
export async function renderPage(
  response: Response,
  template: string,
  viewModel: object,
  status = 200,
): Promise<void> {
  const html = await new Promise<string>((resolve, reject) =>
    response.render(template, viewModel, (error: Error | null, rendered?: string) =>
      error ? reject(error) : resolve(rendered ?? ''),
    ),
  );
  // A page shows one person's work: no cache may keep it, nor show it again with Back after signing out.
  response.status(status).type('html').setHeader('Cache-Control', 'no-store');
  response.send(html);
}
