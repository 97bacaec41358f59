import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdjudicationsModule } from '../adjudications/adjudications.module';
import { CaseFileEntity } from '../cases/case-file.entity';
import { ReviewModule } from '../review/review.module';
import { EvaluationTaskCaseEntity, EvaluationTaskEntity, ObjectionEntity, RectificationEntity } from './evaluation-task.entities';
import { UsersModule } from '../users/users.module';
import { EvaluationTasksController } from './evaluation-tasks.controller';
import { EvaluationTasksService } from './evaluation-tasks.service';

/** 年度案卷评查任务 over stored cases (sampling, 回避 assignment, sign-off, 复核, 异议, results, 整改). */
@Module({
  imports: [
    TypeOrmModule.forFeature([EvaluationTaskEntity, EvaluationTaskCaseEntity, ObjectionEntity, RectificationEntity, CaseFileEntity]),
    AdjudicationsModule,
    ReviewModule,
    UsersModule,
  ],
  controllers: [EvaluationTasksController],
  providers: [EvaluationTasksService],
  exports: [EvaluationTasksService],
})
export class EvaluationTasksModule {}
