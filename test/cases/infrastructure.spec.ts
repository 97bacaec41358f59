import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiExceptionFilter, formatBytes } from '../../src/common/api-exception.filter';
import { ApiException, badRequest, conflict, notFound } from '../../src/common/errors';
import { DEFAULT_BODY_LIMIT, DEFAULT_DATABASE_URL, loadAppConfig } from '../../src/config/app-config';
import { databaseOptions } from '../../src/database/database-options';

describe('errors', () => {
  it('helpers throw ApiExceptions carrying the API error body', () => {
    const issues = [{ path: 'a', code: 'X', message: '错' }];
    expect(() => badRequest(issues)).toThrow(ApiException);
    try {
      badRequest(issues);
    } catch (e) {
      expect((e as ApiException).getStatus()).toBe(400);
      expect((e as ApiException).body).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message: '请求数据校验未通过（共 1 处问题）', errors: issues });
    }
    try {
      notFound('没有', 'CASE_NOT_FOUND');
    } catch (e) {
      expect((e as ApiException).body).toEqual({ statusCode: 404, code: 'CASE_NOT_FOUND', message: '没有', errors: [] });
    }
    try {
      conflict('冲突');
    } catch (e) {
      expect((e as ApiException).body).toEqual({ statusCode: 409, code: 'CONFLICT', message: '冲突', errors: [] });
    }
  });

  it('the filter renders Nest and unknown errors in the same shape', () => {
    const filter = new ApiExceptionFilter();
    const req = { method: 'GET', originalUrl: '/api/x' } as never;
    expect(filter.toBody(new NotFoundException('Cannot GET /api/x'), req)).toEqual({
      statusCode: 404,
      code: 'ROUTE_NOT_FOUND',
      message: '接口不存在：GET /api/x',
      errors: [],
    });
    expect(filter.toBody(new BadRequestException('Validation failed (numeric string is expected)'), req)).toEqual({
      statusCode: 400,
      code: 'BAD_REQUEST',
      message: '请求有误（Validation failed (numeric string is expected)）',
      errors: [],
    });
    expect(filter.toBody(new HttpException('参数错误', 422), req)).toEqual({ statusCode: 422, code: 'UNPROCESSABLE_ENTITY', message: '参数错误', errors: [] });
    expect(filter.toBody(new Error('boom'), req)).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', message: '服务器内部错误', errors: [] });
    expect(filter.toBody({ type: 'entity.too.large', status: 413, limit: 5 * 1024 * 1024, length: 6 * 1024 * 1024 }, req)).toMatchObject({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('请求体过大：6 MB，上限为 5 MB'),
    });
    expect(filter.toBody({ type: 'charset.unsupported', status: 415, charset: 'gbk' }, req)).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_CHARSET' });
  });

  it('formats byte counts', () => {
    expect([formatBytes(512), formatBytes(1536), formatBytes(5 * 1024 * 1024)]).toEqual(['512 字节', '1.5 KB', '5 MB']);
  });
});

describe('configuration', () => {
  it('has defaults', () => {
    const c = loadAppConfig({});
    expect(c).toMatchObject({ port: 3000, databaseUrl: DEFAULT_DATABASE_URL, bodyLimit: DEFAULT_BODY_LIMIT, loadSamples: false, dbLogging: false });
    expect(c.samplesDir).toMatch(/fixtures[\\/]cases$/);
  });

  it('reads the environment', () => {
    expect(loadAppConfig({ PORT: '8080', DATABASE_URL: 'sqlite::memory:', BODY_LIMIT: '10mb', LOAD_SAMPLES: '1', SAMPLES_DIR: '/x' })).toMatchObject({
      port: 8080,
      databaseUrl: 'sqlite::memory:',
      bodyLimit: '10mb',
      loadSamples: true,
      samplesDir: '/x',
    });
    expect(loadAppConfig({ PORT: 'abc', LOAD_SAMPLES: 'no' })).toMatchObject({ port: 3000, loadSamples: false });
  });

  it('lets list reads through two at a time on SQLite (one connection), four on PostgreSQL, or as set', () => {
    expect(loadAppConfig({})).toMatchObject({ listConcurrency: 2, listQueueLimit: 500 });
    expect(loadAppConfig({ DATABASE_URL: 'postgres://u@db:5432/casefile' })).toMatchObject({ listConcurrency: 4 });
    expect(loadAppConfig({ LIST_CONCURRENCY: '8', LIST_QUEUE_LIMIT: '50' })).toMatchObject({ listConcurrency: 8, listQueueLimit: 50 });
    expect(loadAppConfig({ LIST_CONCURRENCY: '0', LIST_QUEUE_LIMIT: 'x' })).toMatchObject({ listConcurrency: 2, listQueueLimit: 500 });
  });
});

describe('database options and migrations', () => {
  it('maps DATABASE_URL to TypeORM options', () => {
    expect(databaseOptions('sqlite::memory:')).toMatchObject({ type: 'sqlite', database: ':memory:', migrationsRun: true, synchronize: false });
    expect(databaseOptions('postgres://u:p@db:5432/cases')).toMatchObject({ type: 'postgres', url: 'postgres://u:p@db:5432/cases', synchronize: false });
    expect(() => databaseOptions('mysql://x')).toThrow(/不支持的 DATABASE_URL/);
    expect(() => databaseOptions('sqlite:')).toThrow(/缺少 SQLite 文件路径/);
  });

  it('creates the folder of a sqlite file, runs the migrations once, and can undo them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casefile-db-'));
    const file = join(dir, 'nested', 'cases.sqlite');
    const options = databaseOptions(`sqlite:${file}`);
    expect(existsSync(join(dir, 'nested'))).toBe(true);
    const ds = new DataSource({ ...options, migrationsRun: false });
    await ds.initialize();
    try {
      const ran = await ds.runMigrations();
      expect(ran.map((m) => m.name)).toContain('CreateCaseFiles1764400000000');
      expect(await ds.runMigrations()).toEqual([]);
      const columns = (await ds.query(`PRAGMA table_info('case_files')`)).map((c: { name: string }) => c.name);
      expect(columns).toEqual(['id', 'case_number', 'agency', 'status', 'year', 'party_names', 'document', 'created_at', 'updated_at', 'version', 'agency_id', 'case_key']);
      const indexes = (await ds.query(`PRAGMA index_list('case_files')`)).map((i: { name: string; unique: number }) => [i.name, i.unique]);
      expect(indexes).toEqual(expect.arrayContaining([['IDX_case_files_agency_case_number', 1]]));
      for (let i = 0; i < ran.length; i++) await ds.undoLastMigration();
      expect(await ds.query(`SELECT name FROM sqlite_master WHERE name = 'case_files'`)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});
