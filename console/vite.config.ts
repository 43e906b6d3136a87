import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the service at / (same origin as /graphql), so the build uses absolute /assets/ URLs.
// `npm run dev -w console` proxies the API to a service on PORT (3000 by default).
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    target: 'es2022',
    // Nothing inlined as data: URLs or inline scripts: the CSP allows scripts and styles from /assets only.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 300,
  },
  server: {
    proxy: Object.fromEntries(
      ['/graphql', '/exports', '/health'].map((path) => [path, `http://localhost:${process.env.PORT ?? 3000}`]),
    ),
  },
});
