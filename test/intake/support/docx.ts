/**
 * Minimal .docx files (WordprocessingML) as the 文书制作指南 templates produce them: a spaced-out title, the 文号
 * line, prose paragraphs, optionally a label/value table (送达回证), the 落款 block. Written with jszip, so the
 * tests read real Word packages through mammoth.
 */
import JSZip from 'jszip';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
const cell = (text: string) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${p(text)}</w:tc>`;

export interface DocxContent {
  paragraphs: string[];
  /** rows of cells (a label/value table) placed after the paragraphs */
  table?: string[][];
  /** paragraphs after the table */
  after?: string[];
}

export async function docxFile(content: DocxContent): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const table = content.table ? `<w:tbl>${content.table.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>` : '';
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
      content.paragraphs.map(p).join('') + table + (content.after ?? []).map(p).join('') + '</w:body></w:document>',
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A 行政处罚决定书 as typed from form 17 (prose). */
export function decisionDocx(): Promise<Buffer> {
  return docxFile({
    paragraphs: [
      '沅澧市生态环境局',
      '行 政 处 罚 决 定 书',
      '沅环罚〔2025〕46号',
      '当事人：沅澧市恒彩包装印刷有限公司',
      '统一社会信用代码：91430900MA4Q8L2CX3',
      '我局于2025年9月1日对你单位进行了现场检查，发现你单位产生含挥发性有机物废气的生产活动未按照规定使用污染防治设施。',
      '依据《中华人民共和国大气污染防治法》第一百零八条第（一）项的规定，我局决定对你单位处以罚款人民币50,000元。',
      '限你单位自收到本决定书之日起十五日内，到指定银行缴纳罚款。到期不缴纳罚款的，我局可以每日按罚款数额的百分之三加处罚款。',
      '你单位如不服本处罚决定，可在收到本决定书之日起六十日内向沅澧市人民政府申请行政复议，也可以在六个月内依法向人民法院提起行政诉讼。',
      '沅澧市生态环境局',
      '二〇二五年九月二十六日',
    ],
  });
}

/** A 行政处罚事先（听证）告知书 (form 12). */
export function noticeDocx(): Promise<Buffer> {
  return docxFile({
    paragraphs: [
      '沅澧市生态环境局',
      '行政处罚事先（听证）告知书',
      '沅环罚告〔2025〕46号',
      '沅澧市恒彩包装印刷有限公司：',
      '我局拟对你单位作出罚款人民币伍万元整的行政处罚。',
      '根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位可在收到本告知书之日起五个工作日内向我局提出陈述、申辩；' +
        '根据第六十三条、第六十四条的规定，你单位有权要求听证，可在收到本告知书之日起五个工作日内提出听证申请。逾期视为放弃上述权利。',
      '2025年9月15日',
    ],
  });
}

/** A 送达回证 (form 18): a label/value table; the 签收 date is written by hand, so the cell is empty. */
export function receiptDocx(): Promise<Buffer> {
  return docxFile({
    paragraphs: ['沅澧市生态环境局', '送 达 回 证'],
    table: [
      ['送达文书名称及文号', '行政处罚决定书（沅环罚〔2025〕46号）'],
      ['受送达人', '沅澧市恒彩包装印刷有限公司'],
      ['送达方式', '直接送达'],
      ['收件人签名', ''],
      ['送达时间', '    年  月  日'],
    ],
    after: ['送达人：陈志刚（执法证号43090210017）'],
  });
}
