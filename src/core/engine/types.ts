/**
 * Rule-engine result contract. Implementation: ./engine.ts (pure; no Nest, no TypeORM).
 *
 * Every finding explains itself: rule id, 依据 (law + article as the catalog cites it), confidence,
 * the facts used, the date arithmetic step by step, and what to do about it.
 */
import type { EntryStatus, LegalDate } from '../case-file/types';
import type { PendingFact } from './entry-tracking';

export type { Severity } from '../domain/severity';
import type { Severity } from '../domain/severity';
/** 【Q】 quoted law · 【S】 second-hand · 【I】 inferred (catalog §0). 【N】 rules are never built. */
export type Confidence = 'Q' | 'S' | 'I';
/**
 * review: a closed/archived file (评查) · draft: a file still being handled, self-checked by the officer (自查) ·
 * pre-decision: 法制审核 before the decision (行政处罚法第58条) — everything due up to the decision is checked and the
 * result lists what the 决定书 must state (第59条)
 */
export type ReviewMode = 'review' | 'draft' | 'pre-decision';

export interface LegalBasis {
  /** e.g. 中华人民共和国行政处罚法 */
  law: string;
  /** e.g. 第六十四条第一款第（一）项 — only what the catalog cites */
  article: string;
  quote?: string;
  /**
   * 'Q†': the article's text was read only in a third-party copy (PDF extract, compilation), not checked against the
   * official text — set by the pack loader from rules/law; every 依据 line says so
   */
  mark?: 'Q†';
}

/** the words a 依据 line appends to an article read only in a third-party copy */
export const THIRD_PARTY_COPY_NOTE = '【Q†：第三方副本，未与官方文本核对】';

/** A fact the rule used: a document, a date, an amount … */
export interface FactRef {
  /** e.g. 决定书落款日期 */
  label: string;
  value: string | number | boolean;
  /** the document / education record / party / officer the fact comes from */
  refId?: string;
}

export interface Finding {
  ruleId: string;
  /**
   * the rule's former id when the finding comes from a former version of the law (e.g. DL-33 for DL-01 under the
   * 2010 办法): the fingerprint and facts digest are those the finding had under that id, and rulings stored on it
   * still attach
   */
  formerId?: string;
  severity: Severity;
  confidence: Confidence;
  /** 依据待核: true for rules resting on 【S】/【I】 — reports print "依据待核" */
  basisPending: boolean;
  title: string;
  message: string;
  basis: LegalBasis[];
  facts: FactRef[];
  /** legal-calendar explanation steps (Chinese), when dates were computed */
  calendar?: string[];
  /** 整改建议 */
  suggestion: string;
  /** scoring-sheet item this finding feeds, e.g. 'procedure' */
  scoringItem: string;
  /** stable across re-runs of the same file and pack */
  fingerprint: string;
  /** veto item of the scoring model (catalog §e5 V1–V12) — present only on 【Q】 findings of severity veto */
  veto?: string;
  /** the values the message was built from (dueOn, from, to, docId …) — for tests, reports and UIs */
  data?: Record<string, string | number | boolean>;
}

export interface PassedCheck {
  ruleId: string;
  title: string;
  /** e.g. "送达在7个工作日内: 2025-01-24 → 2025-01-27" */
  summary: string;
  facts: FactRef[];
  calendar?: string[];
}

export interface SkippedCheck {
  ruleId: string;
  title: string;
  reason: string;
  /** for undeterminable: the years without holiday data */
  missingYears?: number[];
  /** for undeterminable: the facts not entered yet (待补录) the rule needs */
  pending?: PendingFact[];
}

/** 录入完整度 — what is not entered yet and which checks wait for it (present only when something is pending) */
export interface EntryCompleteness {
  documents: { total: number; entered: number; partial: number; notEntered: number };
  /** the case header's 录入状态 (case information, parties, officers, education records …) */
  header: EntryStatus;
  /** per document (or the header), the fields still to enter that checks need, with the rules waiting */
  items: { refId?: string; partLabel: string; fields: { field: string; fieldLabel: string }[]; ruleIds: string[] }[];
  /** rules that could not be decided for want of entered facts */
  pendingRules: number;
}

/** Draft mode: a deadline still ahead of asOf */
export interface UpcomingDeadline {
  ruleId: string;
  /** e.g. 听证申请期限届满 */
  label: string;
  dueOn: LegalDate;
  /** days from asOf (calendar days) */
  daysLeft: number;
  calendar: string[];
}

/** Draft mode: a document the file needs next */
export interface NextDocument {
  type: string;
  name: string;
  reason: string;
  ruleId: string;
  dueOn?: LegalDate;
}

/** Pre-decision mode: one thing the 行政处罚决定书 must state or carry (行政处罚法第59条), taken from the pack's rules */
export interface DecisionRequirement {
  /** e.g. （一）当事人的姓名或者名称、地址 */
  item: string;
  ruleId: string;
  /** e.g. 中华人民共和国行政处罚法第59条 */
  basis: string;
}

export interface ReviewResult {
  caseNumber: string;
  mode: ReviewMode;
  asOf: LegalDate;
  rulePackVersion: string;
  holidayDataVersion: string;
  findings: Finding[];
  passed: PassedCheck[];
  notApplicable: SkippedCheck[];
  undeterminable: SkippedCheck[];
  upcoming: UpcomingDeadline[];
  nextDocuments: NextDocument[];
  /** 录入完整度: only for files with parts not entered yet (`entry`); fully entered files have none */
  entryCompleteness?: EntryCompleteness;
  /** 决定书应载明: only in pre-decision mode */
  decisionMustState?: DecisionRequirement[];
}

export interface ReviewOptions {
  mode?: ReviewMode;
  /** defaults to today (Asia/Shanghai calendar date) */
  asOf?: LegalDate;
}
