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
 */
export interface AppConfig {
  port: number;
  databaseUrl: string;
  bodyLimit: string;
  loadSamples: boolean;
  samplesDir: string;
  dbLogging: boolean;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export const DEFAULT_DATABASE_URL = 'sqlite:./data/casefiles.sqlite';
export const DEFAULT_BODY_LIMIT = '5mb';

function flag(v: string | undefined): boolean {
  return v != null && /^(1|true|yes|on)$/i.test(v.trim());
}

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number.parseInt(env.PORT ?? '', 10);
  return {
    port: Number.isInteger(port) && port >= 0 && port < 65536 ? port : 3000,
    databaseUrl: env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL,
    bodyLimit: env.BODY_LIMIT?.trim() || DEFAULT_BODY_LIMIT,
    loadSamples: flag(env.LOAD_SAMPLES),
    samplesDir: env.SAMPLES_DIR?.trim() || join(projectRoot(), 'fixtures', 'cases'),
    dbLogging: flag(env.DB_LOGGING),
  };
}

/** Provides {@link APP_CONFIG} everywhere. Tests replace it with `.overrideProvider(APP_CONFIG).useValue(...)`. */
@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: () => loadAppConfig() }],
  exports: [APP_CONFIG],
})
export class AppConfigModule {}
