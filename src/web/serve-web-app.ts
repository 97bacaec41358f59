/**
 * Serves the built web app (web/dist) at `/` from the same service: hashed assets with a long cache, index.html
 * for every other page a browser asks for (client-side routes such as /cases/…), and nothing under /api.
 * Requests that do not want HTML (API clients, curl without Accept) still get the JSON 404 of configureApp.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { projectRoot } from '../core/paths';

/** WEB_DIST overrides where the built app is (default: <project>/web/dist). */
export function webDistDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.WEB_DIST?.trim() || join(projectRoot(), 'web', 'dist');
}

/** Install the static files and the SPA fallback; returns false (and installs nothing) when the app is not built. */
export function serveWebApp(app: NestExpressApplication, apiPrefix: string, dir: string = webDistDir()): boolean {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) return false;
  const isApi = (path: string) => path === `/${apiPrefix}` || path.startsWith(`/${apiPrefix}/`);
  const index = readFileSync(indexFile);
  app.useStaticAssets(dir, {
    index: false,
    setHeaders: (res: Response, path: string) => {
      // vite names assets by content hash: cache them for good; the font is regenerated with the same name
      if (/[\\/]assets[\\/]/.test(path)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      else res.setHeader('Cache-Control', 'no-cache');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req.path) || !req.accepts('html') || !/text\/html/.test(req.headers.accept ?? '')) return next();
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(req.method === 'HEAD' ? undefined : index);
  });
  return true;
}
