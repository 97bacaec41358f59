/**
 * Per-review context: the case file indexed once (documents by type and id), the pack, the calendar with a
 * memo, and the fact cache. Everything a check needs goes through here.
 */
import type { CaseDocument, CaseFile, LegalDate, PenaltyKind } from '../case-file/types';
import type { LegalCalendarApi, PeriodRequest, PeriodResult } from '../calendar/types';
import type { ReviewMode } from './types';
import type { RulePack } from './pack/types';
import { resolveFact, type FactValue } from './facts';

const periodMemo = new WeakMap<LegalCalendarApi, Map<string, PeriodResult>>();
const MEMO_LIMIT = 100_000;

export class ReviewContext {
  readonly docsByType = new Map<string, CaseDocument[]>();
  readonly docsById = new Map<string, CaseDocument>();
  private readonly factCache = new Map<string, FactValue | null>();
  private readonly memo: Map<string, PeriodResult>;
  private penaltyKindSet?: Set<PenaltyKind>;

  constructor(
    readonly caseFile: CaseFile,
    readonly mode: ReviewMode,
    readonly asOf: LegalDate,
    readonly pack: RulePack,
    readonly calendar: LegalCalendarApi,
    /** false while 未录入 reads are tracked per rule (./entry-tracking.ts): a cached fact would hide its reads */
    private readonly cacheFacts = true,
  ) {
    for (const doc of caseFile.documents) {
      let list = this.docsByType.get(doc.type);
      if (!list) this.docsByType.set(doc.type, (list = []));
      list.push(doc);
      this.docsById.set(doc.id, doc);
    }
    let memo = periodMemo.get(calendar);
    if (!memo) periodMemo.set(calendar, (memo = new Map()));
    this.memo = memo;
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
      for (const t of DECISION_TYPES) for (const d of this.docs(t)) for (const k of d.penaltyKinds ?? []) set.add(k);
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
    const key =
      req.start + '|' + req.amount + '|' + req.unit + '|' + (req.direction ?? 'f') + '|' + (req.roll ?? '') + '|' +
      (req.backwardReading ?? '') + '|' + (req.basis ?? '') + '|' +
      (req.exclusions ? req.exclusions.map((e) => e.from + e.to + e.reason).join(',') : '');
    let res = this.memo.get(key);
    if (!res) {
      res = this.calendar.computePeriod(req);
      if (this.memo.size > MEMO_LIMIT) this.memo.clear();
      this.memo.set(key, res);
    }
    return res;
  }
}

const EMPTY: CaseDocument[] = [];
export const DECISION_TYPES = ['penalty_decision', 'on_the_spot_decision', 'daily_penalty_decision', 'no_penalty_decision'];
