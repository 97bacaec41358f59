import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { badRequest } from '../common/errors';
import {
  CalendarInputError,
  DAY_KIND_LABELS,
  parseDeadlineQuery,
  type DayInfo,
  type LegalCalendarApi,
  type PeriodRequest,
  type PeriodResult,
} from '../core/calendar';
import { LEGAL_CALENDAR } from './calendar.tokens';

export interface DeadlineResponse {
  request: PeriodRequest;
  status: PeriodResult['status'];
  end: string | null;
  arithmeticEnd: string | null;
  rolled: boolean;
  missingYears: number[];
  explanation: string[];
  dataVersion: string;
}

export interface DayResponse extends DayInfo {
  kindLabel: string | null;
  dataVersion: string;
}

/** Thin HTTP shell over the legal calendar (src/core/calendar). */
@ApiTags('期间计算 calendar')
@Controller('calendar')
export class CalendarController {
  constructor(@Inject(LEGAL_CALENDAR) private readonly calendar: LegalCalendarApi) {}

  @Get('deadline')
  @ApiOperation({
    summary: '计算期间届满日（或倒数期间的最迟日）',
    description:
      '起算日当日不计入（民法典第201条）；月、年按对应日/月末（第202条）；工作日按国务院当年放假调休安排；' +
      'roll=party 时末日为休息日顺延至其后第一个工作日（第203条），strict 不顺延。缺少某年放假安排时 status=undeterminable 并列出 missingYears。',
  })
  @ApiQuery({ name: 'start', required: true, description: '起算事件日（倒数时为目标日），YYYY-MM-DD', example: '2025-01-24' })
  @ApiQuery({ name: 'amount', required: true, description: '期间数额，正整数', example: 5 })
  @ApiQuery({ name: 'unit', required: true, enum: ['day', 'workday', 'month', 'year'], description: '日 / 工作日 / 月 / 年' })
  @ApiQuery({ name: 'direction', required: false, enum: ['forward', 'backward'], description: '向后计算（默认）或向前倒数（"七日前"）' })
  @ApiQuery({ name: 'roll', required: false, enum: ['party', 'strict'], description: '当事人期间顺延（默认）或严格不顺延' })
  @ApiQuery({ name: 'reading', required: false, enum: ['conservative', 'inclusive'], description: '倒数口径：保守（默认）或宽松' })
  @ApiQuery({ name: 'basis', required: false, description: '依据，写入说明，如"行政处罚法第64条第1款第1项、第85条"' })
  @ApiOkResponse({ description: '{ request, status, end, arithmeticEnd, rolled, missingYears, explanation, dataVersion }' })
  @ApiBadRequestResponse({ description: '参数错误：{ statusCode, code, message, errors: [{ path, code, message }] }' })
  deadline(@Query() query: Record<string, unknown>): DeadlineResponse {
    const parsed = parseDeadlineQuery(query);
    if (!parsed.ok) badRequest(parsed.errors, `期间计算参数有误（共 ${parsed.errors.length} 处问题）`);
    const r = this.compute(parsed.value);
    return {
      request: parsed.value,
      status: r.status,
      end: r.end ?? null,
      arithmeticEnd: r.arithmeticEnd ?? null,
      rolled: r.rolled ?? false,
      missingYears: r.missingYears ?? [],
      explanation: r.explanation,
      dataVersion: this.calendar.dataVersion(),
    };
  }

  @Get('day/:date')
  @ApiOperation({ summary: '某日是工作日、休息日还是调休上班日', description: '按国务院当年放假调休安排；缺少该年安排时 status=undeterminable。' })
  @ApiParam({ name: 'date', description: 'YYYY-MM-DD', example: '2025-10-11' })
  @ApiOkResponse({ description: '{ date, weekday, status, kind, kindLabel, isWorkday, name, explanation, dataVersion }' })
  @ApiBadRequestResponse({ description: '日期无效' })
  day(@Param('date') date: string): DayResponse {
    let info: DayInfo;
    try {
      info = this.calendar.dayInfo(date);
    } catch (e) {
      if (e instanceof CalendarInputError) badRequest(e.issues, `日期无效：${date}`);
      throw e;
    }
    return { ...info, kindLabel: info.kind ? DAY_KIND_LABELS[info.kind] : null, dataVersion: this.calendar.dataVersion() };
  }

  private compute(req: PeriodRequest): PeriodResult {
    try {
      return this.calendar.computePeriod(req);
    } catch (e) {
      if (e instanceof CalendarInputError) badRequest(e.issues);
      throw e;
    }
  }
}
