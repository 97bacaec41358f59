/**
 * Rule-pack definition types (rules/pack/*.yaml, validated by rules/schema/rule.schema.json + ./semantics.ts).
 *
 * A rule is data: which facts of the case file it reads, which generic check kind it runs, how severe a miss is,
 * and the law it rests on (quoted only where the domain catalog quotes it).
 */
import type { DocumentTypeCatalog } from '../../domain/document-types';
import type { CaseStatus, PenaltyKind, Procedure, ServiceMethod, StatedPeriod } from '../../case-file/types';
import type { Confidence, LegalBasis, ReviewMode, Severity } from '../types';
import type { Parameter } from '../../law/parameters';

/**
 * A rule's own category hint (e.g. 'procedure'). The engine keeps no list of categories or veto items: each
 * scoring sheet (rules/scoring/*.yaml) maps rules to its own categories and veto items.
 */
export type ScoringItem = string;

/** A rule's own veto-item tag (e.g. V7), read only by sheets that map veto rules by tag. */
export type VetoItem = string;

/** the case flags a condition may name (case.flags; the rule schema's flagName is generated from this list) */
export const FLAG_NAMES = [
  'hearing',
  'major',
  'noPenalty',
  'dailyPenalty',
  'sealSeizure',
  'productionRestriction',
  'transfer',
  'suspectedCrime',
  'legalReviewRequired',
] as const;
export type FlagName = (typeof FLAG_NAMES)[number];

/** Applicability: every key present must hold (AND); any/all/not combine. */
export interface Condition {
  procedure?: Procedure[];
  status?: CaseStatus[];
  modes?: ReviewMode[];
  /** each named flag must equal the value (an absent flag is false) */
  flags?: Partial<Record<FlagName, boolean>>;
  /** at least one of these flags is true */
  anyFlags?: FlagName[];
  /** every one of these document types is in the file */
  hasDocuments?: string[];
  /** at least one of these document types is in the file */
  hasAnyDocument?: string[];
  /** none of these document types is in the file */
  lacksDocuments?: string[];
  /** the case's penalty kinds (case.penalty.kinds ∪ the decisions' penaltyKinds) include one of these */
  penaltyKinds?: PenaltyKind[];
  /** the case imposes a fine (罚款) */
  fine?: boolean;
  /** the file names agents (委托代理人) */
  hasAgents?: boolean;
  /** every named fact is known */
  facts?: string[];
  /** case.violation flags */
  violation?: { endangersLifeOrHealth?: boolean; continuing?: boolean };
  /** some document of the file was served by one of these methods */
  servedBy?: ServiceMethod[];
  /** party kind */
  partyKind?: 'organization' | 'individual';
  any?: Condition[];
  all?: Condition[];
  not?: Condition;
}

export type PeriodUnitAll = 'day' | 'workday' | 'month' | 'year' | 'hour';
export type Compare = 'lte' | 'lt' | 'gte' | 'gt';
/** 不计入期限的期间 (2010办法第55条；2023办法第57条【S】): 中止、检测/鉴定、听证、公告、送达在途、评估/认定等 */
export type ExclusionSource = 'suspension' | 'testing' | 'hearing' | 'announcement' | 'service' | 'other_excluded';

export interface DeadlineCheck {
  kind: 'deadline';
  /** 起算 fact (the event day, not itself counted; for backward periods: the target day) */
  from: string;
  /** the fact compared with the computed date */
  to: string;
  /** fixed period … */
  amount?: number;
  unit?: PeriodUnitAll;
  /**
   * … or a dated legal value (rules/parameters): amount and unit are the value in force on the day of the rule's
   * `effective.date` fact (the day that decides which law applies), filled in before the check runs …
   */
  parameter?: string;
  /** … or the period a document states (e.g. 告知书载明的陈述申辩期限) */
  periodFrom?: { document: string; kind: StatedPeriod['kind'] };
  /** a different amount when a condition holds (第36条: 五年) */
  amountOverrides?: { when: Condition; amount: number; note: string }[];
  direction?: 'forward' | 'backward';
  roll?: 'party' | 'strict';
  backwardReading?: 'conservative' | 'inclusive';
  /** subject date vs computed date: lte = on or before, gt = strictly after … */
  compare: Compare;
  /** intervals that do not count, gathered from the file */
  exclusions?: ExclusionSource[];
  /** approved extensions added after the base period */
  extensions?: { of: 'case_handling' | 'seizure' | 'restriction' | 'filing'; documents: string[] };
  /** 交邮不算过期: when the subject is a service by post, its mailedOn counts */
  useMailedOn?: boolean;
  /** strict period: a subject inside the party-roll window is reported with messages.grace at warning */
  rollGrace?: boolean;
  /** backward conservative reading: a subject that passes the inclusive reading is reported with messages.grace */
  inclusiveGrace?: boolean;
  /** the check passes (not applicable) when this holds — e.g. 书面放弃 */
  unless?: Condition;
  /** why the exception applies, e.g. 当事人已书面放弃陈述申辩 */
  unlessNote?: string;
  /** label of the period, e.g. 决定书送达期限 */
  label: string;
  /** draft mode: how a pending deadline is listed */
  draft?: { label: string; nextDocument?: string };
}

export interface OrderCheck {
  kind: 'order';
  /** facts in the required order; each consecutive known pair is checked */
  sequence: string[];
  /** true: each must be strictly earlier; false (default): on or before */
  strict?: boolean;
}

export interface RequiredDocumentCheck {
  kind: 'required_document';
  /** any of these types satisfies the requirement (education_record includes the case file's educationRecords) */
  types: string[];
  /** only documents whose fields match */
  where?: Record<string, string | number | boolean | (string | number | boolean)[]>;
  /**
   * only documents that concern a document of one of these types (`relatesToDocumentId` names it): a 信息公开记录
   * of the 查封 is not one of the 处罚决定; a document that names none is reported for the reviewer to verify
   */
  relatesTo?: string[];
  /** the document must be dated on or before this fact (when the fact is known) */
  onOrBefore?: string;
  /** the document must be dated on or after this fact (when the fact is known) */
  onOrAfter?: string;
  /** draft mode: missing is a defect only once one of these document types exists (default: closing_approval) */
  neededBefore?: string[];
  /**
   * draft mode, the document not due yet: the next step says why (default: the rule's title) and, where the law fixes
   * it, by when (a fact: e.g. the 查封扣押决定日 for the 现场笔录 made 当场)
   */
  draft?: { reason?: string; dueOn?: string };
  /** what to call the requirement in messages, e.g. 法制审核意见书 */
  label: string;
  /** every listed type is required (one finding per missing type, labelled with its name) */
  each?: boolean;
}

export interface FieldSpec {
  path: string;
  label: string;
  /** truthy (default) · true · nonEmpty (array/string) · time (HH:mm) · positive · equals (see value) */
  test?: 'truthy' | 'true' | 'nonEmpty' | 'time' | 'positive' | 'equals';
  value?: string | number | boolean;
}

export interface RequiredFieldCheck {
  kind: 'required_field';
  /** document types (education_record includes the case file's educationRecords) */
  documents: string[];
  where?: Record<string, string | number | boolean | (string | number | boolean)[]>;
  /** only documents on which these fields are present */
  whereHas?: string[];
  fields?: FieldSpec[];
  /** signatories with these roles must be on the document */
  signatoryRoles?: { role: string; label: string }[];
}

export interface SignatureCheck {
  kind: 'signature';
  documents: string[];
  /** 拒签 needs a witness too (留置/查封现场) */
  witnessOnRefusal?: boolean;
  /** the party may be absent when a witness signed (查封现场笔录) */
  absentWithWitness?: boolean;
}

export interface SealCheck {
  kind: 'seal';
  /** explicit types, or every type with sealRequired in rules/document-types.yaml */
  documents?: string[];
  catalogSealRequired?: boolean;
  /** types left to other rules */
  except?: string[];
}

export interface OfficersCheck {
  kind: 'officers';
  /** document types (education_record includes the case file's educationRecords) */
  documents: string[];
  min: number;
  /** every officer must have an 执法证号 */
  certificates?: boolean;
}

export interface ConsistencyCheck {
  kind: 'consistency';
  field: 'partyName' | 'caseNumber';
}

export interface StatedPeriodCheck {
  kind: 'stated_period';
  documents: string[];
  period: StatedPeriod['kind'];
  /** the law's period … */
  expect?: LawPeriod;
  /** … or the law's upper bound (same unit) */
  max?: LawPeriod;
  roll?: 'party' | 'strict';
  /** verify a stated endsOn against the calendar (from the stated from, else the document's served/made day) */
  checkEnd?: boolean;
  /**
   * the agency's own period (办案期限): a stated end on the last day before the rest-day roll is also right — it is
   * earlier than the day the law allows, which harms no one; a party's period stated short is still wrong
   */
  acceptUnrolledEnd?: boolean;
  /** the law's words, for messages (e.g. 五日（工作日）) */
  lawText: string;
}

/**
 * A period the law sets. With `parameter`, amount and unit are the dated legal value (rules/parameters) in force on
 * the day of the rule's `effective.date` fact, filled in before the check runs.
 */
export interface LawPeriod {
  amount: number;
  unit: PeriodUnitAll;
  parameter?: string;
}

export interface CustomCheck {
  kind: 'custom';
  name: string;
  params?: Record<string, unknown>;
}

export type CheckSpec =
  | DeadlineCheck
  | OrderCheck
  | RequiredDocumentCheck
  | RequiredFieldCheck
  | SignatureCheck
  | SealCheck
  | OfficersCheck
  | ConsistencyCheck
  | StatedPeriodCheck
  | CustomCheck;


export interface EffectiveRange {
  /** the named fact whose date decides which version of the law applies */
  date: string;
  /** applies when date ≥ from */
  from?: string;
  /** applies when date < before */
  before?: string;
  /** why (printed when not applicable), e.g. 2023年7月1日起施行《生态环境行政处罚办法》 */
  note: string;
}

/**
 * The same rule under an earlier version of the law (e.g. DL-01 九十日 under the 2023 办法, 三个月 under the 2010
 * 办法): its own effective range and whatever the law of that version words differently — title, 依据, severity,
 * messages, check fields (a check field set to null is removed). `id` is the rule's former id: stored rulings,
 * fingerprints and scoring sheets that name it still resolve to the rule.
 */
export interface FormerVersion {
  id: string;
  effective: EffectiveRange;
  title?: string;
  basis?: LegalBasis[];
  confidence?: Confidence;
  severity?: Severity;
  check?: Record<string, unknown>;
  message?: string;
  messages?: Record<string, string>;
  problems?: Record<string, string>;
  summary?: string;
  suggestion?: string;
}

export interface RuleDefinition {
  id: string;
  title: string;
  basis: LegalBasis[];
  confidence: Confidence;
  effective?: EffectiveRange;
  applies?: Condition;
  severity: Severity;
  scoringItem: ScoringItem;
  veto?: VetoItem;
  check: CheckSpec;
  /** finding message; {placeholders} from the check's data */
  message: string;
  /** alternative messages by outcome variant (grace, overdue …) */
  messages?: Record<string, string>;
  /**
   * the sentences of the problems a check reports, by id (service checks …): the check names the problems it
   * found, and their sentences, joined with '；', fill the message's {problem}
   */
  problems?: Record<string, string>;
  /** passed-check summary template */
  summary?: string;
  suggestion: string;
  docs?: string;
  /** catalog rules this rule also stands for (e.g. SEQ-14 → DL-01) */
  covers?: string[];
  /** the rule under earlier versions of the law; the top level is the version in force today */
  formerVersions?: FormerVersion[];
}

/** a rule as loaded: definition + where it came from */
export interface LoadedRule extends RuleDefinition {
  family: string;
  file: string;
  basisPending: boolean;
  docs: string;
  /** position in the pack (stable order) */
  order: number;
  /** the former versions, each as a whole rule (the top level with the version's fields) */
  versions?: LoadedRule[];
  /** on a former version: the id the rule had under that version of the law (e.g. DL-33) */
  formerId?: string;
}

export interface RulePack {
  name: string;
  version: string;
  dir: string;
  rules: LoadedRule[];
  byId: Map<string, LoadedRule>;
  /** retired rule ids (a former version's id) → the rule's id */
  formerIds: Map<string, string>;
  /** the dated legal values (rules/parameters beside the pack) the rules read */
  parameters: Map<string, Parameter>;
  families: { id: string; name: string; file: string; ruleIds: string[] }[];
  /** the document-type catalog (rules/document-types.yaml) */
  documentTypes: DocumentTypeCatalog;
  documentTypesVersion: string;
}
