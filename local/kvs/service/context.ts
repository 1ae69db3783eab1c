import { StorageBackend } from '../backend/types';
import { Clock } from '../clock';
import { Linger } from '../backend/linger';
import { EntitySchema } from '../schema';
import { ResolvedStrictness } from '../strictness';

/** What every operation handler needs: where data lives, the declared entities, and "now". */
export interface ServiceContext {
  backend: StorageBackend;
  schemas: ReadonlyMap<string, EntitySchema>;
  clock: Clock;
  strictness: ResolvedStrictness;
  /** How long expired items stay readable (strictness.ttlLingerMaxMs, seeded); undefined = not at all. */
  linger: Linger | undefined;
  /** Differs at every start of the emulator; cursors carry it (strictness.cursorsExpireOnRestart). */
  bootId: string;
}

/** An HTTP answer before it becomes a fetch Response; `body` is serialised as JSON. */
export interface ServiceResult {
  status: number;
  body?: unknown;
}

export const NO_CONTENT: ServiceResult = { status: 204 };
