import { Module } from '@nestjs/common';
import { AdjudicationsModule } from '../adjudications/adjudications.module';
import { CasesModule } from '../cases/cases.module';
import { ReviewModule } from '../review/review.module';
import { ReportController } from './report.controller';
import { loadReportRenderOptions, REPORT_RENDER_OPTIONS, ReportRenderer } from './report-renderer';
import { ReportService } from './report.service';

/**
 * 评查报告 (PDF) endpoints — a thin shell around src/core/report and src/core/scoring:
 *   POST /api/review/report.pdf      case-file JSON in the body, nothing stored
 *   GET  /api/cases/:id/report.pdf   the latest stored review of a stored case (ReviewService.latestForCase),
 *                                    with its rulings, manual items and sign-off when there are any
 *   GET  /api/scoring/sheets         the scoring sheets
 * PDFs render on worker threads (ReportRenderer); those of stored reviews are cached by review, sheet and version.
 */
@Module({
  imports: [CasesModule, ReviewModule, AdjudicationsModule],
  controllers: [ReportController],
  providers: [ReportService, ReportRenderer, { provide: REPORT_RENDER_OPTIONS, useFactory: () => loadReportRenderOptions() }],
  exports: [ReportService],
})
export class ReportModule {}
