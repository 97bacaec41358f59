import { CallHandler, ExecutionContext, Global, Inject, Injectable, Module, NestInterceptor, SetMetadata } from '@nestjs/common';
import { APP_INTERCEPTOR, Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import pLimit from 'p-limit';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { apiError } from './errors';

const LIST_READ = Symbol('LIST_READ');

/**
 * Marks a read that goes over many cases: the case list and its search, the cross-case deadline view, the audit
 * log, an evaluation task's case list and results. Such a request costs tens of times a single case's read.
 */
export const ListRead = (): MethodDecorator => SetMetadata(LIST_READ, true);

/**
 * Admission of list reads: at most LIST_CONCURRENCY of them run at a time in this instance; the others wait their
 * turn in arrival order, and beyond LIST_QUEUE_LIMIT waiting the instance answers 503 SERVICE_BUSY (Retry-After).
 *
 * Without it, an officer opening one case waits behind every list in flight: all statements go through SQLite's one
 * connection (or PostgreSQL's pool) and one event loop, so twenty dashboards refreshing at once made a single case
 * read take 13–20 ms instead of 1. Lists run as fast as before (they queue for the same connection anyway); a list
 * waiting its turn costs nothing. bench/scale.ts measures both.
 */
@Injectable()
export class ListAdmissionInterceptor implements NestInterceptor {
  private readonly limit: pLimit.Limit;
  private readonly concurrency: number;
  private readonly queueLimit: number;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.concurrency = config.listConcurrency;
    this.limit = pLimit(config.listConcurrency);
    this.queueLimit = config.listQueueLimit;
  }

  /** list reads running and waiting in this instance now, and the limit (GET /api/health) */
  get load(): { running: number; waiting: number; concurrency: number } {
    return { running: this.limit.activeCount, waiting: this.limit.pendingCount, concurrency: this.concurrency };
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || !this.reflector.get<boolean>(LIST_READ, context.getHandler())) return next.handle();
    if (this.limit.pendingCount >= this.queueLimit) {
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', '1');
      throw apiError(503, 'SERVICE_BUSY', `服务繁忙：正在排队的列表查询已达 ${this.queueLimit} 个，请稍后重试`);
    }
    const req = context.switchToHttp().getRequest<Request>();
    return from(
      this.limit(async () => {
        // the client gave up while waiting: nothing to answer, and no query to run for it
        if (req.socket?.destroyed) return undefined;
        return lastValueFrom(next.handle(), { defaultValue: undefined });
      }),
    );
  }
}

/** The admission as a global interceptor; the instance is injectable (health reads its load). */
@Global()
@Module({
  providers: [ListAdmissionInterceptor, { provide: APP_INTERCEPTOR, useExisting: ListAdmissionInterceptor }],
  exports: [ListAdmissionInterceptor],
})
export class ListAdmissionModule {}
