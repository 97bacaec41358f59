import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { databaseOptions } from './database-options';

/** an arbitrary constant: the PostgreSQL advisory lock instances hold while one of them migrates */
const MIGRATION_LOCK = 716_021_601;

/**
 * Open the database and run the pending migrations. On PostgreSQL several instances may start at once: each takes
 * a session advisory lock first, so one migrates and the others find nothing left to do.
 */
export async function openDatabase(options: DataSourceOptions): Promise<DataSource> {
  const ds = new DataSource({ ...options, migrationsRun: false } as DataSourceOptions);
  await ds.initialize();
  if (options.migrationsRun === false) return ds;
  if (ds.options.type !== 'postgres') {
    await ds.runMigrations({ transaction: 'each' });
    return ds;
  }
  const runner = ds.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
  return ds;
}

/** The TypeORM connection, configured from APP_CONFIG.databaseUrl; migrations run at start-up. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...databaseOptions(config.databaseUrl, { logging: config.dbLogging }),
        autoLoadEntities: true,
      }),
      dataSourceFactory: async (options) => openDatabase(options!),
    }),
  ],
})
export class DatabaseModule {}
