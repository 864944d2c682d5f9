/**
 * The setup most browser tests share: a fresh database (optionally seeded), the web app on it and
 * a headless Chromium; `stop` ends them in reverse order, also when a later one failed to start.
 *
 *   let t: TTestDb; let web: TWeb; let browser: Browser; let stop: () => Promise<void>;
 *   beforeAll(async () => {
 *     ({ t, web, browser, stop } = await startWebApp({ seed: async (db) => { … } }));
 *   }, 600_000);
 *   afterAll(() => stop?.());
 */
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { createTestDb, type TTestDb } from './db';
import { startWeb, type TWeb } from './web';

export type TWebApp = { t: TTestDb; web: TWeb; browser: Browser; stop: () => Promise<void> };

export async function startWebApp(
  opts: { env?: Record<string, string>; seed?: (t: TTestDb) => Promise<void> } = {},
): Promise<TWebApp> {
  const t = await createTestDb();
  const stops: (() => Promise<void>)[] = [() => t.drop()];
  const stop = async () => {
    while (stops.length) await stops.pop()!();
  };
  try {
    await opts.seed?.(t);
    const web = await startWeb({ databaseUrl: t.url, env: opts.env });
    stops.push(web.stop);
    const browser = await launchBrowser();
    stops.push(() => browser.close());
    return { t, web, browser, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
