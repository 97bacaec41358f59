/**
 * Rule engine — public entry point. Pure TypeScript: no Nest, no TypeORM.
 *
 *   const result = reviewCaseFile(caseFile, { mode: 'review' });   // default pack + default calendar
 *   const pack = loadRulePack('/path/to/pack');                    // throws RulePackError on a bad pack
 *
 * Mode: `review` (closed/archived files — every missing thing is a defect) or `draft` (files being handled —
 * a document whose time has not come is not a defect; pending deadlines are listed in `upcoming` and the
 * documents the file needs next in `nextDocuments`). Without options.mode, closed/archived files are
 * reviewed and others drafted. asOf defaults to today in Asia/Shanghai.
 */
export * from './types';
export { reviewCaseFile, defaultMode, formatTemplate, RuleEngine, type ReviewDeps } from './engine';
export { PeriodMemo } from './context';
export { loadRulePack, defaultRulePack, RulePackError } from './pack/loader';
export type { RulePack, LoadedRule, RuleDefinition, CheckSpec, Condition, ScoringItem, VetoItem } from './pack/types';
export { FACTS, factLabel, isKnownFact } from './facts';
export { CUSTOM_CHECKS } from './checks/custom/registry';
export { todayInShanghai } from '../domain/clock';
