import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { z } from 'zod';
import { startChildHost, type ChildHost } from '../../../local/host/child-host';

const demoSchema = z.object({
  appShortId: z.string(),
  site: z.object({ cloudId: z.string() }).passthrough(),
  users: z.array(z.object({ accountId: z.string(), displayName: z.string(), role: z.string(), accountType: z.string(), isAdmin: z.boolean(), status: z.string() }).passthrough()),
  spaces: z.array(z.object({ key: z.string(), name: z.string(), anonymousAccess: z.boolean(), type: z.string() }).passthrough()),
  contents: z.array(z.object({ id: z.string(), type: z.string(), title: z.string(), spaceKey: z.string(), restricted: z.boolean(), appSees: z.boolean(), hasMacro: z.boolean(), url: z.string() }).passthrough()),
});
export type Demo = z.infer<typeof demoSchema>;
export type DemoContent = Demo['contents'][number];

const invocationSchema = z.array(z.object({
  at: z.number(), kind: z.string(), functionKey: z.string(), call: z.string().optional(), principal: z.string(),
  outcome: z.string(), result: z.unknown().optional(), payload: z.unknown().optional(),
}).passthrough());
export type Invocation = z.infer<typeof invocationSchema>[number];

const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }).passthrough() }),
]);
export type Envelope = z.infer<typeof envelopeSchema>;

/** A local Confluence in a child process with a fresh data dir and the small demo, plus typed helpers. */
export class LocalSite {
  private constructor(private readonly host: ChildHost, private readonly dataDir: string, readonly demo: Demo) {}

  static async start(): Promise<LocalSite> {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vt-e2e-'));
    const host = await startChildHost({ dataDir, demoSize: 'small' });
    const demo = demoSchema.parse(await (await fetch(`${host.url}/__local/demo`)).json());
    return new LocalSite(host, dataDir, demo);
  }

  get url(): string {
    return this.host.url;
  }

  async stop(): Promise<void> {
    await this.host.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  user(role: string): Demo['users'][number] {
    const user = this.demo.users.find((u) => u.role === role && u.status === 'active');
    if (!user) throw new Error(`No demo user with role ${role}`);
    return user;
  }

  content(predicate: (c: DemoContent) => boolean): DemoContent {
    const found = this.demo.contents.find(predicate);
    if (!found) throw new Error('No demo content matches');
    return found;
  }

  async get(pathname: string): Promise<unknown> {
    const response = await fetch(this.url + pathname);
    if (!response.ok) throw new Error(`GET ${pathname} answered ${response.status}: ${await response.text()}`);
    return response.json();
  }

  async post(pathname: string, body: unknown): Promise<unknown> {
    const response = await fetch(this.url + pathname, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`POST ${pathname} answered ${response.status}: ${await response.text()}`);
    return response.json();
  }

  /** A resolver call through the developer endpoint, as the given user (the same path the browser's invoke takes). */
  async invoke(as: string, functionKey: string, payload: unknown, moduleKey = 'settings'): Promise<Envelope> {
    const answer = z.object({ ok: z.boolean(), result: z.unknown().optional(), error: z.string().optional() }).parse(await this.post('/__local/invoke', { as, functionKey, payload, moduleKey }));
    if (!answer.ok) throw new Error(`invoke ${functionKey} failed: ${answer.error}`);
    return envelopeSchema.parse(answer.result);
  }

  /** Changes settings through the settings resolvers as an admin. */
  async updateSettings(admin: string, change: (settings: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
    const current = await this.invoke(admin, 'getSettings', {});
    if (!current.ok) throw new Error(`getSettings refused: ${current.error.message}`);
    const view = z.object({ settings: z.record(z.unknown()), version: z.number() }).passthrough().parse(current.data);
    const saved = await this.invoke(admin, 'saveSettings', { settings: change(view.settings), expectedVersion: view.version });
    if (!saved.ok) throw new Error(`saveSettings refused: ${saved.error.message}`);
  }

  /** The view count the byline's dynamicProperties function reports for a piece of content. */
  async bylineCount(contentId: string, as = 'anonymous'): Promise<number> {
    const answer = z.object({ result: z.object({ title: z.string() }).passthrough() }).parse(await this.get(`/__local/byline?contentId=${contentId}&as=${as}`));
    return parseViews(answer.result.title);
  }

  async invocations(filter: { call?: string; kind?: string; since?: number } = {}): Promise<Invocation[]> {
    const query = new URLSearchParams(Object.entries(filter).map(([k, v]) => [k, String(v)]));
    return invocationSchema.parse(await this.get(`/__local/invocations?${query.toString()}`));
  }

  /** Waits until an invocation matching the filter (and predicate) has been recorded. */
  async waitForInvocation(filter: { call?: string; kind?: string; since?: number }, predicate: (i: Invocation) => boolean = () => true, timeoutMs = 15_000): Promise<Invocation> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = (await this.invocations(filter)).find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`No invocation matching ${JSON.stringify(filter)} within ${timeoutMs} ms`);
  }

  /** Opens a path acting as a user (`anonymous` for a visitor) on a channel, through the host's switcher. */
  async visit(page: Page, as: string, pathname: string, channel = 'desktop'): Promise<void> {
    await page.goto(`${this.url}/__host/session?user=${encodeURIComponent(as)}&channel=${channel}&back=${encodeURIComponent(pathname)}`);
  }

  settingsPath(): string {
    return `/wiki/admin/forge/apps/${this.demo.appShortId}/local/settings`;
  }

  globalReportPath(): string {
    return `/wiki/apps/${this.demo.appShortId}/local/viewtracker-report`;
  }

  spaceReportPath(spaceKey: string): string {
    return `/wiki/spaces/${spaceKey}/apps/${this.demo.appShortId}/local/viewtracker`;
  }
}

/** "128 views", "1 view", "12.3K views" → a number (exact below 1000, which the small demo stays under). */
export function parseViews(title: string): number {
  const match = /^([\d.]+)(K|M)?\s+views?$/.exec(title.trim());
  if (!match) throw new Error(`Not a view count: "${title}"`);
  const scale = match[2] === 'M' ? 1e6 : match[2] === 'K' ? 1e3 : 1;
  return Math.round(Number(match[1]) * scale);
}

/** The byline's title once the host page has it. */
export async function bylineInPage(page: Page): Promise<number> {
  const label = page.locator('button[data-byline][data-state="ready"] .byline-label');
  await label.waitFor({ timeout: 15_000 });
  return parseViews((await label.textContent()) ?? '');
}

export function moduleFrame(page: Page, moduleKey: string): FrameLocator {
  return page.frameLocator(`iframe[data-module-key="${moduleKey}"]`);
}

export async function frameOf(page: Page, moduleKey: string): Promise<Frame> {
  const handle = await page.waitForSelector(`iframe[data-module-key="${moduleKey}"]`, { state: 'attached' });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`iframe of ${moduleKey} has no frame`);
  await frame.waitForLoadState('load');
  return frame;
}
