/**
 * Suggestions from a 文书 (.docx made from the 文书制作指南 templates): what is typed in it — 文号, 落款日期, amounts,
 * stated periods ("自收到本告知书之日起五个工作日内"), the 加处罚款 clause, the rights notified, the party's name —
 * offered as pre-filled values for the matching document, each a suggestion until a person confirms it
 * (`applySuggestions` with the fields accepted). Text is read with mammoth; nothing is written to a case file here.
 *
 * What a .docx cannot hold stays for a person: the 制作稿 is typed before printing, so signatures, 拒签, seals,
 * the 签收/送达 date and the 见证人 are added on paper (PAPER_ONLY_FIELDS).
 */
import mammoth from 'mammoth';
import { PERIOD_UNITS } from '../domain/period-text';
import { legalDateProblem } from '../domain/legal-date';
import type { CaseDocument, StatedPeriod } from '../case-file/types';
import { normalizeDateText } from './cells';
import { defaultTitleTyper, type TitleMatch, type TitleTyper } from './title-types';

export interface Suggestion {
  /** the document field it fills: 'docNumber', 'madeOn', 'amounts.fine', 'statedPeriods', 'surchargeStandardStated' … */
  field: string;
  value: unknown;
  /** the words in the 文书 it was read from */
  source: string;
  /** always false here: a person confirms (applySuggestions) */
  confirmed: false;
}

export interface DocxSuggestions {
  /** the title line of the 文书 and the document type it names */
  title?: string;
  type: TitleMatch;
  suggestions: Suggestion[];
  /** fields a .docx cannot hold (added on paper after printing): a person enters them from the paper file */
  paperOnly: { field: string; label: string }[];
  /** characters of text read */
  textLength: number;
}

/** Added on paper after the 制作稿 is printed: never in a .docx. */
export const PAPER_ONLY_FIELDS: readonly { field: string; label: string }[] = [
  { field: 'signatories', label: '签名人及签名日期' },
  { field: 'partySignature', label: '当事人签名/拒签情况' },
  { field: 'sealed', label: '加盖机关印章' },
  { field: 'service.servedOn', label: '送达/签收日期' },
  { field: 'service.receiver', label: '签收人' },
  { field: 'service.witness', label: '见证人（留置送达）' },
];

export class DocxReadError extends Error {
  readonly code = 'NOT_DOCX';
  constructor(message: string) {
    super(message);
    this.name = 'DocxReadError';
  }
}

// ——— Chinese numerals (一二三 / 壹贰叁, 十百千万, 〇/零, and digits) ———

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4, 五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** "十五" → 15, "二十" → 20, "一百二十" → 120, "伍万" → 50000, "15" → 15; undefined when not a number. */
export function chineseNumeral(text: string): number | undefined {
  const t = text.replace(/[,，\s]/g, '');
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^\d+(\.\d+)?万$/.test(t)) return Math.round(Number(t.slice(0, -1)) * 10000 * 100) / 100;
  if (!t || ![...t].every((c) => c in DIGITS || c in UNITS || c === '万' || c === '亿')) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const c of t) {
    if (c in DIGITS) digit = DIGITS[c];
    else if (c in UNITS) {
      section += (digit ?? 1) * UNITS[c];
      digit = undefined;
    } else {
      const big = c === '万' ? 10000 : 100000000;
      total = (total + section + (digit ?? 0)) * big;
      section = 0;
      digit = undefined;
    }
  }
  return total + section + (digit ?? 0);
}

/** Year written digit by digit: "二〇二五" → 2025. */
function chineseYear(text: string): number | undefined {
  if (/^\d{4}$/.test(text)) return Number(text);
  if (text.length !== 4 || ![...text].every((c) => c in DIGITS)) return undefined;
  return Number([...text].map((c) => DIGITS[c]).join(''));
}

const CN = '〇零一二三四五六七八九十';
const DATE_IN_TEXT = new RegExp(`([0-9]{4}|[${CN}]{4})\\s*年\\s*([0-9]{1,2}|[${CN}]{1,3})\\s*月\\s*([0-9]{1,2}|[${CN}]{1,3})\\s*日`, 'g');

/** Every date written in the text ("2025年9月26日", "二〇二五年九月二十六日"), in order, as YYYY-MM-DD. */
export function datesInText(text: string): { date: string; source: string; index: number }[] {
  const out: { date: string; source: string; index: number }[] = [];
  for (const m of text.matchAll(DATE_IN_TEXT)) {
    const y = chineseYear(m[1]);
    const mo = chineseNumeral(m[2]);
    const d = chineseNumeral(m[3]);
    if (y === undefined || mo === undefined || d === undefined) continue;
    const date = normalizeDateText(`${y}-${mo}-${d}`);
    if (date && legalDateProblem(date) === null) out.push({ date, source: m[0], index: m.index! });
  }
  return out;
}

// ——— stated periods ———

const PERIOD_RE = new RegExp(`([0-9]+|[${CN}两百]+)\\s*(个)?\\s*(工作日|日|天|个月|月|年)(?:内|以内|之内)`, 'g');

/** Which period a clause states, from the words around it (the nearest wins). */
const PERIOD_KINDS: { kind: StatedPeriod['kind']; words: RegExp }[] = [
  { kind: 'hearing_request', words: /听证/g },
  { kind: 'statement', words: /陈述|申辩/g },
  { kind: 'payment', words: /缴纳|缴款|缴清|履行/g },
  { kind: 'reconsideration', words: /复议/g },
  { kind: 'litigation', words: /诉讼|起诉/g },
  { kind: 'rectification', words: /改正|整改/g },
];

function unitOf(word: string): StatedPeriod['unit'] {
  const unit: StatedPeriod['unit'] = word === '工作日' ? 'workday' : word === '日' || word === '天' ? 'day' : word.endsWith('月') ? 'month' : 'year';
  if (!PERIOD_UNITS.includes(unit)) throw new Error(`unit ${unit}`);
  return unit;
}

/** "自收到本告知书之日起五个工作日内提出陈述、申辩" → { kind: statement, amount: 5, unit: workday, text } */
export function statedPeriodsInText(text: string): StatedPeriod[] {
  const out: StatedPeriod[] = [];
  for (const sentence of text.split(/[。；;\n]/)) {
    const matches = [...sentence.matchAll(PERIOD_RE)];
    matches.forEach((m, i) => {
      const amount = chineseNumeral(m[1]);
      if (amount === undefined || amount <= 0 || !Number.isInteger(amount)) return;
      const start = m.index!;
      const end = start + m[0].length;
      // the clause: from the previous period (or the sentence start) to the next one
      const clauseStart = i > 0 ? matches[i - 1].index! + matches[i - 1][0].length : 0;
      const clauseEnd = i + 1 < matches.length ? matches[i + 1].index! : sentence.length;
      // the nearest word naming a period, first within the comma-separated part, then within the clause
      const nearest = (from: number, to: number) => {
        let best: { kind: StatedPeriod['kind']; distance: number } = { kind: 'other', distance: Infinity };
        for (const { kind, words } of PERIOD_KINDS) {
          for (const w of sentence.slice(from, to).matchAll(words)) {
            const at = from + w.index!;
            const distance = at < start ? start - at : at - end;
            if (distance < best.distance) best = { kind, distance };
          }
        }
        return best.kind;
      };
      const partStart = Math.max(clauseStart, Math.max(sentence.lastIndexOf('，', start), sentence.lastIndexOf(',', start)) + 1);
      const commaAfter = [sentence.indexOf('，', end), sentence.indexOf(',', end)].filter((x) => x >= 0);
      const partEnd = Math.min(clauseEnd, commaAfter.length ? Math.min(...commaAfter) : sentence.length);
      let kind = nearest(partStart, partEnd);
      if (kind === 'other') kind = nearest(clauseStart, clauseEnd);
      // the words of the period: from 自 / 收到 (… 之日起) to 内
      const marks = [sentence.lastIndexOf('自', start), sentence.lastIndexOf('收到', start)].filter((x) => x >= partStart);
      const textStart = marks.length ? Math.min(...marks) : start;
      out.push({ kind, amount, unit: unitOf(m[3]), text: sentence.slice(textStart, end).trim() });
    });
  }
  return out;
}

// ——— the 文书 ———

const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}[〔[［(（]\s*\d{4}\s*[〕\]］)）]\s*(?:第\s*)?[\w-]{1,12}\s*号/;
const FINE = new RegExp(`罚款(?:人民币)?\\s*([0-9][0-9,，.]*\\s*万?|[${CN}壹贰叁肆伍陆柒捌玖拾佰仟万两]+)\\s*元`);
const SURCHARGE = /加处罚款|每日按罚款数额的百分之三/;
/** 行政复议机关 as the 决定书 names it ("六十日内向沅澧市人民政府申请行政复议"; 行政复议法(2023)第24条, rule FLD-34) */
const RECONSIDERATION_BODY = /向\s*([^，,。；;：:\s（(]{2,40}?)\s*申请行政复议/;
const PARTY = /^(?:当事人|被处罚(?:单位|人)|被检查(?:单位|人))\s*[:：]\s*([^，,。；;\s]+)/m;

function suggestion(field: string, value: unknown, source: string): Suggestion {
  return { field, value, source, confirmed: false };
}

/** Read the text of a .docx (mammoth; its messages about unsupported content are ignored: only text is used). */
export async function docxText(buffer: Buffer | Uint8Array): Promise<string> {
  const bytes = Buffer.from(buffer);
  if (bytes.length < 4 || bytes.readUInt32BE(0) !== 0x504b0304) {
    throw new DocxReadError(bytes.length >= 4 && bytes.readUInt32BE(0) === 0xd0cf11e0
      ? '这是旧版 Word（.doc）文件：请另存为 .docx 后再上传'
      : '不是 Word 文档（.docx）：文件内容无法识别');
  }
  try {
    return (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch (e) {
    throw new DocxReadError(`Word 文档（.docx）已损坏或不是 Word 文档，无法读取（${e instanceof Error ? e.message : String(e)}）`);
  }
}

/** Suggestions from the text of a 文书 (the typed facts only). */
export function suggestFromText(text: string, opts: { type?: string; typer?: TitleTyper } = {}): DocxSuggestions {
  const typer = opts.typer ?? defaultTitleTyper();
  const lines = text.split(/\n/).map((l) => l.trim()).filter(Boolean);
  // the title: the first line that names a document type (templates print it spaced out: "行 政 处 罚 决 定 书")
  let title: string | undefined;
  let type: TitleMatch = { type: opts.type ?? 'other', by: 'none' };
  for (const line of lines.slice(0, 8)) {
    const compact = line.replace(/\s+/g, '');
    if (compact.length > 30) continue;
    const m = typer.match(compact);
    if (m.type !== 'other' && (m.by === 'name' || m.by === 'synonym')) {
      title = compact;
      if (!opts.type) type = m;
      break;
    }
  }
  const suggestions: Suggestion[] = [];
  if (!opts.type && type.type !== 'other') suggestions.push(suggestion('type', type.type, title!));
  if (title) suggestions.push(suggestion('title', title, title));

  const head = lines.slice(0, 6).join('\n');
  const number = DOC_NUMBER.exec(head) ?? DOC_NUMBER.exec(text);
  if (number) suggestions.push(suggestion('docNumber', number[0].replace(/\s+/g, ''), number[0]));

  // 落款日期: the last date of the 文书 (the signature block); earlier dates are facts it recounts
  const dates = datesInText(text);
  const last = dates[dates.length - 1];
  if (last) suggestions.push(suggestion('madeOn', last.date, last.source));

  const party = PARTY.exec(text);
  if (party) suggestions.push(suggestion('partyNameAsWritten', party[1], party[0]));

  const fine = FINE.exec(text);
  if (fine) {
    const raw = fine[1].replace(/\s+/g, '');
    const amount = chineseNumeral(raw);
    if (amount !== undefined) suggestions.push(suggestion('amounts.fine', amount, fine[0]));
  }

  const periods = statedPeriodsInText(text);
  if (periods.length) suggestions.push(suggestion('statedPeriods', periods, periods.map((p) => p.text).join('；')));

  const surcharge = SURCHARGE.exec(text);
  if (surcharge) {
    const sentence = text.slice(Math.max(0, text.lastIndexOf('。', surcharge.index) + 1), text.indexOf('。', surcharge.index) + 1 || undefined);
    suggestions.push(suggestion('surchargeStandardStated', true, sentence.trim()));
  }
  const body = RECONSIDERATION_BODY.exec(text);
  if (body) suggestions.push(suggestion('decisionContents.reconsiderationBody', body[1], body[0]));
  // 笔录 closed with "以下空白" (评查细则笔录基本要素第8项); its absence in the 制作稿 proves nothing (a slash may be drawn on paper)
  const blank = /以\s*下\s*空\s*白/.exec(text);
  if (blank) suggestions.push(suggestion('blankSpaceClosed', true, blank[0]));
  const notice = type.type === 'penalty_notice' || opts.type === 'penalty_notice';
  if (notice) {
    const hearing = /听证/.exec(text);
    if (hearing) suggestions.push(suggestion('hearingRightNotified', true, text.slice(hearing.index, hearing.index + 30)));
    const statement = /陈述|申辩/.exec(text);
    if (statement) suggestions.push(suggestion('statementRightNotified', true, text.slice(statement.index, statement.index + 30)));
  }
  return { title, type, suggestions, paperOnly: [...PAPER_ONLY_FIELDS], textLength: text.length };
}

export async function suggestFromDocx(buffer: Buffer | Uint8Array, opts: { type?: string; typer?: TitleTyper } = {}): Promise<DocxSuggestions> {
  return suggestFromText(await docxText(buffer), opts);
}

/**
 * The confirm step: the document with the suggestions a person accepted (by field) filled in. Values already
 * entered are kept unless `overwrite`; `entry.missingFields` loses the fields now entered.
 */
export function applySuggestions(doc: CaseDocument, suggestions: readonly Suggestion[], accepted: readonly string[], opts: { overwrite?: boolean } = {}): CaseDocument {
  const out = structuredClone(doc) as unknown as Record<string, unknown>;
  const filled: string[] = [];
  for (const s of suggestions) {
    if (!accepted.includes(s.field)) continue;
    const [top, sub] = s.field.split('.');
    if (sub) {
      const obj = ((out[top] as Record<string, unknown> | undefined) ??= {});
      if (obj[sub] !== undefined && !opts.overwrite) continue;
      obj[sub] = structuredClone(s.value);
    } else {
      if (out[top] !== undefined && !opts.overwrite) continue;
      out[top] = structuredClone(s.value);
    }
    filled.push(top);
  }
  const entry = doc.entry;
  if (entry?.status === 'partial' && entry.missingFields) {
    const missing = entry.missingFields.filter((f) => !filled.includes(f));
    out.entry = missing.length ? { status: 'partial', missingFields: missing } : { status: 'entered' };
  }
  return out as unknown as CaseDocument;
}
