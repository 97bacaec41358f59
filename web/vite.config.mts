import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The web app's own build: `vite build --config web/vite.config.mts` → web/dist, served by the Nest service at `/`.
 * JSX is compiled by vite's built-in transform (automatic runtime). `npm run web:dev` proxies /api to :3000.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: 'public',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
    reportCompressedSize: false,
    rolldownOptions: {
      // antd marks its modules "use client" (React Server Components); meaningless in a client-only bundle
      onwarn(warning, defaultHandler) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        defaultHandler(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
