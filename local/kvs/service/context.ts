import { StorageBackend } from '../backend/types';
import { Clock } from '../clock';
import { EntitySchema } from '../schema';

/** What every operation handler needs: where data lives, the declared entities, and "now". */
export interface ServiceContext {
  backend: StorageBackend;
  schemas: ReadonlyMap<string, EntitySchema>;
  clock: Clock;
}

/** An HTTP answer before it becomes a fetch Response; `body` is serialised as JSON. */
export interface ServiceResult {
  status: number;
  body?: unknown;
}

export const NO_CONTENT: ServiceResult = { status: 204 };
