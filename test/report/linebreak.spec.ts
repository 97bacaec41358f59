import fc from 'fast-check';
import { atoms, breakLines, breakUnits, NO_LINE_END, NO_LINE_START } from '../../src/core/report/linebreak';
import { loadReportFonts } from '../../src/core/report/fonts';

/** every code point 1 unit wide */
const chars = (s: string) => Array.from(s).length;

describe('Chinese line breaking', () => {
  it('keeps numbers, dates, rule ids, article refs and case numbers whole', () => {
    const text = '依据第64条第1款第（一）项及第六十四条，自2025-01-24起5个工作日内；DL-06规则；罚款200,000元；益环罚〔2025〕12号；2025年1月17日。';
    const a = atoms(text);
    for (const whole of ['第64条第1款第（一）项', '第六十四条', '2025-01-24', '5个工作日', 'DL-06', '200,000元', '〔2025〕12号', '2025年1月17日']) {
      expect(a).toContain(whole);
    }
    // narrow lines: each of these still appears on one line
    for (let width = 14; width <= 30; width++) {
      const lines = breakLines(text, width, chars);
      for (const whole of ['第64条第1款第（一）项', '2025-01-24', 'DL-06', '200,000元', '2025年1月17日']) {
        expect(lines.some((l) => l.includes(whole))).toBe(true);
      }
    }
  });

  it('避头尾: closing punctuation stays with what precedes, opening punctuation with what follows', () => {
    expect(breakUnits('送达（含留置送达）。')).toEqual(['送', '达', '（含', '留', '置', '送', '达）。']);
    // width 5: "当事人未签名" → break must not leave "，" at a line start nor "《" at a line end
    const lines = breakLines('当事人未签名，依《行政处罚法》处理。', 5, chars);
    for (const [i, l] of lines.entries()) {
      if (i > 0) expect(NO_LINE_START.has(Array.from(l)[0])).toBe(false);
      if (i < lines.length - 1) expect(NO_LINE_END.has(Array.from(l).pop()!)).toBe(false);
    }
    expect(lines.join('')).toBe('当事人未签名，依《行政处罚法》处理。');
  });

  it('breaks between CJK characters and at spaces, dropping the space at the break', () => {
    expect(breakLines('一二三四五六七', 3, chars)).toEqual(['一二三', '四五六', '七']);
    expect(breakLines('alpha beta gamma', 10, chars)).toEqual(['alpha beta', 'gamma']);
    expect(breakLines('第一段\n\n第三段', 10, chars)).toEqual(['第一段', '', '第三段']);
  });

  it('only a unit wider than the line is split, by characters', () => {
    const url = 'https://example.gov.cn/xxgk/2025/0124/abcdef.html';
    const lines = breakLines(`见${url}。`, 12, chars);
    expect(lines.every((l) => chars(l) <= 13)).toBe(true); // a closing mark may ride along
    expect(lines.join('')).toBe(`见${url}。`);
  });

  it('property: text is preserved, protected tokens are never split, 避头尾 holds, lines fit', () => {
    const protectedTokens = ['2025-01-24', 'DL-06', 'SEQ-10', '第64条', '第六十四条第一款', '第（一）项', '200,000元', '7个工作日', '2025年1月17日', '〔2025〕12号', 'pdf-lib', '3.5'];
    const cjk = Array.from('的是案件当事人送达期限决定书告知听证复议法制审核');
    const punct = Array.from('，。、；：？！）》」』】（《「『【');
    const piece = fc.oneof(
      fc.constantFrom(...cjk).map((s) => ({ s, p: false })),
      fc.constantFrom(...punct).map((s) => ({ s, p: false })),
      fc.constant({ s: ' ', p: false }),
      fc.constantFrom(...protectedTokens).map((s) => ({ s, p: true })),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 80 }), fc.integer({ min: 16, max: 40 }), (pieces, width) => {
        // protected tokens are always separated from each other by a CJK character
        const parts: { s: string; p: boolean }[] = [];
        for (const x of pieces) {
          const prev = parts[parts.length - 1];
          if (x.p && prev && (prev.p || /[0-9A-Za-z]$/.test(prev.s))) parts.push({ s: '的', p: false });
          if (!x.p && prev?.p && /^[0-9A-Za-z]/.test(x.s)) parts.push({ s: '的', p: false });
          parts.push(x);
        }
        const text = parts.map((x) => x.s).join('');
        const lines = breakLines(text, width, chars);
        const squash = (s: string) => s.replace(/\s+/g, '');
        // 1. nothing lost or reordered (only white space at breaks may go)
        expect(squash(lines.join(''))).toBe(squash(text));
        // 2. lines fit
        for (const l of lines) expect(chars(l)).toBeLessThanOrEqual(width);
        // 3. protected tokens: no break strictly inside
        const breaks = new Set<number>();
        let pos = 0;
        for (const l of lines.slice(0, -1)) {
          pos += chars(squash(l));
          breaks.add(pos);
        }
        let at = 0;
        for (const x of parts) {
          const len = chars(squash(x.s));
          if (x.p) for (let k = at + 1; k < at + len; k++) expect(breaks.has(k)).toBe(false);
          at += len;
        }
        // 4. 避头尾
        lines.forEach((l, i) => {
          const cs = Array.from(l.trim());
          if (cs.length === 0) return;
          if (i > 0 && !NO_LINE_START.has(Array.from(text.trim())[0])) {
            // a line may start with closing punctuation only if the text has nothing before it
            expect(NO_LINE_START.has(cs[0]) && squash(lines.slice(0, i).join('')).length > 0).toBe(false);
          }
          if (i < lines.length - 1) expect(NO_LINE_END.has(cs[cs.length - 1])).toBe(false);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('with the real font: lines fit the width, mixed CJK/Latin', () => {
    const m = loadReportFonts().measure.regular;
    const text = '听证申请期限（行政处罚法第64条第1款第（一）项）：告知书于2025-01-24送达，期限届满日为2025-02-07（5个工作日，春节假期顺延），决定书落款日期2025-02-05早于届满日，违反DL-06。';
    const lines = breakLines(text, 180, (s) => m.width(s, 10));
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(m.width(l, 10)).toBeLessThanOrEqual(180);
    expect(lines.join('')).toBe(text);
  });
});
