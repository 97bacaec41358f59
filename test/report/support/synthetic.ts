/**
 * A synthetic case file + review + score for report tests (independent of the engine, so that layout is tested
 * on any mix of findings). `manyFindings(n)` builds n findings spread over every category and severity, with long text,
 * calendar steps, 【S】/【I】 rules and a veto, to stress pagination.
 */
import type { CaseFile } from '../../../src/core/case-file/types';
import type { Finding, ReviewResult, Severity } from '../../../src/core/engine/types';
import { loadScoringSheet, scoreReview } from '../../../src/core/scoring';
import type { ScoreResult } from '../../../src/core/scoring';
import type { ReviewReportInput } from '../../../src/core/report';

export function caseFile(): CaseFile {
  return {
    formatVersion: '1.0',
    case: {
      caseNumber: '益环罚〔2025〕12号',
      causeOfAction: '未按规定安装使用大气污染防治设施案',
      agency: '益阳市生态环境局',
      procedure: 'general',
      status: 'closed',
      violation: { occurredOn: '2024-12-10' },
      discovery: { discoveredOn: '2024-12-12', source: 'inspection' },
      penalty: { kinds: ['fine'], proposedFine: 200000, decidedFine: 200000 },
    },
    parties: [{ id: 'p1', kind: 'organization', name: '益阳市某某建材有限公司', creditCode: '91430900MA4L000000', address: '益阳市赫山区龙岭工业园' }],
    officers: [
      { id: 'o1', name: '张三', certificateNo: '43090001' },
      { id: 'o2', name: '李四', certificateNo: '43090002' },
    ],
    documents: [],
    educationRecords: [],
    fileIndex: [],
  };
}

const CATEGORIES = ['subject', 'filing', 'investigation', 'procedure', 'decision', 'service_enforcement', 'archiving', 'education'];

export function hearingFinding(extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'DL-06',
    severity: 'error',
    confidence: 'Q',
    basisPending: false,
    title: '听证申请期限未届满即作出处罚决定',
    message: '告知书于2025-01-24送达，听证申请期限5个工作日，至2025-02-07届满；处罚决定书落款日期为2025-02-05，早于期限届满日。',
    basis: [{ law: '中华人民共和国行政处罚法', article: '第六十四条第一款第（一）项', quote: '当事人要求听证的，应当在行政机关告知后五日内提出' }],
    facts: [
      { label: '告知书送达日', value: '2025-01-24', refId: 'd7' },
      { label: '决定书落款日期', value: '2025-02-05', refId: 'd12' },
      { label: '当事人书面放弃听证', value: false },
    ],
    calendar: [
      '起算：告知书送达日 2025-01-24（星期五），当日不计入（民法典第201条）',
      '5个工作日：2025-01-27（一）、2025-01-28（二）为第1、2个工作日；2025-01-29至2025-02-04 春节假期不计',
      '2025-02-05（三）、2025-02-06（四）、2025-02-07（五）为第3、4、5个工作日，期限届满日 2025-02-07',
    ],
    suggestion: '在听证申请期限届满后再作出处罚决定；已作出的决定应予撤销并重新作出，或补正当事人书面放弃听证的记录。',
    scoringItem: 'procedure',
    fingerprint: 'DL-06:d7:d12',
    ...extra,
  };
}

export function educationFinding(extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'ED-02',
    severity: 'warning',
    confidence: 'I',
    basisPending: true,
    title: '卷内无普法教育记录',
    message: '一般程序处罚案件卷内未见普法教育记录（以案释法笔录、普法告知书签收等）。',
    basis: [{ law: '中华人民共和国行政处罚法', article: '第六条' }],
    facts: [{ label: '普法教育记录数', value: 0 }],
    suggestion: '补充普法教育记录并编入卷内目录，排在结案审批表之前。',
    scoringItem: 'education',
    fingerprint: 'ED-02:case',
    ...extra,
  };
}

export function baseReview(findings: Finding[], extra: Partial<ReviewResult> = {}): ReviewResult {
  return {
    caseNumber: '益环罚〔2025〕12号',
    mode: 'review',
    asOf: '2025-06-30',
    rulePackVersion: '2026.11.1',
    holidayDataVersion: 'cn-2024-2026.3',
    findings,
    passed: [
      { ruleId: 'DL-08', title: '决定书7个工作日内送达', summary: '送达在7个工作日内：2025-02-05 → 2025-02-10', facts: [] },
      { ruleId: 'SEQ-10', title: '法制审核先于决定', summary: '法制审核意见书 2025-02-03 早于决定 2025-02-05', facts: [] },
    ],
    notApplicable: [{ ruleId: 'DL-20', title: '查封扣押期限', reason: '本案未采取查封扣押措施' }],
    undeterminable: [{ ruleId: 'DL-14', title: '申请强制执行期限', reason: '缺少节假日数据，无法计算工作日', missingYears: [2027] }],
    upcoming: [],
    nextDocuments: [],
    ...extra,
  };
}

export function input(review: ReviewResult, sheetId = 'inferred-2024'): ReviewReportInput {
  const file = caseFile();
  return { caseFile: file, review, score: scoreReview(review, loadScoringSheet(sheetId), { caseFile: file }) };
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'error', 'warning'];

/** n findings over all categories, long texts, calendar steps; the 7th is a veto (SEQ-10 → V7). */
export function manyFindings(n: number): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < n; i++) {
    const cat = CATEGORIES[i % CATEGORIES.length];
    const pending = i % 3 === 2;
    const f = hearingFinding({
      ruleId: i === 6 ? 'SEQ-10' : `T-${String(i + 1).padStart(3, '0')}`,
      severity: i === 6 ? 'veto' : SEVERITIES[i % SEVERITIES.length],
      ...(i === 6 ? { veto: 'V7' } : {}),
      confidence: pending ? 'S' : 'Q',
      basisPending: pending,
      title: i === 6 ? '未经法制审核即作出处罚决定' : `第${i + 1}项问题：${['期限计算有误', '文书要素缺失', '签名不全', '送达回证未记明收到日期', '卷内目录与实物不一致'][i % 5]}`,
      scoringItem: cat,
      fingerprint: `F-${i + 1}`,
      calendar: i % 2 === 0 ? hearingFinding().calendar : undefined,
      message:
        i % 4 === 0
          ? '告知书于2025-01-24送达，听证申请期限5个工作日，至2025-02-07届满；处罚决定书落款日期为2025-02-05，早于期限届满日。依据《中华人民共和国行政处罚法》第64条第1款第（一）项，当事人要求听证的，应当在行政机关告知后五日内提出，行政机关在此期间不得作出决定（当事人书面放弃的除外）。'
          : '卷内文书要素不全，见事实栏。',
    });
    out.push(f);
  }
  return out;
}

export type { ScoreResult };
