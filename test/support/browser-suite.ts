import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { StartOptions } from '../../server/start.ts';
import { ensureUiBuilt, launchBrowser, login, newContext } from './browser.ts';
import { startTestServer, type TestServer } from './server.ts';

/**
 * One Regie test server and one Chromium for a browser test file: started before its tests,
 * closed after them together with every context a test opened through `context()` or `pageAs()`.
 */
export function browserSuite(serverOptions: Partial<StartOptions> = {}) {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    await ensureUiBuilt();
    [server, browser] = await Promise.all([startTestServer(serverOptions), launchBrowser()]);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  const suite = {
    get server(): TestServer {
      return server!;
    },
    /** A fresh context (own cookie jar) on the server. */
    async context(): Promise<BrowserContext> {
      const context = await newContext(browser!, server!.url);
      contexts.push(context);
      return context;
    },
    /** A page in a fresh context, logged in as this user. */
    async pageAs(username: string): Promise<Page> {
      const page = await (await suite.context()).newPage();
      await login(page, username);
      return page;
    },
  };
  return suite;
}
