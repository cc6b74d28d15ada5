import { BadRequestException, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';

/** NUL and other control characters, and the bidirectional overrides that make a name read other than it is. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

/** Fields whose text is a whole document, checked by the letter reader instead. */
const DOCUMENT_FIELDS = new Set(['text']);

function clean(value: unknown, path: string, isDocument: boolean): unknown {
  if (typeof value === 'string') {
    if (isDocument) return value;
    if (FORBIDDEN.test(value)) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `Invalid request: ${path}.`,
        fields: { [path]: [`${path} must not contain control characters or bidirectional overrides`] },
      });
    }
    return value.trim();
  }
  if (Array.isArray(value)) return value.map((item, index) => clean(item, `${path}.${index}`, isDocument));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        clean(item, path ? `${path}.${key}` : key, path === '' && DOCUMENT_FIELDS.has(key)),
      ]),
    );
  }
  return value;
}

/**
 * Runs before validation on every body, query and path parameter: text is trimmed (a whitespace-only reason is
 * then an empty one, a 400), and control characters are refused with a 400 naming the field.
 */
export const cleanTextPipe: PipeTransform = {
  transform(value: unknown, metadata: ArgumentMetadata) {
    if (metadata.type === 'custom') return value;
    return clean(
      value,
      metadata.type === 'param' || metadata.type === 'query' ? (metadata.data ?? '') : '',
      false,
    );
  },
};
