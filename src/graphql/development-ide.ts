import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { projectRoot } from '../common/project-root.js';

/** The IDE's files, all served by this service (no CDN): GraphiQL 3 and React 18 prebuilt bundles. */
const BUNDLES: Record<string, [pkg: string, file: string, type: string]> = {
  'react.production.min.js': ['react', 'umd/react.production.min.js', 'text/javascript'],
  'react-dom.production.min.js': ['react-dom', 'umd/react-dom.production.min.js', 'text/javascript'],
  'graphiql.min.js': ['graphiql', 'graphiql.min.js', 'text/javascript'],
  'graphiql.min.css': ['graphiql', 'graphiql.min.css', 'text/css'],
};

/** Starts GraphiQL: requests go to /graphql as `application/json` POSTs (which CSRF prevention lets through). */
const START_SCRIPT = `'use strict';
var fetcher = GraphiQL.createFetcher({ url: new URL('graphql', document.baseURI).href });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: 'headers',
    defaultHeaders: '{\\n  "Authorization": "Bearer <jeton : npm run token -- votre@courriel>"\\n}',
    defaultQuery: '# Collez votre jeton dans l’onglet Headers ci-dessous, puis exécutez.\\n{\\n  me { fullName role regions { code name } }\\n}\\n',
  }),
);
`;

// URLs are relative, so the page works at /ide and /graphql, and behind a reverse proxy's path prefix.
const PAGE = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CRM immigration régionale — GraphiQL (développement)</title>
<link rel="stylesheet" href="ide/graphiql.min.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Chargement de GraphiQL…</div>
<script src="ide/react.production.min.js"></script>
<script src="ide/react-dom.production.min.js"></script>
<script src="ide/graphiql.min.js"></script>
<script src="ide/start.js"></script>
</body>
</html>
`;

/** Where each bundle is on disk, or undefined when the IDE's packages are not installed (`npm prune --omit=dev`). */
function bundlePaths(): Map<string, { path: string; type: string }> | undefined {
  const require = createRequire(join(projectRoot(), 'package.json'));
  try {
    return new Map(
      Object.entries(BUNDLES).map(([name, [pkg, file, type]]) => [
        name,
        { path: join(dirname(require.resolve(`${pkg}/package.json`)), file), type },
      ]),
    );
  } catch {
    return undefined;
  }
}

const path = (req: Request) => req.originalUrl.split('?')[0];

/**
 * GraphiQL for development: `GET /ide`, and `GET /graphql` from a browser (a request that prefers HTML). The
 * bundles come from node_modules (devDependencies). Not installed in production, where the service never calls this.
 */
export function developmentIde(): ((req: Request, res: Response, next: NextFunction) => void) | undefined {
  const bundles = bundlePaths();
  if (!bundles) return undefined;
  const page = (res: Response) => res.type('html').setHeader('Cache-Control', 'no-store').send(PAGE);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const url = path(req);
    if (url === '/graphql') {
      const preferred = req.accepts(['application/graphql-response+json', 'application/json', 'text/html']);
      return preferred === 'text/html' ? void page(res) : next();
    }
    if (url === '/ide') return void page(res);
    if (url === '/ide/') return res.redirect('../ide');
    const name = url.startsWith('/ide/') ? url.slice('/ide/'.length) : undefined;
    if (name === 'start.js') return void res.type('text/javascript').send(START_SCRIPT);
    const bundle = name === undefined ? undefined : bundles.get(name);
    if (!bundle) return next();
    res.type(bundle.type).sendFile(bundle.path, { maxAge: '1h' });
  };
}
