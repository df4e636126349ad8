import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/http.ts';

/** Runs `npm start`'s command as a real process: what a user on a fresh machine gets. */
function startProcess(env: Record<string, string>) {
  // As `npm start` runs it: tsx as a loader in the same process, so SIGTERM reaches Regie itself
  // (the tsx CLI relays signals and SIGKILLs a child that is busy for more than 30 ms).
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url, exited, output: () => output };
}

let running: ChildProcess | undefined;
const dirs: string[] = [];
const drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  running?.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  for (const drop of drops.splice(0)) await drop();
});

describe('the server process', () => {
  it('starts on an empty data dir, seeds the demo, answers /api/health within 30 s and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'regie-proc-'));
    dirs.push(dataDir);
    const env: Record<string, string> = { DATA_DIR: dataDir };
    if (process.env.DATABASE_URL) {
      // The process test owns a fresh database on PostgreSQL as well.
      const { createTestDatabase } = await import('../support/db.ts');
      const t = await createTestDatabase({ migrate: false });
      await t.close();
      env.DATABASE_URL = t.databaseUrl!;
      drops.push(() => t.drop());
    }
    const started = Date.now();
    const p = startProcess(env);
    running = p.child;
    const url = await p.url;
    let health: Response | undefined;
    while (Date.now() - started < 30_000) {
      health = await fetch(`${url}/api/health`).catch(() => undefined);
      if (health?.status === 200) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(health?.status).toBe(200);
    expect((await ApiClient.as(url, 'klantmanager.almere')).csrfToken).toBeTruthy();

    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.output()).toContain('afsluiten');
    if (!process.env.DATABASE_URL) {
      // better-sqlite3 checkpoints and removes the WAL when the database is closed properly.
      expect(existsSync(path.join(dataDir, 'regie.sqlite'))).toBe(true);
      expect(existsSync(path.join(dataDir, 'regie.sqlite-wal'))).toBe(false);
    }
  });

  it('refuses to start in production without SESSION_SECRET, with a Dutch message', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'regie-proc-'));
    dirs.push(dataDir);
    const p = startProcess({ DATA_DIR: dataDir, NODE_ENV: 'production' });
    running = p.child;
    await expect(p.url).rejects.toThrow(/SESSION_SECRET/);
    expect(await p.exited).not.toBe(0);
  });
});
