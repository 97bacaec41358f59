import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { apiError } from '../common/errors';
import { currentRequest } from '../common/request-context';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { AuthUser } from './auth-user';
import { AuthService, SESSION_COOKIE } from './auth.service';
import { IS_PUBLIC } from './public.decorator';
import { ROLE_LABELS, type Role } from './roles';
import { REQUIRED_ROLES } from './roles.decorator';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a browser origin (`https://host:port`) may write: the service's own host, or one of CORS_ORIGINS. */
export function originAllowed(origin: string, req: Request, allowlist: readonly string[]): boolean {
  if (allowlist.includes(origin)) return true;
  try {
    return new URL(origin).host === req.get('host');
  } catch {
    return false;
  }
}

function bearerToken(req: Request): string | undefined {
  const h = req.get('authorization');
  const m = h ? /^Bearer\s+(\S+)\s*$/i.exec(h) : null;
  return m?.[1];
}

/**
 * The global guard of every /api route:
 * 1. a write (POST/PUT/PATCH/DELETE) from a browser page of another origin is refused (403 ORIGIN_NOT_ALLOWED);
 * 2. the request must carry `Authorization: Bearer <token>` or the session cookie, unless the route is `@Public()`
 *    (401 UNAUTHENTICATED);
 * 3. a write authenticated by the cookie must show where it comes from (Origin or Referer of an allowed origin):
 *    the cookie alone proves nothing about who made the browser send it (CSRF, 403 CSRF_CHECK_FAILED);
 * 4. `@Roles(...)` routes need one of the roles (403 FORBIDDEN_ROLE).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]) ?? false;
    const unsafe = !SAFE_METHODS.has(req.method);
    const origin = req.get('origin');
    if (unsafe && origin !== undefined && !originAllowed(origin, req, this.config.corsOrigins)) {
      throw apiError(403, 'ORIGIN_NOT_ALLOWED', `不接受来自其他网站（${origin.slice(0, 100)}）的写请求`);
    }

    const bearer = bearerToken(req);
    const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const token = bearer ?? cookie;
    const user = token ? await this.auth.authenticate(token) : undefined;
    if (!user) {
      if (isPublic) return true;
      throw apiError(
        401,
        'UNAUTHENTICATED',
        token ? '登录已失效（会话过期、已退出或账号已停用），请重新登录' : '请先登录（会话 Cookie 或 Authorization: Bearer <token>）',
      );
    }
    req.user = user;
    const ctx = currentRequest();
    if (ctx) ctx.user = user;

    if (unsafe && !bearer && !this.sameOriginProof(req)) {
      throw apiError(403, 'CSRF_CHECK_FAILED', '使用会话 Cookie 的写请求须带有本站的 Origin 或 Referer 请求头');
    }

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [context.getHandler(), context.getClass()]);
    if (required && required.length > 0 && !required.some((r) => user.roles.includes(r))) {
      throw apiError(403, 'FORBIDDEN_ROLE', `无权执行此操作：需要角色 ${required.map((r) => `${ROLE_LABELS[r]}（${r}）`).join(' 或 ')}`);
    }
    return true;
  }

  private sameOriginProof(req: Request): boolean {
    if (req.get('sec-fetch-site') === 'cross-site') return false;
    const origin = req.get('origin');
    if (origin !== undefined) return originAllowed(origin, req, this.config.corsOrigins);
    const referer = req.get('referer');
    if (referer === undefined) return false;
    try {
      return originAllowed(new URL(referer).origin, req, this.config.corsOrigins);
    } catch {
      return false;
    }
  }
}
