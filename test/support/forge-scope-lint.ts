import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseSourceFile, PermissionLinter, tsParser, type LintInput } from '@forge/lint';

/**
 * `@forge/lint`'s own permission linter (the scope check `forge lint` and `forge deploy` run), offline:
 * it reads Atlassian's API descriptions vendored in `vendor/confluence-openapi/` instead of fetching
 * them (`USE_LOCAL_SWAGGER`, see vendor/confluence-openapi/README.md). Jira, JSM, JSW and Bitbucket get
 * a description with no paths: the app calls none of them.
 */

export const root = join(__dirname, '..', '..');
const vendor = join(root, 'vendor', 'confluence-openapi');

export interface ScopeFinding {
  /** Relative to the project root, e.g. `src/platform/confluence/spaces.ts`. */
  file: string;
  line: number;
  column: number;
  message: string;
  /** The scope the manifest lacks for this call. */
  missingScope: string;
}

function useVendoredDescriptions(): void {
  const noPaths = join(vendor, 'no-paths.json');
  process.env.USE_LOCAL_SWAGGER = '1';
  process.env.LOCAL_CONF_SWAGGER = join(vendor, 'confluence-v1.json');
  process.env.LOCAL_CONF_V2_SWAGGER = join(vendor, 'confluence-v2.json');
  process.env.LOCAL_JIRA_SWAGGER = noPaths;
  process.env.LOCAL_JSM_SWAGGER = noPaths;
  process.env.LOCAL_JSW_SWAGGER = noPaths;
  process.env.LOCAL_BB_SWAGGER = noPaths;
}

/** Every .ts/.tsx file under `src/`, as `forge lint` sees the app's code. */
export function sourceFiles(folder = join(root, 'src')): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative(root, path)] : [];
  });
}

/** The manifest as YAML data; the linter reads only `permissions.scopes` of it. */
export function readManifest(): { permissions: { scopes: string[] } } & Record<string, unknown> {
  const parsed: unknown = parseYaml(readFileSync(join(root, 'manifest.yml'), 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new Error('manifest.yml is not a YAML mapping');
  const permissions = (parsed as { permissions?: { scopes?: unknown } }).permissions;
  if (!Array.isArray(permissions?.scopes) || !permissions.scopes.every((scope) => typeof scope === 'string')) throw new Error('manifest.yml has no permissions.scopes list');
  return { ...(parsed as Record<string, unknown>), permissions: { ...permissions, scopes: permissions.scopes } };
}

/**
 * Parses the files once with the linter's own parser (typescript-estree), so several manifests can be
 * linted against them cheaply. `forge lint` also builds a type-checked program from tsconfig.json; the
 * permission linter reads only the syntax tree, so the program is left out here (it takes a minute on
 * this project; `npm run typecheck` checks the types).
 */
export async function parseForLint(files: readonly string[]): Promise<LintInput[]> {
  // Without a program, typescript-estree would still build one per file to report semantic issues.
  const syntaxOnly: typeof tsParser = (code, filepath) => tsParser(code, join(root, filepath), { project: undefined, errorOnTypeScriptSyntacticAndSemanticIssues: false as true });
  return Promise.all(files.map(async (file) => ({ ...(await parseSourceFile(join(root, file), syntaxOnly)), filepath: file })));
}

/** Runs the permission linter over parsed files with a manifest whose scopes are `scopes`. */
export async function lintScopes(inputs: LintInput[], scopes: readonly string[]): Promise<ScopeFinding[]> {
  useVendoredDescriptions();
  const manifest = { ...readManifest(), permissions: { scopes: [...scopes] } };
  const silent = { info: () => undefined };
  // The linter's constructor takes Forge's typed manifest; it reads `permissions.scopes` only.
  const linter = new PermissionLinter('development', manifest as unknown as ConstructorParameters<typeof PermissionLinter>[1], silent);
  await linter.bootstrap();
  const results = await linter.batchExecute(inputs);
  return results.flatMap((result) => result.errors.map((error) => ({
    file: relative(root, join(root, result.file)),
    line: error.line,
    column: error.column,
    message: error.message,
    missingScope: String(error.metadata?.missingPermission ?? ''),
  })));
}
