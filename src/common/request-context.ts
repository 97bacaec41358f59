import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { AuthUser } from '../auth/auth-user';

/**
 * What the service knows about the request being handled: its id (X-Request-Id, echoed back) and, once the
 * global guard has authenticated it, the user. Services read it through {@link currentRequest} so that a case
 * read from any module (review, report, evaluation) is scoped to the user's agencies without every caller
 * passing the user along. Outside a request (start-up, CLI, background work started by the server itself)
 * there is no context and no user.
 */
export interface RequestContext {
  requestId: string;
  ip?: string;
  user?: AuthUser;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** Run `fn` with no request context (e.g. work on behalf of the system, not of the requesting user). */
export function outsideRequest<T>(fn: () => T): T {
  return storage.exit(fn);
}

/** Run `fn` inside a given context (tests, background jobs acting for a user). */
export function withRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

const REQUEST_ID_RE = /^[A-Za-z0-9._:-]{1,100}$/;

/** Express middleware: a fresh context per request; a well-formed incoming X-Request-Id is kept, else a uuid. */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.get('x-request-id');
  const requestId = incoming && REQUEST_ID_RE.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', requestId);
  storage.run({ requestId, ip: req.ip }, next);
}
