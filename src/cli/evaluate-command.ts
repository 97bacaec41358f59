/**
 * casefile evaluate DIR|ZIP --out DIR [--sheet ID] [--as-of DATE]
 *
 * The annual evaluation (年度案卷评查): every *.json in the folder (recursively) or zip is validated, reviewed and
 * scored; bad files are reported and skipped. Writes results.json, summary.csv, summary.xlsx and summary.pdf.
 */
import { resolve } from 'node:path';
import { runEvaluation } from '../core/evaluation/evaluate';
import { openEvaluationInput } from '../core/evaluation/input';
import { parseArgs, parseDateOption, UsageError } from './args';
import { EXIT, type CliIO } from './io';
import { createProgress } from './progress';

export const EVALUATE_HELP = `用法：casefile evaluate 文件夹|压缩包.zip --out 输出文件夹 [选项]

年度案卷评查：对文件夹（含子文件夹）或 zip 压缩包中的每个卷宗 JSON 逐一校验、审查、评分，
格式错误或校验不通过的卷宗记录原因后跳过，不影响其余卷宗。

输出（写入 --out 文件夹）：
  results.json   每卷得分、汇总统计、所用规则包/评分表/节假日数据版本
  summary.csv    每卷一行（UTF-8 带 BOM，可直接用 Excel 打开）
  summary.xlsx   工作表“评查结果”“问题清单”“统计”
  summary.pdf    评查报告：排名、等次分布、高频问题、各执法机关统计、柱状图

选项：
  --out 文件夹      输出文件夹（必填，不存在时自动创建）
  --sheet 评分表    评分表编号（默认：official-2024 或环境变量 SCORING_SHEET）
  --as-of 日期      审查基准日 YYYY-MM-DD（默认：今天，北京时间）；同一输入、同一基准日、同一版本得到相同分数
  --workers 数量    审查用的工作线程数（0 = 不用；默认：200 卷以上时按 CPU 核数，最多 4）
  -h, --help        显示本帮助

退出码：0 评查完成（个别卷宗无法评查时仍为 0，原因列在输出中）；2 输入或参数有误。
`;

export async function runEvaluateCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, {
    out: { value: true, short: 'o' },
    sheet: { value: true },
    'as-of': { value: true },
    workers: { value: true },
    help: { short: 'h' },
  });
  if (args.flags.has('help')) {
    io.stdout.write(EVALUATE_HELP);
    return EXIT.OK;
  }
  if (args.positionals.length !== 1) throw new UsageError('请指定一个文件夹或 zip 压缩包（casefile evaluate 文件夹|压缩包.zip --out 输出文件夹）');
  const out = args.values.get('out');
  if (!out) throw new UsageError('缺少 --out 输出文件夹');
  const asOf = parseDateOption('as-of', args.values.get('as-of'));
  const workersText = args.values.get('workers');
  if (workersText !== undefined && !/^\d{1,2}$/.test(workersText)) throw new UsageError(`--workers 须为 0–99 的整数：${workersText}`);
  const cwd = io.cwd ?? process.cwd();
  const inputPath = resolve(cwd, args.positionals[0]);
  const input = await openEvaluationInput(inputPath);
  const progress = createProgress(io.stderr, '评查');
  let last = { done: 0, total: input.total, failed: 0 };
  const run = await runEvaluation({
    input,
    inputLabel: args.positionals[0],
    outDir: resolve(cwd, out),
    sheetId: args.values.get('sheet'),
    asOf,
    workers: workersText === undefined ? undefined : Number(workersText),
    onProgress: (p) => {
      last = p;
      progress.update(p.done, p.total, p.failed);
    },
  });
  progress.finish(last.done, last.total, last.failed);

  const { totals, versions } = run.results;
  const w = (s: string) => io.stdout.write(s + '\n');
  w(`评查完成：共 ${totals.files} 卷，已评查 ${totals.evaluated} 卷，无法评查 ${totals.failed} 卷；平均分 ${totals.averageScore}，命中否决项 ${totals.vetoFiles} 卷`);
  if (totals.unfinished > 0) w(`未结案 ${totals.unfinished} 卷不参与评分排名（年度评查只评已结案、已归档的案卷），见 results.json 的 unfinished / summary.xlsx`);
  for (const g of run.results.aggregates.grades) w(`  ${g.grade}：${g.count} 卷`);
  const FAILED_SHOWN = 20;
  for (const f of run.results.failed.slice(0, FAILED_SHOWN)) {
    const first = f.issues[0];
    w(`  无法评查 ${f.file}：${first ? `${first.path ? first.path + ' ' : ''}${first.message}` : ''}${f.issueCount > 1 ? `（共 ${f.issueCount} 处）` : ''}`);
  }
  if (run.results.failed.length > FAILED_SHOWN) w(`  ……另有 ${run.results.failed.length - FAILED_SHOWN} 卷无法评查，见 results.json / summary.csv`);
  w(`规则包 ${versions.rulePack} · 评分表 ${versions.scoringSheet.id} ${versions.scoringSheet.version} · 节假日数据 ${versions.holidayData} · 基准日 ${run.results.parameters.asOf}`);
  for (const path of Object.values(run.files)) w(`  ${path}`);
  return EXIT.OK;
}
