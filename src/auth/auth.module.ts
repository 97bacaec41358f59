import { createSecretKey, randomBytes } from 'node:crypto';
import { Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Request } from 'express';
import { AgenciesModule } from '../agencies/agencies.module';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UsersModule } from '../users/users.module';
import { AccountBootstrap } from './account-bootstrap';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { isLoginRequest, isWriteRequest, RateLimitGuard } from './rate-limit.guard';

/**
 * Authentication for the whole API: login/logout/me, the global guard (session cookie or Bearer token,
 * `@Public()`, `@Roles()`, origin checks), rate limits, and the start-up accounts.
 */
@Module({
  imports: [
    UsersModule,
    AgenciesModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (!config.authSecret && config.production) {
          new Logger('Auth').warn('未设置 AUTH_SECRET：会话密钥随机生成，服务重启后所有用户须重新登录');
        }
        // A KeyObject made once: given a string, jsonwebtoken first tries (and fails) to parse it as a public key on
        // every verification, which cost more CPU than the rest of an authenticated list request.
        const key = createSecretKey(Buffer.from(config.authSecret ?? randomBytes(32).toString('base64url')));
        return { secretOrKeyProvider: () => key, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } };
      },
    }),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          { name: 'login', ttl: 60_000, limit: config.loginRateLimit, skipIf: (ctx) => !isLoginRequest(ctx.switchToHttp().getRequest<Request>()) },
          { name: 'write', ttl: 60_000, limit: config.writeRateLimit, skipIf: (ctx) => !isWriteRequest(ctx.switchToHttp().getRequest<Request>()) },
        ],
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    LocalStrategy,
    AccountBootstrap,
    // order matters: authenticate first, so writes are counted per user
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
