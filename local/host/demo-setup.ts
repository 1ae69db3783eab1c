import { z } from 'zod';
import { writeDemoState } from '../demo/demo-state';
import { GROUP_NAMES } from '../demo/generate-site';
import type { DemoPlan } from '../demo/plan';
import { seedHistory } from '../demo/seed-history';
import type { ForgePlatform } from './platform';
import { deliveredAt } from './delivery-clock';

const settingsEnvelope = z.object({
  ok: z.literal(true),
  data: z.object({ settings: z.record(z.unknown()), version: z.number() }).passthrough(),
}).passthrough();

/**
 * First start: the admin configures the app (bots excluded, a report group) through the app's own
 * settings resolver, then ninety days of views go through its trigger. Nothing is written to the
 * store directly: the demo data is exactly what the app itself made of those events.
 */
export async function seedDemo(platform: ForgePlatform, plan: DemoPlan, log: (line: string) => void): Promise<void> {
  const { directory } = plan;
  writeDemoState(plan.stateFile, plan.state);
  await configureSettings(platform, plan, log);
  await seedHistory({
    directory,
    state: plan.state,
    days: plan.days,
    deliver: async (event) => {
      // History is replayed as delivered when it happened: the app refuses stale event times.
      const at = Date.parse(String(event.eventCreatedDate));
      await deliveredAt(Number.isFinite(at) ? at + 1000 : Date.now(), () => platform.deliverEvent(event));
    },
    saveProgress: (state) => writeDemoState(plan.stateFile, state),
    log,
  });
}

async function configureSettings(platform: ForgePlatform, plan: DemoPlan, log: (line: string) => void): Promise<void> {
  const { directory } = plan;
  const admin = directory.firstWithRole('admin');
  const settingsModule = platform.manifest.uiModules.find((m) => m.type === 'confluence:globalSettings');
  const bots = directory.groupByName(GROUP_NAMES.bots);
  const readers = directory.groupByName(GROUP_NAMES.reportReaders);
  if (!settingsModule || !bots || !readers) return;
  const principal = { kind: 'user' as const, accountId: admin.accountId, accountType: 'licensed' as const };
  const frame = { moduleKey: settingsModule.key, localId: 'demo-setup', extension: { type: settingsModule.type } };
  try {
    const current = settingsEnvelope.safeParse(await platform.invokeResolver(principal, frame, 'getSettings', {}));
    if (!current.success) throw new Error('getSettings did not answer {ok: true, data: {settings, version}}');
    // Custom Reports on: a report macro inserted in the demo shows a report, not the "switched off" notice.
    const settings = { ...current.data.data.settings, excludedGroups: [{ id: bots.id, name: bots.name }], reportAccessGroup: { id: readers.id, name: readers.name }, customReports: true };
    const saved = settingsEnvelope.safeParse(await platform.invokeResolver(principal, frame, 'saveSettings', { settings, expectedVersion: current.data.data.version }));
    if (!saved.success) throw new Error('saveSettings was refused');
    log(`  demo settings: group "${bots.name}" excluded, "${readers.name}" may read the global report, Custom Reports on`);
  } catch (error) {
    log(`  demo settings not applied (${error instanceof Error ? error.message : String(error)}); continuing with the app's defaults`);
  }
}
