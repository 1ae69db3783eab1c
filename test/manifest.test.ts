import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// @forge/manifest ships CommonJS without types for validate(); its result shape is checked below.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validate } = require('@forge/manifest') as { validate: (skipLint: boolean, path: string) => Promise<unknown> };
import * as handlers from '../src';

const root = join(__dirname, '..');

interface ValidationResult { success: boolean; errors?: Array<{ message: string; line?: number; column?: number }>; manifestObject?: { yamlContent?: { modules?: { function?: Array<{ key: string; handler: string }> } } } }

describe('manifest.yml', () => {
  let result: ValidationResult;
  beforeAll(async () => {
    process.chdir(root);
    result = (await validate(false, join(root, 'manifest.yml'))) as ValidationResult;
  });

  it('passes Forge\'s own offline validation without errors', () => {
    const errors = (result.errors ?? []).map((e) => `${e.line ?? '?'}:${e.column ?? '?'} ${e.message}`);
    expect(errors).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('names only handlers that src/index.ts exports', () => {
    const functions = result.manifestObject?.yamlContent?.modules?.function ?? [];
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) {
      const [file, name] = fn.handler.split('.');
      expect(file).toBe('index');
      expect(typeof (handlers as Record<string, unknown>)[name!]).toBe('function');
    }
  });

  it('points every resource at a built folder with an index.html', () => {
    const manifest = readFileSync(join(root, 'manifest.yml'), 'utf8');
    const paths = [...manifest.matchAll(/^\s+path:\s*(\S+)/gm)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThanOrEqual(5);
    for (const path of paths) expect(existsSync(join(root, path, 'index.html'))).toBe(true);
  });

  it('runs on a supported Node runtime', () => {
    expect(readFileSync(join(root, 'manifest.yml'), 'utf8')).toMatch(/name:\s*nodejs(22|24)\.x/);
  });

  it('declares only static web triggers with v2 URLs (a dynamic one makes the app ineligible for Runs on Atlassian)', () => {
    const webtriggers = (result.manifestObject?.yamlContent?.modules as { webtrigger?: Array<{ key: string; urlFormat?: string; response?: { type?: string; outputs?: Array<{ key: string; statusCode: number }> } }> } | undefined)?.webtrigger ?? [];
    expect(webtriggers.length).toBeGreaterThan(0);
    for (const trigger of webtriggers) {
      expect(trigger.urlFormat).toBe('v2');
      expect(trigger.response?.type).toBe('static');
      expect((trigger.response?.outputs ?? []).map((output) => output.key)).toEqual(expect.arrayContaining(['accepted', 'invalid', 'unauthorized', 'busy']));
    }
  });
});
