/**
 * Draft mode (自查) names the next document of three 重大问题 of the 评查细则 and, where the law fixes it, its day:
 * the 查封（扣押）现场笔录 (当场, 行政强制法第18条; 细则第16项), the 回避决定 (办法第6条; 细则第15项) and the 案件审查意见
 * (who may not review, 细则第21项). The rule fixtures assert that the next document is listed; this asserts what it says.
 */
import { defaultCalendar } from '../../src/core/calendar';
import { defaultRulePack, reviewCaseFile } from '../../src/core/engine';
import { buildCase, type PatchOp } from './rule-harness';

const deps = { pack: defaultRulePack(), calendar: defaultCalendar() };
const BEFORE_NOTICE: PatchOp[] = [
  { op: 'set', path: '/case/status', value: 'in_progress' },
  ...['closing', 'payment', 'disclosure', 'decision', 'legal', 'statement-review', 'statement', 'notice'].map((id): PatchOp => ({ op: 'drop', id })),
];

function nextOf(base: string, asOf: string, patch: PatchOp[], type: string) {
  const r = reviewCaseFile(buildCase({ name: type, base, patch }), { mode: 'draft', asOf }, deps);
  return r.nextDocuments.find((n) => n.type === type);
}

describe('draft next steps of the 重大问题', () => {
  it('a 查封（扣押）决定 without its 现场笔录: the 现场笔录, due on the day of the 查封 (当场), with what it must record', () => {
    const n = nextOf('seizure', '2026-01-20', [{ op: 'set', path: '/case/status', value: 'in_progress' }, { op: 'drop', id: 'closing' }, { op: 'drop', id: 'seizure-site' }], 'seizure_site_record');
    expect(n).toMatchObject({ ruleId: 'C6-01-2', name: '查封(扣押)现场笔录', dueOn: '2026-01-20' });
    expect(n!.reason).toContain('当场制作现场笔录（行政强制法第18条（七）');
    expect(n!.reason).toContain('查封扣押决定日 2026-01-20');
    expect(n!.reason).toContain('并听取陈述、申辩（行政强制法第18条（五）（六））');
    expect(n!.reason).toContain('（C6-01-3）');
  });

  it('a 回避申请 not decided: the 回避决定 before the decision, by whom the person applied against requires', () => {
    const app = (against: string): PatchOp => ({ op: 'set', path: '/documents/-', value: { id: 'recusal-app', type: 'recusal_application', title: '回避申请书', madeOn: '2025-03-11', recusalOfPersonIds: [against] } });
    const officer = nextOf('general-fine', '2025-03-12', [...BEFORE_NOTICE, app('o2')], 'recusal_decision');
    expect(officer).toMatchObject({ ruleId: 'C1-10-2', name: '回避决定' });
    expect(officer!.reason).toContain('由负责人决定，在作出处理决定之前（办法第6条；未作决定为重大问题，细则第15项）');
    const head = nextOf('general-fine', '2025-03-12', [...BEFORE_NOTICE, app('r4')], 'recusal_decision');
    expect(head!.reason).toContain('申请负责人回避的，由主要负责人决定');
    const principal = nextOf('general-fine', '2025-03-12', [...BEFORE_NOTICE, { op: 'set', path: '/reviewers/0/principal', value: true }, app('r1')], 'recusal_decision');
    expect(principal!.reason).toContain('申请主要负责人回避的，由负责人集体讨论决定');
  });

  it('no 案件审查意见 yet: the next step names the investigators who may not review the case', () => {
    const n = nextOf('general-fine', '2025-03-17', [...BEFORE_NOTICE, { op: 'drop', id: 'review' }], 'internal_approval');
    expect(n!.reason).toContain('本案调查人员张伟、李娜不得作为审查人员');
    expect(n!.reason).toContain('（C1-08-2）');
  });
});
