import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../config/app-config.js';
import { projectRoot } from '../common/project-root.js';

/** Paths the console never answers, whatever the Accept header says. */
const RESERVED = ['graphql', 'health', 'metrics', 'ide', 'exports'];

/** Hashed file names (Vite's `name-<hash>.js`): they never change, so browsers keep them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The Content-Security-Policy of the console: scripts, styles and requests from this origin only (no inline
 * script or style element, no eval), plus the OpenID Connect provider's origin for its discovery document and
 * token endpoint when one is configured.
 */
export function consoleContentSecurityPolicy(config: AppConfig): string {
  const provider = config.consoleSignIn.oidc ? ` ${new URL(config.consoleSignIn.oidc.authority).origin}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${provider}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * Serves the web console built in console/dist (`npm run build:console`): `/assets/*` with year-long immutable
 * caching, and `index.html` (revalidated each time) for the console's own routes, listed in console/routes.json,
 * so a reload or a shared link of `/entreprises/…` works. Any other path, and /graphql, /health, /metrics, /ide,
 * /exports always, go on to the rest of the service. Responses are compressed and carry a strict CSP.
 */
export function consoleSite(config: AppConfig, root = join(projectRoot(), 'console')) {
  const dist = join(root, 'dist');
  const built = existsSync(join(dist, 'index.html'));
  const routes = new Set<string>(JSON.parse(readFileSync(join(root, 'routes.json'), 'utf8')) as string[]);
  const csp = consoleContentSecurityPolicy(config);
  const compress = compression();

  const serve = (req: Request, res: Response, next: NextFunction) => {
    const segments = req.path.split('/').filter(Boolean);
    const first = segments[0] ?? '';
    const headers = {
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
    };
    if (first === 'assets' && segments.length === 2 && /^[\w.-]+$/.test(segments[1]!)) {
      if (!built) return next();
      return res.sendFile(segments[1]!, { root: join(dist, 'assets'), headers: { ...headers, 'Cache-Control': IMMUTABLE } }, (error) => {
        if (!error) return;
        if (res.headersSent) res.end();
        else res.status(404).type('text').send('Not found');
      });
    }
    if (segments.length === 1 && /^[\w-]+\.(svg|ico|png|txt|webmanifest)$/.test(first)) {
      if (!built || !existsSync(join(dist, first))) return next();
      return res.sendFile(first, { root: dist, headers: { ...headers, 'Cache-Control': 'no-cache' } });
    }
    if (!routes.has(first)) return next();
    if (!built) {
      return res
        .status(503)
        .type('text')
        .send('La console n’est pas construite : npm run build:console (npm start le fait). / The console is not built: npm run build:console.');
    }
    res.sendFile('index.html', { root: dist, headers: { ...headers, 'Cache-Control': 'no-cache' } });
  };

  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const first = req.path.split('/')[1] ?? '';
    if (RESERVED.includes(first)) return next();
    compress(req, res, () => serve(req, res, next));
  };
}
