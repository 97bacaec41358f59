/**
 * casefile check FILE… [--draft | --pre-decision] [--as-of DATE] [--sheet ID] [--pdf OUT] [--json] [--strict]
 *
 * Reviews each case file and prints its findings like a linter. Exit code: 0 clean, 1 a finding of severity
 * veto or error (warnings and info do not fail the check unless --strict), 2 bad input (a missing or malformed
 * file, validation errors — printed with path, code and Chinese message — or a usage error). When several files
 * are given the highest code wins (2 > 1 > 0).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { defaultCalendar } from '../core/calendar';
import { parseCaseFileJson } from '../core/case-file/validate';
import type { CaseFile } from '../core/case-file/types';
import type { ValidationIssue } from '../core/case-file/validation-issue';
import { defaultRulePack, RuleEngine, todayInShanghai } from '../core/engine';
import type { Finding, ReviewResult } from '../core/engine/types';
import { decodeUtf8 } from '../core/evaluation/input';
import { formatBasis, SEVERITIES, SEVERITY_LABELS, sortFindings } from '../core/evaluation/assess';
import { renderReviewReport } from '../core/report';
import { loadScoringSheet, scoreReview } from '../core/scoring';
import type { ScoreResult } from '../core/scoring/types';
import { parseArgs, parseDateOption, UsageError } from './args';
import { EXIT, type CliIO } from './io';

export const CHECK_HELP = `用法：casefile check 文件… [选项]

逐卷审查卷宗 JSON，像代码检查工具一样列出问题（规则编号、级别、说明、依据）。

选项：
  --draft           草稿模式：只按 --as-of 当日已发生的事实审查，并列出即将到期的期限和下一步应制作的文书
  --pre-decision    决定前法制审核模式（行政处罚法第58条）：审查作出决定前应已具备的全部内容，并列出决定书应载明的事项（第59条）
  --as-of 日期      审查基准日 YYYY-MM-DD（默认：今天，北京时间）
  --sheet 评分表    评分表编号（默认：official-2024 或环境变量 SCORING_SHEET）
  --pdf 输出        生成审查报告 PDF；一个文件时为 PDF 路径，多个文件时为输出文件夹
  --json            以 JSON 输出（审查结果与评分），不输出文字列表
  --strict          “警告”级问题也使退出码为 1
  -h, --help        显示本帮助

退出码：0 无否决/错误级问题；1 有否决或错误级问题（--strict 时含警告）；2 输入有误（文件不存在、JSON 格式错误、卷宗校验不通过或参数错误）。
`;

type CheckedFile =
  | { file: string; status: 'ok'; caseFile: CaseFile; review: ReviewResult; score: ScoreResult }
  | { file: string; status: 'invalid'; errors: ValidationIssue[] };

export async function runCheckCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, {
    draft: {},
    'pre-decision': {},
    'as-of': { value: true },
    sheet: { value: true },
    pdf: { value: true },
    json: {},
    strict: {},
    help: { short: 'h' },
  });
  if (args.flags.has('help')) {
    io.stdout.write(CHECK_HELP);
    return EXIT.OK;
  }
  if (args.positionals.length === 0) throw new UsageError('请指定至少一个卷宗 JSON 文件（casefile check 文件…）');
  const asOf = parseDateOption('as-of', args.values.get('as-of')) ?? todayInShanghai();
  if (args.flags.has('draft') && args.flags.has('pre-decision')) throw new UsageError('--draft 与 --pre-decision 只能选一个');
  const mode = args.flags.has('pre-decision') ? 'pre-decision' : args.flags.has('draft') ? 'draft' : 'review';
  const sheet = loadScoringSheet(args.values.get('sheet'));
  const pack = defaultRulePack();
  const calendar = defaultCalendar();
  const engine = new RuleEngine({ pack, calendar });
  const cwd = io.cwd ?? process.cwd();
  const json = args.flags.has('json');
  const failOn = new Set(args.flags.has('strict') ? ['veto', 'error', 'warning'] : ['veto', 'error']);

  const checked: CheckedFile[] = [];
  for (const file of args.positionals) {
    let text: string;
    try {
      text = decodeUtf8(await readFile(resolve(cwd, file)));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const message = code === 'ENOENT' ? `文件不存在：${file}` : code === 'EISDIR' ? `这是文件夹，不是卷宗 JSON 文件：${file}` : `无法读取文件：${file}（${(e as Error).message}）`;
      checked.push({ file, status: 'invalid', errors: [{ path: '', code: code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'READ_FAILED', message }] });
      continue;
    }
    const parsed = parseCaseFileJson(text);
    if (!parsed.ok) {
      checked.push({ file, status: 'invalid', errors: parsed.errors });
      continue;
    }
    const review = engine.review(parsed.value, { mode, asOf });
    checked.push({ file, status: 'ok', caseFile: parsed.value, review, score: scoreReview(review, sheet, { caseFile: parsed.value }) });
  }

  const pdfOut = args.values.get('pdf');
  if (pdfOut) await writePdfs(checked, resolve(cwd, pdfOut), io);

  if (json) {
    io.stdout.write(
      JSON.stringify(
        checked.map((c) => (c.status === 'ok' ? { file: c.file, status: c.status, review: c.review, score: c.score } : c)),
        null,
        2,
      ) + '\n',
    );
  } else {
    for (const c of checked) printChecked(c, io);
    if (checked.length > 1) printTotals(checked, io);
  }

  let exit: number = EXIT.OK;
  for (const c of checked) {
    if (c.status === 'invalid') exit = EXIT.BAD_INPUT;
    else if (exit === EXIT.OK && c.review.findings.some((f) => failOn.has(f.severity))) exit = EXIT.FINDINGS;
  }
  return exit;
}

async function writePdfs(checked: CheckedFile[], out: string, io: CliIO): Promise<void> {
  const ok = checked.filter((c): c is Extract<CheckedFile, { status: 'ok' }> => c.status === 'ok');
  const single = checked.length === 1;
  if (!single) await mkdir(out, { recursive: true });
  for (const c of ok) {
    const pdf = await renderReviewReport({ caseFile: c.caseFile, review: c.review, score: c.score });
    const target = single ? out : join(out, `${basename(c.file, extname(c.file))}.pdf`);
    await writeFile(target, pdf);
    io.stderr.write(`已生成审查报告：${target}\n`);
  }
}

function findingLines(f: Finding): string[] {
  const lines = [`  ${SEVERITY_LABELS[f.severity]}  ${f.ruleId}  ${f.title}：${f.message}`];
  const basis = formatBasis(f);
  if (basis) lines.push(`        依据：${basis}`);
  if (f.suggestion) lines.push(`        建议：${f.suggestion}`);
  return lines;
}

function countLine(findings: Finding[]): string {
  const n = (s: string) => findings.filter((f) => f.severity === s).length;
  return `${findings.length} 个问题（${SEVERITIES.map((s) => `${SEVERITY_LABELS[s]} ${n(s)}`).join('，')}）`;
}

function printChecked(c: CheckedFile, io: CliIO): void {
  const out = io.stdout;
  if (c.status === 'invalid') {
    out.write(`${c.file}：无法审查（${c.errors.length} 处输入错误）\n`);
    for (const e of c.errors) out.write(`  ${e.path || '(整个文件)'}  ${e.code}  ${e.message}\n`);
    out.write('\n');
    return;
  }
  const { review, score, caseFile } = c;
  out.write(`${c.file}：${review.caseNumber}（${caseFile.parties.map((p) => p.name).join('、')}）\n`);
  for (const f of sortFindings(review.findings)) out.write(findingLines(f).join('\n') + '\n');
  if (review.mode !== 'review') {
    for (const u of review.upcoming) out.write(`  期限  ${u.ruleId}  ${u.label}：${u.dueOn}（还有 ${u.daysLeft} 日）\n`);
    for (const d of review.nextDocuments) out.write(`  待办  ${d.ruleId}  ${d.name}：${d.reason}${d.dueOn ? `（${d.dueOn} 前）` : ''}\n`);
  }
  if (review.decisionMustState?.length) {
    out.write('  决定书应载明：\n');
    for (const d of review.decisionMustState) out.write(`    ${d.item}（${d.ruleId}，${d.basis}）\n`);
  }
  const noHolidayData = review.undeterminable.filter((u) => !u.pending?.length).length;
  const undeterminable = noHolidayData ? `；${noHolidayData} 项因缺少节假日数据无法判定` : '';
  const entry = review.entryCompleteness;
  if (entry) {
    // 录入完整度: what is not entered yet, apart from the findings (not defects, no deduction)
    const d = entry.documents;
    out.write(`  录入完整度：文书 ${d.total} 份，已录入 ${d.entered}、部分录入 ${d.partial}、未录入 ${d.notEntered}；${entry.pendingRules} 项检查待补录（不计为问题）\n`);
    for (const item of entry.items.slice(0, 10)) out.write(`  待补录  ${item.partLabel}：${item.fields.map((f) => f.fieldLabel).join('、')}\n`);
    if (entry.items.length > 10) out.write(`  ……另有 ${entry.items.length - 10} 份文书待补录（--json 或 PDF 报告列出全部）\n`);
  }
  out.write(
    `  ${countLine(review.findings)}；得分 ${score.total}，等次 ${score.grade}${score.vetoHits.length ? `（命中否决项 ${score.vetoHits.map((v) => v.vetoId).join('、')}）` : ''}${undeterminable}\n`,
  );
  if (score.legality && score.normativity) {
    const hits = score.legality.hits.map((h) => `第${h.no}项`).join('、');
    const range = score.totalRange && score.manualItems?.length && !hits ? `；待人工评分 ${score.manualItems.length} 项，得分可在 ${score.totalRange.min}–${score.totalRange.max} 之间` : '';
    out.write(`  细则：合法性 ${score.legality.score}${hits ? `（重大问题 ${hits}）` : ''} + 规范性 ${score.normativity.score}（${score.normativity.formula}）${range}\n`);
  }
  out.write(`  规则包 ${review.rulePackVersion} · 评分表 ${score.sheetId} ${score.sheetVersion} · 节假日数据 ${review.holidayDataVersion} · 基准日 ${review.asOf}\n\n`);
}

function printTotals(checked: CheckedFile[], io: CliIO): void {
  const ok = checked.filter((c) => c.status === 'ok');
  const all = ok.flatMap((c) => (c.status === 'ok' ? c.review.findings : []));
  io.stdout.write(`共 ${checked.length} 个文件：已审查 ${ok.length}，无法审查 ${checked.length - ok.length}；${countLine(all)}\n`);
}
