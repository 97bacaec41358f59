/**
 * Every 依据 of the pack rests on rules/law (inside the repository; no file beside it): the law is there, each
 * article the rule cites is there, and each quote is verbatim in the cited article's text. Runs in a clean clone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRulePack } from '../../src/core/engine';
import { citedKeys, LawTextError, loadLawLibrary, resolveBasis } from '../../src/core/law/law-texts';

const lib = loadLawLibrary();
const pack = defaultRulePack();
const bases = pack.rules.flatMap((r) => r.basis.map((b, i) => [`${r.id} 依据${i + 1} ${b.law}${b.article}`, b] as const));

describe('basis quotes against rules/law', () => {
  it.each(bases)('%s', (_t, b) => {
    const r = resolveBasis(b, lib);
    expect(r.problems).toEqual([]);
    expect(r.entries.length).toBeGreaterThan(0);
  });

  it('a rule of confidence Q rests only on provisions whose text was read (Q or Q†)', () => {
    const weak = pack.rules
      .filter((r) => r.confidence === 'Q')
      .flatMap((r) => r.basis.filter((b) => b.quote).map((b) => [r.id, b.law, b.article, resolveBasis(b, lib).confidence]))
      .filter(([, , , c]) => c !== 'Q' && c !== 'Q†');
    expect(weak).toEqual([]);
  });

  it('a quote that is not in the article fails, and so does an article the law file lacks', () => {
    const law = '中华人民共和国行政处罚法';
    expect(resolveBasis({ law, article: '第60条', quote: '自立案之日起三个月内作出' }, lib).problems[0]).toContain('不在');
    expect(resolveBasis({ law, article: '第999条' }, lib).problems[0]).toContain('没有 第999条');
    expect(resolveBasis({ law: '不存在的法', article: '第1条' }, lib).problems[0]).toContain('没有《不存在的法》');
    expect(resolveBasis({ law, article: '第60条', quote: '行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定。' }, lib).problems).toEqual([]);
  });

  it('cited keys: several articles, ranges, items and named sections', () => {
    expect(citedKeys('第61条、第85条')).toEqual(['第61条', '第85条']);
    expect(citedKeys('第8条、第10条、第12条至第14条')).toEqual(['第8条', '第10条', '第12条', '第14条', '第13条']);
    expect(citedKeys('第14项')).toEqual(['第14项']);
    expect(citedKeys('卷面标准')).toEqual(['卷面标准']);
  });

  it('a law file without source or text is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'law-'));
    try {
      writeFileSync(join(dir, 'a.yaml'), 'law: 某法\nconfidence: Q\nsource: x\narticles:\n  1: { note: 无原文 }\n');
      expect(() => loadLawLibrary(dir)).toThrow(LawTextError);
      writeFileSync(join(dir, 'a.yaml'), 'law: 某法\nconfidence: Q\narticles:\n  1: { text: 甲 }\n');
      expect(() => loadLawLibrary(dir)).toThrow(/source/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('basis shape', () => {
  it('every rule cites a law and an article', () => {
    for (const r of pack.rules)
      for (const b of r.basis) {
        expect(b.law.length).toBeGreaterThan(1);
        expect(b.article.trim().length).toBeGreaterThan(1);
      }
  });
});

describe('【Q†】 in the 依据 line', () => {
  it('an article read only in a third-party copy is marked, and every 依据 line says so', () => {
    const { formatBasis } = require('../../src/core/evaluation/assess') as typeof import('../../src/core/evaluation/assess');
    const { basisText } = require('../../src/core/law/basis-text') as typeof import('../../src/core/law/basis-text');
    const dl02 = pack.byId.get('DL-02')!;
    expect(dl02.basis.map((b) => b.mark)).toEqual(['Q†', 'Q†']);
    expect(pack.byId.get('DL-01')!.basis[0].mark).toBeUndefined(); // 处罚法第60条: original text
    const finding = { basis: dl02.basis, basisPending: false } as any;
    expect(formatBasis(finding)).toContain('第18条【Q†：第三方副本，未与官方文本核对】');
    for (const style of ['plain', 'short', 'grouped'] as const) expect(basisText(dl02.basis, style)).toContain('第18条【Q†：第三方副本，未与官方文本核对】');
  });
});
