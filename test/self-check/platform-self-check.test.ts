/**
 * The platform self-check (settings page) on the local site: administrators only; every Confluence route
 * the app calls is tried once with the scopes Atlassian's description lists; on a site that behaves as
 * the app assumes, every item says so; where the platform answers otherwise, the item says it differs.
 */
import type { SelfCheckItem } from '@contracts/self-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findOperation } from '../../local/confluence/openapi';
import { root, sourceFiles } from '../support/forge-scope-lint';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

let app: AppPlatform;
beforeEach(async () => { app = await startAppPlatform(); });
afterEach(() => app.stop());

const run = async (): Promise<SelfCheckItem[]> => {
  const answer = await app.invoke(app.users.admin, 'settings', 'runPlatformSelfCheck', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data.items;
};

it.each(['reader', 'guest', 'anonymous'] as const)('refuses a %s', async (who) => {
  expect(await app.invoke(app.users[who], 'settings', 'runPlatformSelfCheck', {})).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
});

it('on the local site every item is as the app assumes, and both storage probes ran', async () => {
  const items = await run();
  expect(items.filter((item) => item.verdict !== 'as-assumed').map((item) => `${item.name}: ${item.observed}`)).toEqual([]);
  expect(items.filter((item) => item.area === 'storage').map((item) => item.name)).toEqual([
    'KVS transaction with a failing condition', 'KVS index query over an item without the indexed attribute',
  ]);
});

it('tries every Confluence operation the app calls, each with the scopes of Atlassian\'s description', async () => {
  const items = (await run()).filter((item) => item.area === 'confluence');
  const tried = new Set(items.map((item) => item.name.replace(/ \(.*\)$/, '')));
  // Every route src/ calls (test/platform/confluence-scopes.test.ts lists them) is in the self-check.
  const used = new Set(sourceFiles().flatMap((file) => [...readFileSync(join(root, file), 'utf8').matchAll(/requestConfluence\(\s*route`([^`?]*)[^`]*`(\s*,\s*\{[^}]*?method:\s*'(\w+)')?/g)]
    .map((match) => findOperation(match[3] ?? 'GET', match[1]!.replace(/\$\{[^}]*\}/g, 'x'))).flatMap((operation) => (operation ? [`${operation.method} ${operation.template}`] : []))));
  // Writes are not tried (the self-check changes nothing): the content property writes, whose scope the linter checks.
  const writes = [...used].filter((name) => /^(PUT|DELETE)|^POST (?!\/wiki\/rest\/api\/content\/\{id\}\/permission\/check)/.test(name));
  expect(writes.every((name) => /\/properties/.test(name))).toBe(true);
  expect([...used].filter((name) => !tried.has(name) && !writes.includes(name))).toEqual([]);
  for (const item of items) {
    const [method, template] = item.name.replace(/ \(.*\)$/, '').split(' ');
    expect([item.name, item.scopes]).toEqual([item.name, findOperation(method!, template!.replace(/\{[^}]+\}/g, 'x'))!.scopes]);
  }
});

it('reports a route the platform refuses (a scope Cloud would not grant) as differing, not as passed', async () => {
  const scopes = new Set([...app.confluence.strictness.scopes!].filter((scope) => scope !== 'read:confluence-content.permission'));
  app.confluence.strictness.scopes = scopes;
  const items = await run();
  expect(items.find((item) => item.name.startsWith('POST /wiki/rest/api/content/{id}/permission/check'))).toMatchObject({ verdict: 'differs', observed: expect.stringContaining('401') });
});
