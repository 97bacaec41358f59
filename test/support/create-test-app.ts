/**
 * Build the real application (AppModule + configureApp, exactly as main.ts) on an in-memory SQLite database.
 *
 *   const app = await createTestApp();               // migrations have run, DB is empty
 *   await request(app.getHttpServer()).get('/api/cases').expect(200);
 *   await app.close();
 *
 * Options: `config` overrides APP_CONFIG (e.g. { bodyLimit: '1kb' }); `customize` gets the TestingModuleBuilder
 * to override further providers before compiling.
 */
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.factory';
import { APP_CONFIG, AppConfig, loadAppConfig } from '../../src/config/app-config';

export interface TestAppOptions {
  config?: Partial<AppConfig>;
  customize?: (builder: TestingModuleBuilder) => TestingModuleBuilder | void;
}

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...loadAppConfig({}), databaseUrl: 'sqlite::memory:', loadSamples: false, ...overrides };
}

export async function createTestApp(options: TestAppOptions = {}): Promise<NestExpressApplication> {
  const config = testConfig(options.config);
  let builder = Test.createTestingModule({ imports: [AppModule] }).overrideProvider(APP_CONFIG).useValue(config);
  builder = options.customize?.(builder) ?? builder;
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: ['error', 'warn'] });
  configureApp(app, config);
  await app.init();
  return app;
}
