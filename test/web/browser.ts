/**
 * Headless Chromium for the web tests: the binary shipped inside @sparticuz/chromium (installed from the npm
 * registry, nothing downloaded), driven by playwright-core. CHROMIUM_PATH overrides it (e.g. Debian's
 * /usr/bin/chromium on CI machines that prefer the system package).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser, Page } from 'playwright-core';
import { chromium as playwright } from 'playwright-core';
import { webDistDir } from '../../src/web/serve-web-app';
import { createTestApp, type TestAppOptions } from '../support/create-test-app';

export async function launchBrowser(): Promise<Browser> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sparticuz = require('@sparticuz/chromium') as { default?: { executablePath(): Promise<string>; args: string[] }; executablePath(): Promise<string>; args: string[] };
  const chromium = sparticuz.default ?? sparticuz;
  const executablePath = process.env.CHROMIUM_PATH?.trim() || (await chromium.executablePath());
  return playwright.launch({ executablePath, headless: true, args: [...chromium.args, '--disable-background-networking'] });
}

/**
 * Characters of the page's visible text that render as the same glyph as a character no font has (a "tofu" box
 * or blank): each distinct CJK character is drawn on a canvas with the page's own font stack and its pixels are
 * compared with those of U+E000 (private use, in no font). An empty list means every character has a real glyph.
 */
export async function tofuCharacters(page: Page): Promise<{ checked: number; tofu: string[] }> {
  await page.evaluate('document.fonts.ready');
  // runs in the page (a string, so this Node-side file needs no DOM typings)
  return page.evaluate<{ checked: number; tofu: string[] }>(`(() => {
    const text = document.body.innerText;
    const chars = [...new Set([...text].filter((c) => c !== '\\u3000' && /[\\u3001-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]/.test(c)))];
    const family = getComputedStyle(document.body).fontFamily;
    const canvas = document.createElement('canvas');
    canvas.width = 40;
    canvas.height = 40;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    const draw = (c) => {
      ctx.clearRect(0, 0, 40, 40);
      ctx.font = '28px ' + family;
      ctx.fillStyle = '#000';
      ctx.fillText(c, 4, 32);
      return Array.from(ctx.getImageData(0, 0, 40, 40).data).join(',');
    };
    const missing = draw('\\ue000');
    return { checked: chars.length, tofu: chars.filter((c) => draw(c) === missing) };
  })()`);
}

/**
 * Screenshot a screen into `artifactsDir` once the network is idle, and check its text for tofu: every CJK
 * character on the page must be drawn by a real font (and there must be text to check).
 */
export async function checkedScreenshot(page: Page, artifactsDir: string, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: options.fullPage ?? false });
  const { checked, tofu } = await tofuCharacters(page);
  expect({ screen: name, tofu }).toEqual({ screen: name, tofu: [] });
  expect(checked).toBeGreaterThan(10);
}

/** The real service on a random loopback port, serving the built web app (fails early when web/dist is missing). */
export async function startWebApp(artifactsDir: string, options: TestAppOptions = {}): Promise<{ app: NestExpressApplication; base: string }> {
  if (!existsSync(join(webDistDir(), 'index.html'))) throw new Error('web/dist is not built: run `npm run build:web` (npm test does)');
  mkdirSync(artifactsDir, { recursive: true });
  const app = await createTestApp(options);
  await app.listen(0, '127.0.0.1');
  return { app, base: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}
