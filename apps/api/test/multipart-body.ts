import { randomUUID } from 'node:crypto';

export interface MultipartPart {
  field: string;
  /** A file part's name exactly as sent (sent as RFC 5987 `filename*`, so any character gets through). */
  fileName?: string;
  content: Buffer | string;
}

/**
 * A multipart/form-data body built by hand, so that a test can send file names no browser would (with a path,
 * a control character) and know they reached the server as written.
 */
export function multipartBody(parts: MultipartPart[]): { body: Buffer; contentType: string } {
  const boundary = `----actionledger-${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      part.fileName === undefined
        ? `form-data; name="${part.field}"`
        : `form-data; name="${part.field}"; filename*=UTF-8''${encodeURIComponent(part.fileName)}`;
    const type = part.fileName === undefined ? '' : 'Content-Type: application/octet-stream\r\n';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    chunks.push(Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content, 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
