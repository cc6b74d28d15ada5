import type { Response } from 'express';

/** The version of a record travels as its ETag; clients send it back in If-Match. */
export function setVersion(response: Response, version: number): void {
  response.setHeader('ETag', `"${version}"`);
}
