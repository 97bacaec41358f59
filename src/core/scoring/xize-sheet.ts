/**
 * Loader for sheets of the 细则 model (`model: xize-2024`, e.g. rules/scoring/official-2024.yaml):
 * 合法性评查 (重大问题, 一票否决) + 规范性评查 (各类型文书评查项, 得分制) − 卷面基本要素 (扣分制).
 *
 * Like the deduction model, a sheet that does not validate is refused as a whole with every problem listed.
 * Rule ids are not checked against the pack here (a sheet may be loaded beside another pack);
 * test/scoring/pack-consistency.spec.ts checks the shipped sheets cover the shipped pack.
 */
import { CONDITION_SCHEMA } from '../engine/pack/rule-schema';
import { defaultDocumentTypes } from '../domain/document-types';
import { isKnownFact } from '../engine/facts';
import type { Obj, Validator } from './sheet';
import type {
  AbsentPolicy,
  SheetCondition,
  XizeCaseType,
  XizeDocumentItem,
  XizeFormElement,
  XizeLegalityItem,
  XizeSheet,
  XizeSubItem,
} from './types';

const ROOT_KEYS = [
  'id', 'model', 'version', 'name', 'status', 'source', 'total', 'vetoZeroesTotal', 'vetoGrade', 'takingSeverities',
  'legality', 'normativity', 'form', 'documentItems', 'caseTypes', 'uncoveredNote', 'unscored', 'grades', 'gradeOverlay',
];
const SEVERITIES = ['veto', 'error', 'warning', 'info'];
const ABSENT: AbsentPolicy[] = ['zero', 'not_applicable', 'review'];
/** the keys of the rule pack's Condition: those of the rule schema's condition */
const CONDITION_KEYS = Object.keys(CONDITION_SCHEMA.properties);
const DOC_LIST_KEYS = ['hasDocuments', 'hasAnyDocument', 'lacksDocuments'];
const CODE = /^[A-Z]$/;
const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** hundredths: sheet points are 0.5 steps, sums must not drift */
const r2 = (x: number): number => Math.round(x * 100) / 100;

export function parseXizeSheet(v: Validator, root: Obj, file: string): XizeSheet | undefined {
  v.unknownKeys(root, ROOT_KEYS, '');
  const docTypes = knownDocumentTypes();
  const head = v.header(root, file);
  const total = head.total;
  const vetoZeroesTotal = v.bool(root, 'vetoZeroesTotal', '');
  if (vetoZeroesTotal === false) v.fail('vetoZeroesTotal', '细则："案卷评查存在任一项重大问题的，直接评为 0 分"，应为 true');
  const vetoGrade = v.str(root, 'vetoGrade', '');
  const takingSeverities = v.strList(root, 'takingSeverities', '');
  takingSeverities?.forEach((s, i) => {
    if (!SEVERITIES.includes(s)) v.fail(`takingSeverities[${i}]`, `应为 ${SEVERITIES.join(' / ')}`);
  });

  const cond = (raw: unknown, path: string): SheetCondition | undefined => condition(v, raw, path, docTypes);
  const ruleList = (o: Obj, key: string, path: string): string[] => {
    const list = v.strList(o, key, path, { optional: true }) ?? [];
    list.forEach((r, i) => {
      if (!RULE_ID.test(r)) v.fail(`${path}.${key}[${i}]`, `"${r}" 不是规则 id`);
    });
    return list;
  };

  // —— 合法性 ——
  const legalityRaw = v.obj(root.legality, 'legality');
  let legality: XizeSheet['legality'] | undefined;
  if (legalityRaw) {
    v.unknownKeys(legalityRaw, ['points', 'items'], 'legality');
    const points = v.num(legalityRaw, 'points', 'legality', { positive: true });
    const items: XizeLegalityItem[] = [];
    if (!Array.isArray(legalityRaw.items) || legalityRaw.items.length === 0) v.fail('legality.items', '应为非空列表');
    else
      legalityRaw.items.forEach((x, i) => {
        const p = `legality.items[${i}]`;
        const o = v.obj(x, p);
        if (!o) return;
        v.unknownKeys(o, ['no', 'group', 'name', 'rules', 'hints', 'coverage', 'notApplicableWhen', 'note'], p);
        const no = v.num(o, 'no', p, { positive: true });
        const group = v.str(o, 'group', p);
        const itemName = v.str(o, 'name', p);
        const rules = ruleList(o, 'rules', p);
        const hints = ruleList(o, 'hints', p);
        const coverage = o.coverage;
        if (coverage !== 'machine' && coverage !== 'partial' && coverage !== 'manual') v.fail(`${p}.coverage`, '应为 machine / partial / manual');
        if (coverage === 'manual' && rules.length > 0) v.fail(`${p}.rules`, 'coverage 为 manual 的项不应列出 rules（用 hints 提示评查人员）');
        if (coverage !== 'manual' && rules.length === 0) v.fail(`${p}.rules`, `coverage 为 ${String(coverage)} 的项须列出发现该问题的规则`);
        if (no !== undefined && no !== i + 1) v.fail(`${p}.no`, `应按细则序号排列（应为 ${i + 1}）`);
        const notApplicableWhen = o.notApplicableWhen === undefined ? undefined : cond(o.notApplicableWhen, `${p}.notApplicableWhen`);
        const note = v.str(o, 'note', p, { optional: true });
        if (no !== undefined && group && itemName && (coverage === 'machine' || coverage === 'partial' || coverage === 'manual')) {
          items.push({
            id: `L${no}`, no, group, name: itemName, rules, hints, coverage,
            ...(notApplicableWhen ? { notApplicableWhen } : {}),
            ...(note ? { note } : {}),
          });
        }
      });
    if (points !== undefined) legality = { points, items };
  }

  // —— 规范性 ——
  const normRaw = v.obj(root.normativity, 'normativity');
  let normativityPoints: number | undefined;
  if (normRaw) {
    v.unknownKeys(normRaw, ['points'], 'normativity');
    normativityPoints = v.num(normRaw, 'points', 'normativity', { positive: true });
  }
  if (total !== undefined && legality && normativityPoints !== undefined && r2(legality.points + normativityPoints) !== total) {
    v.fail('total', `合法性 ${legality.points} + 规范性 ${normativityPoints} 应等于 total ${total}`);
  }

  // —— 卷面基本要素 ——
  const formRaw = v.obj(root.form, 'form');
  let form: XizeSheet['form'] | undefined;
  if (formRaw) {
    v.unknownKeys(formRaw, ['max', 'groups'], 'form');
    const max = v.num(formRaw, 'max', 'form', { positive: true });
    const groups: XizeSheet['form']['groups'] = [];
    if (!Array.isArray(formRaw.groups)) v.fail('form.groups', '应为列表');
    else
      formRaw.groups.forEach((g, gi) => {
        const p = `form.groups[${gi}]`;
        const o = v.obj(g, p);
        if (!o) return;
        v.unknownKeys(o, ['id', 'name', 'max', 'elements'], p);
        const gid = v.str(o, 'id', p);
        const gname = v.str(o, 'name', p);
        const gmax = v.num(o, 'max', p, { positive: true });
        const elements: XizeFormElement[] = [];
        if (!Array.isArray(o.elements)) v.fail(`${p}.elements`, '应为列表');
        else
          o.elements.forEach((e, ei) => {
            const ep = `${p}.elements[${ei}]`;
            const eo = v.obj(e, ep);
            if (!eo) return;
            v.unknownKeys(eo, ['no', 'text', 'points', 'rules', 'hints'], ep);
            const no = v.num(eo, 'no', ep, { positive: true });
            const text = v.str(eo, 'text', ep);
            const points = v.num(eo, 'points', ep, { positive: true });
            if (no !== undefined && no !== ei + 1) v.fail(`${ep}.no`, `应按细则序号排列（应为 ${ei + 1}）`);
            if (gid && no !== undefined && text && points !== undefined) {
              elements.push({ id: `${gid}.${no}`, text, points, rules: ruleList(eo, 'rules', ep), hints: ruleList(eo, 'hints', ep) });
            }
          });
        const sum = r2(elements.reduce((s, e) => s + e.points, 0));
        if (gmax !== undefined && Array.isArray(o.elements) && elements.length === o.elements.length && sum !== gmax) {
          v.fail(`${p}.elements`, `各要素分值之和 ${sum} 不等于本组 max ${gmax}`);
        }
        if (gid && gname && gmax !== undefined) groups.push({ id: gid, name: gname, max: gmax, elements });
      });
    if (max !== undefined) form = { max, groups };
  }

  // —— 文书评查项 ——
  const library = new Map<string, XizeDocumentItem>();
  const libRaw = v.obj(root.documentItems, 'documentItems');
  if (libRaw) {
    for (const [key, x] of Object.entries(libRaw)) {
      const p = `documentItems.${key}`;
      const o = v.obj(x, p);
      if (!o) continue;
      v.unknownKeys(o, ['name', 'points', 'bonus', 'documentTypes', 'minCount', 'whenAbsent', 'applicableWhen', 'notApplicableWhen', 'note', 'subItems'], p);
      const itemName = v.str(o, 'name', p);
      const points = v.num(o, 'points', p, { positive: true });
      const bonus = o.bonus === undefined ? false : v.bool(o, 'bonus', p);
      const documentTypes = v.strList(o, 'documentTypes', p) ?? [];
      documentTypes.forEach((t, i) => {
        if (!docTypes.has(t)) v.fail(`${p}.documentTypes[${i}]`, `未知文书类型 "${t}"（rules/document-types.yaml）`);
      });
      if (documentTypes.length === 0 && !bonus) v.fail(`${p}.documentTypes`, '应列出至少一种文书类型（加分项除外）');
      const minCount = o.minCount === undefined ? 1 : v.num(o, 'minCount', p, { positive: true });
      const whenAbsent = o.whenAbsent as AbsentPolicy;
      if (!ABSENT.includes(whenAbsent)) v.fail(`${p}.whenAbsent`, `应为 ${ABSENT.join(' / ')}`);
      const applicableWhen = o.applicableWhen === undefined ? undefined : cond(o.applicableWhen, `${p}.applicableWhen`);
      const notApplicableWhen = o.notApplicableWhen === undefined ? undefined : cond(o.notApplicableWhen, `${p}.notApplicableWhen`);
      const note = v.str(o, 'note', p, { optional: true });
      const subItems: XizeSubItem[] = [];
      if (!Array.isArray(o.subItems) || o.subItems.length === 0) v.fail(`${p}.subItems`, '应为非空列表');
      else
        o.subItems.forEach((s, si) => {
          const sp = `${p}.subItems[${si}]`;
          const so = v.obj(s, sp);
          if (!so) return;
          v.unknownKeys(so, ['no', 'text', 'points', 'rules', 'hints', 'notApplicableWhen'], sp);
          const no = v.num(so, 'no', sp, { positive: true });
          const text = v.str(so, 'text', sp);
          const sPoints = v.num(so, 'points', sp, { positive: true });
          if (no !== undefined && no !== si + 1) v.fail(`${sp}.no`, `应按细则序号排列（应为 ${si + 1}）`);
          const sNa = so.notApplicableWhen === undefined ? undefined : cond(so.notApplicableWhen, `${sp}.notApplicableWhen`);
          if (no !== undefined && text && sPoints !== undefined) {
            subItems.push({ no, text, points: sPoints, rules: ruleList(so, 'rules', sp), hints: ruleList(so, 'hints', sp), ...(sNa ? { notApplicableWhen: sNa } : {}) });
          }
        });
      const sum = r2(subItems.reduce((t, s) => t + s.points, 0));
      if (points !== undefined && Array.isArray(o.subItems) && subItems.length === o.subItems.length && sum !== points) {
        v.fail(`${p}.subItems`, `各细目分值之和 ${sum} 不等于本项标准分 ${points}`);
      }
      if (itemName && points !== undefined && minCount !== undefined && ABSENT.includes(whenAbsent) && bonus !== undefined) {
        library.set(key, {
          key, name: itemName, points, documentTypes, minCount, whenAbsent, bonus, subItems,
          ...(applicableWhen ? { applicableWhen } : {}),
          ...(notApplicableWhen ? { notApplicableWhen } : {}),
          ...(note ? { note } : {}),
        });
      }
    }
  }

  // —— 案件类型 ——
  const caseTypes: XizeCaseType[] = [];
  const used = new Set<string>();
  if (!Array.isArray(root.caseTypes) || root.caseTypes.length === 0) v.fail('caseTypes', '应为非空列表');
  else {
    const ids = new Set<string>();
    const codes = new Set<string>();
    root.caseTypes.forEach((x, i) => {
      const p = `caseTypes[${i}]`;
      const o = v.obj(x, p);
      if (!o) return;
      v.unknownKeys(o, ['id', 'code', 'name', 'total', 'when', 'documents'], p);
      const ctId = v.str(o, 'id', p);
      const code = v.str(o, 'code', p);
      const ctName = v.str(o, 'name', p);
      const ctTotal = v.num(o, 'total', p, { positive: true });
      if (code !== undefined && !CODE.test(code)) v.fail(`${p}.code`, '应为一个大写字母（评查项编号的前缀，如 G11.5）');
      if (code === 'L' || code === 'F') v.fail(`${p}.code`, 'L（合法性）和 F（卷面）已被占用');
      if (ctId !== undefined && ids.has(ctId)) v.fail(`${p}.id`, `案件类型 "${ctId}" 重复`);
      if (code !== undefined && codes.has(code)) v.fail(`${p}.code`, `前缀 "${code}" 重复`);
      if (ctId) ids.add(ctId);
      if (code) codes.add(code);
      const when = cond(o.when, `${p}.when`);
      const documents: XizeCaseType['documents'] = [];
      if (!Array.isArray(o.documents) || o.documents.length === 0) v.fail(`${p}.documents`, '应为非空列表');
      else
        o.documents.forEach((d, di) => {
          const dp = `${p}.documents[${di}]`;
          const doo = v.obj(d, dp);
          if (!doo) return;
          v.unknownKeys(doo, ['no', 'item'], dp);
          const no = v.num(doo, 'no', dp, { positive: true });
          const key = v.str(doo, 'item', dp);
          if (no !== undefined && no !== di + 1) v.fail(`${dp}.no`, `应按细则序号排列（应为 ${di + 1}）`);
          const item = key === undefined ? undefined : library.get(key);
          if (key !== undefined && !item && libRaw && key in libRaw === false) v.fail(`${dp}.item`, `documentItems 中没有 "${key}"`);
          if (key) used.add(key);
          if (no !== undefined && item) documents.push({ no, item });
        });
      const sum = r2(documents.filter((d) => !d.item.bonus).reduce((s, d) => s + d.item.points, 0));
      if (ctTotal !== undefined && Array.isArray(o.documents) && documents.length === o.documents.length && sum !== ctTotal) {
        v.fail(`${p}.documents`, `各文书评查项标准分之和 ${sum} 不等于本类型总分 ${ctTotal}`);
      }
      if (ctId && code && ctName && ctTotal !== undefined && when) caseTypes.push({ id: ctId, code, name: ctName, total: ctTotal, when, documents });
    });
  }
  for (const key of library.keys()) if (!used.has(key)) v.fail(`documentItems.${key}`, '没有任何案件类型使用该评查项');

  const uncoveredNote = v.str(root, 'uncoveredNote', '');
  const unscored: XizeSheet['unscored'] = [];
  if (root.unscored !== undefined) {
    if (!Array.isArray(root.unscored)) v.fail('unscored', '应为列表');
    else
      root.unscored.forEach((x, i) => {
        const p = `unscored[${i}]`;
        const o = v.obj(x, p);
        if (!o) return;
        v.unknownKeys(o, ['rules', 'reason'], p);
        const reason = v.str(o, 'reason', p);
        const rules = ruleList(o, 'rules', p);
        if (reason) unscored.push({ rules, reason });
      });
  }
  const grades = v.grades(root.grades, total);
  v.vetoGradeIn(vetoGrade, grades);
  const overlayRaw = v.obj(root.gradeOverlay, 'gradeOverlay');
  let gradeOverlay: XizeSheet['gradeOverlay'] | undefined;
  if (overlayRaw) {
    v.unknownKeys(overlayRaw, ['name', 'note'], 'gradeOverlay');
    const oName = v.str(overlayRaw, 'name', 'gradeOverlay');
    const oNote = v.str(overlayRaw, 'note', 'gradeOverlay');
    if (oName && oNote) gradeOverlay = { name: oName, note: oNote };
  }

  if (v.issues.length > 0) return undefined;
  return {
    model: 'xize-2024',
    ...head,
    total: total!,
    // the two parts as categories, so that readers of the deduction model's shape keep working
    categories: [
      { id: 'legality', name: '合法性评查', max: legality!.points },
      { id: 'normativity', name: '规范性评查', max: normativityPoints! },
    ],
    vetoZeroesTotal: true,
    vetoGrade: vetoGrade!,
    veto: legality!.items.map((it) => ({ id: it.id, name: it.name, basis: `细则合法性评查标准第${it.no}项（${it.group}）`, rules: it.rules })),
    bonus: [],
    grades: grades!,
    file,
    takingSeverities: takingSeverities!,
    legality: legality!,
    normativityPoints: normativityPoints!,
    form: form!,
    caseTypes,
    uncoveredNote: uncoveredNote!,
    unscored,
    gradeOverlay: gradeOverlay!,
  };
}

function knownDocumentTypes(): { has(id: string): boolean } {
  return defaultDocumentTypes();
}

/** A condition in the rule pack's language; keys and the document types / facts it names are checked. */
function condition(v: Validator, raw: unknown, path: string, docTypes: { has(id: string): boolean }): SheetCondition | undefined {
  const o = v.obj(raw, path);
  if (!o) return undefined;
  const before = v.issues.length;
  v.unknownKeys(o, CONDITION_KEYS, path);
  for (const k of DOC_LIST_KEYS) {
    if (o[k] === undefined) continue;
    (v.strList(o, k, path) ?? []).forEach((t, i) => {
      if (!docTypes.has(t)) v.fail(`${path}.${k}[${i}]`, `未知文书类型 "${t}"`);
    });
  }
  if (o.facts !== undefined) {
    (v.strList(o, 'facts', path) ?? []).forEach((f, i) => {
      if (!isKnownFact(f)) v.fail(`${path}.facts[${i}]`, `未知事实 "${f}"`);
    });
  }
  for (const k of ['any', 'all'] as const) {
    if (o[k] === undefined) continue;
    if (!Array.isArray(o[k])) v.fail(`${path}.${k}`, '应为条件列表');
    else (o[k] as unknown[]).forEach((c, i) => condition(v, c, `${path}.${k}[${i}]`, docTypes));
  }
  if (o.not !== undefined) condition(v, o.not, `${path}.not`, docTypes);
  return v.issues.length === before ? (o as SheetCondition) : undefined;
}
