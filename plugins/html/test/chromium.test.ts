// The browser helper fails loudly when Chromium is missing instead of skipping.
import { describe, expect, test } from 'vitest';
import { launchChromium } from './chromium.js';

describe('launchChromium', () => {
  test('throws an error naming the install command when the executable is missing', async () => {
    await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow(/Chromium not found at \/nonexistent\/chromium.*sudo apt-get install -y chromium.*pnpm run setup/);
  });
});
