/**
 * Service (送达) of the documents served on the party — every type the catalog marks `servable`
 * (rules/document-types.yaml), less those a rule names in `except`. Shared by the service checks.
 */
import type { CaseDocument } from '../../case-file/types';
import { SERVICE_METHOD_LABELS } from '../../domain/labels';
import type { ReviewContext } from '../context';
import type { CheckOutcome, ProblemRef } from './types';
import { docData, docRef, na, pass } from './util';
import type { CustomCheckImpl, ParamsSchema } from './custom/types';

/** `params: { except: [...] }` — servable types the rule leaves aside */
export const SERVICE_PARAMS: ParamsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { except: { type: 'array', items: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' } } },
};

/** the servable types a service rule checks */
export function servedTypes(ctx: ReviewContext, params: Record<string, unknown>): string[] {
  const except = new Set((params.except as string[] | undefined) ?? []);
  return ctx.pack.documentTypes.servable().filter((t) => !except.has(t));
}

export function relatedDoc(ctx: ReviewContext, doc: CaseDocument, type: string, id?: string): CaseDocument | undefined {
  if (id) {
    const d = ctx.docsById.get(id);
    if (d && d.type === type) return d;
  }
  return ctx.docs(type).find((d) => d.relatesToDocumentId === doc.id);
}

/**
 * One finding per served document with problems; `problemsOf` returns undefined for a document the check does
 * not concern (another service method), [] when its service is in order. Problems are ids of the rule's
 * `problems` sentences.
 */
export function checkService(
  ctx: ReviewContext,
  params: Record<string, unknown>,
  problemsOf: (doc: CaseDocument) => ProblemRef[] | undefined,
): CheckOutcome[] {
  const docs = ctx.docsOf(servedTypes(ctx, params));
  const out: CheckOutcome[] = [];
  const ok: string[] = [];
  for (const d of docs) {
    const problems = problemsOf(d);
    if (problems === undefined) continue;
    const method = d.service ? SERVICE_METHOD_LABELS[d.service.method] ?? d.service.method : '无';
    if (problems.length)
      out.push({
        status: 'fail',
        // problem: the sentences of `problems`, filled in by the engine from the rule
        data: { ...docData(ctx, d), problem: '', method },
        problems,
        facts: [docRef(ctx, d, `${ctx.docName(d.type)}送达方式`, method)],
        key: d.id,
      });
    else ok.push(`${ctx.docLabel(d)}：${method}${d.service?.servedOn ? ' ' + d.service.servedOn : ''}`);
  }
  if (out.length) return out;
  if (!ok.length) return [na('卷内无适用该送达方式的文书')];
  return [pass(ok.join('；'), [])];
}

/** a service check: its name, doc line, the problems it may report and what it finds wrong with one served document */
export function serviceCheck(
  name: string,
  description: string,
  problemIds: readonly string[],
  problemsOf: (ctx: ReviewContext, doc: CaseDocument) => ProblemRef[] | undefined,
): CustomCheckImpl {
  return {
    name,
    description,
    params: SERVICE_PARAMS,
    dataKeys: ['problem', 'method', 'consentOn', 'servedOn'],
    problemIds,
    reads: (params) => ({ documentTypes: (params.except as string[] | undefined) ?? [] }),
    run: (params, ctx) => checkService(ctx, params, (doc) => problemsOf(ctx, doc)),
  };
}
