import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

const WAITING_PAGE = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">
<title>Regie wordt gestart</title></head><body><main><h1>Regie wordt gestart</h1>
<p>De schermen worden voor het eerst klaargezet. Deze pagina ververst vanzelf.</p></main></body></html>`;

/** Serves the built React app with a fallback to index.html for client-side routes. */
export function uiRouter(distDir: string, state: () => 'ready' | 'building' | 'failed'): Router {
  const router = express.Router();
  router.use(express.static(distDir, { index: false, maxAge: '1h' }));
  router.get(/^(?!\/api\/).*/, (_req, res) => {
    const index = path.join(distDir, 'index.html');
    if (state() === 'ready' && existsSync(index)) return res.sendFile(index, { maxAge: 0 });
    res.status(503).setHeader('Retry-After', '3').type('html').send(WAITING_PAGE);
  });
  return router;
}
