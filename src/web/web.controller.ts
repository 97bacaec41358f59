import { Controller, Get, HttpException, Param, Query } from '@nestjs/common';
import type { CaseFile } from '../core/case-file/types';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { badRequest, notFound, type ValidationIssue } from '../common/errors';
import { loadScoringSheet, ScoringSheetNotFoundError, type ScoreResult, type ScoringSheet } from '../core/scoring';
import { ReviewService, type StoredReview } from '../review/review.service';
import { CasesService } from '../cases/cases.service';
import { caseScore, scoreStored, type CaseScore } from './scores';
import { buildVocabulary, holidayYear, workdaysBetween, type HolidayYear, type Vocabulary, type WorkdaysBetween } from './vocabulary';
import { isLegalDate } from '../core/case-file/calendar-date';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_SCORE_IDS = 100;

function one(value: unknown): string | undefined {
  return Array.isArray(value) ? String(value[value.length - 1]) : typeof value === 'string' ? value : undefined;
}

function sheetOf(raw: unknown): ScoringSheet {
  const id = one(raw)?.trim();
  try {
    return loadScoringSheet(id || undefined);
  } catch (e) {
    if (e instanceof ScoringSheetNotFoundError) {
      badRequest([{ path: 'query.sheet', code: 'UNKNOWN_SHEET', message: `评分表不存在：${id}` }], `评分表不存在：${id}`, 'UNKNOWN_SHEET');
    }
    throw e;
  }
}

/** Read-only vocabulary (labels, document types, holiday marks) for the web app. */
@ApiTags('词表 vocabulary')
@Controller('vocabulary')
export class VocabularyController {
  constructor(private readonly reviews: ReviewService) {}

  @Get()
  @ApiOperation({ summary: '词表', description: '案卷格式的全部枚举值及中文名称、严重程度、置信度、文书类型目录、有放假安排数据的年份。界面只从这里取标签。' })
  @ApiOkResponse({ description: 'Vocabulary' })
  get(): Vocabulary {
    return buildVocabulary(this.reviews.calendar);
  }

  @Get('workdays')
  @ApiOperation({ summary: '两日之间的工作日数', description: '自 from 次日起至 to（含）的工作日数（首日不计入），并列出其间的法定节假日与调休上班日；缺少某年放假安排时 workdays 为 null（无法判定）。范围最多 400 日。' })
  @ApiQuery({ name: 'from', example: '2026-02-10' })
  @ApiQuery({ name: 'to', example: '2026-02-14' })
  workdays(@Query() query: Record<string, unknown>): WorkdaysBetween {
    const issues: ValidationIssue[] = [];
    const from = one(query.from);
    const to = one(query.to);
    for (const [name, v] of [['from', from], ['to', to]] as const) {
      if (!isLegalDate(v)) issues.push({ path: `query.${name}`, code: 'INVALID_DATE', message: `${name} 须为 YYYY-MM-DD 格式的有效日期：${v ?? '（缺少）'}` });
    }
    if (!issues.length) {
      const days = (Date.parse(to!) - Date.parse(from!)) / 86_400_000;
      if (days < 0 || days > 400) issues.push({ path: 'query.to', code: 'INVALID_RANGE', message: `to 须不早于 from，且相差不超过 400 日（实际 ${days} 日）` });
    }
    if (issues.length) badRequest(issues, `查询参数有误（共 ${issues.length} 处）`, 'INVALID_QUERY');
    return workdaysBetween(this.reviews.calendar, from!, to!);
  }

  @Get('holidays/:year')
  @ApiOperation({ summary: '某年的法定节假日与调休上班日', description: '国务院放假调休安排标出的日子（放假日、调休上班日），每日附说明；没有该年数据时 covered=false，days 为空（不按周一至周五推定）。' })
  @ApiParam({ name: 'year', example: 2025 })
  holidays(@Param('year') year: string): HolidayYear {
    if (!/^\d{4}$/.test(year)) {
      badRequest([{ path: 'year', code: 'INVALID_YEAR', message: `年份应为四位数字，实际为 '${year}'` }], '年份格式错误', 'INVALID_YEAR');
    }
    return holidayYear(this.reviews.calendar, +year);
  }
}

/** Scores of the latest stored review of each case (评分 by the scoring sheet). */
@ApiTags('得分 scores')
@Controller('scores')
export class ScoresController {
  constructor(
    private readonly reviews: ReviewService,
    private readonly cases: CasesService,
  ) {}

  @Get()
  @ApiOperation({ summary: '多个案卷的最近得分', description: '`caseIds` 以逗号分隔（最多 100 个）。每个已审查过的案卷给出得分、等次、否决、问题数、最近到期日；未审查过的案卷和本机构范围以外的案卷不在 items 中。' })
  @ApiQuery({ name: 'caseIds', required: true })
  @ApiQuery({ name: 'sheet', required: false })
  async list(@Query() query: Record<string, unknown>): Promise<{ items: CaseScore[] }> {
    const issues: ValidationIssue[] = [];
    for (const key of Object.keys(query)) {
      if (key !== 'caseIds' && key !== 'sheet') issues.push({ path: `query.${key}`, code: 'UNKNOWN_PARAMETER', message: `未知的查询参数「${key}」；可用：caseIds、sheet` });
    }
    const ids = (one(query.caseIds) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (ids.length === 0) issues.push({ path: 'query.caseIds', code: 'REQUIRED', message: '缺少 caseIds（以逗号分隔的案卷 id）' });
    if (ids.length > MAX_SCORE_IDS) issues.push({ path: 'query.caseIds', code: 'TOO_MANY', message: `一次最多 ${MAX_SCORE_IDS} 个案卷，实际为 ${ids.length} 个` });
    ids.forEach((id, i) => {
      if (!UUID.test(id)) issues.push({ path: `query.caseIds[${i}]`, code: 'INVALID_ID', message: `案卷 id 应为 UUID：${id}` });
    });
    if (issues.length) badRequest(issues, `查询参数有误（共 ${issues.length} 处）`, 'INVALID_QUERY');
    const sheet = sheetOf(query.sheet);
    const items: CaseScore[] = [];
    for (const id of ids) {
      // scoped like every case read: a case outside the user's agencies is skipped as if it did not exist
      const entity = await this.cases.getEntity(id).catch((e: unknown) => {
        if (e instanceof HttpException && e.getStatus() === 404) return undefined;
        throw e;
      });
      const stored = entity && (await this.reviews.latestForCase(entity.id));
      if (stored) items.push(caseScore(stored, scoreStored(stored, sheet, JSON.parse(entity.document) as CaseFile)));
    }
    return { items };
  }

  @Get(':caseId')
  @ApiOperation({ summary: '案卷最近一次审查的得分', description: '合法性、规范性等分项、否决项、待人工评分项以评分表为准。404 REVIEW_NOT_FOUND：尚未审查。' })
  @ApiQuery({ name: 'sheet', required: false })
  async get(@Param('caseId') caseId: string, @Query('sheet') sheetId: unknown): Promise<CaseScore & { score: ScoreResult; review: Omit<StoredReview, 'result'> }> {
    const entity = await this.cases.getEntity(caseId);
    const stored = await this.reviews.latestForCase(entity.id);
    if (!stored) notFound(`案卷 ${entity.caseNumber} 尚无审查结果`, 'REVIEW_NOT_FOUND');
    const score = scoreStored(stored, sheetOf(sheetId), JSON.parse(entity.document) as CaseFile);
    const { result: _result, ...review } = stored;
    return { ...caseScore(stored, score), score, review };
  }
}
