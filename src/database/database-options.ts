import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES, MIGRATIONS } from './registry';

export interface DatabaseOptionsExtra {
  logging?: boolean;
}

/**
 * TypeORM options from a DATABASE_URL:
 * - `sqlite:./data/casefiles.sqlite` (relative paths are resolved against the working directory; the folder is created)
 * - `sqlite::memory:` (in-memory; tests)
 * - `postgres://user:password@host:5432/dbname` (or `postgresql://`)
 *
 * The schema is built by migrations (`migrationsRun`), never by `synchronize`.
 */
export function databaseOptions(databaseUrl: string, extra: DatabaseOptionsExtra = {}): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    logging: extra.logging ?? false,
  } as const;
  if (databaseUrl.startsWith('sqlite:')) {
    const location = databaseUrl.slice('sqlite:'.length);
    if (location === '') throw new Error(`DATABASE_URL 缺少 SQLite 文件路径：${databaseUrl}（示例 sqlite:./data/casefiles.sqlite）`);
    if (location === ':memory:') return { type: 'sqlite', database: ':memory:', ...common };
    const file = resolve(location);
    mkdirSync(dirname(file), { recursive: true });
    return { type: 'sqlite', database: file, ...common };
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    return { type: 'postgres', url: databaseUrl, ...common };
  }
  throw new Error(
    `不支持的 DATABASE_URL：${databaseUrl}（应为 sqlite:路径、sqlite::memory: 或 postgres://用户:密码@主机:端口/库名）`,
  );
}
