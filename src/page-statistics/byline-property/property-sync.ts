/**
 * Brings one content's byline property in line with its committed row: at most one Confluence write
 * when the figures moved, none when the property already shows them. The write is recorded on the
 * row through a conditional commit (exactly once per batch of views: the row version whose figures
 * were written stops being due; a view committed meanwhile keeps the row due for the next pass).
 */
import type { BylineState, ContentStatsRow } from '../../core/model/rows';
import { BYLINE_PROPERTY_KEY, createProperty, findByKey, updateProperty, type PropertyContentType, type StoredProperty } from '../../platform/confluence/content-properties';
import { alreadyShown, carriesByline, desiredProperty, fallbackState, FALLBACK_RETRY_MS, writtenState, type PropertyValue } from './rules/property-value';
import { contentRow, recordWritten, views30dOf } from './byline-property-store';

export type SyncOutcome =
  | { kind: 'written'; points: number }
  | { kind: 'unchanged'; points: 0 }
  | { kind: 'fallback'; points: number }
  | { kind: 'throttled'; points: number; retryAfterSeconds: number }
  /** The run's points ran out before the property could be written: nothing recorded, the row stays due. */
  | { kind: 'out-of-points'; points: number };

type Put = { kind: 'ok'; property: StoredProperty; points: number } | { kind: 'missing'; points: number }
  | { kind: 'throttled'; points: number; retryAfterSeconds: number } | { kind: 'out-of-points'; points: number };

/**
 * Create or update the property. The id and version the app recorded make the usual write one PUT
 * (one point); a 409 (someone else wrote it) or a property the app never recorded costs one GET more.
 */
async function putProperty(type: PropertyContentType, contentId: string, prior: BylineState | undefined, value: PropertyValue, maxPoints: number): Promise<Put> {
  let known: { id: string; version: number } | null = prior?.propertyId !== undefined && prior.propertyVersion !== undefined ? { id: prior.propertyId, version: prior.propertyVersion } : null;
  let points = 0;
  let looked = false;
  for (let attempt = 0; attempt < 4; attempt += 1) {
    if (known) {
      if (points + 1 > maxPoints) return { kind: 'out-of-points', points };
      points += 1;
      const answer = await updateProperty(type, contentId, known, BYLINE_PROPERTY_KEY, value);
      if (answer.kind === 'ok') return { kind: 'ok', property: answer.value, points };
      if (answer.kind === 'throttled') return { kind: 'throttled', points, retryAfterSeconds: answer.retryAfterSeconds };
      known = null; // 409: another version is stored; 404: the property (or the content) went: look again.
      continue;
    }
    if (!looked && prior?.propertyId === undefined) {
      if (points + 1 > maxPoints) return { kind: 'out-of-points', points };
      points += 1;
      const created = await createProperty(type, contentId, BYLINE_PROPERTY_KEY, value);
      if (created.kind === 'ok') return { kind: 'ok', property: created.value, points };
      if (created.kind === 'throttled') return { kind: 'throttled', points, retryAfterSeconds: created.retryAfterSeconds };
      if (created.kind === 'missing') return { kind: 'missing', points };
    }
    if (points + 1 > maxPoints) return { kind: 'out-of-points', points };
    points += 1;
    looked = true;
    const found = await findByKey(type, contentId, BYLINE_PROPERTY_KEY);
    if (found.kind === 'throttled') return { kind: 'throttled', points, retryAfterSeconds: found.retryAfterSeconds };
    if (found.kind !== 'ok') return { kind: 'missing', points };
    if (found.value) {
      known = { id: found.value.id, version: found.value.version };
      continue;
    }
    if (points + 1 > maxPoints) return { kind: 'out-of-points', points };
    points += 1;
    const created = await createProperty(type, contentId, BYLINE_PROPERTY_KEY, value);
    if (created.kind === 'ok') return { kind: 'ok', property: created.value, points };
    if (created.kind === 'throttled') return { kind: 'throttled', points, retryAfterSeconds: created.retryAfterSeconds };
    if (created.kind === 'missing') return { kind: 'missing', points };
  }
  return { kind: 'missing', points };
}

/** Records the state on the row; on conflict, on the fresh row (kept due: its figures moved). */
async function record(row: ContentStatsRow, state: BylineState | undefined): Promise<void> {
  let current: ContentStatsRow | undefined = row;
  let stillDue = false;
  for (let attempt = 0; attempt < 5 && current; attempt += 1) {
    if (await recordWritten(current, state, stillDue) === 'committed') return;
    current = await contentRow(row.contentId);
    stillDue = true;
  }
}

/**
 * `maxPoints`: the most this content may cost (the run's points left); a write that would need more
 * stops before the call, records nothing and leaves the row due.
 */
export async function syncProperty(row: ContentStatsRow, viewCounter: boolean, now: number, maxPoints = Number.POSITIVE_INFINITY): Promise<SyncOutcome> {
  // Attachments and purged content carry no byline: the mark is simply cleared.
  if (!carriesByline(row)) {
    if (row.bylineDue !== undefined) await record(row, row.byline);
    return { kind: 'unchanged', points: 0 };
  }
  if (row.byline?.shown === 'fallback' && now - row.byline.writtenAt < FALLBACK_RETRY_MS) {
    if (row.bylineDue !== undefined) await record(row, row.byline);
    return { kind: 'fallback', points: 0 };
  }
  const views30d = viewCounter && row.views > 0 ? await views30dOf(row.contentId, now) : 0;
  const desired = desiredProperty(row, views30d, viewCounter);
  if (alreadyShown(row.byline, desired)) {
    if (row.bylineDue !== undefined && row.byline) await record(row, row.byline);
    return { kind: 'unchanged', points: 0 };
  }
  const type: PropertyContentType = row.contentType === 'blogpost' ? 'blogpost' : 'page';
  const put = await putProperty(type, row.contentId, row.byline, desired.value, maxPoints);
  if (put.kind === 'throttled' || put.kind === 'out-of-points') return put;
  if (put.kind === 'missing') {
    await record(row, fallbackState(row.byline, row.version, now));
    return { kind: 'fallback', points: put.points };
  }
  await record(row, writtenState(desired, put.property, row.version, now));
  return { kind: 'written', points: put.points };
}
