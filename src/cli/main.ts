/**
 * casefile — the officers' command line (执法人员命令行工具). Pure core code: no Nest, no database.
 *
 *   casefile check FILE…            审查卷宗
 *   casefile evaluate DIR|ZIP       年度案卷评查
 *   casefile deadline … / day …     期间计算 / 日期查询 (src/cli/deadline-command.ts)
 *   casefile template / import / export / suggest   案卷录入 (src/cli/intake-commands.ts)
 *
 * `main(argv, io)` returns the exit code, so tests run it in-process; bin/casefile.js calls it.
 */
import { RulePackError } from '../core/engine';
import { ScoringSheetError, ScoringSheetNotFoundError } from '../core/scoring';
import { EvaluationInputError } from '../core/evaluation/input';
import { UsageError } from './args';
import { runCheckCommand } from './check-command';
import { runDeadlineCommand } from './deadline-command';
import { runEvaluateCommand } from './evaluate-command';
import { runExportCommand, runImportCommand, runSuggestCommand, runTemplateCommand } from './intake-commands';
import { EXIT, type CliIO } from './io';

export { EXIT, BufferStream, type CliIO, type CliStream } from './io';

export const MAIN_HELP = `casefile — 生态环境行政处罚案卷合规检查

用法：casefile <命令> [参数] [选项]

命令：
  check 文件…                  审查卷宗 JSON，逐条列出问题（规则、级别、说明、依据）
  evaluate 文件夹|压缩包.zip   年度案卷评查：批量审查评分，输出 results.json、summary.csv/.xlsx/.pdf
  deadline …                   期间计算（如“五日”“三个月”的届满日，含节假日顺延说明）
  day 日期                     查询某日是否为工作日及所属节假日
  template --out 模板.xlsx     生成案卷录入工作簿（卷内目录模板）
  import 工作簿.xlsx --out 案卷.json   导入录入工作簿或单位自己的卷内目录（问题按工作表/行/列列出）
  export 案卷.json --xlsx 工作簿.xlsx  把卷宗导出为录入工作簿
  suggest 文书.docx            从 .docx 文书读出文号、日期、金额、期限等预填建议（须人工确认）

选项：
  -h, --help                   显示帮助（“casefile <命令> --help”显示该命令的帮助）
  -v, --version                显示程序、规则包、评分表和节假日数据版本

退出码：0 正常/无问题；1 check 发现否决或错误级问题；2 输入或参数有误；3 程序内部错误。
详见 docs/cli.md。
`;

const processIO: CliIO = { stdout: process.stdout, stderr: process.stderr };

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(MAIN_HELP);
        return command === undefined ? EXIT.BAD_INPUT : EXIT.OK;
      case '-v':
      case '--version':
        io.stdout.write(await versionText());
        return EXIT.OK;
      case 'check':
        return await runCheckCommand(rest, io);
      case 'evaluate':
        return await runEvaluateCommand(rest, io);
      case 'deadline':
      case 'day':
        return await runDeadlineCommand(argv, io);
      case 'template':
        return await runTemplateCommand(rest, io);
      case 'import':
        return await runImportCommand(rest, io);
      case 'export':
        return await runExportCommand(rest, io);
      case 'suggest':
        return await runSuggestCommand(rest, io);
      default:
        throw new UsageError(`未知命令：${command}（可用命令：check、evaluate、deadline、day、template、import、export、suggest；casefile --help 查看帮助）`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof EvaluationInputError || e instanceof ScoringSheetNotFoundError || e instanceof ScoringSheetError || e instanceof RulePackError) {
      io.stderr.write(`错误：${e.message}\n`);
      return EXIT.BAD_INPUT;
    }
    io.stderr.write(`内部错误：${(e as Error).stack ?? String(e)}\n`);
    return EXIT.INTERNAL;
  }
}

async function versionText(): Promise<string> {
  const { defaultRulePack } = await import('../core/engine');
  const { defaultCalendar } = await import('../core/calendar');
  const { loadScoringSheet } = await import('../core/scoring');
  const { projectRoot } = await import('../core/paths');
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const pkg = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
  const sheet = loadScoringSheet();
  return [
    `casefile ${pkg.version}`,
    `规则包 ${defaultRulePack().version}`,
    `评分表 ${sheet.id} ${sheet.version}（${sheet.name}）`,
    `节假日数据 ${defaultCalendar().dataVersion()}`,
    '',
  ].join('\n');
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`内部错误：${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = EXIT.INTERNAL;
    },
  );
}
