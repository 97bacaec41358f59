import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module';
import { ReviewController } from './review.controller';
import { ReviewEntity } from './review.entity';
import { ReviewService } from './review.service';
import { RuleExamples } from './rule-examples';
import { RulesController } from './rules.controller';

/**
 * 规则引擎审查 — a thin shell around src/core/engine:
 *   POST /api/review                     case-file JSON (or { caseFile, mode, asOf }), nothing stored
 *   POST /api/cases/:id/reviews          review a stored case file and store the result
 *   GET  /api/cases/:id/reviews/latest   the latest stored review
 *   GET  /api/rules, GET /api/rules/:id  the rule pack (with each rule's valid/invalid examples)
 * Exports ReviewService (latestForCase) for the report module.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ReviewEntity]), CasesModule],
  controllers: [ReviewController, RulesController],
  providers: [ReviewService, RuleExamples],
  exports: [ReviewService],
})
export class ReviewModule {}
