import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, QueryFailedError, Repository } from 'typeorm';
import { AgenciesService } from '../agencies/agencies.service';
import type { AgencyEntity } from '../agencies/agency.entity';
import { apiError, ApiException, badRequest, conflict, notFound, type ValidationIssue } from '../common/errors';
import { currentRequest } from '../common/request-context';
import { caseKey } from '../core/case-file/case-number-key';
import { checkJsonValue } from '../core/case-file/json-guard';
import { validateCaseFile } from '../core/case-file/validate';
import type { CaseFile, CaseStatus } from '../core/case-file/types';
import { CaseFileEntity } from './case-file.entity';
import { type CaseScope, requestScope } from './case-scope';
import { caseYear } from './case-summary';
import { CaseSummaryService, type CaseListFilter, type CaseListPaging, type CaseListResult } from './case-summary.service';

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** ids per query when many stored cases are looked up at once (well under the bound-parameter limits of SQLite and PostgreSQL) */
const CASE_ID_BATCH = 500;


/** What the API returns about a stored case (the envelope); `caseFile` only where the full file is asked for. */
export interface CaseRecord {
  id: string;
  caseNumber: string;
  agency: string;
  /** the agency record the case belongs to */
  agencyId: string | null;
  status: CaseStatus;
  year: number;
  partyNames: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
  caseFile?: CaseFile;
}

export type CaseListQuery = CaseListFilter & CaseListPaging;

export type CaseList = CaseListResult;

export interface BulkItem {
  /** file name or label, echoed in the result */
  name?: string;
  caseFile: unknown;
}

export type BulkResult =
  | { index: number; name?: string; ok: true; id: string; caseNumber: string }
  | { index: number; name?: string; ok: false; statusCode: number; code: string; message: string; errors: ValidationIssue[] };

export { caseYear } from './case-summary';

function toRecord(row: CaseFileEntity, withCaseFile: boolean): CaseRecord {
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    agency: row.agency,
    agencyId: row.agencyId,
    status: row.status,
    year: row.year,
    partyNames: row.partyNames ? row.partyNames.split('\n') : [],
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...(withCaseFile ? { caseFile: JSON.parse(row.document) as CaseFile } : {}),
  };
}

/** A case id as stored (lower-case UUID); 400 INVALID_ID for anything else. */
function caseIdOf(id: string): string {
  if (!UUID_RE.test(id)) badRequest([{ path: 'id', code: 'INVALID_ID', message: `案卷 id 格式错误：'${id}'（应为 UUID）` }], `案卷 id 格式错误：'${id}'`, 'INVALID_ID');
  return id.toLowerCase();
}

function inScope(row: CaseFileEntity, scope: CaseScope): boolean {
  return scope === undefined || (row.agencyId !== null && scope.includes(row.agencyId));
}

function isUniqueViolation(e: unknown): boolean {
  if (!(e instanceof QueryFailedError)) return false;
  const d = e.driverError as { code?: string; message?: string } | undefined;
  return d?.code === '23505' || /UNIQUE constraint failed/i.test(d?.message ?? e.message);
}

@Injectable()
export class CasesService {
  private readonly logger = new Logger(CasesService.name);

  constructor(
    @InjectRepository(CaseFileEntity) private readonly repo: Repository<CaseFileEntity>,
    private readonly agencies: AgenciesService,
    private readonly summaries: CaseSummaryService,
  ) {}

  // —— reading ——

  /**
   * The stored row; 400 INVALID_ID for a malformed id, 404 CASE_NOT_FOUND when absent or outside `scope`
   * (another agency's case is not revealed to exist).
   */
  async getEntity(id: string, scope: CaseScope = requestScope()): Promise<CaseFileEntity> {
    const row = await this.repo.findOneBy({ id: caseIdOf(id) });
    if (!row || !inScope(row, scope)) notFound(`案卷不存在：${id}`, 'CASE_NOT_FOUND');
    return row;
  }

  /**
   * Several stored case files by id in one query (batch work such as evaluations): id → the case file's JSON text
   * exactly as stored, or undefined for an id that is not stored or not within the scope. Ids must be UUIDs
   * (400 INVALID_ID otherwise).
   */
  async getCaseFileTexts(ids: readonly string[], scope: CaseScope = requestScope()): Promise<Map<string, string | undefined>> {
    const wanted = ids.map(caseIdOf);
    const byId = await this.rowsInScope(wanted, { document: true }, scope);
    return new Map(ids.map((id, i) => [id, byId.get(wanted[i])?.document]));
  }

  /**
   * Which of these ids are stored cases within the scope, read CASE_ID_BATCH at a time without the documents
   * (an evaluation of 20,000 stored cases checks them in 40 queries, not 20,000). Ids must be UUIDs.
   */
  async existingCaseIds(ids: readonly string[], scope: CaseScope = requestScope()): Promise<Set<string>> {
    const found = new Set<string>();
    for (let start = 0; start < ids.length; start += CASE_ID_BATCH) {
      const batch = ids.slice(start, start + CASE_ID_BATCH);
      const wanted = batch.map(caseIdOf);
      const byId = await this.rowsInScope(wanted, {}, scope);
      batch.forEach((id, i) => byId.has(wanted[i]) && found.add(id));
    }
    return found;
  }

  /** The rows of these (normalised) ids that exist and lie within the scope, with the extra columns asked for. */
  private async rowsInScope(wanted: readonly string[], extra: { document?: true }, scope: CaseScope): Promise<Map<string, CaseFileEntity>> {
    if (wanted.length === 0) return new Map();
    const rows = await this.repo.find({ select: { id: true, agencyId: true, ...extra }, where: { id: In([...wanted]) } });
    return new Map(rows.filter((r) => inScope(r, scope)).map((r) => [r.id, r]));
  }

  /** The envelope plus the case file exactly as submitted. */
  async get(id: string, scope: CaseScope = requestScope()): Promise<CaseRecord> {
    return toRecord(await this.getEntity(id, scope), true);
  }

  /** The case file exactly as submitted (400/404 as getEntity). Used by review, reports and exports. */
  async getCaseFile(id: string, scope: CaseScope = requestScope()): Promise<CaseFile> {
    return JSON.parse((await this.getEntity(id, scope)).document) as CaseFile;
  }

  /** The case list, read from the summary tables only (case-summary.service.ts), within the caller's agencies. */
  async list(query: CaseListQuery, scope: CaseScope = requestScope()): Promise<CaseList> {
    const { page, pageSize, after, ...filter } = query;
    const wideScope = scope !== undefined && (await this.agencies.shareOfAll(scope)) > 0.5;
    return this.summaries.list({ ...filter, agencyIds: scope, wideScope }, { page, pageSize, after });
  }

  async count(): Promise<number> {
    return this.repo.count();
  }

  /**
   * Whether a case with this agency + case number is stored (its id), for loaders that skip existing cases.
   * Look-alike numbers count as the same (see caseKey).
   */
  async findIdByCaseNumber(agency: string, caseNumber: string): Promise<string | undefined> {
    const record = await this.agencies.findByName(agency);
    if (!record) return undefined;
    return (await this.repo.findOneBy({ agencyId: record.id, caseKey: caseKey(agency, caseNumber) }))?.id;
  }

  // —— writing ——

  /**
   * Validate and store a new case file. 400 VALIDATION_FAILED, 400 AGENCY_OUT_OF_SCOPE, 409 CASE_NUMBER_EXISTS.
   * The case belongs to the agency its `case.agency` names; for a user that must be within the user's agencies,
   * and a name that is no agency record files the case under the user's own agency.
   */
  async create(input: unknown): Promise<CaseRecord> {
    const caseFile = this.validOrThrow(input);
    const agency = await this.agencyFor(caseFile);
    const columns = this.columnsOf(caseFile, agency);
    await this.assertCaseNumberFree(caseFile, columns);
    const now = new Date();
    const row = this.repo.create({ id: randomUUID(), ...columns, createdAt: now, updatedAt: now, version: 1 });
    try {
      // the case and its list summary together, or neither
      await this.repo.manager.transaction(async (m) => {
        await m.insert(CaseFileEntity, row);
        await this.summaries.caseWritten(row, caseFile, m);
      });
    } catch (e) {
      if (isUniqueViolation(e)) await this.assertCaseNumberFree(caseFile, columns, undefined, true);
      throw e;
    }
    return toRecord(row, false);
  }

  /**
   * Replace a stored case file. 404, 409 CASE_ARCHIVED (已归档案卷只读), 400 VALIDATION_FAILED,
   * 409 CASE_NUMBER_EXISTS, 412 VERSION_CONFLICT (when `expectedVersion` is given and differs, or when another
   * writer got in between).
   *
   * The UPDATE itself carries the conditions (this version, not archived): a writer that archived or changed the
   * case between our read and our write makes it change nothing, and we then say why.
   */
  async replace(id: string, input: unknown, expectedVersion?: number, scope: CaseScope = requestScope()): Promise<CaseRecord> {
    const row = await this.assertWritable(id, scope);
    if (expectedVersion !== undefined && expectedVersion !== row.version) this.versionConflict(row.version, expectedVersion);
    const caseFile = this.validOrThrow(input);
    const agency = await this.agencyFor(caseFile);
    const columns = this.columnsOf(caseFile, agency);
    await this.assertCaseNumberFree(caseFile, columns, row.id);
    const written: CaseFileEntity = { ...row, ...columns, updatedAt: new Date(), version: row.version + 1 };
    let affected: number | undefined;
    try {
      // the case and its list summary together, or neither
      affected = await this.repo.manager.transaction(async (m) => {
        const result = await m
          .createQueryBuilder()
          .update(CaseFileEntity)
          .set({ ...columns, updatedAt: written.updatedAt })
          .where('id = :id AND version = :version AND status <> :archived', { id: row.id, version: row.version, archived: 'archived' })
          .execute();
        if (result.affected) await this.summaries.caseWritten(written, caseFile, m);
        return result.affected;
      });
    } catch (e) {
      if (isUniqueViolation(e)) await this.assertCaseNumberFree(caseFile, columns, row.id, true);
      throw e;
    }
    if (affected === 0) await this.explainNoWrite(row, scope);
    // what was written, not a re-read: a racing DELETE may already have removed the row we just updated
    return toRecord(written, false);
  }

  /**
   * Delete a case. 404, 409 CASE_ARCHIVED, 412 VERSION_CONFLICT with `expectedVersion`. The DELETE itself is
   * conditional on the case not being archived (and on the version, if given), so an archiving write that commits
   * between our check and our delete wins: an archived case is never deleted.
   */
  async remove(id: string, expectedVersion?: number, scope: CaseScope = requestScope()): Promise<CaseFileEntity> {
    const row = await this.assertWritable(id, scope);
    if (expectedVersion !== undefined && expectedVersion !== row.version) this.versionConflict(row.version, expectedVersion);
    const qb = this.repo
      .createQueryBuilder()
      .delete()
      .from(CaseFileEntity)
      .where('id = :id AND status <> :archived', { id: row.id, archived: 'archived' });
    if (expectedVersion !== undefined) qb.andWhere('version = :version', { version: row.version });
    const result = await qb.execute();
    if (result.affected === 0) await this.explainNoWrite(row, scope);
    return row;
  }

  /** 409 CASE_ARCHIVED if the case is archived (归档后不得修改、增加、抽取案卷材料); 400/404 as getEntity. */
  async assertWritable(id: string, scope: CaseScope = requestScope()): Promise<CaseFileEntity> {
    const row = await this.getEntity(id, scope);
    if (row.status === 'archived') this.archived(row);
    return row;
  }

  /** A conditional write changed nothing: the case is gone (404), was archived (409) or changed (412). */
  private async explainNoWrite(before: CaseFileEntity, scope: CaseScope): Promise<never> {
    const now = await this.repo.findOneBy({ id: before.id });
    if (!now || !inScope(now, scope)) notFound(`案卷不存在：${before.id}`, 'CASE_NOT_FOUND');
    if (now.status === 'archived') this.archived(now);
    return this.versionConflict(undefined, before.version);
  }

  private archived(row: CaseFileEntity): never {
    return conflict(`案卷已归档，不得修改或删除：${row.caseNumber}`, 'CASE_ARCHIVED', [
      { path: 'case.status', code: 'CASE_ARCHIVED', message: `案卷 ${row.caseNumber} 已归档（archived），为只读` },
    ]);
  }

  /**
   * Store many case files, each on its own: one file failing does not stop or undo the others, and a failing file
   * stores nothing. Results are in input order.
   */
  async bulkCreate(items: BulkItem[]): Promise<BulkResult[]> {
    const results: BulkResult[] = [];
    for (const [index, item] of items.entries()) {
      const label = item.name !== undefined ? { name: item.name } : {};
      try {
        const created = await this.create(item.caseFile);
        results.push({ index, ...label, ok: true, id: created.id, caseNumber: created.caseNumber });
      } catch (e) {
        if (!(e instanceof ApiException)) throw e;
        const { statusCode, code, message, errors } = e.body;
        results.push({ index, ...label, ok: false, statusCode, code, message, errors });
      }
    }
    return results;
  }

  // —— helpers ——

  private validOrThrow(input: unknown): CaseFile {
    // before validation, which walks the value recursively (see json-guard)
    const guard = checkJsonValue(input);
    if (guard) badRequest([guard], guard.code === 'TOO_DEEP' ? '案卷数据嵌套过深' : '案卷数据含有无效的 Unicode 字符', guard.code);
    const result = validateCaseFile(input);
    if (!result.ok) {
      badRequest(result.errors, `案卷数据校验未通过（共 ${result.errors.length} 处问题）`, 'VALIDATION_FAILED');
    }
    return result.value;
  }

  /**
   * The agency record a case file belongs to. For a user: the agency its `case.agency` names, which must be the
   * user's agency or below it (400 AGENCY_OUT_OF_SCOPE); a name that is no agency record → the user's own agency.
   * For the service itself (sample loading): the named agency, created as a root if absent.
   */
  private async agencyFor(caseFile: CaseFile): Promise<AgencyEntity> {
    const name = caseFile.case.agency.trim();
    const user = currentRequest()?.user;
    const named = await this.agencies.findByName(name);
    if (!user) return named ?? this.agencies.ensure(name);
    if (named) {
      if (!user.agencyIds.includes(named.id)) {
        badRequest(
          [{ path: 'case.agency', code: 'AGENCY_OUT_OF_SCOPE', message: `执法机关「${name}」不是您所在机构或其下级机构，不能以其名义保存案卷` }],
          `无权以「${name}」的名义保存案卷`,
          'AGENCY_OUT_OF_SCOPE',
        );
      }
      return named;
    }
    return this.agencies.entity(user.agencyId);
  }

  private columnsOf(caseFile: CaseFile, agency: AgencyEntity) {
    const key = caseKey(caseFile.case.agency, caseFile.case.caseNumber);
    if (key.endsWith('\n')) {
      badRequest([{ path: 'case.caseNumber', code: 'INVALID_CASE_NUMBER', message: '案号只含空白或不可见字符' }], '案号无效', 'VALIDATION_FAILED');
    }
    return {
      caseNumber: caseFile.case.caseNumber,
      caseKey: key,
      agency: caseFile.case.agency,
      agencyId: agency.id,
      status: caseFile.case.status,
      year: caseYear(caseFile),
      partyNames: caseFile.parties.map((p) => p.name).join('\n'),
      document: JSON.stringify(caseFile),
    };
  }

  /**
   * 409 CASE_NUMBER_EXISTS if the agency already has this case number — compared on caseKey, so
   * 「益环罚〔2025〕12号」 and 「益环罚[２０２５]12号 」 are the same — naming the stored case it collides with.
   * `afterUniqueViolation`: the insert/update hit the unique index (a concurrent writer); throw in any case.
   */
  private async assertCaseNumberFree(
    caseFile: CaseFile,
    columns: { agencyId: string; caseKey: string; agency: string },
    exceptId?: string,
    afterUniqueViolation = false,
  ): Promise<void> {
    const existing = await this.repo.findOneBy({ agencyId: columns.agencyId, caseKey: columns.caseKey });
    const legacy = existing ? null : await this.repo.findOneBy({ agency: columns.agency, caseNumber: caseFile.case.caseNumber });
    const clash = existing ?? legacy;
    if (clash && clash.id !== exceptId) this.caseNumberTaken(caseFile, clash);
    if (afterUniqueViolation) this.caseNumberTaken(caseFile, undefined);
  }

  private caseNumberTaken(caseFile: CaseFile, existing: CaseFileEntity | undefined): never {
    const same = existing && existing.caseNumber === caseFile.case.caseNumber;
    const where = existing ? `（已有案卷「${existing.caseNumber}」，id ${existing.id}${same ? '' : '；两者仅在空格、全角/半角或括号写法上不同'}）` : '';
    return conflict(`案号已存在：${caseFile.case.agency} ${caseFile.case.caseNumber}${where}`, 'CASE_NUMBER_EXISTS', [
      { path: 'case.caseNumber', code: 'CASE_NUMBER_EXISTS', message: `同一执法机关的案号不得重复：${caseFile.case.caseNumber}${where}` },
    ]);
  }

  private versionConflict(current: number | undefined, expected: number): never {
    throw apiError(
      HttpStatus.PRECONDITION_FAILED,
      'VERSION_CONFLICT',
      current !== undefined
        ? `案卷已被修改：当前版本 ${current}，请求基于版本 ${expected}；请重新获取后再提交`
        : `案卷在保存时已被他人修改（基于版本 ${expected}）；请重新获取后再提交`,
    );
  }
}
