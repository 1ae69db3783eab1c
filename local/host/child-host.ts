import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface ChildHost {
  url: string;
  /** Wall-clock milliseconds from spawn to the ready line. */
  startupMs: number;
  output(): string;
  stop(): Promise<void>;
}

export interface ChildHostOptions {
  dataDir: string;
  demoSize?: 'small' | 'default';
  reset?: boolean;
  extraArgs?: string[];
  timeoutMs?: number;
}

const ROOT = path.resolve(__dirname, '..', '..');
const READY = /Local Confluence ready at (http:\/\/127\.0\.0\.1:\d+)/;

/**
 * Runs `tsx local/start.ts` as a child process on a free port, exactly as `npm start` does, and
 * resolves with its address once it prints the ready line. Used by the e2e tests and the benchmark.
 */
export function startChildHost(options: ChildHostOptions): Promise<ChildHost> {
  const args = [
    path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
    path.join(ROOT, 'local', 'start.ts'),
    '--port', '0',
    '--data-dir', options.dataDir,
    '--demo-size', options.demoSize ?? 'small',
    ...(options.reset ? ['--reset'] : []),
    ...(options.extraArgs ?? []),
  ];
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The local host did not get ready in ${options.timeoutMs ?? 120_000} ms:\n${output}`));
    }, options.timeoutMs ?? 120_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = output.match(READY);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, startupMs: Date.now() - started, output: () => output, stop: () => stopChild(child) });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The local host exited with code ${code} before it was ready:\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
