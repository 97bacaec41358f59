import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { join } from 'node:path';
import { CasesModule } from '../cases/cases.module';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { postgresSsl } from '../database/database-options';
import { createJobQueue, JOB_QUEUE } from './job-queue';
import { EvaluationEntity } from './evaluation.entity';
import { EvaluationsController } from './evaluations.controller';
import { EVALUATIONS_OPTIONS, EvaluationsService, loadEvaluationsOptions, type EvaluationsOptions } from './evaluations.service';

/** Provides EVALUATIONS_OPTIONS (read from the environment) to the multer setup and the service. */
@Module({
  providers: [{ provide: EVALUATIONS_OPTIONS, useFactory: () => loadEvaluationsOptions() }],
  exports: [EVALUATIONS_OPTIONS],
})
export class EvaluationsOptionsModule {}

/**
 * 年度案卷评查 (annual evaluation) over HTTP — a thin shell around src/core/evaluation.
 * Options (EVALUATIONS_OPTIONS) come from the environment; tests override the provider.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([EvaluationEntity]),
    CasesModule,
    EvaluationsOptionsModule,
    MulterModule.registerAsync({
      imports: [EvaluationsOptionsModule],
      inject: [EVALUATIONS_OPTIONS],
      useFactory: (options: EvaluationsOptions) => ({
        dest: join(options.dir, 'uploads'),
        limits: { fileSize: options.maxUploadBytes, files: 1 },
      }),
    }),
  ],
  controllers: [EvaluationsController],
  providers: [
    EvaluationsService,
    // the shared queue (pg-boss) on PostgreSQL, the in-process queue on SQLite
    { provide: JOB_QUEUE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createJobQueue(config.databaseUrl, process.env, postgresSsl()) },
  ],
  exports: [EvaluationsService],
})
export class EvaluationsModule {}
