/**
 * The 卷内目录 workbook from the command line:
 *
 *   casefile template --out 模板.xlsx                       empty workbook to fill in
 *   casefile import 卷内目录.xlsx --out 案卷.json [--header 案件.json]
 *   casefile export 案卷.json --xlsx 案卷.xlsx
 *   casefile suggest 文书.docx [--type penalty_decision]    values typed in a 文书 (.docx), as suggestions
 *
 * import: exit 0 when the case file is valid (warnings are printed), 2 when the workbook has errors (each printed
 * as 工作表/行/列 with a Chinese message; with --out the case file is still written only when valid).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseCaseFileJson } from '../core/case-file/validate';
import type { CaseFile } from '../core/case-file/types';
import { decodeUtf8 } from '../core/evaluation/input';
import { caseFileWorkbook, describeIssue, importWorkbook, templateWorkbook, WorkbookFormatError } from '../core/intake';
import { DocxReadError, suggestFromDocx } from '../core/intake/docx-suggestions';
import { parseArgs, UsageError } from './args';
import { EXIT, type CliIO } from './io';

export const TEMPLATE_HELP = `用法：casefile template --out 文件.xlsx

生成空白的案卷录入工作簿（卷内目录模板）：案件、当事人、人员、卷内目录、文书详情、签名人、载明期限、普法教育等工作表，
中文表头，下拉选项，日期单元格，首行冻结，含填写说明。
`;

export const IMPORT_HELP = `用法：casefile import 工作簿.xlsx --out 案卷.json [--header 案件.json]

把填好的案卷录入工作簿（或单位自己的卷内目录表）导入为卷宗 JSON。每个问题按 工作表/行/列 列出。
  --out 文件        写出卷宗 JSON（仅当没有错误时写出）
  --header 文件     单位自己的卷内目录只含文书清单时，案件信息、当事人、人员取自此卷宗 JSON（其文书和目录不用）
  --json            以 JSON 输出导入结果（案卷、问题、题名识别）

退出码：0 导入成功（可能有提示）；2 工作簿有错误或无法读取。
`;

export const EXPORT_HELP = `用法：casefile export 案卷.json --xlsx 工作簿.xlsx

把卷宗 JSON 导出为案卷录入工作簿（与模板同一格式）；再导入即得到同一案卷。
`;

async function readCaseFile(path: string): Promise<CaseFile> {
  let text: string;
  try {
    text = decodeUtf8(await readFile(path));
  } catch (e) {
    throw new UsageError(`无法读取文件：${path}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
  }
  const r = parseCaseFileJson(text);
  if (!r.ok) {
    throw new UsageError(`${path} 不是有效的卷宗：\n${r.errors.slice(0, 20).map((e) => `  ${e.path || '(根)'}  ${e.code}  ${e.message}`).join('\n')}`);
  }
  return r.value;
}

export async function runTemplateCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { out: { value: true, short: 'o' }, help: { short: 'h' } });
  if (args.flags.has('help')) {
    io.stdout.write(TEMPLATE_HELP);
    return EXIT.OK;
  }
  const out = args.values.get('out') ?? args.positionals[0];
  if (!out) throw new UsageError('请用 --out 指定要生成的工作簿（casefile template --out 模板.xlsx）');
  const target = resolve(io.cwd ?? process.cwd(), out);
  await writeFile(target, await templateWorkbook());
  io.stdout.write(`已生成录入模板：${target}\n`);
  return EXIT.OK;
}

export async function runExportCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { xlsx: { value: true }, out: { value: true, short: 'o' }, help: { short: 'h' } });
  if (args.flags.has('help')) {
    io.stdout.write(EXPORT_HELP);
    return EXIT.OK;
  }
  const [file] = args.positionals;
  const out = args.values.get('xlsx') ?? args.values.get('out');
  if (!file || !out) throw new UsageError('用法：casefile export 案卷.json --xlsx 工作簿.xlsx');
  const cwd = io.cwd ?? process.cwd();
  const caseFile = await readCaseFile(resolve(cwd, file));
  const target = resolve(cwd, out);
  await writeFile(target, await caseFileWorkbook(caseFile));
  io.stdout.write(`已导出：${target}（${caseFile.documents.length} 份文书）\n`);
  return EXIT.OK;
}

export async function runImportCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { out: { value: true, short: 'o' }, header: { value: true }, json: {}, help: { short: 'h' } });
  if (args.flags.has('help')) {
    io.stdout.write(IMPORT_HELP);
    return EXIT.OK;
  }
  const [file] = args.positionals;
  if (!file) throw new UsageError('请指定要导入的工作簿（casefile import 工作簿.xlsx --out 案卷.json）');
  const cwd = io.cwd ?? process.cwd();
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(cwd, file));
  } catch (e) {
    throw new UsageError(`无法读取文件：${file}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
  }
  const headerFile = args.values.get('header');
  const base = headerFile ? await readCaseFile(resolve(cwd, headerFile)) : undefined;
  let result;
  try {
    result = await importWorkbook(bytes, { base });
  } catch (e) {
    if (e instanceof WorkbookFormatError) {
      io.stderr.write(`错误：${file}：${e.message}\n`);
      return EXIT.BAD_INPUT;
    }
    throw e;
  }
  if (args.flags.has('json')) {
    io.stdout.write(JSON.stringify(result, null, 2) + '\n');
  } else {
    const kind = result.kind === 'template' ? '案卷录入工作簿' : '卷内目录（仅目录，其余待补录）';
    io.stdout.write(`${file}：${kind}，${result.stats.documents} 份文书，读入 ${result.stats.values} 项数据`);
    io.stdout.write(result.stats.untypedTitles ? `，${result.stats.untypedTitles} 个题名未能识别类型\n` : '\n');
    for (const issue of result.issues) io.stdout.write(`  ${issue.severity === 'error' ? '错误' : '提示'}  ${describeIssue(issue)}  [${issue.code}]\n`);
  }
  const out = args.values.get('out');
  if (!result.ok) {
    io.stderr.write(`导入失败：${result.issues.filter((i) => i.severity === 'error').length} 个错误，未写出卷宗\n`);
    return EXIT.BAD_INPUT;
  }
  if (out) {
    const target = resolve(cwd, out);
    await writeFile(target, JSON.stringify(result.caseFile, null, 2) + '\n');
    if (!args.flags.has('json')) io.stdout.write(`已写出：${target}\n`);
  }
  return EXIT.OK;
}

export const SUGGEST_HELP = `用法：casefile suggest 文书.docx [--type 文书类型id] [--json]

从按《环境行政执法文书制作指南》模板制作的 .docx 文书中读出已打印的内容（文号、落款日期、金额、载明的期限、加处罚款条款等），
作为该文书的预填建议列出；建议须由人工核对确认。签名、印章、签收日期等纸面事项不在 .docx 中，须人工录入。
  --type 文书类型   指定文书类型（如 penalty_decision），不从标题识别
  --json            以 JSON 输出
`;

export async function runSuggestCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { type: { value: true }, json: {}, help: { short: 'h' } });
  if (args.flags.has('help')) {
    io.stdout.write(SUGGEST_HELP);
    return EXIT.OK;
  }
  const [file] = args.positionals;
  if (!file) throw new UsageError('请指定 .docx 文书（casefile suggest 文书.docx）');
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(io.cwd ?? process.cwd(), file));
  } catch (e) {
    throw new UsageError(`无法读取文件：${file}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
  }
  let result;
  try {
    result = await suggestFromDocx(bytes, { type: args.values.get('type') });
  } catch (e) {
    if (e instanceof DocxReadError) {
      io.stderr.write(`错误：${file}：${e.message}\n`);
      return EXIT.BAD_INPUT;
    }
    throw e;
  }
  if (args.flags.has('json')) {
    io.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return EXIT.OK;
  }
  io.stdout.write(`${file}：${result.title ?? '（未识别标题）'} → ${result.type.type}\n预填建议（须人工确认）：\n`);
  for (const s of result.suggestions) {
    const value = typeof s.value === 'object' ? JSON.stringify(s.value) : String(s.value);
    io.stdout.write(`  ${s.field.padEnd(26)} ${value}\n  ${''.padEnd(26)} 原文：${s.source}\n`);
  }
  io.stdout.write(`须从纸质案卷录入：${result.paperOnly.map((p) => p.label).join('、')}\n`);
  return EXIT.OK;
}
