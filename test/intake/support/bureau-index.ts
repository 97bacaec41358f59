/**
 * A bureau's own 卷内目录 workbook, as offices keep it: a merged title row, a 档号 row, the header
 * 序号/题名/文号/责任者/日期/页号/备注 in that (non-template) order, dates typed "2025.09.26", pages "1-4" or "5—7",
 * a 备注 on some rows and a closing "以下空白" row. Built from a case file's fileIndex, so the expected types are known.
 */
import ExcelJS from 'exceljs';
import type { CaseFile } from '../../../src/core/case-file/types';

export interface BureauIndexOptions {
  /** replace some titles by the everyday variants bureaus write (送达回证 without its note, 罚没款缴款凭证 …) */
  everydayTitles?: boolean;
  /** write only the start page ("5") instead of "5-7" on every third row */
  startPagesOnly?: boolean;
}

const EVERYDAY: Record<string, string> = {
  fine_payment_receipt: '罚没款缴款凭证',
  penalty_notice: '行政处罚事先（听证）告知书',
  service_receipt: '送达回证',
  party_identity_proof: '营业执照复印件',
  monitoring_report: '监测报告',
};

export async function bureauIndexWorkbook(caseFile: CaseFile, opts: BureauIndexOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('卷内目录');
  ws.mergeCells('A1:G1');
  ws.getCell('A1').value = `${caseFile.case.agency} 卷 内 目 录`;
  ws.mergeCells('A2:G2');
  ws.getCell('A2').value = `档号：WS·2025-D30-${caseFile.case.caseNumber}`;
  ws.addRow(['序号', '题名', '文号', '责任者', '日期', '页号', '备注']);
  const docs = new Map(caseFile.documents.map((d) => [d.id, d]));
  const edu = new Map(caseFile.educationRecords.map((r) => [r.id, r]));
  caseFile.fileIndex.forEach((e, i) => {
    const d = e.refId ? docs.get(e.refId) : undefined;
    const r = e.refId ? edu.get(e.refId) : undefined;
    const date = d?.madeOn ?? r?.heldOn;
    const title = opts.everydayTitles && d && EVERYDAY[d.type] ? EVERYDAY[d.type] : e.title;
    const pages = opts.startPagesOnly && i % 3 === 1 ? String(e.pages.from) : e.pages.from === e.pages.to ? String(e.pages.from) : `${e.pages.from}${i % 2 ? '—' : '-'}${e.pages.to}`;
    ws.addRow([e.order, title, d?.docNumber ?? '', caseFile.case.agency, date ? date.replace(/-/g, '.') : '', pages, e.volume === 'secondary' ? '副卷' : '']);
  });
  ws.addRow(['', '以下空白', '', '', '', '', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The case header of a sample (everything but the documents and the 卷内目录). */
export function headerOf(caseFile: CaseFile): Partial<CaseFile> {
  const { documents: _d, fileIndex: _f, ...header } = caseFile;
  return header;
}
