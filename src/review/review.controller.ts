import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuditService } from '../audit/audit.service';
import { Roles } from '../auth/roles.decorator';
import { apiError, badRequest } from '../common/errors';
import { parseReviewOptions, ReviewService, type ScoredReview, type StoredReview } from './review.service';

function requireJson(req: Request): void {
  if (!req.is('application/json') || req.body === undefined) {
    throw apiError(415, 'UNSUPPORTED_MEDIA_TYPE', '请求体须为 JSON，并带有 Content-Type: application/json');
  }
}

const MODE_QUERY = { name: 'mode', required: false, enum: ['review', 'draft', 'pre-decision'], description: '缺省：已结案/已归档案卷为 review（评查），其余为 draft（自查）；pre-decision：作出决定前的法制审核（行政处罚法第58条），结果另列决定书应载明事项 decisionMustState' };
const SHEET_QUERY = { name: 'sheet', required: false, description: '评分表编号（GET /api/scoring/sheets；缺省为 SCORING_SHEET 或 official-2024）' };
const AS_OF_QUERY = { name: 'asOf', required: false, description: '审查基准日 YYYY-MM-DD，缺省为北京时间今日' };

/** 规则引擎审查: review a submitted case file, or review and store a stored one. */
@ApiTags('审查 review')
@Controller()
export class ReviewController {
  constructor(
    private readonly reviews: ReviewService,
    private readonly audit: AuditService,
  ) {}

  @Post('review')
  @HttpCode(200)
  @ApiOperation({
    summary: '审查案卷（不保存）',
    description:
      '请求体为案卷 JSON，或 { caseFile, mode?, asOf?, sheet?, manualScores? }。校验不通过返回 400；返回审查结果（缺陷、已通过检查、不适用、无法判定、后续期限、下一步文书）及评分 score。' +
      'manualScores: [{ itemId, points, note? }] 为评查人员对待人工评分项的评分（如 G11.4；卷面要素 F1.3 为扣分），按评分表校验（未知项或分数超出范围返回 400 并注明路径）。',
  })
  @ApiQuery(MODE_QUERY)
  @ApiQuery(AS_OF_QUERY)
  @ApiQuery(SHEET_QUERY)
  @ApiBody({ schema: { type: 'object' } })
  @ApiOkResponse({ description: 'ReviewResult + score（ScoreResult）' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED / INVALID_REVIEW_OPTIONS' })
  review(@Req() req: Request, @Body() body: unknown, @Query() query: Record<string, unknown>): ScoredReview {
    requireJson(req);
    let caseFile = body;
    let options = parseReviewOptions({ mode: one(query.mode), asOf: one(query.asOf) }, 'query');
    let scoring: { sheet?: unknown; manualScores?: unknown } = { sheet: query.sheet };
    let where: 'query' | 'body' = 'query';
    if (isWrapper(body)) {
      const extra = Object.keys(body).filter((k) => !['caseFile', 'mode', 'asOf', 'sheet', 'manualScores'].includes(k));
      if (extra.length)
        badRequest(extra.map((k) => ({ path: k, code: 'UNKNOWN_PROPERTY', message: `未知字段「${k}」；请求体为案卷 JSON，或 { caseFile, mode, asOf, sheet, manualScores }` })), '请求体结构有误', 'INVALID_REVIEW_BODY');
      caseFile = body.caseFile;
      options = { ...options, ...parseReviewOptions({ mode: body.mode, asOf: body.asOf }, 'body') };
      if (body.sheet !== undefined) [scoring.sheet, where] = [body.sheet, 'body'];
      scoring.manualScores = body.manualScores;
    }
    return this.reviews.reviewAndScore(caseFile, options, scoring, where);
  }

  @Post('cases/:id/reviews')
  @Roles('officer', 'reviewer')
  @ApiOperation({
    summary: '审查已保存的案卷并保存结果',
    description: '可选 mode、asOf（查询参数或 JSON 请求体），sheet、manualScores（JSON 请求体：评查人员对待人工评分项的评分 [{ itemId, points, note? }]，按评分表校验）。返回的 score 按请求计算，不保存。',
  })
  @ApiQuery(MODE_QUERY)
  @ApiQuery(AS_OF_QUERY)
  @ApiCreatedResponse({ description: '保存的审查结果（id、caseId、rulePackVersion、holidayDataVersion、mode、asOf、createdAt、result）' })
  @ApiNotFoundResponse({ description: 'CASE_NOT_FOUND' })
  async reviewStored(
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StoredReview> {
    let options = parseReviewOptions({ mode: one(query.mode), asOf: one(query.asOf) }, 'query');
    let scoring: { sheet?: unknown; manualScores?: unknown } = {};
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      const b = body as Record<string, unknown>;
      const extra = Object.keys(b).filter((k) => !['mode', 'asOf', 'sheet', 'manualScores'].includes(k));
      if (extra.length)
        badRequest(extra.map((k) => ({ path: k, code: 'UNKNOWN_PROPERTY', message: `未知字段「${k}」；请求体只能包含 mode、asOf、sheet、manualScores` })), '请求体结构有误', 'INVALID_REVIEW_BODY');
      options = { ...options, ...parseReviewOptions({ mode: b.mode, asOf: b.asOf }, 'body') };
      scoring = { sheet: b.sheet, manualScores: b.manualScores };
    }
    const stored = await this.reviews.reviewStored(id, options, scoring);
    await this.audit.record({
      action: 'review.create',
      entityType: 'review',
      entityId: stored.id,
      caseId: stored.caseId,
      after: { caseVersion: stored.caseVersion, mode: stored.mode, asOf: stored.asOf, findings: stored.result.findings.length },
    });
    res.setHeader('Location', `/api/cases/${stored.caseId}/reviews/${stored.id}`);
    return stored;
  }

  @Get('cases/:id/reviews/latest')
  @ApiOperation({ summary: '最近一次保存的审查结果' })
  @ApiOkResponse({ description: 'StoredReview' })
  @ApiNotFoundResponse({ description: 'CASE_NOT_FOUND / REVIEW_NOT_FOUND' })
  async latest(@Param('id') id: string): Promise<StoredReview> {
    return this.reviews.latestForStoredCase(id);
  }
}

function one(value: unknown): string | undefined {
  return Array.isArray(value) ? String(value[value.length - 1]) : typeof value === 'string' ? value : undefined;
}

function isWrapper(body: unknown): body is { caseFile: unknown; mode?: unknown; asOf?: unknown; sheet?: unknown; manualScores?: unknown } {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && 'caseFile' in body && !('formatVersion' in body);
}

