import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { apiError } from '../common/errors';
import type { AuthUser } from './auth-user';

export const LOGIN_PATH = '/api/auth/login';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Which requests each named limit counts (see AuthModule): login attempts, and writes. */
export function isLoginRequest(req: Request): boolean {
  return req.method === 'POST' && req.path === LOGIN_PATH;
}

export function isWriteRequest(req: Request): boolean {
  return !SAFE_METHODS.has(req.method) && !isLoginRequest(req);
}

/**
 * @nestjs/throttler with the API's error shape: 429 RATE_LIMITED and Retry-After. Writes are counted per user
 * (per address before login); login attempts per address (the per-account lockout is separate, in AuthService).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, any>): Promise<string> {
    const user = (req as { user?: AuthUser }).user;
    if (user?.id && !isLoginRequest(req as Request)) return `user:${user.id}`;
    return `ip:${(req as Request).ip ?? 'unknown'}`;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire ?? detail.timeToExpire ?? 1));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    throw apiError(429, 'RATE_LIMITED', `请求过于频繁，请 ${seconds} 秒后再试`);
  }
}
