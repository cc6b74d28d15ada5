import { threadId } from 'node:worker_threads';
import { extractLetterText } from '../extraction/extract-letter-text';
import { isLetterInputError, type LetterInputReason } from '../input/letter-input.error';
import type { ParsedLetterWithSources } from '../letter.types';
import { parseLetterWithSources } from '../parsing/parse-letter';

export interface UploadToParse {
  bytes: Uint8Array;
  fileName: string;
  mediaType?: string;
}

/** What crosses back from the worker: plain data, since an Error's class does not survive the copy. */
export type ParsedUpload =
  | { ok: true; text: string; parsed: ParsedLetterWithSources; threadId: number }
  | { ok: false; reason: LetterInputReason; message: string };

/** Runs in a worker thread (piscina loads this file): reads the upload's text and parses it. */
export default async function parseUpload({
  bytes,
  fileName,
  mediaType,
}: UploadToParse): Promise<ParsedUpload> {
  try {
    const text = await extractLetterText(bytes, fileName, mediaType);
    return { ok: true, text, parsed: parseLetterWithSources(text), threadId };
  } catch (error) {
    if (isLetterInputError(error)) return { ok: false, reason: error.reason, message: error.message };
    throw error;
  }
}
