import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';
import { ListAdmissionInterceptor } from '../common/list-admission';
import { ReviewService } from '../review/review.service';

export interface Health {
  status: 'ok' | 'unavailable';
  database: { ok: boolean; message?: string };
  rulePack: { ok: boolean; version?: string; rules?: number };
  /** list reads running and waiting their turn in this instance (LIST_CONCURRENCY at a time) */
  lists: { running: number; waiting: number; concurrency: number };
}

/** GET /api/health — for load balancers and monitoring; no login needed, no data revealed. */
@ApiTags('运行状态 health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reviews: ReviewService,
    private readonly listAdmission: ListAdmissionInterceptor,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '运行状态', description: '数据库可访问、规则包已加载时为 200 { status: "ok" }，否则 503。lists：本实例正在运行和排队的列表查询数。' })
  async health(@Res({ passthrough: true }) res: Response): Promise<Health> {
    let database: Health['database'];
    try {
      await this.dataSource.query('SELECT 1');
      database = { ok: true };
    } catch {
      database = { ok: false, message: '数据库不可访问' };
    }
    const pack = this.reviews.pack;
    const rulePack: Health['rulePack'] = pack && pack.rules.length > 0 ? { ok: true, version: pack.version, rules: pack.rules.length } : { ok: false };
    const ok = database.ok && rulePack.ok;
    res.status(ok ? 200 : 503);
    res.setHeader('Cache-Control', 'no-store');
    return { status: ok ? 'ok' : 'unavailable', database, rulePack, lists: this.listAdmission.load };
  }
}
