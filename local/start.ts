/**
 * `npm start` → `tsx local/start.ts [--reset] [--port N] [--data-dir DIR] [--demo-size small|default]
 *   [--kvs-faults RATE|LIST] [--kvs-strict]`
 * Starts the local Confluence on 127.0.0.1 (PORT, default 4600) running the app from manifest.yml.
 */
import path from 'node:path';
import { startHost, StartupError } from './host/host';
import { isDemoSizeName, type DemoSizeName } from './demo/sizes';
import { faultOptionsOf, parseKvsFaultsFlag } from './host/kvs-faults';
import { CLOUD_STRICTNESS, type FaultOptions } from './kvs';
import { configuredLatency } from './host/stopped-invocations';
import { GROUP_REPORT_BUDGET } from '../src/reports/group-report';

export const DEFAULT_PORT = 4600;
export const READY_LINE = 'Local Confluence ready at';

interface CliOptions {
  reset: boolean;
  port: number;
  dataDir: string;
  demoSize: DemoSizeName;
  demoSeed?: number;
  demoEvents?: number;
  kvsFaults?: FaultOptions;
  kvsStrict: boolean;
}

function parseArgs(argv: string[], root: string): CliOptions {
  const options: CliOptions = {
    reset: false,
    port: process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT,
    dataDir: path.join(root, '.local'),
    demoSize: 'default',
    kvsStrict: false,
  };
  const envSize = process.env.LOCAL_DEMO_SIZE;
  if (envSize && isDemoSizeName(envSize)) options.demoSize = envSize;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = (): string => {
      const next = argv[i + 1];
      if (next === undefined) throw new StartupError(`${arg} needs a value`);
      i += 1;
      return next;
    };
    if (arg === '--reset') options.reset = true;
    else if (arg === '--port') options.port = Number(value());
    else if (arg === '--data-dir') options.dataDir = path.resolve(value());
    else if (arg === '--demo-size') {
      const size = value();
      if (!isDemoSizeName(size)) throw new StartupError(`--demo-size must be small or default, not ${size}`);
      options.demoSize = size;
    } else if (arg === '--demo-seed') options.demoSeed = Number(value());
    else if (arg === '--demo-events') options.demoEvents = Number(value());
    else if (arg === '--kvs-faults') {
      const setting = parseKvsFaultsFlag(value());
      if (typeof setting === 'string') throw new StartupError(setting);
      options.kvsFaults = faultOptionsOf(setting);
    } else if (arg === '--kvs-strict') options.kvsStrict = true;
    else if (arg === '--help') {
      console.log([
        'Usage: npm start -- [--reset] [--port N] [--data-dir DIR] [--demo-size small|default] [--demo-seed N] [--demo-events N]',
        '                    [--kvs-faults RATE | reject=R,reject-status=429|500,after-apply=R,after-apply-status=500|504] [--kvs-strict]',
        '  --kvs-faults 0.05   refuse 5 % of KVS requests (429) and fail 5 % of applied writes (timeout); see local/README.md',
        '  --kvs-strict        KVS emulator as strict as the Forge docs (CLOUD_STRICTNESS in local/kvs/strictness.ts)',
      ].join('\n'));
      process.exit(0);
    } else throw new StartupError(`Unknown option ${arg} (try --help)`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new StartupError(`Invalid port ${options.port}`);
  return options;
}

/**
 * LOCAL_GROUP_REPORT_BUDGET_MS: a shorter reading budget per call for the group-filtered report (15 s
 * on Forge), so that a small demo group is prepared over several calls (e2e of its progress).
 */
function configureGroupReportBudget(env: NodeJS.ProcessEnv = process.env): void {
  const value = Number(env.LOCAL_GROUP_REPORT_BUDGET_MS);
  if (env.LOCAL_GROUP_REPORT_BUDGET_MS !== undefined && Number.isFinite(value) && value >= 0) GROUP_REPORT_BUDGET.ms = value;
}

async function main(): Promise<void> {
  const started = Date.now();
  const root = path.resolve(__dirname, '..');
  process.chdir(root);
  const options = parseArgs(process.argv.slice(2), root);
  configureGroupReportBudget();
  const host = await startHost({
    root,
    dataDir: options.dataDir,
    port: options.port,
    reset: options.reset,
    ...(options.kvsFaults ? { kvsFaults: options.kvsFaults } : {}),
    ...(options.kvsStrict ? { kvsStrictness: CLOUD_STRICTNESS } : {}),
    // Each KVS and Confluence call takes time, as on Cloud (LOCAL_KVS_LATENCY_MS=0 LOCAL_CONFLUENCE_LATENCY_MS=0 for none).
    latency: configuredLatency(),
    demo: { size: options.demoSize, ...(options.demoSeed !== undefined ? { seed: options.demoSeed } : {}), ...(options.demoEvents !== undefined ? { events: options.demoEvents } : {}) },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n${READY_LINE} ${host.url}/wiki/home  (started in ${seconds} s; data in ${path.relative(root, options.dataDir) || '.'}; developer endpoints under ${host.url}/__local)\n`);
  const stop = (): void => {
    void host.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) {
    console.error(`\nCannot start the local Confluence:\n${error.message}\n`);
  } else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    console.error(`\nPort already in use. Stop the other process or choose another: PORT=4601 npm start\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
