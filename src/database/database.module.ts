import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { databaseOptions } from './database-options';

/** The TypeORM connection, configured from APP_CONFIG.databaseUrl; migrations run at start-up. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...databaseOptions(config.databaseUrl, { logging: config.dbLogging }),
        autoLoadEntities: true,
      }),
    }),
  ],
})
export class DatabaseModule {}
