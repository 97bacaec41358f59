/**
 * Per-review context: the case file indexed once (documents by type and id), the pack, the calendar with its
 * period memo, and the fact cache. Everything a check needs goes through here.
 */
import type { CaseDocument, CaseFile, EducationRecord, LegalDate, PenaltyKind } from '../case-file/types';
import { EDUCATION_RECORD_TYPE } from '../domain/document-types';
import { getPath, matchesWhere, type Where } from './conditions';
import type { LegalCalendarApi, PeriodRequest, PeriodResult } from '../calendar/types';
import type { ReviewMode } from './types';
import type { RulePack } from './pack/types';
import { resolveFact, type FactValue } from './facts';

const MEMO_LIMIT = 100_000;

/**
 * Periods already counted on one calendar (the same start, length and exclusions give the same end): held by a
 * RuleEngine for all the files it reviews, or by one review alone. Cleared when it grows past `limit` entries.
 */
export class PeriodMemo {
  private readonly results = new Map<string, PeriodResult>();

  constructor(
    readonly calendar: LegalCalendarApi,
    private readonly limit = MEMO_LIMIT,
  ) {}

  get size(): number {
    return this.results.size;
  }

  period(req: PeriodRequest): PeriodResult {
    const key =
      req.start + '|' + req.amount + '|' + req.unit + '|' + (req.direction ?? 'f') + '|' + (req.roll ?? '') + '|' +
      (req.backwardReading ?? '') + '|' + (req.basis ?? '') + '|' +
      (req.exclusions ? req.exclusions.map((e) => e.from + e.to + e.reason).join(',') : '');
    let res = this.results.get(key);
    if (!res) {
      res = this.calendar.computePeriod(req);
      if (this.results.size >= this.limit) this.results.clear();
      this.results.set(key, res);
    }
    return res;
  }
}

export class ReviewContext {
  readonly docsByType = new Map<string, CaseDocument[]>();
  readonly docsById = new Map<string, CaseDocument>();
  private readonly factCache = new Map<string, FactValue | null>();
  private penaltyKindSet?: Set<PenaltyKind>;

  constructor(
    readonly caseFile: CaseFile,
    readonly mode: ReviewMode,
    readonly asOf: LegalDate,
    readonly pack: RulePack,
    readonly calendar: LegalCalendarApi,
    /** false while 未录入 reads are tracked per rule (./entry-tracking.ts): a cached fact would hide its reads */
    private readonly cacheFacts = true,
    /** the periods counted so far (a RuleEngine's, shared by the files it reviews; else this review's own) */
    private readonly periods: PeriodMemo = new PeriodMemo(calendar),
  ) {
    if (periods.calendar !== calendar) throw new Error('PeriodMemo belongs to another calendar');
    for (const doc of caseFile.documents) {
      let list = this.docsByType.get(doc.type);
      if (!list) this.docsByType.set(doc.type, (list = []));
      list.push(doc);
      this.docsById.set(doc.id, doc);
    }
  }

  /** told of each document type looked for and not found (./entry-tracking.ts: an incomplete document list) */
  absentTypeListener?: (type: string) => void;

  docs(type: string): CaseDocument[] {
    const list = this.docsByType.get(type);
    if (!list) this.absentTypeListener?.(type);
    return list ?? EMPTY;
  }

  docsOf(types: readonly string[]): CaseDocument[] {
    if (types.length === 1) return this.docs(types[0]);
    const out: CaseDocument[] = [];
    for (const t of types) {
      const list = this.docsByType.get(t);
      if (list) out.push(...list);
      else this.absentTypeListener?.(t);
    }
    return out;
  }

  /**
   * The documents of the types, where 普法教育记录 kept in `educationRecords` count as documents of type
   * education_record (dated by the day they were held) — for checks that ask "is there one, and when".
   */
  docsWithRecords(types: readonly string[]): CaseDocument[] {
    const docs = this.docsOf(types);
    if (!types.includes(EDUCATION_RECORD_TYPE)) return docs;
    const records = this.caseFile.educationRecords ?? [];
    return records.length ? [...docs, ...records.map((r) => this.recordAsDocument(r))] : docs;
  }

  private recordAsDocument(r: EducationRecord): CaseDocument {
    return { id: r.id, type: EDUCATION_RECORD_TYPE, madeOn: r.heldOn, title: this.docName(EDUCATION_RECORD_TYPE) } as CaseDocument;
  }

  /**
   * What a rule about the contents of documents of the types looks at: each document (matching `where`, holding
   * every field of `whereHas`). For education_record it is each record of `educationRecords` (matching `where`):
   * the record is the structured form of a 普法教育记录 (heldOn, place, educatees …), which a document of that
   * type does not carry.
   */
  targets(types: readonly string[], where?: Where, whereHas?: readonly string[]): Target[] {
    const out: Target[] = [];
    for (const t of types) {
      if (t === EDUCATION_RECORD_TYPE) {
        for (const r of this.caseFile.educationRecords ?? [])
          if (matchesWhere(r, where)) out.push({ id: r.id, name: this.docName(t), label: `${this.docName(t)}（${r.heldOn}）`, obj: r });
        continue;
      }
      for (const d of this.docs(t))
        if (matchesWhere(d, where) && (!whereHas || whereHas.every((f) => getPath(d, f) !== undefined)))
          out.push({ id: d.id, name: this.docName(d.type), label: this.docLabel(d), obj: d, signatories: d.signatories });
    }
    return out;
  }

  /** documents of a group of the catalog (rules/document-types.yaml `groups`), in the group's order */
  docsInGroup(group: string): CaseDocument[] {
    return this.docsOf(this.pack.documentTypes.group(group));
  }

  has(type: string): boolean {
    const found = this.docsByType.has(type);
    if (!found) this.absentTypeListener?.(type);
    return found;
  }

  docName(type: string): string {
    return this.pack.documentTypes.get(type)?.name ?? type;
  }

  /** 文书名称 + 文号 (or id) for messages */
  docLabel(doc: CaseDocument): string {
    const name = this.docName(doc.type);
    return doc.docNumber ? `${name}（${doc.docNumber}）` : `${name}（${doc.id}）`;
  }

  fact(name: string): FactValue | undefined {
    if (!this.cacheFacts) return resolveFact(name, this) ?? undefined;
    if (this.factCache.has(name)) return this.factCache.get(name) ?? undefined;
    const value = resolveFact(name, this) ?? null;
    this.factCache.set(name, value);
    return value ?? undefined;
  }

  penaltyKinds(): Set<PenaltyKind> {
    if (!this.penaltyKindSet || !this.cacheFacts) {
      const set = new Set<PenaltyKind>(this.caseFile.case.penalty?.kinds ?? []);
      for (const d of this.docsInGroup('decision')) for (const k of d.penaltyKinds ?? []) set.add(k);
      this.penaltyKindSet = set;
    }
    return this.penaltyKindSet;
  }

  /** the party a document concerns (its partyId, else the only/first party) */
  partyOf(doc: { partyId?: string }) {
    const parties = this.caseFile.parties;
    if (doc.partyId) return parties.find((p) => p.id === doc.partyId);
    return parties[0];
  }

  period(req: PeriodRequest): PeriodResult {
    return this.periods.period(req);
  }
}

/** a document or 普法教育记录 a check looks at */
export interface Target {
  id: string;
  /** 文书名称 */
  name: string;
  /** 文书名称 + 文号 / id, or 普法教育记录（date） */
  label: string;
  obj: CaseDocument | EducationRecord;
  signatories?: CaseDocument['signatories'];
}

const EMPTY: CaseDocument[] = [];
