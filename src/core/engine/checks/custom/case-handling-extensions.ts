/**
 * DL-01a — 办案期限延期 (生态环境行政处罚办法(2023)第57条【S】): each extension ≤ 30 日, approved before the
 * period it extends ran out; an extension beyond the first needs the 负责人集体讨论. The length an approval states
 * ("延长三十日", statedPeriods kind case_handling) is the extension, not the case-handling period: it is checked
 * against the 30-day limit and its end is counted from the original expiry (the 90-day period, rolled and with its
 * excluded time, 办法第90条第2款).
 */
import { basisText } from '../../../law/basis-text';
import type { CaseDocument } from '../../../case-file/types';
import { gatherExclusions } from '../deadline';
import { docData, docRef, na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import type { CustomCheckImpl } from './types';

export const caseHandlingExtensions: CustomCheckImpl = {
  name: 'case_handling_extensions',
  description: '办案期限延期：每次不超过30日、在届满前批准、再次延期须集体讨论',
  params: {
    type: 'object',
    required: ['baseDays', 'maxDays'],
    additionalProperties: false,
    properties: {
      // 办案期限 (days) and the longest extension one approval may grant (days)
      baseDays: { type: 'integer', minimum: 1 },
      maxDays: { type: 'integer', minimum: 1 },
    },
  },
  dataKeys: ['problem', 'dueOn', 'approvedOn', 'days', 'maxDays', 'statedEndsOn', 'extendedEnd'],
  problemIds: ['notApproved', 'approvedLate', 'tooLong', 'noDays', 'notDiscussed', 'wrongEnd'],
  run(params, ctx, rule) {
    const filing = ctx.fact('filingDate');
    const exts = ctx
      .docs('extension_approval')
      .filter((d) => d.extensionOf === 'case_handling' || d.extensionOf === undefined)
      .map((d) => ({ d, on: d.approvedOn ?? d.madeOn }))
      .sort((a, b) => ((a.on ?? '') < (b.on ?? '') ? -1 : 1));
    if (!exts.length) return [na('卷内无办案期限延期审批')];
    if (!filing) return [na('卷内无立案日')];
    const base = ctx.period({
      start: filing.value,
      amount: Number(params.baseDays),
      unit: 'day',
      roll: 'party',
      exclusions: gatherExclusions(ctx, ['suspension', 'testing', 'hearing', 'announcement', 'service', 'other_excluded']),
      basis: basisText(rule.basis, 'short'),
    });
    if (base.status !== 'ok' || !base.end)
      return [{ status: 'undeterminable', reason: '缺少节假日安排数据，无法计算办案期限', missingYears: base.missingYears ?? [] }];
    let due = base.end;
    const out: CheckOutcome[] = [];
    const maxDays = Number(params.maxDays);
    exts.forEach(({ d, on }, i) => {
      const problems: ProblemRef[] = [];
      const stated = d.statedPeriods?.find((p) => p.kind === 'case_handling' && p.unit === 'day');
      const days = d.extensionDays ?? stated?.amount ?? 0;
      if (!on) problems.push({ id: 'notApproved' });
      else if (on > due) problems.push({ id: 'approvedLate' });
      if (days > maxDays) problems.push({ id: 'tooLong', data: { maxDays } });
      if (days <= 0) problems.push({ id: 'noDays' });
      if (i > 0 && !d.extensionByCollectiveDiscussion) problems.push({ id: 'notDiscussed' });
      const originalDue = due;
      if (days > 0) {
        const ext = ctx.period({ start: due, amount: days, unit: 'day', roll: 'party', basis: basisText(rule.basis, 'short') });
        if (ext.end) {
          if (stated?.endsOn && stated.endsOn !== ext.end)
            problems.push({ id: 'wrongEnd', data: { statedEndsOn: stated.endsOn, extendedEnd: ext.end } });
          due = ext.end;
        }
      }
      if (problems.length) out.push(fail(d, problems, originalDue, on ?? '', days));
    });
    function fail(d: CaseDocument, problems: ProblemRef[], dueOn: string, approvedOn: string, days: number): CheckOutcome {
      return {
        status: 'fail',
        data: { ...docData(ctx, d), problem: '', dueOn, approvedOn, days },
        problems,
        facts: [docRef(ctx, d, '延期审批', `${approvedOn} 延长${days}日`), { label: '立案日', value: filing!.value, refId: filing!.refId }],
        key: d.id,
      };
    }
    return out.length ? out : [pass(`办案期限延期${exts.length}次，均在届满前批准，延长后届满日 ${due}`, exts.map(({ d }) => docRef(ctx, d)))];
  },
};
