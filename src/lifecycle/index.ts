/** The public entry of lifecycle: what other capabilities may use of it (scripts/lint-architecture.ts). */
export { settleContent } from './content-lifecycle';
export { spaceIdOfViewEvent } from './rules/space-event';
export { openShards, readCompactionJob } from './space-compaction/space-compaction-store';
export { readRollups } from './storage/lifecycle-store';
export { reconcileFindings } from './inventory/inventory-store';
