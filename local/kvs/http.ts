import { ServiceResult } from './service/context';

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  204: 'No Content',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  504: 'Gateway Timeout',
};

/**
 * Builds the fetch Response `@forge/kvs` expects: it reads status/ok, text(), and
 * headers.get('x-b3-traceid' | 'x-trace-id') for its error details.
 */
export function toResponse(result: ServiceResult, traceId: string): { response: Response; bodyText: string } {
  const bodyText = result.body === undefined ? '' : JSON.stringify(result.body);
  const headers: Record<string, string> = { 'x-trace-id': traceId };
  if (bodyText) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(bodyText, 'utf8'));
  }
  if (result.status === 429) {
    headers['retry-after'] = '1';
  }
  const response = new Response(bodyText || null, {
    status: result.status,
    statusText: STATUS_TEXT[result.status] ?? '',
    headers,
  });
  return { response, bodyText };
}
