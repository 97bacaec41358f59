/**
 * Synthetic case files (合成卷宗) for benches and load tests.
 *
 * `generateCaseFile(i, seed)` is a pure function of (i, seed): every file has its own PRNG stream, so file i is
 * the same whether it is generated alone or as part of a batch, and a batch can be streamed without holding it.
 *
 * Mix of case types (share of files): 一般程序罚款 55% · 听证 10% · 重大 8% · 简易程序 12% · 按日连续处罚 4% ·
 * 查封扣押 5% · 不予处罚 6%. About 30% of the files carry exactly one classic defect (see `SyntheticDefect`); the
 * rest are built to be complete and on time per catalog §a–§d.
 *
 * Dates run from 2024 to 2026 and count real working days: the State Council schedules of catalog §f5 are
 * embedded below (the generator must not depend on the calendar module it is used to test).
 */
import type {
  CaseDocument,
  CaseFile,
  EducationRecord,
  FileIndexEntry,
  Officer,
  Party,
  Reviewer,
  Signatory,
  StatedPeriod,
} from '../src/core/case-file/types';

// ————————————————————————————————————————— PRNG —————————————————————————————————————————

/** mulberry32: a small, fast 32-bit PRNG; deterministic across platforms. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes (seed, i) into one 32-bit stream seed (splitmix-like finaliser). */
function streamSeed(seed: number, i: number): number {
  let h = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(i | 0, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** integer in [min, max] */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  digits(n: number): string {
    let s = '';
    for (let k = 0; k < n; k++) s += String(this.int(0, 9));
    return s;
  }
}

// ————————————————————————————————— dates & working days (catalog §f5) —————————————————————————————————

const DAY_MS = 86_400_000;

function toDayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${y}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

/** 放假调休日 (closed intervals) — 国务院办公厅 2024/2025/2026 通知, catalog §f5. */
const REST_BLOCKS: [string, string][] = [
  ['2023-12-30', '2024-01-01'],
  ['2024-02-10', '2024-02-17'],
  ['2024-04-04', '2024-04-06'],
  ['2024-05-01', '2024-05-05'],
  ['2024-06-08', '2024-06-10'],
  ['2024-09-15', '2024-09-17'],
  ['2024-10-01', '2024-10-07'],
  ['2025-01-01', '2025-01-01'],
  ['2025-01-28', '2025-02-04'],
  ['2025-04-04', '2025-04-06'],
  ['2025-05-01', '2025-05-05'],
  ['2025-05-31', '2025-06-02'],
  ['2025-10-01', '2025-10-08'],
  ['2026-01-01', '2026-01-03'],
  ['2026-02-15', '2026-02-23'],
  ['2026-04-04', '2026-04-06'],
  ['2026-05-01', '2026-05-05'],
  ['2026-06-19', '2026-06-21'],
  ['2026-09-25', '2026-09-27'],
  ['2026-10-01', '2026-10-07'],
];
/** 调休上班的周六/周日, catalog §f5. */
const ADJUSTED_WORKDAYS = new Set(
  [
    '2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12',
    '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11',
    '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
  ].map(toDayNumber),
);
const REST_DAYS = new Set<number>();
for (const [from, to] of REST_BLOCKS) for (let n = toDayNumber(from); n <= toDayNumber(to); n++) REST_DAYS.add(n);

function isWorkdayNumber(n: number): boolean {
  if (ADJUSTED_WORKDAYS.has(n)) return true;
  if (REST_DAYS.has(n)) return false;
  const weekday = (n + 4) % 7; // 1970-01-01 was a Thursday (4); 0 = Sunday
  return weekday !== 0 && weekday !== 6;
}

export function isSyntheticWorkday(date: string): boolean {
  return isWorkdayNumber(toDayNumber(date));
}

const addDays = (date: string, days: number): string => fromDayNumber(toDayNumber(date) + days);
const daysBetween = (from: string, to: string): number => toDayNumber(to) - toDayNumber(from);
const maxDate = (...dates: string[]): string => dates.reduce((a, b) => (a > b ? a : b));

/** The n-th working day after `date` (the start day is not counted; 民法典第201条, 处罚法第85条). */
function addWorkdays(date: string, n: number): string {
  let d = toDayNumber(date);
  let left = n;
  while (left > 0) {
    d++;
    if (isWorkdayNumber(d)) left--;
  }
  return fromDayNumber(d);
}

/** The last working day on or before `date`. */
function onOrPreviousWorkday(date: string): string {
  let d = toDayNumber(date);
  while (!isWorkdayNumber(d)) d--;
  return fromDayNumber(d);
}

/** The first working day on or after `date`. */
function onOrNextWorkday(date: string): string {
  let d = toDayNumber(date);
  while (!isWorkdayNumber(d)) d++;
  return fromDayNumber(d);
}

/** 民法典第202条: 按月计算的期间, 到期月的对应日为期间的最后一日; 没有对应日的, 月末日为最后一日. */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  const td = Math.min(d, lastDay);
  return `${ty}-${tm < 10 ? '0' : ''}${tm}-${td < 10 ? '0' : ''}${td}`;
}

// ————————————————————————————————————— identities —————————————————————————————————————

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '曹', '彭', '曾', '肖', '田', '邓', '袁', '蒋', '廖', '谭', '龚'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '志强', '海燕', '文博', '子涵', '晓东', '红梅', '国平', '德明', '春生', '立新', '玉兰', '振华', '俊杰', '思远', '慧敏'];

interface Agency {
  name: string;
  /** 案号 prefix, e.g. 益环罚 */
  prefix: string;
  /** 行政区划代码 */
  region: string;
  city: string;
}

const AGENCIES: Agency[] = [
  { name: '益阳市生态环境局', prefix: '益环罚', region: '430900', city: '益阳市' },
  { name: '益阳市生态环境局大通湖分局', prefix: '益环通罚', region: '430971', city: '益阳市大通湖区' },
  { name: '益阳市生态环境局赫山分局', prefix: '益环赫罚', region: '430903', city: '益阳市赫山区' },
  { name: '益阳市生态环境局资阳分局', prefix: '益环资罚', region: '430902', city: '益阳市资阳区' },
  { name: '益阳市生态环境局沅江分局', prefix: '益环沅罚', region: '430981', city: '沅江市' },
  { name: '常德市生态环境局', prefix: '常环罚', region: '430700', city: '常德市' },
];

const TRADES = [
  { word: '化工', cause: '超标排放水污染物', violated: '《中华人民共和国水污染防治法》第十条', penalty: '《中华人民共和国水污染防治法》第八十三条第（二）项' },
  { word: '纸业', cause: '超标排放水污染物', violated: '《中华人民共和国水污染防治法》第十条', penalty: '《中华人民共和国水污染防治法》第八十三条第（二）项' },
  { word: '建材', cause: '未采取有效措施防治扬尘污染', violated: '《中华人民共和国大气污染防治法》第六十九条', penalty: '《中华人民共和国大气污染防治法》第一百一十五条' },
  { word: '砂石', cause: '未采取有效措施防治扬尘污染', violated: '《中华人民共和国大气污染防治法》第七十二条', penalty: '《中华人民共和国大气污染防治法》第一百一十七条' },
  { word: '养殖', cause: '未依法处理畜禽养殖废弃物', violated: '《畜禽规模养殖污染防治条例》第二十条', penalty: '《畜禽规模养殖污染防治条例》第三十九条' },
  { word: '机械制造', cause: '未按规定贮存危险废物', violated: '《中华人民共和国固体废物污染环境防治法》第八十一条', penalty: '《中华人民共和国固体废物污染环境防治法》第一百一十二条' },
  { word: '汽车维修', cause: '未按规定贮存危险废物', violated: '《中华人民共和国固体废物污染环境防治法》第八十一条', penalty: '《中华人民共和国固体废物污染环境防治法》第一百一十二条' },
  { word: '印染', cause: '未批先建', violated: '《中华人民共和国环境影响评价法》第二十五条', penalty: '《中华人民共和国环境影响评价法》第三十一条' },
  { word: '食品', cause: '超标排放大气污染物', violated: '《中华人民共和国大气污染防治法》第十八条', penalty: '《中华人民共和国大气污染防治法》第九十九条第（二）项' },
  { word: '电镀', cause: '通过暗管逃避监管排放水污染物', violated: '《中华人民共和国水污染防治法》第三十九条', penalty: '《中华人民共和国水污染防治法》第八十三条第（三）项' },
];
const FIRM_WORDS = ['宏达', '鑫源', '华盛', '金诚', '恒通', '瑞丰', '兴旺', '天成', '湘润', '洞庭', '银城', '资江', '明远', '康泰', '永兴', '嘉禾'];
const TOWNS = ['龙岭工业园', '长春经济开发区', '茈湖口镇', '河坝镇', '南湖洲镇', '沙头镇', '泉交河镇', '笔架山乡'];

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** 统一社会信用代码 (GB 32100-2015) with a valid 组织机构代码 check (GB 11714) and a valid final check character. */
function creditCode(rng: Rng, region: string): string {
  const org8 = rng.digits(8);
  const orgSum = org8.split('').reduce((s, c, k) => s + Number(c) * ORG_WEIGHTS[k], 0);
  const orgCheckValue = 11 - (orgSum % 11);
  const orgCheck = orgCheckValue === 10 ? 'X' : orgCheckValue === 11 ? '0' : String(orgCheckValue);
  const body = '91' + region + org8 + orgCheck;
  const sum = body.split('').reduce((s, c, k) => s + CREDIT_CHARS.indexOf(c) * CREDIT_WEIGHTS[k], 0);
  const check = (31 - (sum % 31)) % 31;
  return body + CREDIT_CHARS[check];
}

/** 公民身份号码 (GB 11643) with a valid birth date and check digit. */
function idNumber(rng: Rng, region: string): string {
  const birth = fromDayNumber(toDayNumber('1965-01-01') + rng.int(0, 35 * 365)).replace(/-/g, '');
  const body = region + birth + rng.digits(3);
  const sum = body.split('').reduce((s, c, k) => s + Number(c) * ID_WEIGHTS[k], 0);
  return body + '10X98765432'[sum % 11];
}

function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN);
}

// ————————————————————————————————————— kinds & defects —————————————————————————————————————

/** 一般程序罚款 / 听证 / 重大 / 简易程序 / 按日连续处罚 / 查封扣押 / 不予处罚 */
export type SyntheticKind = 'general' | 'hearing' | 'major' | 'simple' | 'daily' | 'seizure' | 'no_penalty';

/**
 * The classic defects (one per defective file):
 * - workday_as_calendar — 告知书 counts the 五日 听证申请 period as calendar days (处罚法第64条、第85条: 工作日)
 * - decision_before_statement_end — 决定书 made before the 陈述申辩 period the 告知书 stated had ended (第62条)
 * - missing_education — no 普法教育记录 in the file (整改通报 问题7; 不予处罚: 第33条第3款)
 * - missing_legal_review — a 法制审核目录 case decided without 法制审核意见书 (第58条)
 * - late_service — 决定书 served after the 7 working days of 第61条
 * - three_months_as_90_days — the 立案审批表 states 办案期限 "三个月" (the repealed 2010 wording) and dates it
 *   ninety days on (月 counted as 日; 民法典第202条 vs 处罚法第60条)
 */
export type SyntheticDefect =
  | 'none'
  | 'workday_as_calendar'
  | 'decision_before_statement_end'
  | 'missing_education'
  | 'missing_legal_review'
  | 'late_service'
  | 'three_months_as_90_days';

/** Rule ids (rules/pack) that report each planted defect — any one of the list (the catalog has two ids for some facts). */
export const DEFECT_RULES: Record<Exclude<SyntheticDefect, 'none'>, string[]> = {
  workday_as_calendar: ['DL-06-SP'],
  decision_before_statement_end: ['SEQ-07', 'DL-05'],
  missing_education: ['ED-02', 'ED-01'],
  missing_legal_review: ['SEQ-10'],
  late_service: ['DL-08', 'SEQ-16'],
  three_months_as_90_days: ['DL-01-SP'],
};

export interface SyntheticCase {
  index: number;
  kind: SyntheticKind;
  defect: SyntheticDefect;
  caseFile: CaseFile;
}

const KIND_WEIGHTS: [SyntheticKind, number][] = [
  ['general', 55],
  ['hearing', 10],
  ['major', 8],
  ['simple', 12],
  ['daily', 4],
  ['seizure', 5],
  ['no_penalty', 6],
];

const PROCEDURE_DEFECTS: SyntheticDefect[] = [
  'workday_as_calendar',
  'decision_before_statement_end',
  'missing_education',
  'missing_legal_review',
  'late_service',
  'three_months_as_90_days',
];

function pickKind(rng: Rng): SyntheticKind {
  let r = rng.float() * 100;
  for (const [kind, weight] of KIND_WEIGHTS) {
    if (r < weight) return kind;
    r -= weight;
  }
  return 'general';
}

function pickDefect(rng: Rng, kind: SyntheticKind): SyntheticDefect {
  if (!rng.chance(0.3)) return 'none';
  // 简易程序 and 不予处罚 files have no 告知书/立案期限 of the general procedure: only the education defect fits.
  if (kind === 'simple' || kind === 'no_penalty') return 'missing_education';
  // a 听证 file decided inside the 陈述申辩 period would also skip its hearing: keep one defect per file
  if (kind === 'hearing') return rng.pick(PROCEDURE_DEFECTS.filter((d) => d !== 'decision_before_statement_end'));
  return rng.pick(PROCEDURE_DEFECTS);
}

// ————————————————————————————————————— the builder —————————————————————————————————————

/**
 * Slots of the default 卷内排列 (catalog §c0; the stage sequence of rules/document-types.yaml): decision (决定书 and
 * their 送达回证) → source → filing → party → investigation (evidence by date, then 责令改正决定书 + 回证) → review →
 * notice → hearing → decision_review → coercive_measure (2010办法第69条 财物处理材料) → enforcement → disclosure →
 * education → closing.
 * Documents sharing a slot are ordered by date.
 */
const FILE_ORDER: string[][] = [
  ['penalty_decision', 'on_the_spot_decision', 'no_penalty_decision'],
  ['decision_service'],
  ['daily_penalty_decision'],
  ['daily_service'],
  ['simple_procedure_filing'],
  ['case_source_record'],
  ['filing_approval'],
  ['party_identity_proof', 'authorization_letter'],
  ['site_inspection_record', 'inquiry_record', 'sampling_record', 'monitoring_report', 'photo_evidence', 'enforcement_recording_index', 'reinspection_record', 'rectification_evidence'],
  ['rectification_order'],
  ['rectification_service'],
  ['investigation_report', 'internal_approval'],
  ['penalty_notice'],
  ['notice_service'],
  ['statement_record', 'statement_waiver', 'statement_review_opinion'],
  ['hearing_application', 'hearing_host_designation', 'hearing_notice'],
  ['hearing_notice_service'],
  ['hearing_record', 'hearing_report'],
  ['legal_review_opinion', 'collective_discussion_record'],
  ['seizure_approval', 'seizure_decision'],
  ['seizure_decision_service'],
  ['seizure_inventory', 'seizure_site_record', 'seizure_release_decision'],
  ['seizure_release_service'],
  ['fine_payment_receipt'],
  ['disclosure_record'],
  ['education', 'commitment_letter'],
  ['closing_approval'],
];

interface Ctx {
  rng: Rng;
  kind: SyntheticKind;
  defect: SyntheticDefect;
  agency: Agency;
  party: Party;
  officers: Officer[];
  reviewers: Reviewer[];
  documents: CaseDocument[];
  /** slot in FILE_ORDER for each document id */
  slots: Map<string, string>;
  education: EducationRecord[];
  caseNumber: string;
}

function officerSignatories(ctx: Ctx, on: string, ids = ctx.officers.slice(0, 2).map((o) => o.id)): Signatory[] {
  return ids.map((id) => {
    const o = ctx.officers.find((x) => x.id === id)!;
    return { name: o.name, role: 'officer', certificateNo: o.certificateNo, signedOn: on, personId: o.id };
  });
}

function reviewerSignatory(ctx: Ctx, role: Reviewer['role'], on: string): Signatory {
  const r = ctx.reviewers.find((x) => x.role === role)!;
  return { name: r.name, role, signedOn: on, personId: r.id };
}

function partyRepName(ctx: Ctx): string {
  return ctx.party.legalRepresentative?.name ?? ctx.party.name;
}

function add(ctx: Ctx, slot: string, doc: Omit<CaseDocument, 'id'>): CaseDocument {
  const id = `d${String(ctx.documents.length + 1).padStart(2, '0')}`;
  const full: CaseDocument = { id, ...doc };
  ctx.documents.push(full);
  ctx.slots.set(id, slot);
  return full;
}

function docNumber(ctx: Ctx, word: string): string {
  return `${ctx.agency.prefix.replace('罚', word)}〔${ctx.caseNumber.match(/〔(\d{4})〕/)![1]}〕${ctx.rng.int(1, 400)}号`;
}

/** A document served directly (直接送达) on `on`, with its 送达回证. */
function serveDirect(ctx: Ctx, doc: CaseDocument, on: string, receiptSlot: string): void {
  const receipt = add(ctx, receiptSlot, {
    type: 'service_receipt',
    title: `送达回证（${doc.title ?? ''}）`,
    madeOn: on,
    relatesToDocumentId: doc.id,
    officerIds: ctx.officers.slice(0, 2).map((o) => o.id),
    signatories: [
      ...officerSignatories(ctx, on),
      { name: partyRepName(ctx), role: ctx.party.kind === 'organization' ? 'legal_representative' : 'party', signedOn: on },
    ],
    partySignature: { status: 'signed', signerName: partyRepName(ctx) },
    caseNumberAsWritten: ctx.caseNumber,
    partyNameAsWritten: ctx.party.name,
  });
  doc.service = {
    method: 'direct',
    servedOn: on,
    receiver: {
      name: partyRepName(ctx),
      role: ctx.party.kind === 'organization' ? 'legal_representative' : 'party',
    },
    receiptDocumentId: receipt.id,
  };
}

function record(
  ctx: Ctx,
  slot: string,
  type: string,
  title: string,
  on: string,
  interviewee: 'interviewee' | 'inspected_person',
  start: string,
  end: string,
): CaseDocument {
  return add(ctx, slot, {
    type,
    title,
    madeOn: on,
    officerIds: ctx.officers.slice(0, 2).map((o) => o.id),
    signatories: [...officerSignatories(ctx, on), { name: partyRepName(ctx), role: interviewee, signedOn: on }],
    partySignature: { status: 'signed', signerName: partyRepName(ctx) },
    startTime: start,
    endTime: end,
    credentialsShown: true,
    recusalRightNotified: true,
    caseNumberAsWritten: type === 'site_inspection_record' ? undefined : ctx.caseNumber,
    partyNameAsWritten: ctx.party.name,
  });
}

function approval(ctx: Ctx, slot: string, type: string, title: string, madeOn: string, approvedOn: string, extra: Partial<CaseDocument> = {}): CaseDocument {
  return add(ctx, slot, {
    type,
    title,
    madeOn,
    approvedOn,
    officerIds: ctx.officers.slice(0, 2).map((o) => o.id),
    signatories: [
      { ...officerSignatories(ctx, madeOn)[0], role: 'undertaker' },
      reviewerSignatory(ctx, 'department_head', madeOn),
      reviewerSignatory(ctx, 'responsible_person', approvedOn),
    ],
    caseNumberAsWritten: ctx.caseNumber,
    partyNameAsWritten: ctx.party.name,
    ...extra,
  });
}

function clean<T extends object>(value: T): T {
  // Optional fields are omitted, never undefined/null (case-file convention).
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

function time(rng: Rng, fromHour: number, toHour: number): [string, string] {
  const h = rng.int(fromHour, toHour);
  const m = rng.pick([0, 10, 15, 20, 30, 40, 45, 50]);
  const dur = rng.int(35, 110);
  const endTotal = h * 60 + m + dur;
  const fmt = (t: number) => `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
  return [fmt(h * 60 + m), fmt(endTotal)];
}

/**
 * Build file i. Timeline of a general-procedure file (catalog §a/§b):
 * 线索/现场检查 D0 → 立案 ≤15日 → 调查询问 → 责令改正 → 调查报告 → 案件审查 → 告知书 (送达当日) → 陈述申辩期 5 个工作日
 * → (听证) → 法制审核 → (集体讨论) → 决定书 (≤ 立案+90日) → 送达 ≤7 个工作日 → 缴款 ≤15日 → 公开 ≤7 个工作日
 * → 普法教育 → 结案审批.
 */
export function syntheticCase(i: number, seed: number): SyntheticCase {
  const rng = new Rng(streamSeed(seed, i));
  const kind = pickKind(rng);
  const defect = pickDefect(rng, kind);
  // try timelines until one fits the 90-day limit and stays within the covered years
  for (let attempt = 0; ; attempt++) {
    const built = build(i, rng, kind, defect, attempt);
    if (built) return { index: i, kind, defect, caseFile: built };
  }
}

function build(i: number, rng: Rng, kind: SyntheticKind, defect: SyntheticDefect, attempt: number): CaseFile | null {
  const agency = AGENCIES[(i + rng.int(0, AGENCIES.length - 1)) % AGENCIES.length];
  // no two people of one file share a name (a 听证主持人 with an officer's name reads as 参与调查, SEQ-09)
  const usedNames = new Set<string>();
  const uniqueName = (): string => {
    for (;;) {
      const name = personName(rng);
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  const trade = rng.pick(TRADES);
  const individual = kind === 'simple' ? rng.chance(0.4) : rng.chance(0.12);
  // first day: 2024-01-08 … 2026-07-31, a working day
  const d0 = onOrNextWorkday(addDays('2024-01-08', rng.int(0, daysBetween('2024-01-08', '2026-07-31'))));
  const year = d0.slice(0, 4);
  const caseNumber = `${agency.prefix}〔${year}〕${1000 + (i % 9000)}号`;
  const partyName = individual
    ? uniqueName()
    : `${agency.city.slice(0, 2)}市${rng.pick(FIRM_WORDS)}${trade.word}有限公司`;
  const address = `湖南省${agency.city}${rng.pick(TOWNS)}${rng.int(1, 300)}号`;
  const party: Party = individual
    ? { id: 'p1', kind: 'individual', name: partyName, idNumber: idNumber(rng, agency.region), address, phone: '1' + rng.pick(['3', '5', '8']) + rng.digits(9) }
    : {
        id: 'p1',
        kind: 'organization',
        name: partyName,
        creditCode: creditCode(rng, agency.region),
        address,
        legalRepresentative: { name: uniqueName(), position: rng.pick(['总经理', '执行董事', '董事长']) },
        phone: '0737-' + rng.digits(7),
      };
  const officers: Officer[] = [0, 1, 2].slice(0, rng.int(2, 3)).map((k) => ({
    id: `o${k + 1}`,
    name: uniqueName(),
    certificateNo: `43${agency.region.slice(2, 4)}${rng.digits(7)}`,
    unit: `${agency.name}综合行政执法支队`,
  }));
  const reviewers: Reviewer[] = [
    { id: 'r1', name: uniqueName(), role: 'responsible_person' },
    { id: 'r2', name: uniqueName(), role: 'department_head' },
    { id: 'r3', name: uniqueName(), role: 'legal_reviewer', legalQualification: true },
    { id: 'r4', name: uniqueName(), role: 'responsible_person' },
    { id: 'r5', name: uniqueName(), role: 'recorder' },
  ];
  if (kind === 'hearing') reviewers.push({ id: 'r6', name: uniqueName(), role: 'hearing_host' });

  const ctx: Ctx = {
    rng, kind, defect, agency, party, officers, reviewers,
    documents: [], slots: new Map(), education: [], caseNumber,
  };
  const officerIds = officers.slice(0, 2).map((o) => o.id);
  // gaps shrink on retries so that a timeline hitting long holidays still fits the 90-day limit
  const gap = (min: number, max: number) => (attempt > 0 ? min : rng.int(min, max));

  let proposedFine: number;
  if (kind === 'simple') proposedFine = individual ? rng.pick([50, 100, 200]) : rng.pick([500, 1000, 2000, 3000]);
  else if (kind === 'hearing') proposedFine = individual ? rng.int(5, 20) * 1000 : rng.int(20, 80) * 10000;
  else if (kind === 'major') proposedFine = individual ? rng.int(5, 9) * 1000 : rng.int(10, 19) * 10000;
  else proposedFine = individual ? rng.int(1, 9) * 1000 : rng.int(2, 19) * 5000;
  const occurredOn = addDays(d0, -rng.int(1, 90));
  const [s1, e1] = time(rng, 8, 15);

  // —— 简易程序 (当场处罚, 第51、52条) ——
  if (kind === 'simple') {
    const inspection = record(ctx, 'site_inspection_record', 'site_inspection_record', '现场检查笔录', d0, 'inspected_person', s1, e1);
    delete inspection.caseNumberAsWritten;
    for (let k = 0; k < rng.int(2, 5); k++) add(ctx, 'photo_evidence', { type: 'photo_evidence', title: `现场照片${k + 1}`, madeOn: d0, officerIds });
    const decision = add(ctx, 'on_the_spot_decision', {
      type: 'on_the_spot_decision',
      title: '当场行政处罚决定书',
      credentialsShown: true,
      docNumber: `${agency.prefix.replace('罚', '当罚')}〔${year}〕${rng.int(1, 300)}号`,
      madeOn: d0,
      officerIds,
      signatories: officerSignatories(ctx, d0),
      partySignature: { status: 'signed', signerName: partyRepName(ctx) },
      amounts: { fine: proposedFine },
      penaltyKinds: ['fine'],
      decisionContents: {
        partyNameAndAddress: true, factsAndEvidence: true, penaltyKindAndBasis: true,
        performanceMethodAndDeadline: true, remedyRouteAndDeadline: true, agencyNameAndDate: true,
        // 行政复议法(2023)第23条: from 2024-01-01 a 当场处罚 is appealed to 复议 first
        ...(d0 >= '2024-01-01' ? { reconsiderationFirstStated: true } : {}),
      },
      statedPeriods: [
        { kind: 'payment', amount: 15, unit: 'day', text: '自收到本决定书之日起十五日内' },
        { kind: 'reconsideration', amount: 60, unit: 'day', text: '自收到本决定书之日起六十日内' },
        d0 >= '2024-01-01'
          ? { kind: 'litigation', amount: 15, unit: 'day', text: '对行政复议决定不服的，收到行政复议决定书之日起十五日内' }
          : { kind: 'litigation', amount: 6, unit: 'month', text: '自收到本决定书之日起六个月内' },
      ],
      service: { method: 'direct', servedOn: d0, receiver: { name: partyRepName(ctx), role: individual ? 'party' : 'legal_representative' } },
      caseNumberAsWritten: caseNumber,
      partyNameAsWritten: party.name,
    });
    const filingOn = addWorkdays(d0, rng.int(1, 2));
    add(ctx, 'simple_procedure_filing', { type: 'simple_procedure_filing', title: '当场处罚备案记录', madeOn: filingOn, relatesToDocumentId: decision.id });
    const paidOn = addDays(d0, rng.int(1, 12));
    add(ctx, 'fine_payment_receipt', { type: 'fine_payment_receipt', title: '罚款缴纳凭证', madeOn: paidOn, amounts: { paid: proposedFine }, relatesToDocumentId: decision.id });
    if (defect !== 'missing_education') addEducation(ctx, d0, trade);
    return assemble(ctx, {
      caseNumber, causeOfAction: trade.cause, agency: agency.name, procedure: 'simple', status: 'closed',
      violation: { occurredOn: d0 }, discovery: { discoveredOn: d0, source: 'inspection' },
      penalty: { kinds: ['fine'], proposedFine, decidedFine: proposedFine },
      violatedProvisions: [trade.violated], penaltyProvisions: [trade.penalty], closedOn: maxDate(paidOn, filingOn),
    }, maxDate(paidOn, filingOn));
  }

  // —— 线索、现场检查、立案 ——
  const source = rng.pick(['inspection', 'complaint', 'monitoring', 'assigned'] as const);
  add(ctx, 'case_source_record', {
    type: 'case_source_record', title: '案件来源登记表', madeOn: d0,
    signatories: [{ ...officerSignatories(ctx, d0)[0], role: 'undertaker' }],
  });
  record(ctx, 'site_inspection_record', 'site_inspection_record', '现场检查（勘察）笔录', d0, 'inspected_person', s1, e1).caseNumberAsWritten = undefined;
  for (let k = 0; k < rng.int(3, 10); k++) add(ctx, 'photo_evidence', { type: 'photo_evidence', title: `现场照片${k + 1}`, madeOn: d0, officerIds });
  add(ctx, 'enforcement_recording_index', { type: 'enforcement_recording_index', title: '执法全过程记录（音像）索引', madeOn: d0, officerIds });
  let lastEvidence = d0;
  let monitoring: CaseDocument | undefined;
  if (kind === 'daily' || rng.chance(0.7)) {
    add(ctx, 'sampling_record', {
      type: 'sampling_record', title: '采样取证登记单', madeOn: d0, officerIds,
      signatories: [...officerSignatories(ctx, d0), { name: partyRepName(ctx), role: 'inspected_person', signedOn: d0 }],
      partySignature: { status: 'signed', signerName: partyRepName(ctx) },
    });
    const reportOn = addWorkdays(d0, gap(2, 5));
    monitoring = add(ctx, 'monitoring_report', { type: 'monitoring_report', title: '环境监测（检测）报告', madeOn: reportOn, sealed: true });
    lastEvidence = reportOn;
  }
  const filingOn = addWorkdays(d0, gap(1, 6));
  const caseHandling: StatedPeriod =
    defect === 'three_months_as_90_days'
      ? { kind: 'case_handling', amount: 3, unit: 'month', from: filingOn, endsOn: addDays(filingOn, 90), text: '自立案之日起三个月内作出处理决定' }
      : { kind: 'case_handling', amount: 90, unit: 'day', from: filingOn, endsOn: addDays(filingOn, 90), text: '自立案之日起九十日内作出行政处罚决定' };
  if (defect === 'three_months_as_90_days' && addMonths(filingOn, 3) === addDays(filingOn, 90)) return null;
  approval(ctx, 'filing_approval', 'filing_approval', '立案审批表', filingOn, filingOn, { statedPeriods: [caseHandling] });
  add(ctx, 'party_identity_proof', { type: 'party_identity_proof', title: individual ? '身份证复印件' : '营业执照复印件', madeOn: filingOn });
  let agentId: string | undefined;
  const agents: CaseFile['agents'] = [];
  if (kind === 'hearing' || rng.chance(0.15)) {
    const letter = add(ctx, 'authorization_letter', { type: 'authorization_letter', title: '授权委托书', madeOn: filingOn, partySignature: { status: 'signed', signerName: partyRepName(ctx) } });
    agentId = 'a1';
    agents.push({ id: agentId, name: uniqueName(), partyId: party.id, idNumber: idNumber(rng, agency.region), authorizationDocumentId: letter.id });
  }

  // —— 查封扣押 (行政强制法第18、19、24、25条) ——
  let seizureEnd: string | undefined;
  if (kind === 'seizure') {
    const seizedOn = filingOn;
    approval(ctx, 'seizure_approval', 'seizure_approval', '查封（扣押）审批表', seizedOn, seizedOn);
    const seizure = add(ctx, 'seizure_decision', {
      type: 'seizure_decision', title: '查封（扣押）决定书', docNumber: docNumber(ctx, '封'), madeOn: seizedOn, sealed: true, officerIds,
      signatories: officerSignatories(ctx, seizedOn),
      statedPeriods: [{ kind: 'seizure', amount: 30, unit: 'day', from: seizedOn, endsOn: addDays(seizedOn, 30), text: '查封期限为三十日' }],
      caseNumberAsWritten: caseNumber, partyNameAsWritten: party.name,
    });
    serveDirect(ctx, seizure, seizedOn, 'seizure_decision_service');
    add(ctx, 'seizure_inventory', {
      type: 'seizure_inventory', title: '查封、扣押清单', madeOn: seizedOn, relatesToDocumentId: seizure.id, officerIds,
      signatories: [...officerSignatories(ctx, seizedOn), { name: partyRepName(ctx), role: 'party', signedOn: seizedOn }],
      partySignature: { status: 'signed', signerName: partyRepName(ctx) },
      service: { method: 'direct', servedOn: seizedOn, receiver: { name: partyRepName(ctx), role: individual ? 'party' : 'legal_representative' } },
    });
    const [ss, se] = time(rng, 9, 15);
    const site = record(ctx, 'seizure_site_record', 'seizure_site_record', '查封（扣押）现场笔录', seizedOn, 'inspected_person', ss, se);
    // 行政强制法第18条（五）（六）: 当场告知理由、依据、权利、救济途径，听取陈述申辩
    Object.assign(site, { coerciveReasonsNotified: true, coerciveRightsNotified: true, partyHeardOnSite: true });
    // 行政强制法第25条: 查封期限不得超过三十日 (released on a working day inside the thirty days)
    const releasedOn = onOrPreviousWorkday(addDays(seizedOn, rng.int(10, 30)));
    const release = add(ctx, 'seizure_release_decision', {
      type: 'seizure_release_decision', title: '解除查封（扣押）决定书', docNumber: docNumber(ctx, '解封'), madeOn: releasedOn, sealed: true,
      relatesToDocumentId: seizure.id, officerIds, signatories: officerSignatories(ctx, releasedOn),
      caseNumberAsWritten: caseNumber, partyNameAsWritten: party.name,
    });
    serveDirect(ctx, release, addWorkdays(releasedOn, rng.int(0, 2)), 'seizure_release_service');
    seizureEnd = release.service!.servedOn;
  }

  // —— 调查询问, 责令改正 ——
  let day = filingOn;
  for (let k = 0; k < rng.int(1, 3); k++) {
    day = addWorkdays(day, gap(1, 3));
    const [s, e] = time(rng, 9, 16);
    record(ctx, 'inquiry_record', 'inquiry_record', `调查询问笔录（第${k + 1}次）`, day, 'interviewee', s, e);
  }
  lastEvidence = maxDate(lastEvidence, day);
  // 按日连续处罚办法第8条: 取得监测报告之日起三个工作日内送达责令改正违法行为决定书
  const orderOn = kind === 'daily' && monitoring ? addWorkdays(maxDate(filingOn, monitoring.madeOn!), 1) : addWorkdays(filingOn, 1);
  if (kind === 'daily' && monitoring && orderOn > addWorkdays(monitoring.madeOn!, 3)) return null;
  const order = add(ctx, 'rectification_order', {
    relatesToDocumentId: kind === 'daily' ? monitoring?.id : undefined,
    type: 'rectification_order', title: '责令改正违法行为决定书', docNumber: docNumber(ctx, '改'), madeOn: orderOn, sealed: true, officerIds,
    dailyPenaltyConsequenceStated: kind === 'daily' ? true : undefined,
    statedPeriods: [{ kind: 'rectification', amount: 30, unit: 'day', text: '自收到本决定书之日起三十日内改正' }],
    caseNumberAsWritten: caseNumber, partyNameAsWritten: party.name,
  });
  serveDirect(ctx, order, orderOn, 'rectification_service');
  let reinspectedOn: string | undefined;
  if (kind === 'daily') {
    // 按日连续处罚办法第10条: 送达后三十日内以暗查方式复查
    reinspectedOn = onOrNextWorkday(addDays(orderOn, rng.int(8, 20)));
    const [s, e] = time(rng, 9, 16);
    const re = record(ctx, 'reinspection_record', 'reinspection_record', '复查现场检查笔录', reinspectedOn, 'inspected_person', s, e);
    re.reinspectionMethod = 'covert';
    re.relatesToDocumentId = order.id;
    re.violationContinuing = true;
    lastEvidence = maxDate(lastEvidence, reinspectedOn);
  }
  if (kind === 'no_penalty' || rng.chance(0.3)) {
    const evidenceOn = addWorkdays(maxDate(lastEvidence, orderOn), gap(1, 4));
    add(ctx, 'rectification_evidence', { type: 'rectification_evidence', title: '整改完成证明材料', madeOn: evidenceOn });
    lastEvidence = evidenceOn;
    // a 承诺书 is itself a record of the education 第33条第3款 requires: the missing_education defect has neither
    if (kind === 'no_penalty' && defect !== 'missing_education') {
      add(ctx, 'commitment_letter', { type: 'commitment_letter', title: '承诺书', madeOn: evidenceOn, partySignature: { status: 'signed', signerName: partyRepName(ctx) } });
    }
  }
  if (seizureEnd) lastEvidence = maxDate(lastEvidence, seizureEnd);

  const reportOn = addWorkdays(lastEvidence, gap(1, 4));
  approval(ctx, 'investigation_report', 'investigation_report', '行政处罚案件调查报告', reportOn, reportOn);
  const reviewOn = addWorkdays(reportOn, gap(1, 2));
  approval(ctx, 'internal_approval', 'internal_approval', '案件处理内部审批表（案件审查）', reviewOn, reviewOn);

  // —— 不予处罚 (第33条) ——
  if (kind === 'no_penalty') {
    const decisionOn = addWorkdays(reviewOn, gap(1, 3));
    const decision = add(ctx, 'no_penalty_decision', {
      type: 'no_penalty_decision', title: '不予行政处罚决定书', docNumber: docNumber(ctx, '不罚'), madeOn: decisionOn, sealed: true,
      decisionContents: { partyNameAndAddress: true, factsAndEvidence: true, remedyRouteAndDeadline: true, agencyNameAndDate: true },
      statedPeriods: [
        { kind: 'reconsideration', amount: 60, unit: 'day', text: '自收到本决定书之日起六十日内' },
        { kind: 'litigation', amount: 6, unit: 'month', text: '自收到本决定书之日起六个月内' },
      ],
      caseNumberAsWritten: caseNumber, partyNameAsWritten: party.name,
    });
    const servedOn = addWorkdays(decisionOn, rng.int(0, 3));
    serveDirect(ctx, decision, servedOn, 'decision_service');
    // 不予处罚决定 are published too, within 七个工作日 (湖南省文书范本【S】; rule C9-01/DL-40); no random draw here, so
    // the rest of the generated stream is unchanged
    const publishedOn = addWorkdays(decisionOn, 1);
    add(ctx, 'disclosure_record', {
      type: 'disclosure_record', title: '行政处罚信息公开记录', madeOn: publishedOn, publishedOn,
      publishedUrl: `https://sthjj.example.gov.cn/xzcf/${year}/${caseNumber.replace(/\D/g, '')}.html`, relatesToDocumentId: decision.id,
    });
    if (defect !== 'missing_education') addEducation(ctx, servedOn, trade);
    const closedOn = addWorkdays(servedOn, gap(2, 6));
    approval(ctx, 'closing_approval', 'closing_approval', '行政处罚案件结案审批表', closedOn, closedOn);
    if (daysBetween(filingOn, decisionOn) > 90) return null;
    return assemble(ctx, {
      caseNumber, causeOfAction: trade.cause, agency: agency.name, procedure: 'general', status: 'closed',
      violation: { occurredOn }, discovery: { discoveredOn: d0, source },
      flags: { noPenalty: true },
      violatedProvisions: [trade.violated], penaltyProvisions: [trade.penalty], closedOn,
    }, closedOn, agents);
  }

  // —— 事先告知 (第44、45、62、64条) ——
  const hearingRight = kind === 'hearing';
  // 第64条: 听证申请 "五日" is a period of the law itself, counted in working days (第85条); the 陈述申辩 period is
  // whatever the notice states. The classic defect counts the hearing-request 五日 as calendar days: files with it
  // notify the hearing right (事先（听证）告知书) even when the party then does not apply.
  const noticeOn = addWorkdays(reviewOn, gap(1, 2));
  const calendarDefect = defect === 'workday_as_calendar';
  const statementEnd = addWorkdays(noticeOn, 5);
  const notifiesHearing = hearingRight || calendarDefect;
  // 处罚法第63条 + 办法第89条: 较大数额 (5000元 公民 / 200000元 法人, 以上含本数) must be told of the hearing right
  const largeAmount = (fine: number) => fine >= (party.kind === 'individual' ? 5000 : 200000);
  const stated = (kindOf: 'statement' | 'hearing_request', word: string): StatedPeriod =>
    calendarDefect && kindOf === 'hearing_request'
      ? { kind: kindOf, amount: 5, unit: 'day', from: noticeOn, endsOn: addDays(noticeOn, 5), text: `自收到本告知书之日起五日内${word}` }
      : { kind: kindOf, amount: 5, unit: 'workday', from: noticeOn, endsOn: statementEnd, text: `自收到本告知书之日起五日（工作日）内${word}` };
  if (calendarDefect && addDays(noticeOn, 5) === statementEnd) return null;
  const notice = add(ctx, 'penalty_notice', {
    type: 'penalty_notice', title: notifiesHearing ? '行政处罚事先（听证）告知书' : '行政处罚事先告知书', docNumber: docNumber(ctx, '告'),
    madeOn: noticeOn, sealed: true, statementRightNotified: true, hearingRightNotified: notifiesHearing || largeAmount(proposedFine) ? true : undefined,
    amounts: { fine: proposedFine }, penaltyKinds: ['fine'],
    statedPeriods: notifiesHearing ? [stated('statement', '提出陈述、申辩'), stated('hearing_request', '提出听证申请')] : [stated('statement', '提出陈述、申辩')],
    caseNumberAsWritten: caseNumber, partyNameAsWritten: party.name,
  });
  serveDirect(ctx, notice, noticeOn, 'notice_service');
  // 生态环境行政处罚办法第29条第3款: the 告知书 states the monitoring result (告知监测结果)
  if (monitoring && !monitoring.resultNotifiedOn) Object.assign(monitoring, { resultNotifiedOn: noticeOn, resultNoticeDocumentId: notice.id });
  const decidedEarly = defect === 'decision_before_statement_end';
  let afterNotice = decidedEarly ? noticeOn : statementEnd;
  if (!decidedEarly && rng.chance(0.5)) {
    const stOn = addWorkdays(noticeOn, rng.int(1, 4));
    const st = add(ctx, 'statement_record', {
      type: 'statement_record', title: '陈述申辩笔录', madeOn: stOn, relatesToDocumentId: notice.id, officerIds,
      signatories: [...officerSignatories(ctx, stOn), { name: partyRepName(ctx), role: 'party', signedOn: stOn }],
      partySignature: { status: 'signed', signerName: partyRepName(ctx) },
    });
    const reviewOpinionOn = addWorkdays(statementEnd, 1);
    add(ctx, 'statement_review_opinion', {
      type: 'statement_review_opinion', title: '陈述申辩复核意见', madeOn: reviewOpinionOn, relatesToDocumentId: st.id,
      conclusion: '当事人陈述申辩理由不成立，维持原拟处罚意见', signatories: [reviewerSignatory(ctx, 'department_head', reviewOpinionOn)],
    });
    afterNotice = reviewOpinionOn;
  }

  // —— 听证 (第64、65条) ——
  if (hearingRight) {
    const appliedOn = addWorkdays(noticeOn, rng.int(1, 4));
    add(ctx, 'hearing_application', {
      type: 'hearing_application', title: '听证申请书', madeOn: appliedOn, relatesToDocumentId: notice.id,
      partySignature: { status: 'signed', signerName: partyRepName(ctx) },
    });
    const designatedOn = addWorkdays(appliedOn, 1);
    approval(ctx, 'hearing_host_designation', 'hearing_host_designation', '听证主持人指定文书', designatedOn, designatedOn);
    const hearingNoticeOn = addWorkdays(designatedOn, 1);
    const hearingOn = addWorkdays(hearingNoticeOn, gap(9, 11));
    const hn = add(ctx, 'hearing_notice', {
      type: 'hearing_notice', title: '行政处罚听证通知书', docNumber: docNumber(ctx, '听'), madeOn: hearingNoticeOn, sealed: true, hearingOn,
      hostId: 'r6', caseNumberAsWritten: caseNumber, partyNameAsWritten: party.name,
    });
    serveDirect(ctx, hn, hearingNoticeOn, 'hearing_notice_service');
    const [hs, he] = time(rng, 9, 14);
    add(ctx, 'hearing_record', {
      type: 'hearing_record', title: '听证笔录', madeOn: hearingOn, hearingOn, hostId: 'r6', startTime: hs, endTime: he,
      signatories: [
        reviewerSignatory(ctx, 'hearing_host', hearingOn),
        reviewerSignatory(ctx, 'recorder', hearingOn),
        { name: agents[0]?.name ?? partyRepName(ctx), role: agents.length ? 'agent' : 'party', signedOn: hearingOn },
        ...officerSignatories(ctx, hearingOn),
      ],
      partySignature: { status: 'signed', signerName: agents[0]?.name ?? partyRepName(ctx) },
      officerIds, caseNumberAsWritten: caseNumber, partyNameAsWritten: party.name,
    });
    const hearingReportOn = addWorkdays(hearingOn, 1);
    add(ctx, 'hearing_report', {
      type: 'hearing_report', title: '听证报告', madeOn: hearingReportOn, hostId: 'r6',
      signatories: [reviewerSignatory(ctx, 'hearing_host', hearingReportOn)], conclusion: '建议维持拟处罚意见',
    });
    afterNotice = maxDate(afterNotice, hearingReportOn);
  }

  // —— 法制审核 (第58条) · 集体讨论 (第57条第2款) ——
  const legalReviewRequired = kind === 'hearing' || kind === 'major' || defect === 'missing_legal_review' || rng.chance(0.6);
  let beforeDecision = afterNotice;
  if (legalReviewRequired && defect !== 'missing_legal_review') {
    const lrOn = addWorkdays(afterNotice, 1);
    add(ctx, 'legal_review_opinion', {
      type: 'legal_review_opinion', title: '法制审核意见书', madeOn: lrOn, reviewOutcome: 'approved', reviewerIds: ['r3'],
      signatories: [reviewerSignatory(ctx, 'legal_reviewer', lrOn)], conclusion: '事实清楚，证据确凿，程序合法，适用法律正确，同意',
      caseNumberAsWritten: caseNumber,
    });
    beforeDecision = lrOn;
  }
  const collective = kind === 'hearing' || kind === 'major';
  if (collective) {
    const cdOn = addWorkdays(beforeDecision, 1);
    const [cs, ce] = time(rng, 9, 15);
    add(ctx, 'collective_discussion_record', {
      type: 'collective_discussion_record', title: '案件集体讨论笔录', madeOn: cdOn, startTime: cs, endTime: ce,
      attendees: [
        { name: reviewers[0].name, role: 'responsible_person', personId: 'r1' },
        { name: reviewers[3].name, role: 'responsible_person', personId: 'r4' },
        { name: reviewers[2].name, role: 'legal_reviewer', personId: 'r3' },
        { name: reviewers[4].name, role: 'recorder', personId: 'r5' },
      ],
      conclusion: '同意按拟处罚意见作出行政处罚决定',
      signatories: [reviewerSignatory(ctx, 'responsible_person', cdOn), reviewerSignatory(ctx, 'recorder', cdOn)],
      caseNumberAsWritten: caseNumber,
    });
    beforeDecision = cdOn;
  }

  // —— 决定书 (第59、60、61条) ——
  // decidedEarly: 告知 → (法制审核) → (集体讨论) → 决定 within three working days, before the five have run
  const decisionOn = addWorkdays(beforeDecision, 1);
  if (daysBetween(filingOn, decisionOn) > 90) return null;
  const decidedFine = proposedFine;
  const decision = add(ctx, 'penalty_decision', {
    type: 'penalty_decision', title: '行政处罚决定书', docNumber: caseNumber, madeOn: decisionOn, sealed: true,
    amounts: { fine: decidedFine }, penaltyKinds: ['fine'],
    decisionContents: {
      partyNameAndAddress: true, factsAndEvidence: true, penaltyKindAndBasis: true,
      performanceMethodAndDeadline: true, remedyRouteAndDeadline: true, agencyNameAndDate: true,
    },
    surchargeStandardStated: true,
    statedPeriods: [
      { kind: 'payment', amount: 15, unit: 'day', text: '自收到本决定书之日起十五日内' },
      { kind: 'reconsideration', amount: 60, unit: 'day', text: '自收到本决定书之日起六十日内' },
      { kind: 'litigation', amount: 6, unit: 'month', text: '自收到本决定书之日起六个月内' },
    ],
    signatories: [reviewerSignatory(ctx, 'responsible_person', decisionOn)],
    caseNumberAsWritten: caseNumber, partyNameAsWritten: party.name,
  });
  const servedOn = defect === 'late_service' ? addWorkdays(decisionOn, rng.int(9, 14)) : addWorkdays(decisionOn, rng.int(0, 4));
  serveDirect(ctx, decision, servedOn, 'decision_service');
  let end = servedOn;
  let dailyPayment: { decisionId: string; servedOn: string; fine: number } | undefined;

  // —— 按日连续处罚决定 (按日连续处罚办法第17、19条) ——
  let dailyFine = 0;
  if (kind === 'daily' && reinspectedOn) {
    const penaltyDays = daysBetween(orderOn, reinspectedOn); // 送达次日起至复查之日止 (inclusive count)
    dailyFine = decidedFine * penaltyDays;
    // its own 告知 (按日连续处罚办法第15条: 应当符合法律规定的行政处罚程序), after the original decision (第7条)
    const notice2On = addWorkdays(decisionOn, 1);
    const notice2 = add(ctx, 'penalty_notice', {
      type: 'penalty_notice', title: '行政处罚事先告知书（按日连续处罚）', docNumber: docNumber(ctx, '告'), madeOn: notice2On, sealed: true,
      statementRightNotified: true, hearingRightNotified: largeAmount(dailyFine) ? true : undefined, amounts: { fine: dailyFine }, penaltyKinds: ['fine'],
      statedPeriods: [{ kind: 'statement', amount: 5, unit: 'workday', from: notice2On, endsOn: addWorkdays(notice2On, 5), text: '自收到本告知书之日起五日（工作日）内提出陈述、申辩' }],
      caseNumberAsWritten: caseNumber, partyNameAsWritten: party.name,
    });
    serveDirect(ctx, notice2, notice2On, 'notice_service');
    const dailyOn = addWorkdays(notice2On, 6);
    if (daysBetween(filingOn, dailyOn) > 90) return null;
    // 生态环境行政处罚办法第52条第2款【S】: 拟罚款五十万元以上的，负责人集体讨论 (fixed times: the seeded draws stay as they were)
    if (dailyFine >= 500000)
      add(ctx, 'collective_discussion_record', {
        type: 'collective_discussion_record', title: '案件集体讨论笔录（按日连续处罚）', madeOn: dailyOn, startTime: '09:00', endTime: '10:00',
        attendees: [
          { name: reviewers[0].name, role: 'responsible_person', personId: 'r1' },
          { name: reviewers[3].name, role: 'responsible_person', personId: 'r4' },
          { name: reviewers[4].name, role: 'recorder', personId: 'r5' },
        ],
        conclusion: '同意作出按日连续处罚决定',
        signatories: [reviewerSignatory(ctx, 'responsible_person', dailyOn), reviewerSignatory(ctx, 'recorder', dailyOn)],
        caseNumberAsWritten: caseNumber,
      });
    const daily = add(ctx, 'daily_penalty_decision', {
      type: 'daily_penalty_decision', title: '按日连续处罚决定书', docNumber: docNumber(ctx, '按日'), madeOn: dailyOn, sealed: true,
      relatesToDocumentId: decision.id,
      amounts: { originalFine: decidedFine, fine: dailyFine }, penaltyKinds: ['fine'],
      penaltyDays, penaltyDaysFrom: addDays(orderOn, 1), penaltyDaysTo: reinspectedOn,
      decisionContents: {
        partyNameAndAddress: true, factsAndEvidence: true, penaltyKindAndBasis: true,
        performanceMethodAndDeadline: true, remedyRouteAndDeadline: true, agencyNameAndDate: true,
      },
      surchargeStandardStated: true,
      statedPeriods: [
        { kind: 'payment', amount: 15, unit: 'day', text: '自收到本决定书之日起十五日内' },
        { kind: 'reconsideration', amount: 60, unit: 'day', text: '自收到本决定书之日起六十日内' },
        { kind: 'litigation', amount: 6, unit: 'month', text: '自收到本决定书之日起六个月内' },
      ],
      signatories: [reviewerSignatory(ctx, 'responsible_person', dailyOn)],
      caseNumberAsWritten: caseNumber, partyNameAsWritten: party.name,
    });
    const dailyServed = addWorkdays(dailyOn, rng.int(0, 3));
    serveDirect(ctx, daily, dailyServed, 'daily_service');
    end = maxDate(end, dailyServed);
    dailyPayment = { decisionId: daily.id, servedOn: dailyServed, fine: dailyFine };
  }

  // —— 缴款 (第67条: 十五日), 公开 (国办发〔2018〕118号: 七个工作日) ——
  const pay = (decisionId: string, served: string, amount: number): string => {
    // 十五日 counted from service; a last day that is a rest day rolls to the next working day (民法典第203条)
    const deadline = onOrNextWorkday(addDays(served, 15));
    const on = onOrPreviousWorkday(addDays(served, rng.int(1, 14)));
    const paidOn = on < served ? served : on > deadline ? deadline : on;
    add(ctx, 'fine_payment_receipt', { type: 'fine_payment_receipt', title: '罚款缴纳凭证', madeOn: paidOn, amounts: { paid: amount }, relatesToDocumentId: decisionId });
    return paidOn;
  };
  let paidOn = pay(decision.id, servedOn, decidedFine);
  if (dailyPayment) paidOn = maxDate(paidOn, pay(dailyPayment.decisionId, dailyPayment.servedOn, dailyPayment.fine));
  const publishedOn = addWorkdays(decisionOn, rng.int(1, 5));
  add(ctx, 'disclosure_record', {
    type: 'disclosure_record', title: '行政处罚信息公开记录', madeOn: publishedOn, publishedOn,
    publishedUrl: `https://sthjj.example.gov.cn/xzcf/${year}/${caseNumber.replace(/\D/g, '')}.html`, relatesToDocumentId: decision.id,
  });
  const educationOn = servedOn;
  if (defect !== 'missing_education') addEducation(ctx, educationOn, trade);
  const closedOn = addWorkdays(maxDate(paidOn, publishedOn, end), gap(2, 6));
  approval(ctx, 'closing_approval', 'closing_approval', '行政处罚案件结案审批表', closedOn, closedOn);
  const archived = rng.chance(0.5);
  return assemble(
    ctx,
    {
      caseNumber, causeOfAction: trade.cause, agency: agency.name, procedure: 'general',
      status: archived ? 'archived' : 'closed',
      violation: { occurredOn },
      discovery: { discoveredOn: d0, source, sourceNote: source === 'complaint' ? `举报编号 12369-${rng.digits(6)}` : undefined },
      flags: {
        hearing: kind === 'hearing' ? true : undefined,
        major: kind === 'major' ? true : undefined,
        dailyPenalty: kind === 'daily' ? true : undefined,
        sealSeizure: kind === 'seizure' ? true : undefined,
        legalReviewRequired: legalReviewRequired ? true : undefined,
      },
      // 卷宗登记 amounts are the file's totals (原处罚 + 按日连续处罚)
      penalty: { kinds: ['fine'], proposedFine: proposedFine + dailyFine, decidedFine: decidedFine + dailyFine },
      violatedProvisions: [trade.violated], penaltyProvisions: [trade.penalty],
      closedOn,
      archivedOn: archived ? addWorkdays(closedOn, rng.int(1, 5)) : undefined,
    },
    closedOn,
    agents,
  );
}

function addEducation(ctx: Ctx, on: string, trade: (typeof TRADES)[number]): void {
  const recipient = ctx.party.legalRepresentative
    ? { name: ctx.party.legalRepresentative.name, position: ctx.party.legalRepresentative.position, partyId: ctx.party.id }
    : { name: ctx.party.name, position: '当事人本人', partyId: ctx.party.id };
  ctx.education.push({
    id: 'e1',
    heldOn: on,
    place: `${ctx.agency.name}询问室`,
    officerIds: ctx.officers.slice(0, 2).map((o) => o.id),
    recipient,
    recipientSignature: { status: 'signed', signerName: recipient.name },
    laws: [
      { law: trade.violated.replace(/第.*$/, ''), articles: [trade.violated.replace(/^.*》/, ''), trade.penalty.replace(/^.*》/, '')] },
      { law: '《中华人民共和国行政处罚法》', articles: ['第六条'] },
    ],
    form: ctx.rng.pick(['case_explanation', 'oral', 'materials'] as const),
    content: `结合本案${trade.cause}的事实，讲解违反的条款、处罚依据及整改要求，以案释法。`,
    feedback: '当事人表示已理解相关规定，承诺依法整改，今后严格遵守生态环境法律法规。',
  });
}

function assemble(ctx: Ctx, info: CaseFile['case'], lastDay: string, agents: CaseFile['agents'] = []): CaseFile {
  // pad the evidence part to a realistic 20–60 documents (书证、照片)
  const target = ctx.kind === 'simple' ? ctx.rng.int(8, 14) : ctx.rng.int(20, 60);
  const firstDay = ctx.documents[0].madeOn!;
  let k = 0;
  while (ctx.documents.length < target) {
    k++;
    add(ctx, 'photo_evidence', { type: 'photo_evidence', title: `现场照片（补充）${k}`, madeOn: firstDay, officerIds: ctx.officers.slice(0, 2).map((o) => o.id) });
  }
  // cover, index and remarks are not paginated (卷内材料逐页编号, 封面/目录/备考表不编号)
  const coverDay = info.archivedOn ?? lastDay;
  const order = new Map(FILE_ORDER.flatMap((slots, n) => slots.map((slot) => [slot, n] as const)));
  const entries: { title: string; refId: string; rank: number; date: string; pages: number; seq: number }[] = [];
  ctx.documents.forEach((doc, seq) =>
    entries.push({ title: doc.title ?? doc.type, refId: doc.id, rank: order.get(ctx.slots.get(doc.id)!) ?? 99, date: doc.madeOn ?? '', pages: ctx.rng.int(1, 6), seq }),
  );
  ctx.education.forEach((e, seq) => entries.push({ title: '普法教育记录', refId: e.id, rank: order.get('education')!, date: e.heldOn, pages: 1, seq: 1000 + seq }));
  entries.sort((a, b) => a.rank - b.rank || (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq));
  const fileIndex: FileIndexEntry[] = [];
  let page = 1;
  entries.forEach((e, n) => {
    const pages = { from: page, to: page + e.pages - 1 };
    page += e.pages;
    fileIndex.push({ order: n + 1, title: e.title, refId: e.refId, pages, volume: 'main' });
    const doc = ctx.documents.find((d) => d.id === e.refId);
    if (doc) doc.pages = pages;
    const edu = ctx.education.find((x) => x.id === e.refId);
    if (edu) edu.pages = pages;
  });
  add(ctx, 'cover', { type: 'file_cover', title: '卷宗封面', madeOn: coverDay });
  add(ctx, 'cover', { type: 'file_index_sheet', title: '卷内目录', madeOn: coverDay });
  add(ctx, 'cover', { type: 'file_remarks_sheet', title: '备考表', madeOn: coverDay });

  const caseFile: CaseFile = {
    formatVersion: '1.0',
    case: clean({ ...info, flags: info.flags ? clean(info.flags) : undefined, discovery: clean(info.discovery) }),
    parties: [ctx.party],
    agents: agents && agents.length ? agents : undefined,
    officers: ctx.officers,
    reviewers: ctx.reviewers.filter((r) => r.role !== 'hearing_host' || ctx.kind === 'hearing'),
    documents: ctx.documents.map((d) => clean(d)),
    educationRecords: ctx.education,
    fileIndex,
  };
  if (caseFile.case.flags && Object.keys(caseFile.case.flags).length === 0) delete caseFile.case.flags;
  return clean(caseFile);
}

/** One synthetic case file (pure function of i and seed). */
export function generateCaseFile(i: number, seed: number): CaseFile {
  return syntheticCase(i, seed).caseFile;
}

/** n synthetic case files, streamed. */
export function* generateCaseFiles(n: number, seed: number): Generator<CaseFile> {
  for (let i = 0; i < n; i++) yield generateCaseFile(i, seed);
}

/** n synthetic cases with their kind and planted defect, streamed. */
export function* generateSyntheticCases(n: number, seed: number): Generator<SyntheticCase> {
  for (let i = 0; i < n; i++) yield syntheticCase(i, seed);
}
