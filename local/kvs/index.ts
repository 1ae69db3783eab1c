/** Local emulator of the Forge KVS + Custom Entity Store service. See README.md. */
export { KvsEmulator } from './emulator';
export type { BackendOption, KvsEmulatorOptions, KvsFetchInit } from './emulator';
export { installKvsEmulator } from './install';
export type { ForgeFetch, ForgeFetchTarget, InstallKvsEmulatorOptions, InstalledKvsEmulator } from './install';
export { ManualClock, systemClock } from './clock';
export type { Clock } from './clock';
export { KvsNetworkError } from './faults';
export type { FaultDecision, FaultOptions, FaultRequest, LatencyOption } from './faults';
export { ERROR_STATUS, KvsServiceError } from './errors';
export type { ErrorCode } from './errors';
export { LIMITS } from './limits';
export { UNIT_BYTES, unitsFor } from './units';
export type { KvsStats } from './units';
export type { AttributeType, EntityDefinition } from './schema';
export { MemoryBackend } from './backend/memory';
export { SqliteBackend } from './backend/sqlite';
export type { StorageBackend, StoredItem, ItemRef, ScanSpec } from './backend/types';
