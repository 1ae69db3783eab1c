import { z } from 'zod';
import { FunctionRegistry } from './functions';
import { InvocationLog, type InvocationRecord } from './invocation-log';
import { runInvocation } from './invocation';
import type { AppManifest, UiModule } from './manifest';
import { accountIdOf, accountTypeOf, type Principal } from './principal';
import { displayConditionHolds } from './display-conditions';

export interface PlatformIdentity {
  appId: string;
  environmentId: string;
  installationId: string;
  cloudId: string;
  siteUrl: string;
}

/** The browser-supplied half of a resolver context: which module instance is calling, about what. */
export interface FrameClaim {
  moduleKey: string;
  localId: string;
  extension: Record<string, unknown>;
}

/**
 * How long Forge lets an invocation run before it is stopped (forge-docs-snapshot
 * mirror/limits-invocation/index.md): 25 s for UI modules' resolvers and product-event triggers,
 * 55 s for web triggers, and for scheduled-trigger and async-event functions their `timeoutSeconds`
 * (1–900) or 55 s by default (mirror/manifest-reference/modules/scheduled-trigger/index.md).
 */
export const FORGE_TIME_LIMITS_MS = { resolver: 25_000, dynamicProperties: 25_000, trigger: 25_000, direct: 25_000, webtrigger: 55_000, scheduled: 55_000 } as const;
const MAX_PAYLOAD_BYTES = 500 * 1024;
const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
const MAX_TRIGGER_RETRIES = 4;

export class InvocationFailure extends Error {}

/** What Forge hands a web trigger: headers and query parameters as arrays of values. */
export interface WebTriggerRequest {
  method: string;
  path: string;
  headers: Record<string, string[]>;
  queryParameters: Record<string, string[]>;
  body: string;
}

const webTriggerResponse = z.object({
  statusCode: z.number().int().min(100).max(599),
  headers: z.record(z.array(z.string())).default({}),
  body: z.string().default(''),
  statusText: z.string().optional(),
});
export type WebTriggerResponse = z.infer<typeof webTriggerResponse>;

/**
 * The Forge platform around the app's functions: which function a module calls, the trusted context
 * it gets, limits, and trigger retries. Every call is recorded in `log`.
 */
export interface PlatformOptions {
  retryDelayScale: number;
  /** Shrinks every time limit (tests: 0.01 stops a 25 s handler after 250 ms); 1 = as Forge. */
  limitScale?: number;
  /** A content property's value as this principal may read it (undefined: absent or not readable). */
  contentProperty?: (principal: Principal, contentId: string, key: string) => unknown;
}

function contentIdOf(extension: Record<string, unknown>): string | null {
  const content = extension.content;
  if (content === null || typeof content !== 'object') return null;
  const id = (content as Record<string, unknown>).id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/** The byline fields of a property value (title required; icon and tooltip optional), or null. */
function bylineValue(value: unknown): { title: string; tooltip?: string; icon?: string } | null {
  if (value === null || typeof value !== 'object') return null;
  const fields = value as Record<string, unknown>;
  if (typeof fields.title !== 'string') return null;
  return {
    title: fields.title,
    ...(typeof fields.tooltip === 'string' ? { tooltip: fields.tooltip } : {}),
    ...(typeof fields.icon === 'string' ? { icon: fields.icon } : {}),
  };
}

export class ForgePlatform {
  readonly log = new InvocationLog();

  constructor(
    readonly manifest: AppManifest,
    private readonly functions: FunctionRegistry,
    readonly identity: PlatformIdentity,
    private readonly options: PlatformOptions = { retryDelayScale: 1 },
  ) {}

  /** Byline renders answered from a content property (no function called), by module key. */
  readonly propertyRenders = new Map<string, number>();
  /**
   * Which product events reach the app's triggers (the local host sets Confluence Cloud's rule: none
   * about content restricted away from the app, see event-gate.ts); a withheld event runs nothing.
   */
  eventGate: ((event: Record<string, unknown>) => boolean) | null = null;
  /** Events withheld by the gate since start (tests and the developer page can tell them apart from lost ones). */
  withheldEvents = 0;

  get installContext(): string {
    return `ari:cloud:confluence::site/${this.identity.cloudId}`;
  }

  uiModule(key: string): UiModule | undefined {
    return this.manifest.uiModules.find((m) => m.key === key);
  }

  /** A Custom UI's `invoke(functionKey, payload)`: the module's resolver, called as Forge calls it. */
  async invokeResolver(principal: Principal, frame: FrameClaim, call: string, payload: unknown): Promise<unknown> {
    const module = this.uiModule(frame.moduleKey);
    if (!module) throw new InvocationFailure(`No module "${frame.moduleKey}" in manifest.yml`);
    if (!module.resolverFunction) throw new InvocationFailure(`Module "${module.key}" declares no resolver`);
    if (Buffer.byteLength(JSON.stringify(payload ?? {})) > MAX_PAYLOAD_BYTES) throw new InvocationFailure('Request payload exceeds 500 KB');
    const accountId = accountIdOf(principal);
    const context = {
      ...(accountId ? { accountId } : {}),
      accountType: accountTypeOf(principal),
      cloudId: this.identity.cloudId,
      siteUrl: this.identity.siteUrl,
      moduleKey: module.key,
      localId: frame.localId,
      extension: frame.extension,
      environmentId: this.identity.environmentId,
      environmentType: 'DEVELOPMENT',
      locale: 'en-US',
      timezone: 'UTC',
    };
    const backend = { principal: accountId ? { accountId } : undefined, installContext: this.installContext, license: undefined };
    const result = await this.run({ kind: 'resolver', functionKey: module.resolverFunction, call, moduleKey: module.key, payload, principal },
      [{ call: { functionKey: call, payload }, context }, backend]);
    if (Buffer.byteLength(JSON.stringify(result ?? null)) > MAX_RESPONSE_BYTES) throw new InvocationFailure('Response exceeds 5 MB');
    return result;
  }

  /** Whether Confluence would show this module on a content page to this viewer (its display conditions). */
  shows(module: UiModule, principal: Principal, contentId: string | null): boolean {
    const read = this.options.contentProperty;
    return displayConditionHolds(module.displayConditions, contentId, (id, key) => read !== undefined && read(principal, id, key) !== undefined);
  }

  /** A byline item's `dynamicProperties` function: `(payload, context)`. */
  async bylineProperties(principal: Principal, module: UiModule, extension: Record<string, unknown>, localId: string): Promise<unknown> {
    // `contentPropertyKey`: Confluence renders title, icon and tooltip from the content property, read
    // with the reader's own rights, "instead of executing the dynamicProperties function" (Forge's
    // manifest reference, confluence:contentBylineItem). What it does when the property is absent is
    // not documented; this host then calls dynamicProperties, the app's fallback.
    const contentId = contentIdOf(extension);
    if (module.contentPropertyKey && contentId && this.options.contentProperty) {
      const shown = bylineValue(this.options.contentProperty(principal, contentId, module.contentPropertyKey));
      if (shown) {
        this.propertyRenders.set(module.key, (this.propertyRenders.get(module.key) ?? 0) + 1);
        return shown;
      }
    }
    if (!module.dynamicPropertiesFunction) return { title: module.title };
    const accountId = accountIdOf(principal);
    const payload = { cloudId: this.identity.cloudId, localId, extension };
    const context = { principal: accountId ? { accountId } : undefined, installContext: this.installContext };
    return this.run({ kind: 'dynamicProperties', functionKey: module.dynamicPropertiesFunction, moduleKey: module.key, principal }, [payload, context]);
  }

  /** Delivers a product event to every trigger subscribed to its type; honours InvocationError retries. */
  async deliverEvent(event: { eventType: string } & Record<string, unknown>): Promise<number> {
    if (this.eventGate && !this.eventGate(event)) {
      this.withheldEvents += 1;
      return 0;
    }
    const triggers = this.manifest.triggers.filter((t) => t.events.includes(event.eventType));
    await Promise.all(triggers.map((trigger) => this.runTrigger(trigger.key, trigger.functionKey, event, 0)));
    return triggers.length;
  }

  /** A web trigger: Forge's request object in, `{statusCode, headers, body}` out. */
  async runWebTrigger(moduleKey: string, request: WebTriggerRequest): Promise<WebTriggerResponse> {
    const trigger = this.manifest.webTriggers.find((t) => t.key === moduleKey);
    if (!trigger) return { statusCode: 404, headers: {}, body: `No web trigger ${moduleKey}` };
    const context = { installContext: this.installContext, moduleKey, cloudId: this.identity.cloudId };
    const result = await this.run({ kind: 'webtrigger', functionKey: trigger.functionKey, moduleKey, principal: null }, [{ ...request, context: { cloudId: this.identity.cloudId, moduleKey } }, context]);
    if (trigger.outputs) return staticResponse(moduleKey, trigger.outputs, result);
    const parsed = webTriggerResponse.safeParse(result);
    if (!parsed.success) {
      console.error(`local host: web trigger ${moduleKey} returned something Forge would reject:`, result);
      return { statusCode: 500, headers: {}, body: 'The web trigger returned an invalid response' };
    }
    return parsed.data;
  }

  /** A scheduled trigger's run, stopped at its function's `timeoutSeconds` (55 s without one). */
  runScheduled(moduleKey: string): Promise<unknown> {
    const trigger = this.manifest.scheduledTriggers?.find((t) => t.key === moduleKey);
    if (!trigger) throw new InvocationFailure(`No scheduled trigger "${moduleKey}" in manifest.yml`);
    return this.run({ kind: 'scheduled', functionKey: trigger.functionKey, moduleKey, principal: null }, [{ context: { cloudId: this.identity.cloudId, moduleKey } }, { installContext: this.installContext }]);
  }

  /** Tests: a different scale for the invocations that start from now on (see `limitScale`). */
  setLimitScale(scale: number): void {
    this.options.limitScale = scale;
  }

  /** The time limit of one invocation of this kind (scaled by `limitScale`). */
  limitMs(kind: string, functionKey: string): number {
    const timeout = this.manifest.functionTimeouts?.get(functionKey);
    const base = kind === 'scheduled' ? (timeout ?? 55) * 1000 : FORGE_TIME_LIMITS_MS[kind as keyof typeof FORGE_TIME_LIMITS_MS] ?? FORGE_TIME_LIMITS_MS.resolver;
    return base * (this.options.limitScale ?? 1);
  }

  /** Any manifest function with raw arguments (developer endpoint). */
  runDirect(functionKey: string, args: unknown[], principal: Principal | null): Promise<unknown> {
    return this.run({ kind: 'direct', functionKey, principal }, args);
  }

  private async runTrigger(moduleKey: string, functionKey: string, event: unknown, attempt: number): Promise<void> {
    const context = { installContext: this.installContext, moduleKey, ...(attempt > 0 ? { retryContext: { retryCount: attempt } } : {}) };
    const result = await this.run({ kind: 'trigger', functionKey, moduleKey, principal: null }, [event, context]).catch(() => undefined);
    const retryAfter = retryRequest(result);
    if (retryAfter === null) return;
    if (attempt >= MAX_TRIGGER_RETRIES) {
      console.error(`local host: trigger ${moduleKey} asked for a retry after its last attempt; the event is dropped, as Forge would`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 * this.options.retryDelayScale));
    await this.runTrigger(moduleKey, functionKey, event, attempt + 1);
  }

  private async run(meta: Omit<InvocationRecord, 'at' | 'durationMs' | 'outcome' | 'principal'> & { principal: Principal | null }, args: unknown[]): Promise<unknown> {
    const handler = this.functions.get(meta.functionKey);
    const started = Date.now();
    const record = (outcome: InvocationRecord['outcome'], extra: Partial<InvocationRecord>): void => this.log.add({
      ...meta, principal: meta.principal === null ? 'none' : accountIdOf(meta.principal) ?? 'anonymous',
      at: started, durationMs: Date.now() - started, outcome, ...extra,
    });
    const limit = this.limitMs(meta.kind, meta.functionKey);
    try {
      // Past its deadline the invocation is stopped: its answer is an error, and every further KVS or
      // Confluence call it still makes fails (see stopped-invocations.ts), as if Forge had ended it.
      const result = await runInvocation(
        { functionKey: meta.functionKey, moduleKey: meta.moduleKey, principal: meta.principal, deadline: started + limit },
        () => withTimeout(Promise.resolve().then(() => handler(...args)), limit, meta.functionKey),
      );
      // Forge serialises what a function returns: functions, undefined fields and class identity are lost.
      const sanitized = result === undefined ? undefined : JSON.parse(JSON.stringify(result)) as unknown;
      record(retryRequest(sanitized) === null ? 'ok' : 'retry', { result: sanitized });
      return sanitized;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      record('error', { error: message });
      console.error(`local host: function ${meta.functionKey}${meta.call ? ` (${meta.call})` : ''} failed:`, error);
      throw new InvocationFailure(`There was an error invoking the function - ${message}`);
    }
  }
}

/** `new InvocationError(...)` from @forge/events serialises to `{ _retry: true, retryOptions: { retryAfter } }`. */
function retryRequest(result: unknown): number | null {
  if (typeof result !== 'object' || result === null || !('_retry' in result) || result._retry !== true) return null;
  const options = 'retryOptions' in result ? result.retryOptions : undefined;
  const after = typeof options === 'object' && options !== null && 'retryAfter' in options ? Number(options.retryAfter) : 1;
  return Number.isFinite(after) && after > 0 ? Math.min(after, 900) : 1;
}

function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Function ${name} was stopped: it ran past its time limit of ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const staticChoice = z.object({ outputKey: z.string() }).strict();

/**
 * A static web trigger (Runs on Atlassian): the function returns only `{outputKey}` and the answer is
 * that configured output. Anything else (a body of its own, an unknown key) is what Forge refuses.
 */
function staticResponse(moduleKey: string, outputs: ReadonlyArray<{ key: string; statusCode: number; contentType?: string; body?: string }>, result: unknown): WebTriggerResponse {
  const choice = staticChoice.safeParse(result);
  const output = choice.success ? outputs.find((o) => o.key === choice.data.outputKey) : undefined;
  if (!output) {
    console.error(`local host: static web trigger ${moduleKey} must return {outputKey} naming a configured output; got`, result);
    return { statusCode: 500, headers: {}, body: 'The web trigger returned an invalid response' };
  }
  return { statusCode: output.statusCode, headers: output.contentType ? { 'Content-Type': [output.contentType] } : {}, body: output.body ?? '' };
}
