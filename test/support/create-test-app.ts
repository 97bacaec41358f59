/**
 * Build the real application (AppModule + configureApp, exactly as main.ts) on an in-memory SQLite database.
 *
 *   const app = await createTestApp();               // migrations have run, DB is empty
 *   await request(app.getHttpServer()).get('/api/cases').expect(200);
 *   await app.close();
 *
 * Options: `config` overrides APP_CONFIG (e.g. { bodyLimit: '1kb' }); `customize` gets the TestingModuleBuilder
 * to override further providers before compiling.
 *
 * TEST_DATABASE_URL=postgres://user@host:port/db runs the same tests on postgres instead: the database's schema is
 * dropped before each app is built (use a throw-away database).
 */
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.factory';
import { APP_CONFIG, AppConfig, loadAppConfig } from '../../src/config/app-config';
import { databaseOptions } from '../../src/database/database-options';

export interface TestAppOptions {
  config?: Partial<AppConfig>;
  customize?: (builder: TestingModuleBuilder) => TestingModuleBuilder | void;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || 'sqlite::memory:';

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...loadAppConfig({}), databaseUrl: TEST_DATABASE_URL, loadSamples: false, ...overrides };
}

/** Drop every table of a persistent test database, so each app starts empty (no-op for in-memory SQLite). */
async function resetDatabase(url: string): Promise<void> {
  if (url === 'sqlite::memory:') return;
  const ds = new DataSource({ ...databaseOptions(url), migrationsRun: false, dropSchema: true });
  await ds.initialize();
  await ds.destroy();
}

export async function createTestApp(options: TestAppOptions = {}): Promise<NestExpressApplication> {
  const config = testConfig(options.config);
  await resetDatabase(config.databaseUrl);
  let builder = Test.createTestingModule({ imports: [AppModule] }).overrideProvider(APP_CONFIG).useValue(config);
  builder = options.customize?.(builder) ?? builder;
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: ['error', 'warn'] });
  configureApp(app, config);
  await app.init();
  return app;
}
