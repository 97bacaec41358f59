import { Module } from '@nestjs/common';
import { ReportController } from './report.controller';
import { ReportService } from './report.service';

/**
 * 评查报告 (PDF) endpoints — a thin shell around src/core/report and src/core/scoring:
 *   POST /api/review/report.pdf      case-file JSON in the body, nothing stored
 *   GET  /api/scoring/sheets         the scoring sheets
 */
@Module({
  controllers: [ReportController],
  providers: [ReportService],
  exports: [ReportService],
})
export class ReportModule {}
