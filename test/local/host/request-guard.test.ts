import type { IncomingMessage } from 'node:http';
import { crossSiteProblem, isCrossSiteNavigation, jsonDepthExceeds, sameSitePath } from '../../../local/host/request-guard';
import { readJson, HttpError } from '../../../local/host/http-util';
import { Readable } from 'node:stream';
import { z } from 'zod';

const request = (method: string, headers: Record<string, string>) => ({ method, headers: { host: '127.0.0.1:4600', ...headers }, socket: { localPort: 4600 } }) as unknown as IncomingMessage;

describe('local host: requests that act as a user come from its own pages', () => {
  it.each([
    ['a cross-site form post (no cookie: it would act as the admin)', request('POST', { origin: 'http://evil.example', 'content-type': 'text/plain', 'content-length': '10' }), 403],
    ['a cross-site JSON post', request('POST', { origin: 'http://evil.example', 'content-type': 'application/json', 'content-length': '2' }), 403],
    ['a same-site request from a sandboxed frame (Origin: null)', request('POST', { origin: 'null', 'content-type': 'application/json', 'content-length': '2' }), 403],
    ['a cross-site fetch that hides its origin', request('POST', { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json', 'content-length': '2' }), 403],
    ['a body that is not JSON', request('POST', { origin: 'http://127.0.0.1:4600', 'content-type': 'text/plain', 'content-length': '10' }), 415],
    ['a cross-site DELETE', request('DELETE', { origin: 'http://evil.example' }), 403],
    ['a DNS-rebound page posting to its own origin', request('POST', { host: 'evil.example:4600', origin: 'http://evil.example:4600', 'content-type': 'application/json', 'content-length': '2' }), 421],
    ['a request without Host', request('POST', { host: '' }), 421],
  ])('refuses %s', (_name, incoming, status) => {
    expect(crossSiteProblem(incoming)).toMatchObject({ status });
  });

  it.each([
    ['the host page\'s own JSON post', request('POST', { origin: 'http://127.0.0.1:4600', 'content-type': 'application/json; charset=utf-8', 'content-length': '2', 'sec-fetch-site': 'same-origin' })],
    ['the host page\'s empty POST (theme)', request('POST', { origin: 'http://127.0.0.1:4600' })],
    ['a tool without a browser (curl)', request('POST', { 'content-type': 'application/json', 'content-length': '2' })],
    ['any GET', request('GET', { origin: 'http://evil.example' })],
    ['the host page under localhost', request('POST', { host: 'localhost:4600', origin: 'http://localhost:4600', 'content-type': 'application/json', 'content-length': '2' })],
  ])('lets %s through', (_name, incoming) => {
    expect(crossSiteProblem(incoming)).toBeNull();
  });
});

describe('local host: the session switcher redirects only within the site', () => {
  it('does not let a link from another site switch the session user', () => {
    expect(isCrossSiteNavigation(request('GET', { 'sec-fetch-site': 'cross-site' }))).toBe(true);
    expect(isCrossSiteNavigation(request('GET', { 'sec-fetch-site': 'same-origin' }))).toBe(false);
    expect(isCrossSiteNavigation(request('GET', { 'sec-fetch-site': 'none' }))).toBe(false);
    expect(isCrossSiteNavigation(request('GET', {}))).toBe(false);
  });

  it.each([
    ['/\\example.org', '/wiki/home'],
    ['//example.org/x', '/wiki/home'],
    ['https://example.org', '/wiki/home'],
    ['/\texample.org', '/wiki/home'],
    [null, '/wiki/home'],
    ['/wiki/spaces/ENG/pages/1?x=1#top', '/wiki/spaces/ENG/pages/1?x=1#top'],
    ['/.//example.org', '/wiki/home'],
    ['/..//example.org', '/wiki/home'],
    ['/%2e//example.org', '/wiki/home'],
    ['/%2f/example.org', '/%2f/example.org'],
  ])('back=%s goes to %s', (back, target) => {
    expect(sameSitePath(back)).toBe(target);
  });
});

describe('local host: deeply nested bodies', () => {
  const deep = (depth: number) => `{"extension":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}}`;

  it('measures depth without recursion', () => {
    expect(jsonDepthExceeds(JSON.parse(deep(200_000)))).toBe(true);
    expect(jsonDepthExceeds({ a: [[1]] })).toBe(false);
  });

  it('answers 400, not 500, for a frame nested deeper than Forge allows', async () => {
    const schema = z.object({ extension: z.record(z.unknown()).refine((value) => JSON.stringify(value).length < 10_000) });
    const body = Readable.from([Buffer.from(deep(100_000))]) as unknown as IncomingMessage;
    await expect(readJson(body, schema)).rejects.toEqual(expect.objectContaining({ status: 400 }));
    await expect(readJson(Readable.from([Buffer.from(deep(100_000))]) as unknown as IncomingMessage, schema)).rejects.toBeInstanceOf(HttpError);
  });
});
