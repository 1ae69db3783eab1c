/** The last invocations the host made, for developers (`GET /__local/invocations`) and e2e assertions. */
export interface InvocationRecord {
  at: number;
  kind: 'resolver' | 'trigger' | 'dynamicProperties' | 'webtrigger' | 'direct' | 'scheduled';
  functionKey: string;
  /** The resolver definition called (`call.functionKey`), for resolver invocations. */
  call?: string;
  moduleKey?: string;
  /** The resolver payload, as the Custom UI sent it. */
  payload?: unknown;
  principal: string;
  durationMs: number;
  outcome: 'ok' | 'error' | 'retry';
  result?: unknown;
  error?: string;
}

const SIZE = 300;
const MAX_RESULT_CHARS = 20_000;

export class InvocationLog {
  private records: InvocationRecord[] = [];

  add(record: InvocationRecord): void {
    const bounded = (value: unknown): unknown =>
      value === undefined || JSON.stringify(value).length <= MAX_RESULT_CHARS ? value : { truncated: true };
    this.records.push({ ...record, result: bounded(record.result), payload: bounded(record.payload) });
    if (this.records.length > SIZE) this.records.splice(0, this.records.length - SIZE);
  }

  list(filter: { call?: string; kind?: string; since?: number } = {}): InvocationRecord[] {
    return this.records.filter((r) =>
      (filter.call === undefined || r.call === filter.call) &&
      (filter.kind === undefined || r.kind === filter.kind) &&
      (filter.since === undefined || r.at >= filter.since));
  }
}
