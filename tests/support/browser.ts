/**
 * Headless Debian Chromium driven by playwright-core (never a downloaded browser). The flags keep
 * it from reaching out to Google's services, which this machine's closed network refuses.
 */
import { chromium, type Browser } from 'playwright-core';
import { ensureDebianPackage } from './apt';

const CHROMIUM = '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  await ensureDebianPackage(CHROMIUM, 'chromium');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
