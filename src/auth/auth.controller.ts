import { Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { UserEntity } from '../users/user.entity';
import type { AuthUser, PublicUser } from './auth-user';
import { AuthService, SESSION_COOKIE } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { LocalAuthGuard } from './local-auth.guard';
import { Public } from './public.decorator';

/** 登录 / 退出 / 当前用户 */
@ApiTags('认证 auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiOperation({
    summary: '登录',
    description:
      '返回 { token, user }，并设置 httpOnly、SameSite=Strict 的会话 Cookie。token 可用作 Authorization: Bearer <token>（API 客户端、命令行）。' +
      '连续输错密码达到上限后账号锁定（423 ACCOUNT_LOCKED）。',
  })
  @ApiBody({ schema: { type: 'object', required: ['username', 'password'], properties: { username: { type: 'string' }, password: { type: 'string' } } } })
  async login(@Req() req: Request & { user: UserEntity }, @Res({ passthrough: true }) res: Response): Promise<{ token: string; user: PublicUser }> {
    const { token, user, maxAgeMs } = await this.auth.login(req.user, req.ip);
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
      path: '/',
      maxAge: maxAgeMs,
    });
    res.setHeader('Cache-Control', 'no-store');
    return { token, user };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: '退出登录', description: '结束本会话（Cookie 与 token 同时失效）。' })
  async logout(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(user);
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: this.config.cookieSecure, path: '/' });
  }

  @Get('me')
  @ApiOperation({ summary: '当前用户', description: '与登录返回的 user 相同：id、username、displayName、roles、agency。' })
  me(@CurrentUser() user: AuthUser): Promise<PublicUser> {
    return this.auth.publicUser(user);
  }
}
