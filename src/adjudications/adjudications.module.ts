import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module';
import { EvaluationTaskCaseEntity } from '../evaluation-tasks/evaluation-task.entities';
import { ReviewEntity } from '../review/review.entity';
import { ExplanationEntity, ManualJudgementEntity, RulingEntity, SignOffEntity } from './adjudication.entities';
import { AdjudicationsController } from './adjudications.controller';
import { AdjudicationsService } from './adjudications.service';

/**
 * 人工评查 — a thin shell around src/core/adjudication: rulings on findings (裁定), officers' explanations
 * (情况说明), manual findings and scores, sign-off with 组长复核, the report with all of it.
 * Exports AdjudicationsService for the evaluation-task workflow.
 */
@Module({
  imports: [TypeOrmModule.forFeature([RulingEntity, ExplanationEntity, ManualJudgementEntity, SignOffEntity, ReviewEntity, EvaluationTaskCaseEntity]), CasesModule],
  controllers: [AdjudicationsController],
  providers: [AdjudicationsService],
  exports: [AdjudicationsService],
})
export class AdjudicationsModule {}
