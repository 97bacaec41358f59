/**
 * rules/parameters: dated legal values, each citing an article that rules/law holds; the rules of the pack that
 * carry such a value use the one in force in their effective window.
 */
import { defaultRulePack } from '../../src/core/engine';
import { loadLawLibrary, resolveBasis } from '../../src/core/law/law-texts';
import { defaultParameters, parameterOn } from '../../src/core/law/parameters';

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

  const check = (id: string) => pack.byId.get(id)!.check as any;
  it.each([
    ['DL-01', 'case_handling_period', '2023-07-01'],
    ['DL-33', 'case_handling_period', '2023-06-30'],
    ['DL-02', 'filing_period', '2023-07-01'],
    ['DL-02-2010', 'filing_period', '2023-06-30'],
    ['DL-32-2010', 'simple_procedure_filing_period', '2023-06-30'],
  ])('%s uses %s as in force on %s', (id, name, day) => {
    const v = parameterOn(name, day)!;
    expect(check(id).amount).toBe(v.value);
    const unit = v.unit ?? (params.get(name)!.unit === '工作日' ? 'workday' : 'day');
    expect(check(id).unit).toBe(unit);
  });

  it('DL-01a and DL-02 extensions use the dated limits', () => {
    expect(Number(check('DL-01a').params.maxDays)).toBe(parameterOn('case_handling_extension', '2023-07-01')!.value);
    expect(parameterOn('filing_period_extension', '2023-07-01')!.value).toBe(15);
  });
});
