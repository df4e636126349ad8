import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const UI_DIST = path.join(ROOT, 'ui', 'dist');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The UI needs a (re)build when ui/dist is missing or older than any UI source or form file. */
export function uiNeedsBuild(): boolean {
  const index = path.join(UI_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = ['ui/src', 'ui/index.html', 'ui/vite.config.ts', 'forms']
    .map((p) => path.join(ROOT, p))
    .filter(existsSync)
    .map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs));
  return sources.some((m) => m > built);
}

/** Builds in a child process so the API (and /api/health) answers while Vite works. */
export function buildUi(logger: Logger): Promise<void> {
  return new Promise((resolve, reject) => {
    const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const child = spawn(process.execPath, [vite, 'build', '--config', 'ui/vite.config.ts', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    logger.info('UI wordt gebouwd (eenmalig na installatie of wijziging)');
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build eindigde met code ${code}`))));
  });
}
