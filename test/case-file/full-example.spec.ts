/** docs/examples/full-case.json: a complete, valid 一般程序 罚款 case in which every part of the format appears. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaseFileDto } from '../../src/core/case-file/dto';
import { fieldsOf } from '../../src/core/case-file/dto/field';
import { validateCaseFile } from '../../src/core/case-file/validate';

const root = join(__dirname, '..', '..');
const example = JSON.parse(readFileSync(join(root, 'docs', 'examples', 'full-case.json'), 'utf8'));
const formatDoc = readFileSync(join(root, 'docs', 'case-file-format.md'), 'utf8');

/** Fields that belong to other kinds of case; docs/case-file-format.md §5 names each of them. */
const ABSENT_BY_DESIGN: Record<string, string> = {
  // 规范性 fields of other kinds of document or case (a 行政复议决定书, a 催告书, an offence across 2026-08-15)
  'CaseDocument.receivedOn': 'receivedOn',
  'CaseDocument.reminderContents': 'reminderContents',
  'DecisionContents.transitionalLawExplained': 'decisionContents.transitionalLawExplained',
  'Penalty.confiscationAmount': 'penalty.confiscationAmount',
  'Amounts.confiscation': 'amounts.confiscation',
  'Amounts.surcharge': 'amounts.surcharge',
  'CaseDocument.signedByResponsiblePerson': 'signedByResponsiblePerson',
  'CaseDocument.penaltyDays': 'penaltyDays',
  'CaseDocument.penaltyDaysFrom': 'penaltyDaysFrom',
  'CaseDocument.penaltyDaysTo': 'penaltyDaysTo',
  'Amounts.originalFine': 'amounts.originalFine',
  'CaseDocument.suspendedOn': 'suspendedOn',
  'CaseDocument.resumedOn': 'resumedOn',
  'ServiceInfo.announcedOn': 'service.announcedOn',
  'Party.idNumber': 'parties[].idNumber',
  'DecisionContents.educationContent': 'decisionContents.educationContent',
  'DecisionContents.reconsiderationFirstStated': 'decisionContents.reconsiderationFirstStated',
  'CaseDocument.reconsiderationOutcome': 'reconsiderationOutcome',
  // a 人民法院行政判决书 (the example was neither reconsidered nor litigated)
  'CaseDocument.courtOutcome': 'courtOutcome',
  'CaseDocument.effectiveOn': 'effectiveOn',
  'CaseDocument.urgent': 'urgent',
  'CaseDocument.partyNameNote': 'partyNameNote',
  'CaseDocument.recusalOfPersonIds': 'recusalOfPersonIds',
  'CaseDocument.coerciveReasonsNotified': 'coerciveReasonsNotified',
  'CaseDocument.coerciveRightsNotified': 'coerciveRightsNotified',
  'CaseDocument.partyHeardOnSite': 'partyHeardOnSite',
  // the example is fully entered: 录入状态 absent means entered (docs/case-file-format.md, 录入状态)
  'CaseDocument.entry': 'entry',
  'CaseFile.entry': 'entry',
};

function fieldsUsed(value: any, cls: Function, used: Map<Function, Set<string>>): void {
  const set = used.get(cls) ?? new Set<string>();
  used.set(cls, set);
  for (const [name, f] of fieldsOf(cls)) {
    if (value[name] === undefined) continue;
    set.add(name);
    const c = f.check;
    if (c.kind === 'object') fieldsUsed(value[name], c.type(), used);
    if (c.kind === 'array' && c.items.kind === 'object') for (const item of value[name]) fieldsUsed(item, c.items.type(), used);
  }
}

describe('docs/examples/full-case.json', () => {
  it('is a valid case file', () => {
    const r = validateCaseFile(example);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('is a general-procedure fine case', () => {
    expect(example.case.procedure).toBe('general');
    expect(example.case.penalty.kinds).toContain('fine');
    expect(example.documents.some((d: any) => d.type === 'penalty_decision')).toBe(true);
  });

  it('uses every field of the format except the few that belong to other kinds of case', () => {
    const used = new Map<Function, Set<string>>();
    fieldsUsed(example, CaseFileDto, used);
    const missing: string[] = [];
    for (const [cls, names] of used) {
      for (const name of fieldsOf(cls).keys()) if (!names.has(name)) missing.push(`${cls.name.replace(/Dto$/, '')}.${name}`);
    }
    expect(missing.sort()).toEqual(Object.keys(ABSENT_BY_DESIGN).sort());
  });

  it('every part of the format appears (every object type is reached)', () => {
    const used = new Map<Function, Set<string>>();
    fieldsUsed(example, CaseFileDto, used);
    const reachable = new Set<Function>();
    const visit = (cls: Function) => {
      if (reachable.has(cls)) return;
      reachable.add(cls);
      for (const f of fieldsOf(cls).values()) {
        if (`${cls.name.replace(/Dto$/, '')}.${f.name}` in ABSENT_BY_DESIGN) continue;
        const c = f.check;
        if (c.kind === 'object') visit(c.type());
        if (c.kind === 'array' && c.items.kind === 'object') visit(c.items.type());
      }
    };
    visit(CaseFileDto);
    expect([...reachable].filter((c) => !used.has(c)).map((c) => c.name)).toEqual([]);
  });

  it('the format documentation names each field the example leaves out', () => {
    for (const name of Object.values(ABSENT_BY_DESIGN)) expect(formatDoc).toContain(`\`${name}\``);
  });

  it('numbers the file-index pages consecutively from 1 and covers every paginated document', () => {
    let next = 1;
    for (const entry of example.fileIndex) {
      expect(entry.pages.from).toBe(next);
      next = entry.pages.to + 1;
    }
    const indexed = new Set(example.fileIndex.map((e: any) => e.refId));
    for (const d of example.documents) if (d.pages) expect(indexed).toContain(d.id);
  });
});
