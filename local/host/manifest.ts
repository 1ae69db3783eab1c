import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The parts of manifest.yml the host acts on, read from @forge/manifest's own parse of the file after
 * it validated it (`validate(false, 'manifest.yml')`, the same check `forge lint` starts with).
 */
const resolverRef = z.object({ function: z.string() }).optional();
const uiModule = z.object({
  key: z.string(),
  title: z.string().optional(),
  resource: z.string(),
  resolver: resolverRef,
}).passthrough();

const entitySchema = z.object({
  name: z.string(),
  attributes: z.record(z.object({ type: z.enum(['string', 'integer', 'float', 'boolean', 'any']) })),
  indexes: z.array(z.union([z.string(), z.object({ name: z.string(), range: z.array(z.string()), partition: z.array(z.string()).optional() })])).optional(),
});

const manifestSchema = z.object({
  app: z.object({
    id: z.string(),
    storage: z.object({ entities: z.array(entitySchema).default([]) }).passthrough().optional(),
  }).passthrough(),
  modules: z.object({
    function: z.array(z.object({ key: z.string(), handler: z.string(), timeoutSeconds: z.number().optional() }).passthrough()).default([]),
    scheduledTrigger: z.array(z.object({ key: z.string(), function: z.string(), interval: z.string().optional() }).passthrough()).default([]),
    trigger: z.array(z.object({ key: z.string(), function: z.string(), events: z.array(z.string()) }).passthrough()).default([]),
    macro: z.array(uiModule.extend({ layout: z.string().optional(), config: z.unknown().optional() })).default([]),
    'confluence:contentBylineItem': z.array(uiModule.extend({
      tooltip: z.string().optional(),
      viewportSize: z.string().optional(),
      viewportContainer: z.enum(['modal', 'popup']).optional(),
      dynamicProperties: z.object({ function: z.string() }).optional(),
      contentPropertyKey: z.string().optional(),
    })).default([]),
    'confluence:contentProperty': z.array(z.object({
      key: z.string(),
      propertyKey: z.string(),
      values: z.array(z.object({ path: z.string(), type: z.enum(['number', 'string', 'text', 'user', 'date']), searchAlias: z.string() }).passthrough()),
    }).passthrough()).default([]),
    'confluence:globalSettings': z.array(uiModule).default([]),
    'confluence:globalPage': z.array(uiModule.extend({ route: z.string() })).default([]),
    'confluence:spacePage': z.array(uiModule.extend({ route: z.string() })).default([]),
    'confluence:backgroundScript': z.array(uiModule).default([]),
    webtrigger: z.array(z.object({
      key: z.string(),
      function: z.string(),
      response: z.object({
        type: z.enum(['static', 'dynamic']),
        outputs: z.array(z.object({ key: z.string(), statusCode: z.number(), contentType: z.string().optional(), body: z.string().optional() })).optional(),
      }).optional(),
    }).passthrough()).default([]),
  }).passthrough(),
  resources: z.array(z.object({ key: z.string(), path: z.string() })).default([]),
  permissions: z.object({
    scopes: z.array(z.string()).default([]),
    content: z.object({ styles: z.array(z.string()).default([]), scripts: z.array(z.string()).default([]) }).partial().optional(),
  }).passthrough().optional(),
}).passthrough();

export type ManifestDoc = z.infer<typeof manifestSchema>;

export type UiModuleType =
  | 'macro'
  | 'confluence:contentBylineItem'
  | 'confluence:globalSettings'
  | 'confluence:globalPage'
  | 'confluence:spacePage'
  | 'confluence:backgroundScript';

export interface UiModule {
  type: UiModuleType;
  key: string;
  title: string;
  resource: string;
  resolverFunction: string | undefined;
  route?: string;
  tooltip?: string;
  viewportSize?: string;
  viewportContainer?: 'modal' | 'popup';
  dynamicPropertiesFunction?: string;
  /** A byline's `contentPropertyKey`: Confluence renders its title from this content property, calling no function. */
  contentPropertyKey?: string;
  /** The module's `displayConditions` as written (evaluated by display-conditions.ts where the host shows the module). */
  displayConditions?: unknown;
  layout?: string;
  /** Macros with custom configuration (`config: {resource, title, viewportSize}`): the editor opens this resource. */
  configResource?: string;
  configTitle?: string;
  configViewportSize?: string;
}

export type EntityDefinition = z.infer<typeof entitySchema>;

export interface AppManifest {
  appId: string;
  /** `app.storage.entities`, for the KVS emulator. */
  entities: EntityDefinition[];
  /** function key → handler (`file.export`, relative to src/). */
  functions: Map<string, string>;
  /** function key → `timeoutSeconds` where the manifest sets one (scheduled and async-event functions). */
  functionTimeouts?: Map<string, number>;
  scheduledTriggers?: Array<{ key: string; functionKey: string; interval?: string }>;
  /** resource key → folder, relative to the project root. */
  resources: Map<string, string>;
  triggers: Array<{ key: string; functionKey: string; events: string[] }>;
  /** `outputs` only for static web triggers: the function picks one by key (see platform.runWebTrigger). */
  webTriggers: Array<{ key: string; functionKey: string; outputs?: Array<{ key: string; statusCode: number; contentType?: string; body?: string }> }>;
  uiModules: UiModule[];
  /** `confluence:contentProperty` modules: the property fields CQL may ask for. */
  contentProperties?: Array<{ propertyKey: string; values: Array<{ path: string; type: 'number' | 'string' | 'text' | 'user' | 'date'; searchAlias: string }> }>;
  /** `permissions.scopes`: what the local Confluence lets the app call. */
  scopes?: string[];
  /** `permissions.content`: what the Custom UI's Content-Security-Policy relaxes (e.g. `unsafe-inline` styles). */
  contentPermissions: { styles: string[]; scripts: string[] };
}

export class ManifestError extends Error {}

/**
 * Validates manifest.yml. The validator compiles a large JSON schema (about 5 s), so a successful
 * result is cached by content hash (and validator version) under node_modules/.cache: a byte-identical
 * manifest is not validated twice, even across data dirs. Any edit re-validates.
 */
export async function loadManifest(root: string): Promise<AppManifest> {
  const file = path.join(root, 'manifest.yml');
  const text = readFileSync(file, 'utf8');
  const validatorVersion = packageVersion(require.resolve('@forge/manifest'));
  const hash = createHash('sha256').update(validatorVersion).update('\0').update(text).digest('hex');
  const cacheDir = path.join(root, 'node_modules', '.cache', 'viewtracker-local');
  mkdirSync(cacheDir, { recursive: true });
  const cacheFile = path.join(cacheDir, 'manifest-validated.json');
  const cached = readCache(cacheFile, hash);
  const doc = cached ?? (await validate(root));
  if (!cached) {
    // Several hosts may start at once (the e2e files): write aside, then rename, so no reader sees half a file.
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ hash, doc }));
    renameSync(temporary, cacheFile);
  }
  const parsed = manifestSchema.safeParse(doc);
  if (!parsed.success) throw new ManifestError(`manifest.yml: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return toAppManifest(parsed.data);
}

async function validate(root: string): Promise<unknown> {
  // @forge/manifest resolves resource folders and handler files against the working directory.
  if (process.cwd() !== root) throw new ManifestError(`Run the host from the project root (${root}); the working directory is ${process.cwd()}`);
  const forgeManifest = require('@forge/manifest') as {
    validate(basic: boolean, file: string): Promise<{ success: boolean; errors?: Array<{ message: string; line?: number; column?: number }>; manifestObject?: { typedContent?: unknown } }>;
  };
  const result = await forgeManifest.validate(false, 'manifest.yml');
  if (!result.success) {
    const lines = (result.errors ?? []).map((e) => `  manifest.yml${e.line ? `:${e.line}:${e.column ?? 0}` : ''} ${e.message}`);
    throw new ManifestError(`manifest.yml is not valid:\n${lines.join('\n')}`);
  }
  return result.manifestObject?.typedContent;
}

/** The version of the package a resolved entry file belongs to (its `exports` hide package.json from require). */
function packageVersion(entry: string): string {
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name && pkg.version) return `${pkg.name}@${pkg.version}`;
    }
  }
  return 'unknown';
}

function readCache(cacheFile: string, hash: string): unknown {
  if (!existsSync(cacheFile)) return undefined;
  try {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { hash?: string; doc?: unknown };
    return cached.hash === hash ? cached.doc : undefined;
  } catch {
    return undefined;
  }
}

function toAppManifest(doc: ManifestDoc): AppManifest {
  const modules = doc.modules;
  const base = (type: UiModuleType, m: z.infer<typeof uiModule>): UiModule => ({
    type, key: m.key, title: m.title ?? m.key, resource: m.resource, resolverFunction: m.resolver?.function,
    ...((m as { displayConditions?: unknown }).displayConditions !== undefined ? { displayConditions: (m as { displayConditions?: unknown }).displayConditions } : {}),
  });
  const uiModules: UiModule[] = [
    ...modules.macro.map((m) => ({ ...base('macro', m), ...(m.layout ? { layout: m.layout } : {}), ...customConfig(m.config) })),
    ...modules['confluence:contentBylineItem'].map((m) => ({
      ...base('confluence:contentBylineItem', m),
      ...(m.tooltip ? { tooltip: m.tooltip } : {}),
      ...(m.viewportSize ? { viewportSize: m.viewportSize } : {}),
      viewportContainer: m.viewportContainer ?? 'popup',
      ...(m.dynamicProperties ? { dynamicPropertiesFunction: m.dynamicProperties.function } : {}),
      ...(m.contentPropertyKey ? { contentPropertyKey: m.contentPropertyKey } : {}),
    })),
    ...modules['confluence:globalSettings'].map((m) => base('confluence:globalSettings', m)),
    ...modules['confluence:globalPage'].map((m) => ({ ...base('confluence:globalPage', m), route: m.route })),
    ...modules['confluence:spacePage'].map((m) => ({ ...base('confluence:spacePage', m), route: m.route })),
    ...modules['confluence:backgroundScript'].map((m) => base('confluence:backgroundScript', m)),
  ];
  return {
    appId: doc.app.id,
    entities: doc.app.storage?.entities ?? [],
    functions: new Map(modules.function.map((f) => [f.key, f.handler])),
    functionTimeouts: new Map(modules.function.flatMap((f) => (f.timeoutSeconds === undefined ? [] : [[f.key, f.timeoutSeconds] as const]))),
    scheduledTriggers: modules.scheduledTrigger.map((t) => ({ key: t.key, functionKey: t.function, ...(t.interval ? { interval: t.interval } : {}) })),
    resources: new Map(doc.resources.map((r) => [r.key, r.path])),
    triggers: modules.trigger.map((t) => ({ key: t.key, functionKey: t.function, events: t.events })),
    webTriggers: modules.webtrigger.map((t) => ({
      key: t.key, functionKey: t.function,
      ...(t.response?.type === 'static' ? { outputs: t.response.outputs ?? [] } : {}),
    })),
    uiModules,
    contentProperties: modules['confluence:contentProperty'].map((m) => ({ propertyKey: m.propertyKey, values: m.values.map((v) => ({ path: v.path, type: v.type, searchAlias: v.searchAlias })) })),
    scopes: doc.permissions?.scopes ?? [],
    contentPermissions: { styles: doc.permissions?.content?.styles ?? [], scripts: doc.permissions?.content?.scripts ?? [] },
  };
}

/** Every module's resource folder must hold a built index.html: the host serves exactly what Forge would deploy. */
export function missingResourceBuilds(root: string, manifest: AppManifest): string[] {
  return [...manifest.resources.entries()]
    .filter(([, folder]) => !existsSync(path.join(root, folder, 'index.html')))
    .map(([key, folder]) => `${key} (${folder}/index.html)`);
}

const customConfig = (config: unknown): Pick<UiModule, 'configResource' | 'configTitle' | 'configViewportSize'> => {
  const parsed = z.object({ resource: z.string(), title: z.string().optional(), viewportSize: z.string().optional() }).passthrough().safeParse(config);
  if (!parsed.success) return {};
  return { configResource: parsed.data.resource, ...(parsed.data.title ? { configTitle: parsed.data.title } : {}), ...(parsed.data.viewportSize ? { configViewportSize: parsed.data.viewportSize } : {}) };
};
