import { join } from 'node:path';
import { Global, Module } from '@nestjs/common';
import { projectRoot } from '../core/paths';

/**
 * Runtime configuration, read once from the environment.
 *
 * | variable       | default                          | meaning                                                    |
 * |----------------|----------------------------------|------------------------------------------------------------|
 * | PORT           | 3000                             | HTTP port                                                  |
 * | DATABASE_URL   | sqlite:./data/casefiles.sqlite   | `sqlite:PATH`, `sqlite::memory:` or `postgres://user:pw@host:5432/db` |
 * | BODY_LIMIT     | 5mb                              | largest accepted request body (JSON), body-parser syntax   |
 * | LOAD_SAMPLES   | (off)                            | `1`: on start-up, store the sample case files not yet stored |
 * | SAMPLES_DIR    | fixtures/cases (project)         | where LOAD_SAMPLES reads `*.json` from                     |
 * | DB_LOGGING     | (off)                            | `1`: log SQL                                               |
 * | HOST           | 127.0.0.1                        | interface to listen on (`0.0.0.0` to serve the network, e.g. behind a reverse proxy) |
 * | NODE_ENV       | (unset)                          | `production`: no Swagger unless SWAGGER=1; refuse to start without an admin account |
 * | SWAGGER        | on outside production            | `1` serves /api/docs in production too; `0` turns it off   |
 * | CORS_ORIGINS   | (none: CORS off)                 | comma-separated origins allowed to call the API from a browser |
 * | AUTH_SECRET    | (random per start)               | key signing session tokens; set it so sessions survive a restart |
 * | SESSION_MAX_AGE_MINUTES | 720                     | a session ends this long after login                        |
 * | SESSION_IDLE_MINUTES    | 60                      | … or after this long without a request                      |
 * | LOGIN_MAX_FAILURES      | 5                       | failed logins in a row before the account is locked          |
 * | LOGIN_LOCK_MINUTES      | 15                      | how long a locked account stays locked                       |
 * | LOGIN_RATE_LIMIT        | 20                      | login attempts per minute per client address                 |
 * | WRITE_RATE_LIMIT        | 600                     | writes (POST/PUT/PATCH/DELETE) per minute per user (or address) |
 * | ADMIN_USERNAME / ADMIN_PASSWORD | (none)          | on a database without an admin: create this first admin      |
 * | ADMIN_AGENCY   | 生态环境局                        | agency of that first admin (created as a root if absent)     |
 * | DEMO_ACCOUNTS  | `1` under `npm start`            | create the demo agencies and demo accounts (never in production) |
 * | COOKIE_SECURE  | on in production                 | mark the session cookie `Secure` (HTTPS only)               |
 * | LIST_CONCURRENCY | 2 on SQLite, 4 on PostgreSQL   | list reads (case list, search, deadlines, audit log, task lists) run at once per instance; more wait their turn |
 * | LIST_QUEUE_LIMIT | 500                            | list reads waiting beyond this get 503 SERVICE_BUSY         |
 */
export interface AppConfig {
  port: number;
  databaseUrl: string;
  bodyLimit: string;
  loadSamples: boolean;
  samplesDir: string;
  dbLogging: boolean;
  host: string;
  production: boolean;
  swagger: boolean;
  corsOrigins: string[];
  /** undefined: a random key per process */
  authSecret?: string;
  sessionMaxAgeMinutes: number;
  sessionIdleMinutes: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginRateLimit: number;
  writeRateLimit: number;
  adminUsername?: string;
  adminPassword?: string;
  adminAgency: string;
  demoAccounts: boolean;
  cookieSecure: boolean;
  listConcurrency: number;
  listQueueLimit: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export const DEFAULT_DATABASE_URL = 'sqlite:./data/casefiles.sqlite';
export const DEFAULT_BODY_LIMIT = '5mb';

function flag(v: string | undefined): boolean {
  return v != null && /^(1|true|yes|on)$/i.test(v.trim());
}

function positiveInt(v: string | undefined, fallback: number): number {
  const n = Number.parseInt(v ?? '', 10);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number.parseInt(env.PORT ?? '', 10);
  const production = env.NODE_ENV?.trim() === 'production';
  const databaseUrl = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  return {
    port: Number.isInteger(port) && port >= 0 && port < 65536 ? port : 3000,
    databaseUrl,
    bodyLimit: env.BODY_LIMIT?.trim() || DEFAULT_BODY_LIMIT,
    loadSamples: flag(env.LOAD_SAMPLES),
    samplesDir: env.SAMPLES_DIR?.trim() || join(projectRoot(), 'fixtures', 'cases'),
    dbLogging: flag(env.DB_LOGGING),
    host: env.HOST?.trim() || '127.0.0.1',
    production,
    swagger: env.SWAGGER !== undefined && env.SWAGGER.trim() !== '' ? flag(env.SWAGGER) : !production,
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    authSecret: env.AUTH_SECRET?.trim() || undefined,
    sessionMaxAgeMinutes: positiveInt(env.SESSION_MAX_AGE_MINUTES, 720),
    sessionIdleMinutes: positiveInt(env.SESSION_IDLE_MINUTES, 60),
    loginMaxFailures: positiveInt(env.LOGIN_MAX_FAILURES, 5),
    loginLockMinutes: positiveInt(env.LOGIN_LOCK_MINUTES, 15),
    loginRateLimit: positiveInt(env.LOGIN_RATE_LIMIT, 20),
    writeRateLimit: positiveInt(env.WRITE_RATE_LIMIT, 600),
    adminUsername: env.ADMIN_USERNAME?.trim() || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    adminAgency: env.ADMIN_AGENCY?.trim() || '生态环境局',
    demoAccounts: !production && flag(env.DEMO_ACCOUNTS),
    cookieSecure: env.COOKIE_SECURE !== undefined && env.COOKIE_SECURE.trim() !== '' ? flag(env.COOKIE_SECURE) : production,
    // SQLite runs every statement on its one connection: two lists keep it busy (one in the database, one being
    // prepared or sent); PostgreSQL's pool and server run several at once
    listConcurrency: positiveInt(env.LIST_CONCURRENCY, /^postgres(ql)?:\/\//.test(databaseUrl) ? 4 : 2),
    listQueueLimit: positiveInt(env.LIST_QUEUE_LIMIT, 500),
  };
}

/** Provides {@link APP_CONFIG} everywhere. Tests replace it with `.overrideProvider(APP_CONFIG).useValue(...)`. */
@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: () => loadAppConfig() }],
  exports: [APP_CONFIG],
})
export class AppConfigModule {}
