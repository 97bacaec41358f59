import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import sqlite3 from 'sqlite3';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES, MIGRATIONS } from './registry';

/**
 * PostgreSQL connection pool and TLS, from the environment:
 * | variable            | default | meaning                                                                  |
 * |---------------------|---------|--------------------------------------------------------------------------|
 * | DATABASE_POOL_SIZE  | 10      | connections per instance (all instances together stay under max_connections) |
 * | DATABASE_SSL        | (off)   | `require`: TLS without checking the certificate; `verify`: TLS, certificate checked against DATABASE_SSL_CA (or the system CAs) |
 * | DATABASE_SSL_CA     | —       | file with the CA certificate(s) of the server (PEM)                      |
 * `sslmode=…` in DATABASE_URL works too (the pg driver reads it).
 */
export function postgresPoolSize(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number.parseInt(env.DATABASE_POOL_SIZE ?? '', 10);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

export function postgresSsl(env: NodeJS.ProcessEnv = process.env): undefined | { rejectUnauthorized: boolean; ca?: string } {
  const mode = env.DATABASE_SSL?.trim().toLowerCase();
  if (!mode || mode === 'off' || mode === '0' || mode === 'false') return undefined;
  if (mode === 'require') return { rejectUnauthorized: false };
  if (mode === 'verify' || mode === 'verify-full') {
    const caFile = env.DATABASE_SSL_CA?.trim();
    return { rejectUnauthorized: true, ...(caFile ? { ca: readFileSync(caFile, 'utf8') } : {}) };
  }
  throw new Error(`DATABASE_SSL 取值无效：${env.DATABASE_SSL}（应为 require 或 verify）`);
}

/**
 * The sqlite3 driver as TypeORM gets it. TypeORM calls `verbose()` on the driver it loads, which wraps every
 * statement call to build a long stack trace and to `util.inspect` its arguments — measured at a third of the
 * CPU time of a case-list request. Errors keep sqlite3's own message and code; only the extra "--> in
 * Database#all(…)" trace lines are gone.
 */
const quietSqlite3 = Object.create(sqlite3, { verbose: { value: () => sqlite3 } }) as typeof sqlite3;

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
    if (location === ':memory:') return { type: 'sqlite', database: ':memory:', driver: quietSqlite3, ...common };
    const file = resolve(location);
    mkdirSync(dirname(file), { recursive: true });
    return { type: 'sqlite', database: file, driver: quietSqlite3, ...common };
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const ssl = postgresSsl();
    return { type: 'postgres', url: databaseUrl, poolSize: postgresPoolSize(), ...(ssl !== undefined ? { ssl } : {}), ...common };
  }
  throw new Error(
    `不支持的 DATABASE_URL：${databaseUrl}（应为 sqlite:路径、sqlite::memory: 或 postgres://用户:密码@主机:端口/库名）`,
  );
}
