/**
 * The View Counter's "Counter refresh budget" (Confluence points an hour for the byline writer):
 * parsed and bounded server-side, filled in for settings stored before it existed, audited like
 * every setting; and the token bucket that spends it (rules/points-budget.ts).
 */
import { DEFAULT_SETTINGS, MAX_COUNTER_REFRESH_BUDGET, MIN_COUNTER_REFRESH_BUDGET, parseSettings, parseStoredSettings } from '../../src/settings/rules/settings';
import { afterRun, availablePoints, pointsPerRun } from '../../src/page-statistics/byline-property/rules/points-budget';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

describe('the counter refresh budget setting', () => {
  it('defaults to 180 points an hour (15 a five-minute run), also for settings stored before it existed', () => {
    expect(DEFAULT_SETTINGS.counterRefreshBudget).toBe(180);
    const { counterRefreshBudget: _omitted, ...older } = DEFAULT_SETTINGS;
    const parsed = parseStoredSettings(older);
    expect(parsed.ok && parsed.value.counterRefreshBudget).toBe(180);
  });

  it.each([MIN_COUNTER_REFRESH_BUDGET, 600, MAX_COUNTER_REFRESH_BUDGET])('accepts %d', (value) => {
    expect(parseSettings({ ...DEFAULT_SETTINGS, counterRefreshBudget: value }).ok).toBe(true);
  });

  it.each([MIN_COUNTER_REFRESH_BUDGET - 1, MAX_COUNTER_REFRESH_BUDGET + 1, 12.5, -180, '180', null, Number.NaN])('refuses %p with an error on the field', (value) => {
    const parsed = parseSettings({ ...DEFAULT_SETTINGS, counterRefreshBudget: value });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && Object.keys(parsed.fieldErrors)).toContain('counterRefreshBudget');
  });
});

describe('saving the budget', () => {
  let app: AppPlatform;
  beforeAll(async () => { app = await startAppPlatform(); }, 60_000);
  afterAll(() => app.stop());

  it('out of bounds: a clear error and nothing stored; within: saved and audited', async () => {
    const save = (counterRefreshBudget: unknown, expectedVersion: number) => app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, counterRefreshBudget }, expectedVersion });
    const refused = await save(MAX_COUNTER_REFRESH_BUDGET + 1, 0);
    expect(refused.ok).toBe(false);
    const unchanged = await app.invoke(app.users.admin, 'settings', 'getSettings', {});
    expect(unchanged.ok && unchanged.data).toMatchObject({ version: 0, settings: { counterRefreshBudget: 180 } });

    expect((await save(600, 0)).ok).toBe(true);
    const view = await app.invoke(app.users.admin, 'settings', 'getSettings', {});
    expect(view.ok && view.data.settings.counterRefreshBudget).toBe(600);
    expect(view.ok && view.data.audit[0]!.changes).toEqual([{ field: 'counterRefreshBudget', before: 180, after: 600 }]);
  });

  it('only an admin may change it', async () => {
    const answer = await app.invoke(app.users.reader, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, counterRefreshBudget: 24_000 }, expectedVersion: 1 });
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
  });
});

describe('the points bucket', () => {
  const T = Date.UTC(2026, 11, 1);
  it('a first run gets one share; later runs what accrued since, never more than one share', () => {
    expect(pointsPerRun(180)).toBe(15);
    expect(availablePoints(undefined, 180, T)).toBe(15);
    const after = afterRun(undefined, 15, 15, T);
    expect(availablePoints(after, 180, T)).toBe(0);
    expect(availablePoints(after, 180, T + 60_000)).toBeCloseTo(3);
    expect(availablePoints(after, 180, T + 5 * 60_000)).toBe(15);
    expect(availablePoints(after, 180, T + 5 * 3_600_000)).toBe(15);
    // Unspent points carry over up to one share.
    expect(availablePoints(afterRun(undefined, 15, 5, T), 180, T + 60_000)).toBe(13);
  });

  it('a clock that went back accrues nothing twice', () => {
    const after = afterRun(undefined, 15, 15, T);
    const back = afterRun(after, availablePoints(after, 180, T - 60_000), 0, T - 60_000);
    expect(back.at).toBe(T);
    expect(availablePoints(back, 180, T)).toBe(0);
  });

  it('over an hour of five-minute runs, at most the hourly budget is spent', () => {
    let bucket = afterRun(undefined, 0, 0, T);
    let spent = 0;
    for (let run = 1; run <= 12; run += 1) {
      const at = T + run * 5 * 60_000;
      const available = availablePoints(bucket, 50, at);
      const spend = Math.floor(available);
      spent += spend;
      bucket = afterRun(bucket, available, spend, at);
    }
    // 4.17 a run: the whole points of each share are spent (the fraction beyond a share is not banked).
    expect(spent).toBeLessThanOrEqual(50);
    expect(spent).toBe(48);
  });
});
