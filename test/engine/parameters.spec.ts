/**
 * rules/parameters: dated legal values, each citing an article that rules/law holds; the rules of the pack that
 * apply such a value read it (the value in force on the day that decides which law applies), and each version of
 * a rule cites the article its value comes from.
 */
import { defaultRulePack } from '../../src/core/engine';
import { loadLawLibrary, resolveBasis } from '../../src/core/law/law-texts';
import { defaultParameters, parameterOn, periodOn } from '../../src/core/law/parameters';

const params = defaultParameters();
const laws = loadLawLibrary();
const pack = defaultRulePack();

describe('rules/parameters', () => {
  it.each([...params.values()].flatMap((p) => p.values.map((v) => [`${p.name} ${v.from}`, v] as const)))('%s cites an article of rules/law', (_t, v) => {
    expect(resolveBasis(v.basis, laws).problems).toEqual([]);
  });

  it('gives the value in force on a day', () => {
    expect(parameterOn('simple_procedure_fine_limit_organization', '2021-07-14')?.value).toBe(1000);
    expect(parameterOn('simple_procedure_fine_limit_organization', '2021-07-15')?.value).toBe(3000);
    expect(parameterOn('hearing_large_amount_organization', '2023-06-30')).toBeUndefined();
    expect(parameterOn('hearing_large_amount_organization', '2023-07-01')?.value).toBe(200000);
    expect(parameterOn('simple_procedure_filing_period', '2024-01-01')).toBeUndefined(); // value not known from the law text
  });

  /** the rule, or the former version of it that an old id names */
  const version = (id: string) => {
    const rule = pack.byId.get(id) ?? pack.byId.get(pack.formerIds.get(id)!)!;
    return rule.id === id ? rule : rule.versions!.find((v) => v.formerId === id)!;
  };
  const parameterOf = (id: string) => {
    const c = version(id).check as any;
    return c.parameter ?? c.expect?.parameter;
  };
  it.each([
    ['DL-01', 'case_handling_period', '2023-07-01', 90, 'day'],
    ['DL-33', 'case_handling_period', '2023-06-30', 3, 'month'],
    ['DL-01-SP', 'case_handling_period', '2023-07-01', 90, 'day'],
    ['DL-33-SP', 'case_handling_period', '2023-06-30', 3, 'month'],
    ['DL-02', 'filing_period', '2023-07-01', 15, 'day'],
    ['DL-02-2010', 'filing_period', '2023-06-30', 7, 'workday'],
    ['DL-32-2010', 'simple_procedure_filing_period', '2023-06-30', 3, 'workday'],
  ])('%s reads %s; in force on %s: %d %s, from an article the version cites', (id, name, day, amount, unit) => {
    expect(parameterOf(id)).toBe(name);
    const p = periodOn(name, day)!;
    expect([p.amount, p.unit]).toEqual([amount, unit]);
    const b = p.value.basis;
    expect(version(id).basis.some((x) => x.law === b.law && x.article.startsWith(b.article))).toBe(true);
  });

  it('a former id resolves to the rule it was merged into', () => {
    expect(Object.fromEntries(pack.formerIds)).toEqual({ 'DL-33': 'DL-01', 'DL-33-SP': 'DL-01-SP', 'DL-02-2010': 'DL-02' });
  });

  const check = (id: string) => pack.byId.get(id)!.check as any;
  it('DL-01a and DL-02 extensions use the dated limits', () => {
    expect(Number(check('DL-01a').params.maxDays)).toBe(parameterOn('case_handling_extension', '2023-07-01')!.value);
    expect(parameterOn('filing_period_extension', '2023-07-01')!.value).toBe(15);
  });
});
