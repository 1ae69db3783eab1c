/**
 * Holes of the local host found by probing (issue 18, "The local Confluence"), checked over real HTTP:
 * an open redirect, DNS rebinding past the request guard, and a badly escaped resource path.
 */
import { RESOURCE_KEY, rawRequest, startTestHost, type TestHost } from './helpers/host-server';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost();
});

afterAll(async () => {
  await host.close();
});

describe('the session switcher redirects only to a path on this host', () => {
  it.each([
    '/.//evil.example',
    '/..//evil.example',
    '/%2e//evil.example',
    '/%2E%2E//evil.example',
    '/wiki/..//evil.example',
    '//evil.example',
    '/\\evil.example',
  ])('back=%s goes to /wiki/home', async (back) => {
    const answer = await rawRequest(host.port, 'GET', `/__host/session?back=${encodeURIComponent(back)}`);
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/wiki/home');
  });

  it('keeps a path of this host, query and fragment included', async () => {
    const answer = await rawRequest(host.port, 'GET', `/__host/session?back=${encodeURIComponent('/wiki/spaces/ENG/pages/1?x=1#top')}`);
    expect(answer.headers.location).toBe('/wiki/spaces/ENG/pages/1?x=1#top');
  });
});

describe('DNS rebinding: only the names the host listens under are served', () => {
  const foreign = (port: number) => ({ host: `evil.example:${port}`, origin: `http://evil.example:${port}` });

  it('refuses a page, a developer GET and a same-origin POST sent to another host name', async () => {
    for (const [method, requestPath, body] of [['GET', '/wiki/home', undefined], ['GET', '/__local/demo', undefined], ['POST', '/__local/kvs/faults', '{"rejectRate":1}']] as const) {
      const headers = { ...foreign(host.port), ...(body ? { 'content-type': 'application/json' } : {}) };
      const answer = await rawRequest(host.port, method, requestPath, headers, body);
      expect({ method, requestPath, status: answer.status }).toEqual({ method, requestPath, status: 421 });
    }
    expect(host.services.store.faults()).toBeUndefined();
  });

  it('refuses the right name with another port', async () => {
    expect((await rawRequest(host.port, 'GET', '/__local/health', { host: `127.0.0.1:${host.port + 1}` })).status).toBe(421);
  });

  it.each(['127.0.0.1', 'localhost', 'LOCALHOST', '[::1]'])('serves %s:PORT', async (name) => {
    const answer = await rawRequest(host.port, 'GET', '/__local/health', { host: `${name}:${host.port}` });
    expect(answer.status).toBe(200);
  });

  it('still lets the host\'s own pages post', async () => {
    const answer = await rawRequest(host.port, 'POST', '/__local/kvs/stats/reset', { host: `localhost:${host.port}`, origin: `http://localhost:${host.port}` });
    expect(answer.status).toBe(200);
  });
});

describe('a badly escaped path is the client\'s error', () => {
  it.each(['%', '%zz', 'a%2', '%E0%A4%A'])('GET /__forge/resources/<key>/%s answers 400', async (tail) => {
    const answer = await rawRequest(host.port, 'GET', `/__forge/resources/${RESOURCE_KEY}/${tail}`);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ error: expect.stringMatching(/^Malformed/) });
  });

  it('serves a good path as before', async () => {
    const answer = await rawRequest(host.port, 'GET', `/__forge/resources/${RESOURCE_KEY}/index.html`);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('/__forge/bridge.js');
  });
});
