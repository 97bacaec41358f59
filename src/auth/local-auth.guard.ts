import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import passport from 'passport';
import { badRequest, type ValidationIssue } from '../common/errors';
import { LocalStrategy } from './local.strategy';

/** Runs the local strategy on POST /api/auth/login; a body without both fields is a 400, not a 401. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  constructor(private readonly strategy: LocalStrategy) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    // passport's strategy registry is process-wide: with several apps in one process (the e2e tests) the last one
    // built would answer every login; point it at this app's strategy
    passport.use('local', this.strategy);
    const body = context.switchToHttp().getRequest<Request>().body as Record<string, unknown> | undefined;
    const issues: ValidationIssue[] = [];
    for (const key of ['username', 'password']) {
      const v = body?.[key];
      if (typeof v !== 'string' || v === '') issues.push({ path: key, code: v === undefined ? 'REQUIRED' : 'INVALID_TYPE', message: `缺少${key === 'username' ? '用户名' : '密码'}（${key}），应为非空字符串` });
    }
    for (const key of Object.keys(body ?? {})) {
      if (key !== 'username' && key !== 'password') issues.push({ path: key, code: 'UNKNOWN_PROPERTY', message: `未知字段「${key}」；请求体为 { username, password }` });
    }
    if (issues.length) badRequest(issues, '登录请求有误');
    return super.canActivate(context);
  }

  override handleRequest<TUser>(err: unknown, user: TUser): TUser {
    if (err) throw err;
    return user;
  }
}
