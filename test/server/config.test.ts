import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';

const dataDir = () => mkdtempSync(path.join(os.tmpdir(), 'regie-cfg-'));

describe('configuration', () => {
  it('defaults to port 3000, SQLite in DATA_DIR and demo mode', () => {
    const c = loadConfig({ DATA_DIR: dataDir() });
    expect(c).toMatchObject({ port: 3000, databaseUrl: undefined, demo: true, production: false });
  });

  it('never runs demo accounts in production, even when REGIE_DEMO=1', () => {
    const c = loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production', REGIE_DEMO: '1', SESSION_SECRET: 'x'.repeat(32) });
    expect(c.demo).toBe(false);
    expect(c.secureCookies).toBe(true);
  });

  it('turns demo mode off with REGIE_DEMO=0', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), REGIE_DEMO: '0' }).demo).toBe(false);
  });

  it('keeps the generated session secret across restarts', () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(loadConfig({ DATA_DIR: dir }).sessionSecret);
  });

  it('explains a bad setting in Dutch', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/Ongeldige configuratie:\n {2}PORT/);
  });
});
