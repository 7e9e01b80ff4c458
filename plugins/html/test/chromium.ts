// Test helper: Debian's Chromium driven by playwright-core, headless, with its profile
// and temporary files in one folder that is removed on close. When Chromium is missing
// it throws an error naming the install command: browser tests never pass by skipping.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Where Debian installs Chromium. */
export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A running browser and a way to stop it. */
export interface Browser {
  context: BrowserContext;
  /** A new page at the given viewport width (height 900). */
  page(width: number): Promise<Page>;
  close(): Promise<void>;
}

/** Starts Chromium; throws with the install command when the executable is missing. */
export async function launchChromium(executablePath = CHROMIUM): Promise<Browser> {
  if (!existsSync(executablePath))
    throw new Error(
      `Chromium not found at ${executablePath}: the HTML plugin's browser tests need it. ` +
        'Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) or run `pnpm run setup`.',
    );
  const dir = mkdtempSync(join(tmpdir(), 'kommunrapport-chromium-'));
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath,
    headless: true,
    args: ARGS,
    env: { ...process.env, TMPDIR: dir },
  });
  // No test page may reach the network.
  await context.route(/^(?!data:|about:)/, (route) => route.abort());
  return {
    context,
    async page(width) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      return page;
    },
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
