import { z } from 'zod';
import type { FaultOptions } from '../kvs';

/**
 * Fault injection of the KVS emulator (local/kvs/faults.ts) as `npm start` and the developer
 * endpoint expose it: refused requests (429 or 500, before being applied) and writes applied whose
 * caller still gets an error (a timeout, or 500/504), each at a rate in [0, 1].
 */
export const kvsFaultsBody = z.object({
  rejectRate: z.number().min(0).max(1).optional(),
  rejectStatus: z.union([z.literal(429), z.literal(500)]).optional(),
  failAfterApplyRate: z.number().min(0).max(1).optional(),
  failAfterApplyStatus: z.union([z.literal(500), z.literal(504)]).optional(),
}).strict();

export type KvsFaultsSetting = z.infer<typeof kvsFaultsBody>;

/** No rate above zero means no faults at all. */
export function faultOptionsOf(setting: KvsFaultsSetting): FaultOptions | undefined {
  return (setting.rejectRate ?? 0) > 0 || (setting.failAfterApplyRate ?? 0) > 0 ? { ...setting } : undefined;
}

/** The serialisable part of the fault options in force (a `decide` hook is only reported as present). */
export function describeFaults(faults: FaultOptions | undefined): KvsFaultsSetting & { decideHook?: true } | null {
  if (!faults) return null;
  const { decide, ...rates } = faults;
  return decide ? { ...rates, decideHook: true } : rates;
}

const FLAG_KEYS: Record<string, keyof KvsFaultsSetting> = {
  reject: 'rejectRate',
  'reject-status': 'rejectStatus',
  'after-apply': 'failAfterApplyRate',
  'after-apply-status': 'failAfterApplyStatus',
};

/**
 * `--kvs-faults RATE` (e.g. 0.05: 5 % of requests refused with 429 and 5 % of writes applied then
 * failed with a timeout), or a list `reject=0.05,reject-status=500,after-apply=0.02,after-apply-status=504`.
 * Returns the setting, or a message saying what is wrong.
 */
export function parseKvsFaultsFlag(text: string): KvsFaultsSetting | string {
  const trimmed = text.trim();
  const candidate: Record<string, number> = {};
  if (/^[0-9.]+$/.test(trimmed)) {
    candidate.rejectRate = Number(trimmed);
    candidate.failAfterApplyRate = Number(trimmed);
  } else {
    for (const part of trimmed.split(',')) {
      const [name, value, extra] = part.split('=');
      const key = name === undefined ? undefined : FLAG_KEYS[name.trim()];
      if (!key || value === undefined || extra !== undefined || value.trim() === '') {
        return `--kvs-faults: "${part}" is not one of ${Object.keys(FLAG_KEYS).map((k) => `${k}=N`).join(', ')}`;
      }
      candidate[key] = Number(value);
    }
  }
  const parsed = kvsFaultsBody.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `--kvs-faults: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'} (rates are 0..1, reject-status 429|500, after-apply-status 500|504)`;
  }
  return parsed.data;
}
