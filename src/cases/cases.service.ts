import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { apiError, ApiException, badRequest, conflict, notFound, type ValidationIssue } from '../common/errors';
import { validateCaseFile } from '../core/case-file/validate';
import type { CaseFile, CaseStatus } from '../core/case-file/types';
import { CaseFileEntity } from './case-file.entity';
import { caseYear } from './case-summary';
import { CaseSummaryService, type CaseListFilter, type CaseListPaging, type CaseListResult } from './case-summary.service';

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the API returns about a stored case (the envelope); `caseFile` only where the full file is asked for. */
export interface CaseRecord {
  id: string;
  caseNumber: string;
  agency: string;
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
    status: row.status,
    year: row.year,
    partyNames: row.partyNames ? row.partyNames.split('\n') : [],
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...(withCaseFile ? { caseFile: JSON.parse(row.document) as CaseFile } : {}),
  };
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
    private readonly summaries: CaseSummaryService,
  ) {}

  // —— reading ——

  /** The stored row; 400 INVALID_ID for a malformed id, 404 CASE_NOT_FOUND when absent. */
  async getEntity(id: string): Promise<CaseFileEntity> {
    if (!UUID_RE.test(id)) {
      badRequest([{ path: 'id', code: 'INVALID_ID', message: `案卷 id 格式错误：'${id}'（应为 UUID）` }], `案卷 id 格式错误：'${id}'`, 'INVALID_ID');
    }
    const row = await this.repo.findOneBy({ id: id.toLowerCase() });
    if (!row) notFound(`案卷不存在：${id}`, 'CASE_NOT_FOUND');
    return row;
  }

  /** The envelope plus the case file exactly as submitted. */
  async get(id: string): Promise<CaseRecord> {
    return toRecord(await this.getEntity(id), true);
  }

  /** The case file exactly as submitted (400/404 as getEntity). Used by review, reports and exports. */
  async getCaseFile(id: string): Promise<CaseFile> {
    return JSON.parse((await this.getEntity(id)).document) as CaseFile;
  }

  /** The case list, read from the summary tables only (case-summary.service.ts). */
  async list(query: CaseListQuery): Promise<CaseList> {
    const { page, pageSize, after, ...filter } = query;
    return this.summaries.list(filter, { page, pageSize, after });
  }

  async count(): Promise<number> {
    return this.repo.count();
  }

  /** Whether a case with this agency + case number is stored (its id), for loaders that skip existing cases. */
  async findIdByCaseNumber(agency: string, caseNumber: string): Promise<string | undefined> {
    return (await this.repo.findOneBy({ agency, caseNumber }))?.id;
  }

  // —— writing ——

  /** Validate and store a new case file. 400 VALIDATION_FAILED, 409 CASE_NUMBER_EXISTS. */
  async create(input: unknown): Promise<CaseRecord> {
    const caseFile = this.validOrThrow(input);
    await this.assertCaseNumberFree(caseFile);
    const now = new Date();
    const row = this.repo.create({
      id: randomUUID(),
      ...this.columnsOf(caseFile),
      createdAt: now,
      updatedAt: now,
    });
    try {
      await this.repo.insert(row);
    } catch (e) {
      if (isUniqueViolation(e)) this.caseNumberTaken(caseFile, undefined);
      throw e;
    }
    const stored = await this.repo.findOneByOrFail({ id: row.id });
    await this.summaries.caseWritten(stored, caseFile);
    return toRecord(stored, false);
  }

  /**
   * Replace a stored case file. 404, 409 CASE_ARCHIVED (已归档案卷只读), 400 VALIDATION_FAILED,
   * 409 CASE_NUMBER_EXISTS, 412 VERSION_CONFLICT (when `expectedVersion` is given and differs, or when another
   * writer got in between).
   */
  async replace(id: string, input: unknown, expectedVersion?: number): Promise<CaseRecord> {
    const row = await this.assertWritable(id);
    if (expectedVersion !== undefined && expectedVersion !== row.version) this.versionConflict(row.version, expectedVersion);
    const caseFile = this.validOrThrow(input);
    await this.assertCaseNumberFree(caseFile, row.id);
    let affected: number | undefined;
    try {
      const result = await this.repo
        .createQueryBuilder()
        .update(CaseFileEntity)
        .set({ ...this.columnsOf(caseFile), updatedAt: new Date() })
        .where('id = :id AND version = :version', { id: row.id, version: row.version })
        .execute();
      affected = result.affected;
    } catch (e) {
      if (isUniqueViolation(e)) this.caseNumberTaken(caseFile, undefined);
      throw e;
    }
    if (affected === 0) this.versionConflict(undefined, row.version);
    const stored = await this.repo.findOneByOrFail({ id: row.id });
    await this.summaries.caseWritten(stored, caseFile);
    return toRecord(stored, false);
  }

  /** Delete a case. 404, 409 CASE_ARCHIVED. */
  async remove(id: string, expectedVersion?: number): Promise<void> {
    const row = await this.assertWritable(id);
    if (expectedVersion !== undefined && expectedVersion !== row.version) this.versionConflict(row.version, expectedVersion);
    await this.repo.delete({ id: row.id });
  }

  /** 409 CASE_ARCHIVED if the case is archived (归档后不得修改、增加、抽取案卷材料); 400/404 as getEntity. */
  async assertWritable(id: string): Promise<CaseFileEntity> {
    const row = await this.getEntity(id);
    if (row.status === 'archived') {
      conflict(`案卷已归档，不得修改或删除：${row.caseNumber}`, 'CASE_ARCHIVED', [
        { path: 'case.status', code: 'CASE_ARCHIVED', message: `案卷 ${row.caseNumber} 已归档（archived），为只读` },
      ]);
    }
    return row;
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
    const result = validateCaseFile(input);
    if (!result.ok) {
      badRequest(result.errors, `案卷数据校验未通过（共 ${result.errors.length} 处问题）`, 'VALIDATION_FAILED');
    }
    return result.value;
  }

  private columnsOf(caseFile: CaseFile) {
    return {
      caseNumber: caseFile.case.caseNumber,
      agency: caseFile.case.agency,
      status: caseFile.case.status,
      year: caseYear(caseFile),
      partyNames: caseFile.parties.map((p) => p.name).join('\n'),
      document: JSON.stringify(caseFile),
    };
  }

  private async assertCaseNumberFree(caseFile: CaseFile, exceptId?: string): Promise<void> {
    const existing = await this.repo.findOneBy({ agency: caseFile.case.agency, caseNumber: caseFile.case.caseNumber });
    if (existing && existing.id !== exceptId) this.caseNumberTaken(caseFile, existing.id);
  }

  private caseNumberTaken(caseFile: CaseFile, existingId: string | undefined): never {
    const where = existingId ? `（已有案卷 id ${existingId}）` : '';
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
