/** casefile template / import / export / suggest, run in-process on a temporary folder. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BufferStream, EXIT, main } from '../../src/cli/main';
import { bureauIndexWorkbook, headerOf } from './support/bureau-index';
import { decisionDocx } from './support/docx';

const SAMPLE = join(__dirname, '..', '..', 'fixtures', 'cases', '01-general-fine-clean.json');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'casefile-intake-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const stdout = new BufferStream();
  const stderr = new BufferStream();
  const code = await main(argv, { stdout, stderr, cwd: dir });
  return { code, out: stdout.text(), err: stderr.text() };
}

describe('casefile template / export / import', () => {
  it('template writes a workbook that imports as an (invalid) empty case with located errors', async () => {
    expect((await run('template', '--out', 'template.xlsx')).code).toBe(EXIT.OK);
    const r = await run('import', 'template.xlsx', '--out', 'empty.json');
    expect(r.code).toBe(EXIT.BAD_INPUT);
    expect(r.out).toContain('工作表「案件」第');
    expect(r.err).toContain('未写出卷宗');
  });

  it('export then import gives back the same case file', async () => {
    expect((await run('export', SAMPLE, '--xlsx', 'case.xlsx')).code).toBe(EXIT.OK);
    const r = await run('import', 'case.xlsx', '--out', 'case.json');
    expect(r.code).toBe(EXIT.OK);
    expect(JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(SAMPLE, 'utf8')));
  });

  it("a bureau's 卷内目录 with --header; a non-xlsx file is refused (exit 2)", async () => {
    const caseFile = JSON.parse(readFileSync(SAMPLE, 'utf8'));
    writeFileSync(join(dir, 'index.xlsx'), await bureauIndexWorkbook(caseFile));
    writeFileSync(join(dir, 'header.json'), JSON.stringify({ ...headerOf(caseFile), documents: [], fileIndex: [] }));
    const r = await run('import', 'index.xlsx', '--header', 'header.json', '--out', 'index.json');
    expect(r.code).toBe(EXIT.OK);
    expect(r.out).toContain('卷内目录（仅目录，其余待补录）');
    const check = await run('check', 'index.json', '--as-of', '2026-06-30');
    expect(check.code).toBe(EXIT.OK);
    expect(check.out).toContain('录入完整度：文书');
    expect(check.out).toContain('待补录');
    expect(check.out).toContain('0 个问题');
    writeFileSync(join(dir, 'note.txt'), 'not a workbook');
    const bad = await run('import', 'note.txt');
    expect(bad.code).toBe(EXIT.BAD_INPUT);
    expect(bad.err).toContain('不是 Excel 工作簿');
  });

  it('suggest prints the 文书 values with their source words', async () => {
    writeFileSync(join(dir, 'decision.docx'), await decisionDocx());
    const r = await run('suggest', 'decision.docx');
    expect(r.code).toBe(EXIT.OK);
    expect(r.out).toContain('沅环罚〔2025〕46号');
    expect(r.out).toContain('2025-09-26');
    expect(r.out).toContain('须从纸质案卷录入');
  });
});
