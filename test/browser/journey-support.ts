/**
 * What the long browser journeys share: one logged-in browser context per account, and form
 * fields found by their visible label (with or without " (niet verplicht)").
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { login, newContext } from '../support/browser.ts';
import { escapeRegExp } from './screens-support.ts';

/** One browser context per account: each logs in once, through the login page, and keeps its session. */
export class Sessions {
  private readonly byUser = new Map<string, { context: BrowserContext; page: Page }>();

  constructor(
    private readonly browser: () => Browser,
    private readonly baseUrl: () => string,
  ) {}

  /** The account's page: logged in on first use, opened on `path` (their home when absent). */
  async pageAs(username: string, path?: string): Promise<Page> {
    let session = this.byUser.get(username);
    if (!session) {
      const context = await newContext(this.browser(), this.baseUrl());
      session = { context, page: await context.newPage() };
      this.byUser.set(username, session);
      await login(session.page, username);
      if (path) await session.page.goto(path);
    } else {
      await session.page.goto(path ?? '/');
    }
    return session.page;
  }

  async closeAll(): Promise<void> {
    for (const { context } of this.byUser.values()) await context.close();
    this.byUser.clear();
  }
}

/** A field's accessible name: its label, with " (niet verplicht)" for optional fields. */
export const label = (text: string) => new RegExp(`^${escapeRegExp(text)}( \\(niet verplicht\\))?$`);
export const field = (scope: Page | Locator, text: string) => scope.getByLabel(label(text));
/** A radio or checkbox group (fieldset with legend). */
export const group = (scope: Page | Locator, name: string) => scope.getByRole('group', { name: label(name) });
/** The option with this label in a radio group. */
export const choose = (scope: Page | Locator, g: string, option: string) => group(scope, g).getByRole('radio', { name: option, exact: true }).check();
export const tick = (scope: Page | Locator, name: string) => scope.getByRole('checkbox', { name: label(name) }).check();
