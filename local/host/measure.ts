import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { startChildHost } from './child-host';

/**
 * Measurements for `npm run bench` (not asserted in tests):
 * - local_start_seconds: `local/start.ts` spawned on an existing data dir until it prints its address
 *   (what a developer waits for on every `npm start` after the first); the first start is reported too.
 * - local_view_ms_p50: a reader opens a page (HTTP GET of the page, which fires the view event) until the
 *   byline title that includes the view is answered (the host waits for the view's trigger, as the
 *   browser's byline request does).
 */
export interface StartupMeasurement {
  local_start_seconds: number;
  first_start_seconds: number;
}

export async function measureStartup(options: { demoSize?: 'small' | 'default' } = {}): Promise<StartupMeasurement> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vt-start-'));
  try {
    const first = await startChildHost({ dataDir, demoSize: options.demoSize ?? 'default', timeoutMs: 300_000 });
    await first.stop();
    const warm = await startChildHost({ dataDir, demoSize: options.demoSize ?? 'default' });
    await warm.stop();
    return { local_start_seconds: warm.startupMs / 1000, first_start_seconds: first.startupMs / 1000 };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export interface ViewLatencyMeasurement {
  local_view_ms_p50: number;
  local_view_ms_p95: number;
  samples: number;
}

const demoSchema = z.object({
  users: z.array(z.object({ accountId: z.string(), role: z.string() }).passthrough()),
  contents: z.array(z.object({ id: z.string(), url: z.string(), restricted: z.boolean() }).passthrough()),
}).passthrough();

export async function measureViewLatency(n = 50, options: { baseUrl?: string } = {}): Promise<ViewLatencyMeasurement> {
  const dataDir = options.baseUrl ? null : mkdtempSync(path.join(os.tmpdir(), 'vt-view-'));
  const host = dataDir ? await startChildHost({ dataDir, demoSize: 'small' }) : null;
  const base = options.baseUrl ?? host!.url;
  try {
    const demo = demoSchema.parse(await (await fetch(`${base}/__local/demo`)).json());
    const reader = demo.users.find((u) => u.role === 'reader');
    if (!reader) throw new Error('The demo has no reader');
    const pages = demo.contents.filter((c) => !c.restricted);
    const samples: number[] = [];
    for (let i = 0; i < n; i += 1) {
      const content = pages[i % pages.length]!;
      const started = performance.now();
      const html = await (await fetch(base + content.url, { headers: { cookie: `vt_user=${reader.accountId}` } })).text();
      const viewId = /data-view-id="([^"]*)"/.exec(html)?.[1] ?? '';
      const byline = await fetch(`${base}/__local/byline?contentId=${content.id}&as=${reader.accountId}&viewId=${viewId}`);
      if (!byline.ok) throw new Error(`byline answered ${byline.status}`);
      await byline.json();
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    const at = (q: number): number => Math.round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]! * 10) / 10;
    return { local_view_ms_p50: at(0.5), local_view_ms_p95: at(0.95), samples: samples.length };
  } finally {
    await host?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
