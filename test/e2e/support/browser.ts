import { chromium, type Browser } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Debian's Chromium (scripts/ensure-chromium.sh installs it), driven by playwright-core. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Screenshots land in test-artifacts/ (git-ignored), for people and CI to look at. */
export function artifactPath(name: string): string {
  const dir = path.resolve(__dirname, '..', '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}
