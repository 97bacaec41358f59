import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { checkJsonValue, isValidUtf8 } from '../core/case-file/json-guard';
import type { ApiErrorBody } from './errors';

/** Body types the API reads: JSON everywhere, multipart only where a route takes an upload (multer). */
const ACCEPTED_BODY_TYPES = ['application/json', 'multipart/form-data'];

function send(res: Response, body: ApiErrorBody): void {
  res.status(body.statusCode).json(body);
}

function hasBody(req: Request): boolean {
  const length = req.get('content-length');
  return req.get('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
}

/**
 * 415 for a request under `prefix` that sends a body of another type — `text/plain`, a form, or no Content-Type
 * at all. Besides being wrong, those are exactly the bodies a page on another site can make a browser send
 * without asking (a "simple" cross-origin request).
 */
export function rejectUnsupportedBodies(prefix: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!(req.path === prefix || req.path.startsWith(prefix + '/'))) return next();
    const type = req.get('content-type');
    const accepted = type !== undefined && ACCEPTED_BODY_TYPES.includes(type.split(';')[0].trim().toLowerCase());
    if ((type !== undefined && !accepted) || (type === undefined && hasBody(req))) {
      return send(res, {
        statusCode: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: '请求体须为 JSON，并带有 Content-Type: application/json',
        errors: [],
      });
    }
    next();
  };
}

/** body-parser `verify`: refuse bytes that are not UTF-8 instead of silently replacing them with U+FFFD. */
export function verifyUtf8(req: IncomingMessage, _res: ServerResponse, buf: Buffer, encoding: string): void {
  if (encoding && !/^utf-?8$/i.test(encoding)) return;
  if (!isValidUtf8(buf)) {
    const err = new Error('request body is not valid UTF-8') as Error & { status: number; type: string };
    err.status = 400;
    err.type = 'entity.invalid.utf8';
    throw err;
  }
}

/** After the JSON parser: nesting deeper than MAX_JSON_DEPTH → 400 TOO_DEEP; a lone surrogate → 400 INVALID_UNICODE. */
export function jsonGuardMiddleware(req: Request, res: Response, next: NextFunction): void {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null) return next();
  const issue = checkJsonValue(body);
  if (!issue) return next();
  send(res, {
    statusCode: 400,
    code: issue.code,
    message: issue.code === 'TOO_DEEP' ? `请求体嵌套过深：${issue.message}` : `请求体含有无效的 Unicode 字符：${issue.path || '(根)'}`,
    errors: [issue],
  });
}
