/**
 * 词表 — every label the web app shows, read from the core's single label and catalog modules, so the UI keeps
 * no second copy: case statuses, procedures, severities, document types, units, service methods, day kinds …
 */
import { DAY_KIND_LABELS } from '../core/calendar';
import type { LegalCalendarApi } from '../core/calendar/types';
import { defaultDocumentTypes } from '../core/domain/document-types';
import * as L from '../core/case-file/labels';
import { SEVERITIES, SEVERITY_LABELS } from '../core/evaluation/assess';
import { LEGALITY_STATUS_LABELS, loadScoringSheet, MANUAL_ITEM_KIND_LABELS, SCORE_ITEM_STATUS_LABELS } from '../core/scoring';
import type { ReviewMode } from '../core/engine/types';
import { SCORING_ITEM_LABELS } from '../core/engine/rules-doc';

export interface LabeledValue {
  value: string;
  label: string;
}

function entries(labels: Record<string, string>): LabeledValue[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/** 依据置信度 (catalog §0): 【Q】 quoted law; 【S】/【I】 never veto and print 依据待核. */
export const CONFIDENCE_LABELS: Record<'Q' | 'S' | 'I', string> = { Q: '原文已核', S: '二手转述（依据待核）', I: '推定（依据待核）' };

/** Every review mode the engine has needs a label here (a new mode without one is a compile error). */
export const REVIEW_MODE_LABELS: Record<ReviewMode, string> = { review: '审查（结案后评查）', draft: '自查草稿', 'pre-decision': '法制审核（决定前）' };

export interface Vocabulary {
  caseStatuses: LabeledValue[];
  procedures: LabeledValue[];
  caseSources: LabeledValue[];
  partyKinds: LabeledValue[];
  penaltyKinds: LabeledValue[];
  reviewerRoles: LabeledValue[];
  serviceMethods: LabeledValue[];
  receiverRoles: LabeledValue[];
  signatureStatuses: LabeledValue[];
  signatoryRoles: LabeledValue[];
  statedPeriodKinds: LabeledValue[];
  periodUnits: LabeledValue[];
  educationForms: LabeledValue[];
  volumes: LabeledValue[];
  severities: LabeledValue[];
  confidences: LabeledValue[];
  reviewModes: LabeledValue[];
  dayKinds: LabeledValue[];
  documentTypes: { version: string; items: { id: string; name: string; form: number | null; stage: string; servable: boolean; sealRequired: boolean }[] };
  holidayYears: number[];
  /** 等次 of the default scoring sheet, highest first (with the veto grade) */
  grades: { name: string; min: number }[];
  vetoGrade: string;
  /** 细则 score: how a 规范性 / 卷面 item was settled, a 合法性 item's status, 得分 / 扣分 of a manual item */
  scoreItemStatuses: LabeledValue[];
  legalityStatuses: LabeledValue[];
  manualItemKinds: LabeledValue[];
  /** the rule pack's 评分项 (Finding.scoringItem): the review screen groups findings by them */
  scoringItems: LabeledValue[];
}

export function buildVocabulary(calendar: LegalCalendarApi): Vocabulary {
  const types = defaultDocumentTypes();
  const sheet = loadScoringSheet();
  return {
    caseStatuses: entries(L.CASE_STATUS_LABELS),
    procedures: entries(L.PROCEDURE_LABELS),
    caseSources: entries(L.CASE_SOURCE_LABELS),
    partyKinds: entries(L.PARTY_KIND_LABELS),
    penaltyKinds: entries(L.PENALTY_KIND_LABELS),
    reviewerRoles: entries(L.REVIEWER_ROLE_LABELS),
    serviceMethods: entries(L.SERVICE_METHOD_LABELS),
    receiverRoles: entries(L.RECEIVER_ROLE_LABELS),
    signatureStatuses: entries(L.SIGNATURE_STATUS_LABELS),
    signatoryRoles: entries(L.SIGNATORY_ROLE_LABELS),
    statedPeriodKinds: entries(L.STATED_PERIOD_KIND_LABELS),
    periodUnits: entries(L.PERIOD_UNIT_LABELS),
    educationForms: entries(L.EDUCATION_FORM_LABELS),
    volumes: entries(L.VOLUME_LABELS),
    severities: SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] })),
    confidences: entries(CONFIDENCE_LABELS),
    reviewModes: entries(REVIEW_MODE_LABELS),
    dayKinds: entries(DAY_KIND_LABELS),
    documentTypes: {
      version: types.version,
      items: types.all().map((t) => ({ id: t.id, name: t.name, form: t.form, stage: t.stage, servable: t.servable, sealRequired: t.sealRequired })),
    },
    holidayYears: calendar.coveredYears(),
    grades: sheet.grades.map((g) => ({ name: g.name, min: g.min })),
    vetoGrade: sheet.vetoGrade,
    scoreItemStatuses: entries(SCORE_ITEM_STATUS_LABELS),
    legalityStatuses: entries(LEGALITY_STATUS_LABELS),
    manualItemKinds: entries(MANUAL_ITEM_KIND_LABELS),
    scoringItems: entries(SCORING_ITEM_LABELS),
  };
}

export interface MarkedDay {
  date: string;
  /** holiday = 法定节假日放假（含调休休息的周末）; adjusted_workday = 调休上班日 */
  kind: 'holiday' | 'adjusted_workday';
  name?: string;
  explanation: string[];
}

export interface HolidayYear {
  year: number;
  covered: boolean;
  /** where the year's schedule comes from (通知文号, or the chinese-days data) */
  source?: string;
  days: MarkedDay[];
}

/** The days of `year` the State Council schedule marks (放假 and 调休上班), for date pickers and the holiday page. */
export function holidayYear(calendar: LegalCalendarApi, year: number): HolidayYear {
  const covered = calendar.coveredYears().includes(year);
  if (!covered) return { year, covered, days: [] };
  const days: MarkedDay[] = [];
  const first = Date.UTC(year, 0, 1);
  for (let t = first; new Date(t).getUTCFullYear() === year; t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const info = calendar.dayInfo(date);
    if (info.kind === 'holiday' || info.kind === 'adjusted_workday') {
      days.push({ date, kind: info.kind, name: info.name, explanation: info.explanation });
    }
  }
  const source = days[0]?.explanation.find((l) => l.startsWith('数据来源：'))?.slice('数据来源：'.length);
  return { year, covered, source, days };
}

export interface WorkdaysBetween {
  from: string;
  to: string;
  /** working days after `from` up to and including `to` (start day not counted, as in 民法典第201条); null when undeterminable */
  workdays: number | null;
  /** the rest days and 调休上班日 in between, from the calendar's explanation */
  notes: string[];
  /** years in the range without a State Council schedule */
  missingYears: number[];
}

/** 剩余工作日: how many working days remain from `from` (exclusive) to `to` (inclusive). */
export function workdaysBetween(calendar: LegalCalendarApi, from: string, to: string): WorkdaysBetween {
  const notes: string[] = [];
  const missing = new Set<number>();
  let count = 0;
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`) + 86_400_000; t <= end; t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const info = calendar.dayInfo(date);
    if (info.status !== 'ok') {
      missing.add(+date.slice(0, 4));
      continue;
    }
    if (info.isWorkday) count++;
    if (info.kind === 'holiday' || info.kind === 'adjusted_workday') notes.push(info.explanation[0]);
  }
  return { from, to, workdays: missing.size ? null : count, notes, missingYears: [...missing].sort() };
}
