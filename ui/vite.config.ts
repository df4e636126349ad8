import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The Utrecht React bundle is one big module that sets `X.displayName = 'X'` on
 * every component at top level. Rollup must keep those writes (they might have
 * side effects), and with them every component: ~190 kB of unused code on the
 * first screen. Display names only help React DevTools, so drop them in builds.
 */
function treeShakeUtrecht(): Plugin {
  return {
    name: 'regie:tree-shake-utrecht',
    apply: 'build',
    transform(code, id) {
      if (!/@utrecht\/[^/]+-react\/dist\/index\.mjs$/.test(id)) return null;
      return { code: code.replace(/^[A-Za-z_$][\w$]*\.displayName = (['"])[^'"]*\1;$/gm, ''), map: null };
    },
  };
}

/**
 * The UI is a static bundle served by the Regie server (with SPA fallback to
 * index.html). During UI development `npx vite --config ui/vite.config.ts`
 * proxies /api to a running server (REGIE_API, default http://127.0.0.1:3000).
 */
const config = {
  root,
  base: '/',
  plugins: [react(), treeShakeUtrecht()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Heavy editors (bpmn-js, form editor) are lazy routes; warn if the first screen grows.
    chunkSizeWarningLimit: 300,
    sourcemap: true,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: process.env.REGIE_API ?? 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
} satisfies UserConfig;

export default defineConfig(({ command }) => {
  // A build is always a production build, even when started from a test run
  // (vitest sets NODE_ENV=test, which would make Vite bundle React's dev build).
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config;
});
