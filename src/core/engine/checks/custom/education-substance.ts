/**
 * ED-06 — a 普法 note that only says "已告知相关法律规定" is not a legal-education record: it must name the
 * laws and articles explained and say what was explained.
 */
import { na, pass } from '../util';
import type { CheckOutcome, ProblemRef } from '../types';
import type { CustomCheckImpl } from './types';

const EMPTY_PHRASES = /^(已?告知(了)?(当事人)?(相关|有关)?(的)?法律(法规)?(规定)?[。.]?|已普法[。.]?|已进行普法教育[。.]?)$/;

export const educationSubstance: CustomCheckImpl = {
  name: 'education_substance',
  description: '普法内容须有具体法条与讲解内容，不能只有"已告知相关法律规定"',
  params: {
    type: 'object',
    required: ['minContentChars'],
    additionalProperties: false,
    properties: { minContentChars: { type: 'integer', minimum: 1 } },
  },
  dataKeys: ['problem', 'content', 'chars'],
  problemIds: ['noArticles', 'emptyPhrase', 'tooShort'],
  run(params, ctx) {
    const records = ctx.caseFile.educationRecords ?? [];
    if (!records.length) return [na('卷内无普法教育记录')];
    const minChars = Number(params.minContentChars);
    const out: CheckOutcome[] = [];
    for (const r of records) {
      const problems: ProblemRef[] = [];
      const content = (r.content ?? '').trim();
      if (!r.laws?.length || r.laws.every((l) => !l.articles?.length)) problems.push({ id: 'noArticles' });
      if (EMPTY_PHRASES.test(content)) problems.push({ id: 'emptyPhrase', data: { content } });
      else if (content.length < minChars) problems.push({ id: 'tooShort', data: { chars: content.length } });
      if (problems.length)
        out.push({
          status: 'fail',
          data: { docName: '普法教育记录', docId: r.id, docLabel: `普法教育记录（${r.heldOn}）`, problem: '' },
          problems,
          facts: [{ label: '普法教育内容', value: content.slice(0, 40), refId: r.id }],
          key: r.id,
        });
    }
    return out.length ? out : [pass('普法教育记录载明具体法条与讲解内容', records.map((r) => ({ label: '普法教育记录', value: r.heldOn, refId: r.id })))];
  },
};
