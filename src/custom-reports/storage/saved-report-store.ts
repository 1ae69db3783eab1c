import { kvs, Filter, FilterConditions, Sort } from '@forge/kvs';
import type { SavedReport } from '@contracts/custom-reports';
import { parseStoredReports } from '../rules/saved-report';
import { ENTITY, KEYS } from '../../core/storage/keys';
import { isConditionFailure } from '../../core/storage/kvs-errors';
import { forEachQueryPage } from '../../core/storage/query-pages';

interface SpaceReportsDocument {
  spaceKey: string;
  reports: unknown;
  version: number;
  updatedAt: number;
}

export interface StoredSpaceReports {
  reports: SavedReport[];
  /** 0 while the space has never saved one. */
  version: number;
}

/** A space's saved reports: one read (the whole list is one small document). */
export async function readSpaceReports(spaceKey: string): Promise<StoredSpaceReports> {
  const doc = await kvs.entity<SpaceReportsDocument>(ENTITY.spaceReports).get(KEYS.spaceReports(spaceKey));
  return doc ? { reports: parseStoredReports(doc.reports), version: doc.version } : { reports: [], version: 0 };
}

/** Writes the list only if nobody changed it since `expectedVersion` was read (two admins saving at once). */
export async function writeSpaceReports(spaceKey: string, reports: SavedReport[], expectedVersion: number, now: number): Promise<'saved' | 'conflict'> {
  const doc: SpaceReportsDocument = { spaceKey, reports, version: expectedVersion + 1, updatedAt: now };
  const condition = new Filter<SpaceReportsDocument>();
  try {
    await kvs.transact().set(KEYS.spaceReports(spaceKey), doc, {
      entityName: ENTITY.spaceReports,
      conditions: expectedVersion === 0 ? condition.and('version', FilterConditions.notExists()) : condition.and('version', FilterConditions.equalTo(expectedVersion)),
    }).execute();
    return 'saved';
  } catch (error) {
    if (isConditionFailure(error)) return 'conflict';
    throw error;
  }
}

/** Every space's saved reports, most recently changed spaces first, for the site admins' overview. */
export async function listAllSpaceReports(maxSpaces: number): Promise<SavedReport[]> {
  const reports: SavedReport[] = [];
  let spaces = 0;
  const query = kvs.entity<SpaceReportsDocument>(ENTITY.spaceReports).query().index('by-updated').sort(Sort.DESC).limit(100);
  await forEachQueryPage((cursor) => (cursor ? query.cursor(cursor) : query).getMany(), (page) => {
    for (const result of page.results) reports.push(...parseStoredReports(result.value.reports));
    spaces += page.results.length;
    return spaces >= maxSpaces ? 'stop' : undefined;
  });
  return reports;
}

/** Visits every space's saved reports list (with its version), 100 documents a page. */
export async function forEachSpaceReports(visit: (spaceKey: string, stored: StoredSpaceReports) => Promise<void>): Promise<void> {
  const query = kvs.entity<SpaceReportsDocument>(ENTITY.spaceReports).query().index('by-updated').limit(100);
  await forEachQueryPage((cursor) => (cursor ? query.cursor(cursor) : query).getMany(), async (page) => {
    for (const result of page.results) await visit(result.value.spaceKey, { reports: parseStoredReports(result.value.reports), version: result.value.version });
  });
}
