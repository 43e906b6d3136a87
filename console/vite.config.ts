import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the service at / (same origin as /graphql), so the build uses absolute /assets/ URLs.
// `npm run dev -w console` proxies the API to a service on PORT (3000 by default).
export default defineConfig({
  plugins: [react()],
  base: '/',
  // The root package keeps React 18 for GraphiQL; the console's React 19 (console/node_modules) must be the only
  // copy in the bundle, also for libraries hoisted to the root (wouter, TanStack Query).
  resolve: { dedupe: ['react', 'react-dom'] },
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
