import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, the one the browser tests use; `CHROMIUM_PATH` names another. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Prints the HTML paper to PDF with headless Chromium, so that the PDF is the printed page exactly. One browser
 * serves many reports: starting it costs far more than a page.
 */
export class PdfRenderer {
  private constructor(private readonly browser: Browser) {}

  static async start(executablePath = process.env.CHROMIUM_PATH?.trim() || DEFAULT_CHROMIUM_PATH) {
    const browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    return new PdfRenderer(browser);
  }

  async render(html: string, footer: string): Promise<Buffer> {
    const page = await this.browser.newPage();
    try {
      // The page is self-contained: nothing it could fetch is wanted.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate:
          `<div style="font: 9px Arial, sans-serif; color: #505a5f; width: 100%; padding: 0 16mm; display: flex; justify-content: space-between;">` +
          `<span>${footer.replace(/[&<>"]/g, '')}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      });
    } finally {
      await page.close();
    }
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}

/** One PDF, with a browser of its own (the CLI's case); a server keeps a `PdfRenderer`. */
export async function renderPdfOnce(html: string, footer: string): Promise<Buffer> {
  const renderer = await PdfRenderer.start();
  try {
    return await renderer.render(html, footer);
  } finally {
    await renderer.close();
  }
}
