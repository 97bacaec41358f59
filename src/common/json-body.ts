import type { Request } from 'express';
import { apiError } from './errors';

/** 415 unless the request carried a JSON body (Content-Type: application/json). */
export function requireJsonBody(req: Request): void {
  if (!req.is('application/json') || req.body === undefined) {
    throw apiError(415, 'UNSUPPORTED_MEDIA_TYPE', '请求体须为 JSON，并带有 Content-Type: application/json');
  }
}
