/**
 * Checks that span more than one field: ids unique within the file, references that must resolve, ranges
 * whose two ends must be in order, document types that must exist in the catalog.
 *
 * They run on input whose field-level validation may have failed, so every access is defensive: a value
 * of the wrong type is skipped here (the field-level check has already reported it).
 */
import { isLegalDate } from '../domain/legal-date';
import type { DocumentTypeCatalog } from '../domain/document-types';
import { entryFieldIssues } from './entry';
import type { ValidationIssue } from './validation-issue';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function objects(v: unknown): Array<[number, Obj]> {
  const out: Array<[number, Obj]> = [];
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) if (isObj(v[i])) out.push([i, v[i] as Obj]);
  return out;
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The collections whose `id`s share one namespace, with their Chinese names. */
const COLLECTIONS = [
  ['parties', '当事人'],
  ['agents', '委托代理人'],
  ['officers', '执法人员'],
  ['reviewers', '机关内部人员'],
  ['documents', '文书'],
  ['educationRecords', '普法教育记录'],
] as const;
type Collection = (typeof COLLECTIONS)[number][0];

const COLLECTION_NAMES: Record<Collection, string> = Object.fromEntries(COLLECTIONS) as Record<Collection, string>;

/** Levenshtein distance, small strings only (suggestions). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n];
}

/** The closest candidate to `word` (case-insensitive match or ≤ 2 edits), if any. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c.toLowerCase() === lower) return c;
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  const limit = word.length >= 8 ? 3 : word.length >= 4 ? 2 : 1;
  return bestDistance <= limit ? best : undefined;
}

export function crossCheckCaseFile(input: Obj, documentTypes: DocumentTypeCatalog): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  /** id → [collection, path of the object that declares it] */
  const owners = new Map<string, [Collection, string]>();

  // —— ids unique within the file ——
  for (const [collection] of COLLECTIONS) {
    for (const [i, item] of objects(input[collection])) {
      const id = str(item.id);
      if (!id) continue;
      const path = `${collection}[${i}]`;
      const first = owners.get(id);
      if (first) {
        issues.push({
          path: `${path}.id`,
          code: 'DUPLICATE_ID',
          message: `id 重复：'${id}'（已用于${COLLECTION_NAMES[first[0]]} ${first[1]}）；案卷内所有 id 须唯一`,
        });
      } else {
        owners.set(id, [collection, path]);
      }
    }
  }

  const ref = (path: string, value: unknown, allowed: readonly Collection[], what: string): void => {
    const id = str(value);
    if (!id) return;
    const owner = owners.get(id);
    if (owner && allowed.includes(owner[0])) return;
    const where = allowed.join(' / ');
    issues.push(
      owner
        ? {
            path,
            code: 'REFERENCE_KIND_MISMATCH',
            message: `引用的${what}有误：'${id}' 是${COLLECTION_NAMES[owner[0]]}（${owner[1]}），应引用 ${where} 中的 id`,
          }
        : { path, code: 'UNKNOWN_REFERENCE', message: `引用的${what}不存在：'${id}'（${where} 中没有此 id）` },
    );
  };
  const refs = (path: string, value: unknown, allowed: readonly Collection[], what: string): void => {
    if (Array.isArray(value)) value.forEach((v, j) => ref(`${path}[${j}]`, v, allowed, what));
  };
  const pageRange = (path: string, pages: unknown): void => {
    if (!isObj(pages)) return;
    const { from, to } = pages;
    if (typeof from === 'number' && typeof to === 'number' && from > to) {
      issues.push({ path: `${path}.to`, code: 'INVALID_PAGE_RANGE', message: `页码范围无效：起始页 ${from} 大于终止页 ${to}` });
    }
  };
  /** Reported on the range's end (`toPath`): the end is what contradicts the start. */
  const dateRange = (from: unknown, toPath: string, to: unknown, what: string): void => {
    if (isLegalDate(from) && isLegalDate(to) && from > to) {
      issues.push({ path: toPath, code: 'INVALID_DATE_RANGE', message: `${what}无效：起始日 ${from} 晚于终止日 ${to}` });
    }
  };

  const PERSONS: readonly Collection[] = ['officers', 'reviewers', 'parties', 'agents'];

  // —— case ——
  if (isObj(input.case) && isObj(input.case.violation)) {
    const v = input.case.violation;
    dateRange(v.occurredOn, 'case.violation.endedOn', v.endedOn, '违法行为起止日期');
  }

  // —— officers ——
  for (const [i, o] of objects(input.officers)) {
    dateRange(o.certificateValidFrom, `officers[${i}].certificateValidUntil`, o.certificateValidUntil, '执法证有效期');
  }

  // —— agents ——
  for (const [i, a] of objects(input.agents)) {
    ref(`agents[${i}].partyId`, a.partyId, ['parties'], '被代理当事人');
    ref(`agents[${i}].authorizationDocumentId`, a.authorizationDocumentId, ['documents'], '授权委托书');
  }

  // —— documents ——
  for (const [i, d] of objects(input.documents)) {
    const p = `documents[${i}]`;
    const type = str(d.type);
    if (type && !documentTypes.has(type)) {
      const suggestion = closest(type, documentTypes.all().map((t) => t.id));
      issues.push({
        path: `${p}.type`,
        code: 'UNKNOWN_DOCUMENT_TYPE',
        message:
          `未知的文书类型：'${type}'（文书类型目录 ${documentTypes.version} 中没有此 id）` +
          (suggestion ? `；是否应为 '${suggestion}'（${documentTypes.get(suggestion)?.name}）？` : ''),
      });
    }
    refs(`${p}.officerIds`, d.officerIds, ['officers'], '执法人员');
    for (const [j, s] of objects(d.signatories)) ref(`${p}.signatories[${j}].personId`, s.personId, PERSONS, '签名人');
    if (isObj(d.service)) {
      ref(`${p}.service.receiptDocumentId`, d.service.receiptDocumentId, ['documents'], '送达回证');
      ref(`${p}.service.consentDocumentId`, d.service.consentDocumentId, ['documents'], '电子送达确认书');
    }
    if (str(d.relatesToDocumentId) && d.relatesToDocumentId === d.id) {
      issues.push({ path: `${p}.relatesToDocumentId`, code: 'SELF_REFERENCE', message: `文书不能关联自身：'${d.id}'` });
    } else {
      ref(`${p}.relatesToDocumentId`, d.relatesToDocumentId, ['documents'], '关联文书');
    }
    ref(`${p}.partyId`, d.partyId, ['parties'], '当事人');
    ref(`${p}.hostId`, d.hostId, ['reviewers'], '听证主持人');
    for (const [j, a] of objects(d.attendees)) ref(`${p}.attendees[${j}].personId`, a.personId, ['reviewers', 'officers'], '参加人员');
    refs(`${p}.reviewerIds`, d.reviewerIds, ['reviewers'], '法制审核人员');
    refs(`${p}.caseReviewerIds`, d.caseReviewerIds, ['officers', 'reviewers'], '案件审查人员');
    refs(`${p}.recusalOfPersonIds`, d.recusalOfPersonIds, ['officers', 'reviewers'], '被申请回避的人员');
    if (str(d.resultNoticeDocumentId) && d.resultNoticeDocumentId === d.id) {
      issues.push({ path: `${p}.resultNoticeDocumentId`, code: 'SELF_REFERENCE', message: `文书不能关联自身：'${d.id}'` });
    } else {
      ref(`${p}.resultNoticeDocumentId`, d.resultNoticeDocumentId, ['documents'], '记载结果告知的文书');
    }
    pageRange(`${p}.pages`, d.pages);
    if (isObj(d.testingPeriod)) {
      dateRange(d.testingPeriod.from, `${p}.testingPeriod.to`, d.testingPeriod.to, '检测、检验、鉴定期间');
    }
    dateRange(d.penaltyDaysFrom, `${p}.penaltyDaysTo`, d.penaltyDaysTo, '计罚起止日期');
  }

  // —— education records ——
  for (const [i, e] of objects(input.educationRecords)) {
    const p = `educationRecords[${i}]`;
    refs(`${p}.officerIds`, e.officerIds, ['officers'], '执法人员');
    if (isObj(e.recipient)) ref(`${p}.recipient.partyId`, e.recipient.partyId, ['parties'], '当事人');
    pageRange(`${p}.pages`, e.pages);
  }

  // —— file index ——
  for (const [i, f] of objects(input.fileIndex)) {
    ref(`fileIndex[${i}].refId`, f.refId, ['documents', 'educationRecords'], '文书或普法教育记录');
    pageRange(`fileIndex[${i}].pages`, f.pages);
  }


  // —— 录入状态: missingFields name real fields (./entry.ts) ——
  issues.push(...entryFieldIssues(input));
  return issues;
}
