import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { apiError, badRequest } from '../common/errors';
import { defaultCalendar } from '../core/calendar';
import type { CaseFile, CaseStatus, Procedure } from '../core/case-file/types';
import { defaultRulePack, reviewCaseFile, type ReviewResult } from '../core/engine';
import { loadScoringSheet, scoreReview } from '../core/scoring';
import type { CaseFileEntity } from './case-file.entity';
import { requestScope } from './case-scope';
import {
  deadlineRows,
  normaliseSearch,
  officerTags,
  reviewColumns,
  ruleTags,
  summaryColumns,
  tracksDeadlines,
} from './case-summary';
import { CaseDeadlineEntity, CaseSummaryEntity, CaseSummaryTagEntity } from './case-summary.entity';

/** Today's date in Asia/Shanghai (YYYY-MM-DD): the day deadlines are counted from. Tests provide a fixed day. */
export const SUMMARY_TODAY = Symbol('SUMMARY_TODAY');
export type TodayFn = () => string;

/** Exact totals up to this many matches; beyond it the list says `totalExact: false` (counting stays cheap). */
export const COUNT_LIMIT = 10_000;

export interface CaseListFilter {
  status?: CaseStatus;
  agency?: string;
  year?: number;
  /** substring of 案号 or 当事人名称 */
  q?: string;
  procedure?: Procedure;
  /** 优秀 / 良好 / 合格 / 不合格 (latest review, default sheet) */
  grade?: string;
  /** true: the latest review hit a 否决项; false: reviewed without one */
  veto?: boolean;
  /** a rule the latest review found a defect against */
  ruleId?: string;
  /** 承办人 name (exact) */
  officer?: string;
  /** a deadline falls within this many working days from today (0 = today) */
  dueWithinWorkdays?: number;
  /** the scope holds most of the agencies there are (the query then reads the list's order index) */
  wideScope?: boolean;
  /** only cases of these agencies (the caller's scope, see case-scope.ts); undefined: all */
  agencyIds?: readonly string[];
}

export interface CaseListPaging {
  page: number;
  pageSize: number;
  /** keyset cursor from a previous page's nextCursor (instead of page) */
  after?: string;
}

export interface CaseListItem {
  id: string;
  caseNumber: string;
  agency: string;
  status: CaseStatus;
  year: number;
  procedure: Procedure;
  partyNames: string[];
  /** 承办人 */
  officers: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
  latestReview: {
    id: string;
    reviewedAt: string;
    caseVersion: number;
    /** the case was changed after this review */
    stale: boolean;
    mode: string;
    findingCount: number;
    score: number;
    grade: string;
    veto: boolean;
    sheetId: string;
  } | null;
  /** the earliest deadline from today on (files being handled) */
  nextDue: { dueOn: string; label: string; ruleId: string } | null;
}

export interface CaseListResult {
  items: CaseListItem[];
  total: number;
  /** false when more than COUNT_LIMIT cases match: total is then COUNT_LIMIT */
  totalExact: boolean;
  page: number;
  pageSize: number;
  /** pass as ?after= for the next page (keyset paging); null on the last page */
  nextCursor: string | null;
}

export interface DeadlineQuery {
  agency?: string;
  /** only cases of these agencies; defaults to the requesting user's scope (case-scope.ts) */
  agencyIds?: readonly string[];
  withinWorkdays: number;
  limit: number;
}

export interface DeadlineItem {
  caseId: string;
  caseNumber: string;
  agency: string;
  ruleId: string;
  label: string;
  dueOn: string;
  /** calendar days from today */
  daysLeft: number;
  /** how the due date was computed, step by step */
  calendar: string[];
}

export interface DeadlineView {
  asOf: string;
  withinWorkdays: number;
  /** the last day of the window (the withinWorkdays-th working day after today) */
  through: string;
  /** how `through` was counted */
  window: string[];
  total: number;
  items: DeadlineItem[];
}

const SUMMARY_COLUMNS = [
  'caseId', 'caseNumber', 'agency', 'status', 'year', 'procedure', 'partyNames', 'officers', 'version', 'createdAt', 'updatedAt',
  'reviewId', 'reviewedAt', 'reviewedVersion', 'reviewMode', 'findingCount', 'vetoCount', 'score', 'grade', 'sheetId',
] as const;

function lines(s: string): string[] {
  return s ? s.split('\n') : [];
}

function toItem(s: CaseSummaryEntity, nextDue: CaseListItem['nextDue']): CaseListItem {
  return {
    id: s.caseId,
    caseNumber: s.caseNumber,
    agency: s.agency,
    status: s.status,
    year: s.year,
    procedure: s.procedure,
    partyNames: lines(s.partyNames),
    officers: lines(s.officers),
    version: s.version,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    latestReview:
      s.reviewId == null
        ? null
        : {
            id: s.reviewId,
            reviewedAt: s.reviewedAt!,
            caseVersion: s.reviewedVersion!,
            stale: s.reviewedVersion !== s.version,
            mode: s.reviewMode!,
            findingCount: s.findingCount!,
            score: Number(s.score),
            grade: s.grade!,
            veto: (s.vetoCount ?? 0) > 0,
            sheetId: s.sheetId!,
          },
    nextDue,
  };
}

/** LIKE pattern for a substring, wildcards escaped (a search for "50%" finds "50%"). */
function likePattern(s: string): string {
  return '%' + s.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

function encodeCursor(s: Pick<CaseSummaryEntity, 'createdAt' | 'caseNumber' | 'caseId'>): string {
  return Buffer.from(JSON.stringify([s.createdAt, s.caseNumber, s.caseId]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): [string, string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'string')) return v as [string, string, string];
  } catch {
    // reported below
  }
  return badRequest([{ path: 'query.after', code: 'INVALID_CURSOR', message: '查询参数「after」无效：应为上一页返回的 nextCursor' }], '查询参数有误（共 1 处）', 'INVALID_QUERY');
}

/**
 * Keeps the summary tables in step with the cases (on every write and every stored review) and answers the
 * case list and the deadline view from them alone.
 */
@Injectable()
export class CaseSummaryService implements OnApplicationBootstrap {
  private readonly logger = new Logger('CaseSummaries');
  private readonly postgres: boolean;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SUMMARY_TODAY) private readonly today: TodayFn,
  ) {
    this.postgres = db.options.type === 'postgres';
  }

  /** Build the summary of every case that has none (cases stored before the summaries existed). */
  async onApplicationBootstrap(): Promise<void> {
    let built = 0;
    for (;;) {
      const rows = (await this.db.query(
        `SELECT c.id, c.agency_id, c.document, c.version, c.created_at, c.updated_at FROM case_files c
         WHERE NOT EXISTS (SELECT 1 FROM case_summaries s WHERE s.case_id = c.id) ORDER BY c.id LIMIT 500`,
      )) as { id: string; agency_id: string | null; document: string; version: number; created_at: string; updated_at: string }[];
      if (rows.length === 0) break;
      for (const r of rows) {
        await this.caseWritten(
          { id: r.id, agencyId: r.agency_id, version: r.version, createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at) },
          JSON.parse(r.document) as CaseFile,
        );
      }
      built += rows.length;
    }
    if (built) this.logger.log(`已为 ${built} 个已保存案卷生成列表摘要`);
  }

  // —— writing ——

  /**
   * A case was stored or replaced: its summary columns, 承办人 tags and upcoming deadlines (draft-mode review as of
   * today, for files being handled). The latest review's columns are kept (they say which version they saw).
   */
  async caseWritten(row: Pick<CaseFileEntity, 'id' | 'agencyId' | 'version' | 'createdAt' | 'updatedAt'>, caseFile: CaseFile, manager?: EntityManager): Promise<void> {
    const columns = summaryColumns(caseFile);
    const deadlines = tracksDeadlines(columns.status)
      ? deadlineRows(reviewCaseFile(caseFile, { mode: 'draft', asOf: this.today() }, { pack: defaultRulePack(), calendar: defaultCalendar() }).upcoming)
      : [];
    const write = async (m: EntityManager) => {
      const values = { ...columns, agencyId: row.agencyId, version: row.version, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
      const updated = await m.createQueryBuilder().update(CaseSummaryEntity).set(values).where('case_id = :id', { id: row.id }).execute();
      if (!updated.affected) await m.insert(CaseSummaryEntity, { caseId: row.id, ...values });
      await m.delete(CaseSummaryTagEntity, { caseId: row.id, kind: 'officer' });
      const officers = officerTags(caseFile);
      if (officers.length) await m.insert(CaseSummaryTagEntity, officers.map((value) => ({ kind: 'officer' as const, value, caseId: row.id })));
      await m.delete(CaseDeadlineEntity, { caseId: row.id });
      if (deadlines.length) {
        await m.insert(CaseDeadlineEntity, deadlines.map((d) => ({ ...d, caseId: row.id, agency: columns.agency, agencyId: row.agencyId, caseNumber: columns.caseNumber })));
      }
    };
    if (manager) await write(manager);
    else await this.db.transaction(write);
  }

  /** A review of a stored case was stored: score it with the default sheet and keep score, grade, veto and rule ids. */
  async reviewStored(caseId: string, stored: { id: string; createdAt: string; caseVersion: number }, review: ReviewResult, caseFile: CaseFile): Promise<void> {
    // the 细则 sheet scores documents: it needs the case file itself
    const score = scoreReview(review, loadScoringSheet(), { caseFile });
    const columns = reviewColumns(stored, review, score);
    await this.db.transaction(async (m) => {
      const updated = await m
        .createQueryBuilder()
        .update(CaseSummaryEntity)
        .set(columns)
        .where('case_id = :caseId AND (reviewed_at IS NULL OR reviewed_at <= :at)', { caseId, at: columns.reviewedAt })
        .execute();
      if (!updated.affected) return; // a later review is already recorded (or the case is gone)
      await m.delete(CaseSummaryTagEntity, { caseId, kind: 'rule' });
      const rules = ruleTags(review);
      if (rules.length) await m.insert(CaseSummaryTagEntity, rules.map((value) => ({ kind: 'rule' as const, value, caseId })));
    });
  }

  // —— reading ——

  async list(filter: CaseListFilter, paging: CaseListPaging): Promise<CaseListResult> {
    const today = this.today();
    const through = filter.dueWithinWorkdays !== undefined ? this.windowEnd(today, filter.dueWithinWorkdays).through : undefined;
    const filtered = () => this.filtered(filter, today, through);

    const page = filtered().select(SUMMARY_COLUMNS.map((c) => `s.${c}`));
    page.orderBy('s.created_at', 'DESC').addOrderBy('s.case_number', 'ASC').addOrderBy('s.case_id', 'ASC');
    if (paging.after) {
      const [createdAt, caseNumber, caseId] = decodeCursor(paging.after);
      page.andWhere('(s.created_at < :cAt OR (s.created_at = :cAt AND (s.case_number > :cNo OR (s.case_number = :cNo AND s.case_id > :cId))))', {
        cAt: createdAt,
        cNo: caseNumber,
        cId: caseId,
      });
    } else {
      page.offset((paging.page - 1) * paging.pageSize);
    }
    page.limit(paging.pageSize + 1);

    const [countSql, countParameters] = filtered().select('1', 'one').limit(COUNT_LIMIT + 1).getQueryAndParameters();
    const [rows, countRows] = await Promise.all([
      page.getMany(),
      this.db.query(`SELECT COUNT(*) AS n FROM (${countSql}) m`, countParameters) as Promise<{ n: string | number }[]>,
    ]);
    const more = rows.length > paging.pageSize;
    if (more) rows.pop();
    const n = Number(countRows[0].n);
    const due = await this.nextDue(rows.map((r) => r.caseId), today);
    return {
      items: rows.map((r) => toItem(r, due.get(r.caseId) ?? null)),
      total: Math.min(n, COUNT_LIMIT),
      totalExact: n <= COUNT_LIMIT,
      page: paging.after ? 0 : paging.page,
      pageSize: paging.pageSize,
      nextCursor: more ? encodeCursor(rows[rows.length - 1]) : null,
    };
  }

  /** GET /api/deadlines: deadlines due from today through the withinWorkdays-th working day, earliest first. */
  async deadlines(query: DeadlineQuery): Promise<DeadlineView> {
    const today = this.today();
    const { through, window } = this.windowEnd(today, query.withinWorkdays);
    const qb = this.db
      .getRepository(CaseDeadlineEntity)
      .createQueryBuilder('d')
      .where('d.due_on >= :today AND d.due_on <= :through', { today, through });
    if (query.agency) qb.andWhere('d.agency = :agency', { agency: query.agency });
    const scope = query.agencyIds ?? requestScope();
    if (scope) {
      qb.andWhere(scope.length ? 'd.agency_id IN (:...agencyIds)' : '1 = 0', { agencyIds: [...scope] });
    }
    const [rows, total] = await qb
      .orderBy('d.due_on', 'ASC')
      .addOrderBy('d.agency', 'ASC')
      .addOrderBy('d.case_number', 'ASC')
      .addOrderBy('d.seq', 'ASC')
      .take(query.limit)
      .getManyAndCount();
    const dayMs = 86_400_000;
    const day = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / dayMs;
    return {
      asOf: today,
      withinWorkdays: query.withinWorkdays,
      through,
      window,
      total,
      items: rows.map((r) => ({
        caseId: r.caseId,
        caseNumber: r.caseNumber,
        agency: r.agency,
        ruleId: r.ruleId,
        label: r.label,
        dueOn: r.dueOn,
        daysLeft: day(r.dueOn) - day(today),
        calendar: JSON.parse(r.calendar) as string[],
      })),
    };
  }

  // —— helpers ——

  /** today + n working days (n = 0: today), counted by the legal calendar; 409 when the year has no schedule. */
  private windowEnd(today: string, workdays: number): { through: string; window: string[] } {
    if (workdays === 0) return { through: today, window: [`今日 ${today}`] };
    const r = defaultCalendar().computePeriod({ start: today, amount: workdays, unit: 'workday', roll: 'strict' });
    if (r.status !== 'ok' || !r.end) {
      throw apiError(409, 'CALENDAR_UNDETERMINABLE', `无法判定 ${today} 起 ${workdays} 个工作日的截止日：缺少 ${(r.missingYears ?? []).join('、')} 年的国务院放假安排`, [
        { path: 'query.withinWorkdays', code: 'CALENDAR_UNDETERMINABLE', message: r.explanation.join('；') },
      ]);
    }
    return { through: r.end, window: r.explanation };
  }

  private filtered(filter: CaseListFilter, today: string, through: string | undefined): SelectQueryBuilder<CaseSummaryEntity> {
    const qb = this.db.getRepository(CaseSummaryEntity).createQueryBuilder('s');
    if (filter.agencyIds) {
      // A wide scope (a 市局 above many 分局) matches most rows: SQLite would still read it through the agency_id
      // index, 200 index ranges and a sort of every match, instead of walking the list's order index and stopping
      // after one page. The unary + keeps the term out of SQLite's index choice; a narrow scope keeps its index.
      const column = !this.postgres && filter.wideScope ? '+s.agency_id' : 's.agency_id';
      qb.andWhere(filter.agencyIds.length ? `${column} IN (:...agencyIds)` : '1 = 0', { agencyIds: [...filter.agencyIds] });
    }
    if (filter.status) qb.andWhere('s.status = :status', { status: filter.status });
    if (filter.agency) qb.andWhere('s.agency = :agency', { agency: filter.agency });
    if (filter.year != null) qb.andWhere('s.year = :year', { year: filter.year });
    if (filter.procedure) qb.andWhere('s.procedure = :procedure', { procedure: filter.procedure });
    if (filter.grade) qb.andWhere('s.grade = :grade', { grade: filter.grade });
    if (filter.veto === true) qb.andWhere('s.veto_count > 0');
    if (filter.veto === false) qb.andWhere('s.veto_count = 0');
    if (filter.ruleId) {
      qb.andWhere(`s.case_id IN (SELECT t.case_id FROM case_summary_tags t WHERE t.kind = 'rule' AND t.value = :ruleId)`, { ruleId: filter.ruleId });
    }
    if (filter.officer) {
      qb.andWhere(`s.case_id IN (SELECT t.case_id FROM case_summary_tags t WHERE t.kind = 'officer' AND t.value = :officer)`, { officer: filter.officer });
    }
    if (through !== undefined) {
      qb.andWhere('s.case_id IN (SELECT d.case_id FROM case_deadlines d WHERE d.due_on >= :dueFrom AND d.due_on <= :dueThrough)', {
        dueFrom: today,
        dueThrough: through,
      });
    }
    if (filter.q) {
      const q = normaliseSearch(filter.q);
      // SQLite's trigram index answers substrings of three or more characters; shorter ones scan the column
      if (!this.postgres && [...q].length >= 3) {
        qb.andWhere('s.seq IN (SELECT rowid FROM case_summary_fts WHERE case_summary_fts MATCH :match)', { match: `"${q.replace(/"/g, '""')}"` });
      } else {
        qb.andWhere("s.search_text LIKE :q ESCAPE '\\'", { q: likePattern(q) });
      }
    }
    return qb;
  }

  private async nextDue(caseIds: string[], today: string): Promise<Map<string, NonNullable<CaseListItem['nextDue']>>> {
    const out = new Map<string, NonNullable<CaseListItem['nextDue']>>();
    if (caseIds.length === 0) return out;
    const rows = await this.db
      .getRepository(CaseDeadlineEntity)
      .createQueryBuilder('d')
      .select(['d.caseId', 'd.dueOn', 'd.label', 'd.ruleId', 'd.seq'])
      .where('d.case_id IN (:...ids) AND d.due_on >= :today', { ids: caseIds, today })
      .orderBy('d.due_on', 'ASC')
      .addOrderBy('d.seq', 'ASC')
      .getMany();
    for (const r of rows) if (!out.has(r.caseId)) out.set(r.caseId, { dueOn: r.dueOn, label: r.label, ruleId: r.ruleId });
    return out;
  }
}
