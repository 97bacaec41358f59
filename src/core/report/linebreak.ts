/**
 * Chinese line breaking (中文断行) for report text.
 *
 * - A line may break between two CJK characters, at a space, and between CJK and Latin text.
 * - Never inside: a number (1,234.50), a date (2025-01-24, 2025年1月24日), a Latin word or code (DL-06,
 *   SEQ-10, http://…), an article reference (第64条, 第六十四条, 第（一）项).
 * - 避头尾 (GB/T 15834 usage): closing punctuation ，。、；：？！）》」』】 … never starts a line — it stays with
 *   the character before it; opening punctuation （《「『【 … never ends a line — it goes with what follows.
 * - A unit wider than the line (a long URL) is the only thing ever split mid-unit, character by character.
 *
 * Pure: widths come from a measure function, so the same code serves any font and size.
 */

export type Measure = (text: string) => number;

/** 行首禁则: may not start a line */
export const NO_LINE_START = new Set(
  Array.from('，。、；：？！）》」』】〕〉〗〙〛”’…～·%‰℃,.;:!?)]}＞｝］｠、゜'),
);
/** 行尾禁则: may not end a line */
export const NO_LINE_END = new Set(Array.from('（《「『【〔〈〖〘〚“‘([{＜｛［｟'));

const CN_NUM = '0-9０-９一二三四五六七八九十百千零〇两';

/**
 * Tokens that are never split, in priority order. Everything else is one code point per token
 * (each CJK character, each punctuation mark) or a run of white space.
 */
const ART = `第[${CN_NUM}]+[条款项章节编目]`;
const ART_ITEM = `第[（(][${CN_NUM}]+[）)][项目]`;
const NUMBER = '(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?';
/** units that stay with their number: 90日 7个工作日 3个月 2万元 12号 */
const UNIT = '(?:个工作日|工作日|个月|小时|万元|亿元|日|天|元|号|年|月|周|条|款|项|次|分|页|人|名|件|份|倍|米|吨)';

const ATOM = new RegExp(
  [
    // article references: 第64条 第六十四条第一款第（一）项 第(1)项
    `${ART}(?:${ART}|${ART_ITEM})*`,
    ART_ITEM,
    // Chinese dates: 2025年1月24日, 2025年1月, 1月24日
    '[0-9]{4}年[0-9]{1,2}月(?:[0-9]{1,2}日)?',
    '[0-9]{1,2}月[0-9]{1,2}日',
    // the year-and-number part of a case number: 〔2025〕12号
    '〔[0-9]{4}〕[0-9]+号',
    // a number with its unit: 90日, 7个工作日, 200,000元
    `${NUMBER}${UNIT}`,
    // numbers with thousands separators (plain numbers are Latin atoms below)
    '[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?',
    // Latin words, codes, numbers, ISO dates, rule ids, URLs (internal punctuation kept inside)
    "[A-Za-z0-9](?:[A-Za-z0-9_'’]|[-./:@#&=?~+%]+(?=[A-Za-z0-9]))*",
    // dashes and ellipses are not split: —— ……
    '—+',
    '…+',
    '\\s+',
  ].join('|'),
  'gu',
);

/** Split text into atoms (never split) — see ATOM. */
export function atoms(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  ATOM.lastIndex = 0;
  for (;;) {
    ATOM.lastIndex = i;
    const m = ATOM.exec(text);
    const next = m ? m.index : text.length;
    // the code points between matches are single-character atoms
    for (const ch of text.slice(i, next)) out.push(ch);
    if (!m) break;
    out.push(m[0]);
    i = m.index + m[0].length;
    if (m[0].length === 0) i++;
  }
  return out;
}

const isSpace = (s: string): boolean => /^\s+$/u.test(s);
const firstChar = (s: string): string => String.fromCodePoint(s.codePointAt(0)!);
const lastChar = (s: string): string => Array.from(s).pop()!;

/**
 * Group atoms into units: a line may break only between units (or at white space).
 * Closing punctuation joins the unit before it, opening punctuation joins the unit after it.
 */
export function breakUnits(text: string): string[] {
  const units: string[] = [];
  let glueNext = false; // the previous unit ended with opening punctuation
  for (const a of atoms(text)) {
    const last = units.length > 0 ? units[units.length - 1] : undefined;
    if (isSpace(a)) {
      // "（ 含": the space after opening punctuation is no break opportunity
      if (glueNext && last !== undefined) units[units.length - 1] = last + a;
      else units.push(a);
      continue;
    }
    if (NO_LINE_START.has(firstChar(a)) && last !== undefined && isSpace(last) && units.length >= 2) {
      // "送达 ，": the space before closing punctuation is no break opportunity either
      units.pop();
      units[units.length - 1] += last + a;
    } else if (last !== undefined && !isSpace(last) && (glueNext || NO_LINE_START.has(firstChar(a)))) {
      units[units.length - 1] = last + a;
    } else {
      units.push(a);
    }
    glueNext = NO_LINE_END.has(lastChar(a));
  }
  return units;
}

/**
 * Break one paragraph (no '\n') into lines no wider than maxWidth. White space at a break is dropped.
 * Only a unit wider than the whole line is split (character by character, still keeping closing
 * punctuation off the line start).
 */
function breakParagraph(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  let pendingSpace = '';
  const push = () => {
    lines.push(line);
    line = '';
    lineWidth = 0;
    pendingSpace = '';
  };
  for (const unit of breakUnits(text)) {
    if (isSpace(unit)) {
      if (line !== '') pendingSpace = unit.replace(/[\t\r\n]/g, ' ');
      continue;
    }
    const w = measure(unit);
    const spaceW = pendingSpace ? measure(pendingSpace) : 0;
    if (line !== '' && lineWidth + spaceW + w <= maxWidth) {
      line += pendingSpace + unit;
      lineWidth += spaceW + w;
      pendingSpace = '';
      continue;
    }
    if (line !== '') push();
    if (w <= maxWidth) {
      line = unit;
      lineWidth = w;
      continue;
    }
    // a unit longer than a line: split it by characters
    for (const piece of splitOversized(unit, maxWidth, measure)) {
      if (line !== '') push();
      line = piece;
      lineWidth = measure(piece);
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

function splitOversized(unit: string, maxWidth: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let cur = '';
  for (const ch of unit) {
    if (cur !== '' && measure(cur + ch) > maxWidth && !NO_LINE_START.has(ch) && !NO_LINE_END.has(lastChar(cur))) {
      pieces.push(cur);
      cur = ch;
    } else {
      cur += ch;
    }
  }
  if (cur !== '') pieces.push(cur);
  return pieces;
}

/** Break text into lines; '\n' starts a new paragraph (an empty line stays an empty line). */
export function breakLines(text: string, maxWidth: number, measure: Measure): string[] {
  return text.split(/\r?\n/).flatMap((p) => breakParagraph(p, maxWidth, measure));
}
