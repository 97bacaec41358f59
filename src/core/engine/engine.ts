/**
 * reviewCaseFile — runs every rule of the pack over one case file. Pure: the same file, pack, calendar data,
 * mode and asOf give the same result (fingerprints included); nothing is read from the clock except the
 * default asOf.
 */
import type { CaseFile } from '../case-file/types';
import { defaultCalendar } from '../calendar';
import type { LegalCalendarApi } from '../calendar/types';
import { checkOf } from './checks';
import type { CheckOutcome, MessageData } from './checks/types';
import { evaluateCondition } from './conditions';
import { PeriodMemo, ReviewContext } from './context';
import { ABSENT_TYPE_PREFIX, UNINDEXED_STAGES, describePending, documentListPending, EntryTracker, entryCompleteness, hasPendingEntry, pendingText, trackedCaseFile, type PendingFact, type PendingRead } from './entry-tracking';
import { todayInShanghai } from '../domain/clock';
import { daysBetween } from '../domain/legal-date';
import { SEVERITY_RANK } from '../domain/severity';
import { factLabel } from './facts';
import { fingerprint } from './fingerprint';
import { defaultRulePack } from './pack/loader';
import type { LoadedRule, RulePack } from './pack/types';
import { parameterNames, withParameters } from './pack/versions';
import type {
  DecisionRequirement,
  Finding,
  NextDocument,
  PassedCheck,
  ReviewMode,
  ReviewOptions,
  ReviewResult,
  Severity,
  SkippedCheck,
  UpcomingDeadline,
} from './types';

export interface ReviewDeps {
  pack?: RulePack;
  calendar?: LegalCalendarApi;
  /** periods counted by earlier reviews on the same calendar (RuleEngine passes its own) */
  periods?: PeriodMemo;
}

/**
 * One pack and one calendar, with the periods they have counted: a caller that reviews many files (the API,
 * an evaluation, the CLI) keeps one engine, so a period counted for one file is not counted again for the next.
 */
export class RuleEngine {
  readonly pack: RulePack;
  readonly calendar: LegalCalendarApi;
  readonly periods: PeriodMemo;

  constructor(deps: Omit<ReviewDeps, 'periods'> = {}) {
    this.pack = deps.pack ?? defaultRulePack();
    this.calendar = deps.calendar ?? defaultCalendar();
    this.periods = new PeriodMemo(this.calendar);
  }

  review(caseFile: CaseFile, options: ReviewOptions = {}): ReviewResult {
    return reviewCaseFile(caseFile, options, this);
  }
}


/** review mode for closed/archived files; draft mode (time-aware) for files still being handled */
export function defaultMode(caseFile: CaseFile): ReviewMode {
  const s = caseFile.case.status;
  return s === 'closed' || s === 'archived' ? 'review' : 'draft';
}

export function formatTemplate(template: string, data: MessageData): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (_, key: string) => {
    const v = data[key];
    return v === undefined ? '' : String(v);
  });
}

/** the day that decides which version of the law applies to the rule (its effective.date fact, else 线索发现日) */
function lawDateFact(rule: LoadedRule, ctx: ReviewContext) {
  return rule.effective ? (ctx.fact(rule.effective.date) ?? ctx.fact('discoveredOn')) : undefined;
}

/** is the rule's version of the law in force for this case (effective range keyed to a named date) */
function effectiveReason(rule: LoadedRule, ctx: ReviewContext): string | undefined {
  const e = rule.effective;
  if (!e) return undefined;
  const f = lawDateFact(rule, ctx);
  if (!f) return e.before ? `卷内无${factLabel(e.date)}，按现行规定审查（${e.note}）` : undefined;
  const d = f.value.slice(0, 10);
  if (e.from && d < e.from) return `${f.label} ${d} 早于 ${e.from}（${e.note}）`;
  if (e.before && d >= e.before) return `${f.label} ${d} 不早于 ${e.before}（${e.note}）`;
  return undefined;
}

/**
 * The version of the rule whose law applies to the case — the top level (the law in force today) or a former
 * version (pack/versions.ts) — with its period parameters filled in from the values in force on the deciding day.
 */
function ruleInForce(rule: LoadedRule, ctx: ReviewContext): { rule: LoadedRule; notInForce?: string } {
  const reason = effectiveReason(rule, ctx);
  if (!reason) return { rule };
  const former = rule.versions?.find((v) => !effectiveReason(v, ctx));
  return former ? { rule: former } : { rule, notInForce: reason };
}

/** the rule's check with dated parameters filled in, or why no value of the law applies */
function checkInForce(rule: LoadedRule, ctx: ReviewContext, pack: RulePack): { rule: LoadedRule; missing?: string } {
  const kind = rule.check.kind;
  if ((kind !== 'deadline' && kind !== 'stated_period') || !parameterNames(rule.check).length) return { rule };
  const f = lawDateFact(rule, ctx);
  const day = f ? f.value.slice(0, 10) : ctx.asOf;
  const res = withParameters(rule.check, day, pack.parameters);
  if (res.missing) return { rule, missing: `${f ? `${f.label} ${day}` : `${day}`} 时没有有效的${res.missing.description}（rules/parameters/${res.missing.name}）` };
  if (res.check === rule.check) return { rule };
  let filled = rulesByFilledCheck.get(res.check);
  if (!filled) rulesByFilledCheck.set(res.check, (filled = { ...rule, check: res.check }));
  return { rule: filled };
}

/** the rule (version) a filled-in check belongs to, derived once per pack */
const rulesByFilledCheck = new WeakMap<LoadedRule['check'], LoadedRule>();

export function reviewCaseFile(caseFile: CaseFile, options: ReviewOptions = {}, deps: ReviewDeps = {}): ReviewResult {
  const pack = deps.pack ?? defaultRulePack();
  const calendar = deps.calendar ?? defaultCalendar();
  const mode = options.mode ?? defaultMode(caseFile);
  const asOf = options.asOf ?? todayInShanghai();
  // 未录入: a file with parts not yet entered is read through a view that records which of them each rule reads
  const tracker = hasPendingEntry(caseFile) ? new EntryTracker() : undefined;
  const periods = deps.periods?.calendar === calendar ? deps.periods : new PeriodMemo(calendar);
  const ctx = new ReviewContext(tracker ? trackedCaseFile(caseFile, tracker) : caseFile, mode, asOf, pack, calendar, !tracker, periods);
  if (tracker && documentListPending(caseFile)) {
    ctx.absentTypeListener = (type) => {
      if (UNINDEXED_STAGES.has(pack.documentTypes.get(type)?.stage ?? '')) tracker.record(undefined, ABSENT_TYPE_PREFIX + type);
    };
  }
  const pendingByRule: { ruleId: string; facts: PendingFact[] }[] = [];
  /** the rule rests on facts nobody has entered: 无法判定（待补录：…） */
  const pendingSkip = (rule: LoadedRule, reads: PendingRead[]) => {
    const facts = describePending(reads, {
      docLabel: (id) => {
        const d = ctx.docsById.get(id);
        return d ? ctx.docLabel(d) : id;
      },
      typeName: (type) => ctx.docName(type),
    });
    undeterminable.push({ ruleId: rule.id, title: rule.title, reason: `待补录：${pendingText(facts)}`, pending: facts });
    pendingByRule.push({ ruleId: rule.id, facts });
  };

  const findings: (Finding & { order: number; key: string })[] = [];
  const passed: PassedCheck[] = [];
  const notApplicable: SkippedCheck[] = [];
  const undeterminable: SkippedCheck[] = [];
  const upcoming: UpcomingDeadline[] = [];
  const next = new Map<string, NextDocument>();

  for (const packRule of pack.rules) {
    tracker?.begin();
    const { rule: version, notInForce } = ruleInForce(packRule, ctx);
    let rule = version;
    if (notInForce) {
      const reads = tracker?.end();
      if (reads?.length) {
        pendingSkip(rule, reads);
        continue;
      }
      notApplicable.push({ ruleId: rule.id, title: rule.title, reason: `不在适用期间：${notInForce}` });
      continue;
    }
    if (!evaluateCondition(rule.applies, ctx)) {
      const reads = tracker?.end();
      if (reads?.length) {
        pendingSkip(rule, reads);
        continue;
      }
      notApplicable.push({ ruleId: rule.id, title: rule.title, reason: '本案不属于该规则的适用情形' });
      continue;
    }
    const inForce = checkInForce(rule, ctx, pack);
    rule = inForce.rule;
    let outcomes: CheckOutcome[] = inForce.missing
      ? [{ status: 'undeterminable', reason: inForce.missing, missingYears: [] }]
      : checkOf(rule.check).impl.run(rule.check, ctx, rule);
    const reads = tracker?.end();
    if (reads?.length) {
      // the rule read a fact nobody has entered: its verdict (defect, pass or not applicable) waits for it
      pendingSkip(rule, reads);
      outcomes = outcomes.filter((o) => o.status !== 'fail' && o.status !== 'pass' && o.status !== 'na');
    }
    for (const o of outcomes) {
      switch (o.status) {
        case 'fail': {
          const data: MessageData = { title: rule.title, ...o.data };
          if (o.problems) data.problem = o.problems.map((p) => formatTemplate(rule.problems?.[p.id] ?? p.id, { ...data, ...p.data })).join('；');
          const template = (o.variant && rule.messages?.[o.variant]) || rule.message;
          const finding: Finding & { order: number; key: string } = {
            ruleId: rule.id,
            severity: o.severity ?? rule.severity,
            confidence: rule.confidence,
            basisPending: rule.basisPending,
            title: rule.title,
            message: formatTemplate(template, data) + (rule.basisPending ? '（依据待核）' : ''),
            basis: rule.basis,
            facts: o.facts,
            suggestion: formatTemplate(rule.suggestion, data) + (rule.basisPending ? '（依据待核，请法制审核人员确认）' : ''),
            scoringItem: rule.scoringItem,
            // a former version keeps the fingerprint it had under its former id: rulings made on it still attach
            fingerprint: fingerprint(rule.formerId ?? rule.id, o.key ?? '', o.facts),
            data,
            order: rule.order,
            key: o.key ?? '',
          };
          if (o.calendar?.length) finding.calendar = o.calendar;
          if (rule.formerId) finding.formerId = rule.formerId;
          if (rule.veto && finding.severity === 'veto') finding.veto = rule.veto;
          findings.push(finding);
          break;
        }
        case 'pass': {
          const p: PassedCheck = { ruleId: rule.id, title: rule.title, summary: rule.summary ? `${rule.summary}：${o.summary}` : o.summary, facts: o.facts };
          if (o.calendar?.length) p.calendar = o.calendar;
          passed.push(p);
          break;
        }
        case 'na':
          notApplicable.push({ ruleId: rule.id, title: rule.title, reason: o.reason });
          break;
        case 'undeterminable':
          undeterminable.push({ ruleId: rule.id, title: rule.title, reason: o.reason, missingYears: o.missingYears });
          break;
        case 'upcoming':
          upcoming.push({ ruleId: rule.id, label: o.label, dueOn: o.dueOn, daysLeft: daysBetween(asOf, o.dueOn), calendar: o.calendar });
          if (o.nextDocument) addNext(next, { type: o.nextDocument.type, name: pack.documentTypes.get(o.nextDocument.type)?.name ?? o.nextDocument.type, reason: o.nextDocument.reason, ruleId: rule.id, dueOn: o.dueOn });
          break;
        case 'next':
          addNext(next, { type: o.type, name: pack.documentTypes.get(o.type)?.name ?? o.type, reason: o.reason, ruleId: rule.id, dueOn: o.dueOn });
          break;
      }
    }
  }

  findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  upcoming.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.ruleId < b.ruleId ? -1 : 1));
  const nextDocuments = [...next.values()].sort((a, b) => {
    const da = a.dueOn ?? '9999';
    const db = b.dueOn ?? '9999';
    return da < db ? -1 : da > db ? 1 : stageRank(pack, a.type) - stageRank(pack, b.type);
  });

  return {
    caseNumber: caseFile.case.caseNumber,
    mode,
    asOf,
    rulePackVersion: pack.version,
    holidayDataVersion: calendar.dataVersion(),
    findings: findings.map(({ order: _o, key: _k, ...f }) => f),
    passed,
    notApplicable,
    undeterminable,
    upcoming,
    nextDocuments,
    ...(tracker ? { entryCompleteness: entryCompleteness(caseFile, pendingByRule) } : {}),
    ...(mode === 'pre-decision' ? { decisionMustState: decisionRequirements(pack) } : {}),
  };
}

const PENALTY_LAW = '中华人民共和国行政处罚法';
const DECISION_TYPE = 'penalty_decision';

/**
 * 决定书应载明 (法制审核 before the decision): what 行政处罚法第59条 requires of the 行政处罚决定书 — the six items of
 * 第1款 and the agency's seal of 第2款 — read from the pack's rules that cite 第59条 (FLD-01's fields, SEQ-15), then
 * what the other rules on the 决定书's contents ask it to state (stated_contents: 说理, 复议机关, a 责令改正 written
 * into it), so the list and the rules that check the decision later are one thing.
 */
export function decisionRequirements(pack: RulePack): DecisionRequirement[] {
  const out: DecisionRequirement[] = [];
  for (const rule of pack.rules) {
    const check = rule.check;
    // what the 评查细则 and other laws ask the 决定书 to state besides 第59条 (说理, 责令改正, 复议机关 …): the
    // stated_contents rules on the 决定书, each item with the rule's first 依据
    if (check.kind === 'custom' && check.name === 'stated_contents') {
      const params = check.params as { documents?: string[]; orderedIn?: { documents?: string[] }; items?: { label: string }[] } | undefined;
      const first = rule.basis[0];
      // a rectification ordered in the 决定书 itself (办法第9条) must state what a 责令改正决定书 states
      const inDecision = params?.documents?.includes(DECISION_TYPE) ? '' : params?.orderedIn?.documents?.includes(DECISION_TYPE) ? '决定书责令改正的：' : undefined;
      if (first && inDecision !== undefined) {
        for (const item of params!.items ?? []) out.push({ item: `${inDecision}${item.label}`, ruleId: rule.id, basis: `${first.law}${first.article}` });
      }
      continue;
    }
    const basis = rule.basis.find((b) => b.law === PENALTY_LAW && /^第59条/.test(b.article));
    // only the rules on the 决定书 itself (its contents, its seal) — not those citing 第59条 for another document
    if (!basis || !(check.kind === 'required_field' || check.kind === 'seal') || !check.documents?.includes(DECISION_TYPE)) continue;
    const where = `${basis.law}${basis.article}`;
    if (check.kind === 'required_field' && check.fields?.length) {
      for (const f of check.fields) out.push({ item: f.label, ruleId: rule.id, basis: where });
    } else out.push({ item: rule.title, ruleId: rule.id, basis: where });
  }
  return out;
}

/** one entry per document type: the earliest due date wins, the other rules' reasons are kept */
function addNext(map: Map<string, NextDocument>, doc: NextDocument) {
  const prev = map.get(doc.type);
  if (!prev) {
    map.set(doc.type, doc);
    return;
  }
  const [first, second] = doc.dueOn && (!prev.dueOn || doc.dueOn < prev.dueOn) ? [doc, prev] : [prev, doc];
  map.set(doc.type, { ...first, reason: first.reason.includes(second.reason) ? first.reason : `${first.reason}；${second.reason}` });
}

/** 办理顺序 of the catalog (rules/document-types.yaml `stages.handling`) */
function stageRank(pack: RulePack, type: string): number {
  return pack.documentTypes.handlingRank(type);
}
