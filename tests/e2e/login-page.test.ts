/** The login page in a real browser: rendered, hydrated under the nonce CSP without violations. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TWeb } from '../support/web';
import { startWebApp } from '../support/web-app';

let web: TWeb;
let browser: Browser;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ web, browser, stop } = await startWebApp());
}, 600_000);

afterAll(() => stop?.());

describe('login page in Chromium', () => {
  it('renders in Dutch (title Inloggen) and runs its scripts without CSP violations', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on(
      'console',
      (m) =>
        m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(m.text()),
    );
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
    await page.goto(`${web.url}/`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await expect(page.getByRole('heading', { name: 'meldpost' }).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('E-mailadres').isVisible()).resolves.toBe(true);
    expect(await page.title()).toContain('Inloggen');
    // Hydrated: React attached its handlers (the form's submit is a client action).
    await page.waitForFunction(
      () =>
        document.querySelector('form') !== null &&
        Object.keys(document.querySelector('form')!).some((k) => k.startsWith('__react')),
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});
