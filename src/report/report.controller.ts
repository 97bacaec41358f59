import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CASE_FILE_SCHEMA } from '../cases/dto/case-api.models';
import type { ScoringSheetSummary } from '../core/scoring';
import { ReportService, type RenderedReport, type ReportQuery } from './report.service';

export function pdfResponse(r: RenderedReport): StreamableFile {
  // ASCII fallback name + RFC 5987 UTF-8 name (案号 is Chinese)
  return new StreamableFile(Buffer.from(r.pdf.buffer, r.pdf.byteOffset, r.pdf.byteLength), {
    type: 'application/pdf',
    disposition: `inline; filename="report.pdf"; filename*=UTF-8''${encodeURIComponent(r.fileName)}`,
    length: r.pdf.byteLength,
  });
}

export const SHEET_QUERY = {
  name: 'sheet',
  required: false,
  description: '评分表编号（GET /api/scoring/sheets 列出可用评分表；缺省为 SCORING_SHEET 配置或 official-2024（2024年评查细则））',
  example: 'official-2024',
} as const;

/** 评查报告 PDF — for a case file sent in the body (nothing stored) or a stored one — and the scoring sheets. */
@ApiTags('report 评查报告')
@Controller()
export class ReportController {
  constructor(private readonly reports: ReportService) {}

  @Post('review/report.pdf')
  @HttpCode(200)
  @ApiOperation({
    summary: '检查请求体中的卷宗并返回评查报告 PDF（不保存）',
    description:
      '请求体为卷宗 JSON（与 POST /api/cases 相同的格式）。先校验（400 列出每处问题），再按规则包检查、按评分表打分，' +
      '返回 A4 PDF：评查（review）模式为《行政处罚案卷评查报告》，自查（draft）模式为《行政处罚案卷自查报告》（含后续期限与下一步文书）。',
  })
  @ApiQuery({ name: 'mode', required: false, enum: ['review', 'draft', 'pre-decision'], description: '缺省：已结案/已归档案卷为 review，其余为 draft；pre-decision：作出决定前的法制审核报告（行政处罚法第58条）' })
  @ApiQuery({ name: 'asOf', required: false, description: '审查基准日 YYYY-MM-DD（缺省：今日，北京时间）', example: '2025-06-30' })
  @ApiQuery(SHEET_QUERY)
  @ApiBody({ description: '卷宗 JSON（formatVersion 1.0）', schema: { $ref: getSchemaPath(CASE_FILE_SCHEMA) } })
  @ApiProduces('application/pdf')
  @ApiResponse({ status: 200, description: 'application/pdf' })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED（卷宗校验未通过）或 INVALID_REPORT_QUERY（未知评分表、mode / asOf 格式错误）' })
  async reportForBody(@Body() body: unknown, @Query() query: ReportQuery): Promise<StreamableFile> {
    return pdfResponse(await this.reports.reportForCaseFile(body, query));
  }

  @Get('cases/:id/report.pdf')
  @ApiOperation({
    summary: '已保存案卷的评查报告 PDF（依据最近一次保存的审查结果）',
    description:
      '先 POST /api/cases/:id/reviews 审查并保存结果；本接口按该结果与所选评分表打分并生成 PDF。报告使用审查结果自身的模式与基准日，' +
      '因此不接受 mode、asOf 参数。案卷在审查之后被修改的，报告首页注明。',
  })
  @ApiQuery(SHEET_QUERY)
  @ApiProduces('application/pdf')
  @ApiResponse({ status: 200, description: 'application/pdf' })
  @ApiResponse({ status: 400, description: '未知评分表（UNKNOWN_SCORING_SHEET），或给了 mode / asOf' })
  @ApiResponse({ status: 404, description: '案卷不存在（CASE_NOT_FOUND）或尚未审查（REVIEW_NOT_FOUND）' })
  async reportForCase(@Param('id') id: string, @Query() query: ReportQuery): Promise<StreamableFile> {
    return pdfResponse(await this.reports.reportForStoredCase(id, query));
  }

  @Get('scoring/sheets')
  @ApiOperation({
    summary: '可用的评分表',
    description: 'status 为 placeholder 的评分表为默认占位值【I】（待《2024年评查细则》正式文本导入后覆盖）；isDefault 标出缺省评分表。',
  })
  listSheets(): ScoringSheetSummary[] {
    return this.reports.listSheets();
  }
}
