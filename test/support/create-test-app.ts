/**
 * Build the real application (AppModule + configureApp, exactly as main.ts) on an in-memory SQLite database.
 *
 *   const app = await createTestApp();               // migrations have run, DB is empty but for one test user
 *   await api(app).get('/api/cases').expect(200);    // as that user (all four roles, test root agency)
 *   await request(app.getHttpServer()).get('/api/cases').expect(401);   // anonymous
 *   await app.close();
 *
 * Every /api route but login and health needs a login; `api(app)` is a supertest agent carrying the Bearer token
 * of a user created and logged in through the real service when the app was built (`login: false` skips it).
 * For a particular role or agency use `loginAs` from ./auth.
 *
 * Options: `config` overrides APP_CONFIG (e.g. { bodyLimit: '1kb' }); `customize` gets the TestingModuleBuilder
 * to override further providers before compiling.
 *
 * TEST_DATABASE_URL=postgres://user@host:port/db runs the same tests on postgres instead: each app gets a database
 * of its own, created empty next to that one (`<db>_<worker>_<n>`, dropped and created again on the next run), so
 * two apps in one test never share data — as two in-memory SQLite apps do not. A `config.databaseUrl` given
 * explicitly is used as it is, its schema emptied first (use a throw-away database).
 */
import type { INestApplication } from '@nestjs/common';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.factory';
import { APP_CONFIG, AppConfig, loadAppConfig } from '../../src/config/app-config';
import { databaseOptions } from '../../src/database/database-options';
import { loginAs, type LoggedIn } from './auth';

export interface TestAppOptions {
  config?: Partial<AppConfig>;
  customize?: (builder: TestingModuleBuilder) => TestingModuleBuilder | void;
  /** log in the default test user for `api(app)` (default true) */
  login?: boolean;
  /** keep what a file database holds (a restart); by default its tables are dropped first */
  keepDatabase?: boolean;
}

const defaultUsers = new WeakMap<INestApplication, LoggedIn>();

/** The default test user of an app built by createTestApp (all four roles, test root agency). */
export function defaultUser(app: INestApplication): LoggedIn {
  const user = defaultUsers.get(app);
  if (!user) throw new Error('this app was built with login: false (or not by createTestApp)');
  return user;
}

/** A supertest agent sending the default test user's Bearer token. */
export function api(app: INestApplication) {
  return request.agent(app.getHttpServer()).set('Authorization', defaultUser(app).headers.Authorization);
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || 'sqlite::memory:';

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  // generous rate limits: suites make many writes quickly; test/auth checks the limits with low values
  return { ...loadAppConfig({ DATABASE_URL: TEST_DATABASE_URL }), databaseUrl: TEST_DATABASE_URL, loadSamples: false, loginRateLimit: 10_000, writeRateLimit: 100_000, ...overrides };
}

/** Drop every table of a persistent test database, so each app starts empty (no-op for in-memory SQLite). */
async function resetDatabase(url: string): Promise<void> {
  if (url === 'sqlite::memory:') return;
  const ds = new DataSource({ ...databaseOptions(url), migrationsRun: false, dropSchema: !/^postgres(ql)?:/.test(url) });
  await ds.initialize();
  // PostgreSQL: everything the migrations and the job queue create (tables, functions, triggers, the pg-boss schema)
  if (ds.options.type === 'postgres') await ds.query('DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  await ds.destroy();
}

let appDatabases = 0;

/** A new empty PostgreSQL database beside the one in `url` (same server and user); its URL. */
async function freshPostgresDatabase(url: string): Promise<string> {
  const name = `${new URL(url).pathname.slice(1) || 'casefile'}_${process.env.JEST_WORKER_ID ?? '0'}_${++appDatabases}`.replace(/[^a-z0-9_]/gi, '_');
  const admin = new DataSource({ type: 'postgres', url });
  await admin.initialize();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.destroy();
  }
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return fresh.toString();
}

export async function createTestApp(options: TestAppOptions = {}): Promise<NestExpressApplication> {
  const config = testConfig(options.config);
  if (options.keepDatabase) {
    // a restart: the database stays as it is
  } else if (options.config?.databaseUrl === undefined && /^postgres(ql)?:/.test(config.databaseUrl)) {
    config.databaseUrl = await freshPostgresDatabase(config.databaseUrl);
  } else {
    await resetDatabase(config.databaseUrl);
  }
  let builder = Test.createTestingModule({ imports: [AppModule] }).overrideProvider(APP_CONFIG).useValue(config);
  builder = options.customize?.(builder) ?? builder;
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: ['error', 'warn'] });
  configureApp(app, config);
  await app.init();
  if (options.login !== false) defaultUsers.set(app, await loginAs(app, { roles: ['officer', 'reviewer', 'evaluation_admin', 'admin'] }));
  return app;
}
