/**
 * M16 — 评查细则第25项【Q†】 second half: "未经本级生态环境主管部门负责人批准延长查封、扣押期限" is a 重大问题;
 * 行政强制法第25条【Q】 "情况复杂的，经行政机关负责人批准，可以延长". Each 查封（扣押）延期通知书 needs the 负责人's
 * approval: a 延期审批表 of the seizure (`extensionOf: seizure`, or related to the same 查封决定书) approved
 * (`approvedOn`) on or before the notice, or the notice's own `approvedOn`. No approval at all is the 重大问题; an
 * approval dated after the notice (the extension was announced before it was approved) is reported at severity error.
 * Whether the approver is of the agency's own level (本级) is not in the file and stays with the reviewer.
 */
import { docData, docRef, na, pass } from '../util';
import type { CheckOutcome } from '../types';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const seizureExtensionApproval: CustomCheckImpl = {
  name: 'seizure_extension_approval',
  description: '查封（扣押）延期经负责人批准（延期审批表或延期通知书的批准日不晚于延期通知书）',
  params: NO_PARAMS,
  dataKeys: ['problem', 'approvedOn', 'made'],
  problemIds: ['none', 'late'],
  reads: () => ({ documentTypes: ['seizure_extension_notice', 'extension_approval'] }),
  run(_params, ctx) {
    const notices = ctx.docs('seizure_extension_notice');
    if (!notices.length) return [na('卷内无查封（扣押）延期通知书')];
    const approvals = ctx.docs('extension_approval').filter((a) => a.approvedOn);
    const out: CheckOutcome[] = [];
    const ok: string[] = [];
    for (const n of notices) {
      const mine = approvals.filter(
        (a) => a.extensionOf === 'seizure' || (a.relatesToDocumentId !== undefined && a.relatesToDocumentId === n.relatesToDocumentId),
      );
      const dates = [...mine.map((a) => a.approvedOn!), ...(n.approvedOn ? [n.approvedOn] : [])].sort();
      if (!dates.length) {
        out.push({ status: 'fail', data: docData(ctx, n), facts: [docRef(ctx, n)], problems: [{ id: 'none' }], key: n.id });
        continue;
      }
      const made = n.madeOn;
      if (made && dates[0] > made) {
        out.push({
          status: 'fail',
          severity: 'error',
          data: docData(ctx, n),
          facts: [docRef(ctx, n), { label: '负责人批准日', value: dates[0] }],
          problems: [{ id: 'late', data: { approvedOn: dates[0], made } }],
          key: n.id,
        });
        continue;
      }
      ok.push(`${ctx.docLabel(n)}：负责人 ${dates[0]} 批准`);
    }
    return out.length ? out : [pass(ok.join('；'), notices.map((n) => docRef(ctx, n)))];
  },
};
