import { pathToFileURL } from 'node:url';
import * as vm from 'node:vm';

/** The slice of pdfjs-dist this library uses (the package only ships ES modules, so no static import). */
export interface PdfJs {
  getDocument(source: {
    data: Uint8Array;
    verbosity?: number;
    isEvalSupported?: boolean;
    disableFontFace?: boolean;
    useSystemFonts?: boolean;
  }): PdfLoadingTask;
}

export interface PdfLoadingTask {
  promise: Promise<PdfDocument>;
  destroy(): Promise<void>;
}

export interface PdfDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfPage>;
}

export interface PdfPage {
  getTextContent(): Promise<{ items: Array<PdfTextItem | { type: string }> }>;
}

export interface PdfTextItem {
  str: string;
  /** [scaleX, skewX, skewY, scaleY, x, y] in PDF user space (y grows upwards). */
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

type ImportModule = (specifier: string) => Promise<unknown>;

let loading: Promise<PdfJs> | undefined;

/**
 * Loads the legacy (Node) build of pdfjs-dist once.
 *
 * The repo compiles to CommonJS, where `import()` would be rewritten to `require()`, which cannot load
 * pdfjs's `.mjs`; a Function-built `import()` stays a real dynamic import. Jest runs tests in a vm context
 * that refuses dynamic imports unless node runs with --experimental-vm-modules, so there we fall back to a
 * script compiled in the main context with node's default ESM loader.
 */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= importPdfJs().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function importPdfJs(): Promise<PdfJs> {
  const url = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  const nativeImport = new Function('specifier', 'return import(specifier)') as ImportModule;
  try {
    return (await nativeImport(url)) as PdfJs;
  } catch (error) {
    if (!isMissingVmImportCallback(error)) throw error;
    return (await mainContextImport()(url)) as PdfJs;
  }
}

function isMissingVmImportCallback(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING');
}

function mainContextImport(): ImportModule {
  return vm.runInThisContext('(specifier) => import(specifier)', {
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  }) as ImportModule;
}
