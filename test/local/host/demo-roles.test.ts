/** The demo says who runs each space: `/__local/demo` names each space's admins and Act as lists them as space admins. */
import { rawRequest, startTestHost, type TestHost } from './helpers/host-server';

let host: TestHost;
beforeAll(async () => { host = await startTestHost(); });
afterAll(async () => { await host.close(); });

it('names each space\'s own admins in /__local/demo and lists them as space admins in Act as', async () => {
  const demo = JSON.parse((await rawRequest(host.port, 'GET', '/__local/demo')).body) as {
    spaces: Array<{ key: string; admins: Array<{ accountId: string; displayName: string }> }>;
  };
  const run = demo.spaces.filter((space) => space.admins.length > 0);
  expect(run.length).toBeGreaterThan(0);
  const page = (await rawRequest(host.port, 'GET', '/wiki/home')).body;
  for (const space of run) {
    for (const admin of space.admins) {
      expect(admin.displayName).not.toBe(admin.accountId);
      const option = new RegExp(`<option value="${admin.accountId}"[^>]*>[^<]*\\(space admin of [^)]*${space.key}[^)]*\\)</option>`);
      expect(page).toMatch(option);
    }
  }
  expect(page).not.toMatch(new RegExp(`value="${run[0]!.admins[0]!.accountId}"[^>]*>[^<]*\\(reader\\)`));
});
