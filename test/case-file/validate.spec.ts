import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseFile } from '../../src/core/case-file/types';
import { parseCaseFileJson, validateCaseFile, type ValidationIssue } from '../../src/core/case-file/validate';
import { documentTypeCatalog } from '../../src/core/domain/document-types';

const MINIMAL = readFileSync(join(__dirname, '..', 'fixtures', 'minimal-case.json'), 'utf8');

/** A fresh copy of the minimal valid case file, changed by `change`. */
function variant(change: (cf: any) => void): CaseFile {
  const cf = JSON.parse(MINIMAL);
  change(cf);
  return cf;
}

function issuesOf(input: unknown): ValidationIssue[] {
  const r = validateCaseFile(input);
  if (r.ok) throw new Error('expected validation to fail');
  // both executors of the DTO metadata must agree, issue for issue
  const reference = validateCaseFile(input, { engine: 'class-validator' });
  expect(reference).toEqual(r);
  return r.errors;
}

describe('validateCaseFile — valid input', () => {
  it('accepts the minimal case file and returns the input object itself', () => {
    const cf = JSON.parse(MINIMAL);
    const r = validateCaseFile(cf);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toBe(cf);
    expect(validateCaseFile(cf, { engine: 'class-validator' }).ok).toBe(true);
  });

  it('accepts 29 February in a leap year, and every optional field omitted', () => {
    expect(validateCaseFile(variant((cf) => (cf.documents[0].madeOn = '2024-02-29'))).ok).toBe(true);
    expect(validateCaseFile(variant((cf) => (cf.documents[0].madeOn = '2000-02-29'))).ok).toBe(true);
  });

  it('accepts amounts with up to two decimals, including floating-point noise', () => {
    expect(validateCaseFile(variant((cf) => (cf.documents[0].amounts = { fine: 0.1 + 0.2, paid: 12345.67, surcharge: 0 }))).ok).toBe(true);
  });
});

describe('validateCaseFile — every class of bad input: path, code, Chinese message', () => {
  const cases: Array<[string, (cf: any) => void, ValidationIssue]> = [
    [
      'impossible date',
      (cf) => (cf.documents[0].service = { method: 'direct', servedOn: '2025-02-30' }),
      { path: 'documents[0].service.servedOn', code: 'INVALID_DATE', message: '日期不存在：2025-02-30' },
    ],
    [
      'February 29 in a common year',
      (cf) => (cf.case.violation.occurredOn = '2025-02-29'),
      { path: 'case.violation.occurredOn', code: 'INVALID_DATE', message: '日期不存在：2025-02-29' },
    ],
    [
      '1900 is not a leap year',
      (cf) => (cf.documents[0].madeOn = '1900-02-29'),
      { path: 'documents[0].madeOn', code: 'INVALID_DATE', message: '日期不存在：1900-02-29' },
    ],
    [
      'month 13',
      (cf) => (cf.documents[0].madeOn = '2025-13-01'),
      { path: 'documents[0].madeOn', code: 'INVALID_DATE', message: '日期不存在：2025-13-01' },
    ],
    [
      'date in the wrong format',
      (cf) => (cf.documents[0].madeOn = '2025/3/3'),
      { path: 'documents[0].madeOn', code: 'INVALID_DATE_FORMAT', message: "「制作/落款日期」应为 YYYY-MM-DD 格式的日期，实际为 '2025/3/3'" },
    ],
    [
      'date with a time part',
      (cf) => (cf.case.discovery.discoveredOn = '2025-03-03T00:00:00Z'),
      {
        path: 'case.discovery.discoveredOn',
        code: 'INVALID_DATE_FORMAT',
        message: "「线索发现/收到之日」应为 YYYY-MM-DD 格式的日期，实际为 '2025-03-03T00:00:00Z'",
      },
    ],
    [
      'year out of range',
      (cf) => (cf.documents[0].madeOn = '0025-03-03'),
      { path: 'documents[0].madeOn', code: 'DATE_OUT_OF_RANGE', message: '「制作/落款日期」超出合理年份范围（1900–2199）：0025-03-03' },
    ],
    [
      'impossible clock time',
      (cf) => (cf.documents[0].startTime = '24:00'),
      { path: 'documents[0].startTime', code: 'INVALID_TIME', message: '时间不存在：24:00' },
    ],
    [
      'clock time without leading zero',
      (cf) => (cf.documents[0].endTime = '9:05'),
      { path: 'documents[0].endTime', code: 'INVALID_TIME_FORMAT', message: "「结束时间」应为 HH:mm 格式的时间（24 小时制，如 09:05），实际为 '9:05'" },
    ],
    [
      'date-time with an impossible date',
      (cf) => (cf.documents[0].approvedAt = '2025-04-31 10:00'),
      { path: 'documents[0].approvedAt', code: 'INVALID_DATE', message: '日期不存在：2025-04-31' },
    ],
    [
      'date-time with an impossible time',
      (cf) => (cf.documents[0].implementedAt = '2025-04-30 10:60'),
      { path: 'documents[0].implementedAt', code: 'INVALID_TIME', message: '时间不存在：10:60' },
    ],
    [
      'date-time in ISO format',
      (cf) => (cf.documents[0].implementedAt = '2025-04-30T10:00'),
      {
        path: 'documents[0].implementedAt',
        code: 'INVALID_DATETIME_FORMAT',
        message: "「实施时刻（按小时计算的场合）」应为 YYYY-MM-DD HH:mm 格式的时刻（24 小时制），实际为 '2025-04-30T10:00'",
      },
    ],
    [
      'value outside an enum',
      (cf) => (cf.case.procedure = 'ordinary'),
      {
        path: 'case.procedure',
        code: 'INVALID_ENUM',
        message: "「程序」取值无效：'ordinary'；可选值：simple（简易程序（当场处罚））、general（一般程序（普通程序））",
      },
    ],
    [
      'court judgment outcome outside its list',
      (cf) => ((cf.documents[0] as any).courtOutcome = 'upheld'),
      {
        path: 'documents[0].courtOutcome',
        code: 'INVALID_ENUM',
        message: expect.stringContaining("「人民法院判决结果（行政判决书）」取值无效：'upheld'；可选值：dismissed（驳回诉讼请求（维持））、revoked（撤销）") as any,
      },
    ],
    [
      'court judgment effective day that does not exist',
      (cf) => ((cf.documents[0] as any).effectiveOn = '2025-02-30'),
      { path: 'documents[0].effectiveOn', code: 'INVALID_DATE', message: expect.stringContaining('2025-02-30') as any },
    ],
    [
      'enum array element',
      (cf) => (cf.documents[0].penaltyKinds = ['fine', 'jail']),
      { path: 'documents[0].penaltyKinds[1]', code: 'INVALID_ENUM', message: expect.stringContaining("「处罚种类第 2 项」取值无效：'jail'") as any },
    ],
    [
      'missing required field',
      (cf) => delete cf.case.agency,
      { path: 'case.agency', code: 'REQUIRED', message: '缺少必填项「执法机关」（agency）' },
    ],
    [
      'missing required nested object',
      (cf) => delete cf.case.discovery,
      { path: 'case.discovery', code: 'REQUIRED', message: '缺少必填项「案件发现/来源」（discovery）' },
    ],
    [
      'missing required list',
      (cf) => delete cf.educationRecords,
      { path: 'educationRecords', code: 'REQUIRED', message: '缺少必填项「普法教育记录」（educationRecords）' },
    ],
    [
      'null instead of omission',
      (cf) => (cf.documents[0].docNumber = null),
      { path: 'documents[0].docNumber', code: 'NULL_NOT_ALLOWED', message: '「文号」不能为 null；没有此项时请省略该字段' },
    ],
    [
      'empty string',
      (cf) => (cf.parties[0].name = '  '),
      { path: 'parties[0].name', code: 'EMPTY_STRING', message: '「姓名或者名称」不能为空；没有此项时请省略该字段' },
    ],
    [
      'number where a string is expected',
      (cf) => (cf.officers[0].certificateNo = 43090001),
      { path: 'officers[0].certificateNo', code: 'INVALID_TYPE', message: '「执法证号」应为字符串，实际为数字 43090001' },
    ],
    [
      'string where a boolean is expected',
      (cf) => (cf.documents[0].credentialsShown = 'yes'),
      { path: 'documents[0].credentialsShown', code: 'INVALID_TYPE', message: "「记载出示执法证件」应为布尔值（true 或 false），实际为字符串 'yes'" },
    ],
    [
      'object where a list is expected',
      (cf) => (cf.parties = cf.parties[0]),
      { path: 'parties', code: 'INVALID_TYPE', message: '「当事人」应为数组，实际为对象' },
    ],
    [
      'list element that is not an object',
      (cf) => cf.fileIndex.push('现场照片'),
      { path: 'fileIndex[1]', code: 'INVALID_TYPE', message: "应为对象，实际为字符串 '现场照片'" },
    ],
    [
      'empty list where one item is required',
      (cf) => (cf.parties = []),
      { path: 'parties', code: 'TOO_FEW_ITEMS', message: '「当事人」至少需要 1 项，实际为 0 项' },
    ],
    [
      'unknown property, with a suggestion',
      (cf) => (cf.documents[0].madeon = '2025-03-03'),
      { path: 'documents[0].madeon', code: 'UNKNOWN_PROPERTY', message: '未知字段「madeon」：案卷格式中没有此字段；是否应为「madeOn」（制作/落款日期）？' },
    ],
    [
      'unknown property at the top',
      (cf) => (cf.attachments = []),
      { path: 'attachments', code: 'UNKNOWN_PROPERTY', message: '未知字段「attachments」：案卷格式中没有此字段；字段名区分大小写' },
    ],
    [
      'unknown property with an odd name',
      (cf) => (cf.case['备 注'] = 'x'),
      { path: 'case["备 注"]', code: 'UNKNOWN_PROPERTY', message: '未知字段「备 注」：案卷格式中没有此字段；字段名区分大小写' },
    ],
    [
      '__proto__ key (dropped silently by class-transformer)',
      (cf) => Object.defineProperty(cf.documents[0], '__proto__', { value: { polluted: true }, enumerable: true }),
      { path: 'documents[0].__proto__', code: 'UNKNOWN_PROPERTY', message: '未知字段「__proto__」：案卷格式中没有此字段' },
    ],
    [
      'negative amount',
      (cf) => (cf.documents[0].amounts = { fine: -100 }),
      { path: 'documents[0].amounts.fine', code: 'NEGATIVE_AMOUNT', message: '「罚款（元）」不能为负数：-100' },
    ],
    [
      'amount with three decimals',
      (cf) => (cf.documents[0].amounts = { paid: 12.345 }),
      { path: 'documents[0].amounts.paid', code: 'AMOUNT_PRECISION', message: '「实缴金额（元）」最多保留两位小数（单位：元）：12.345' },
    ],
    [
      'amount as a string',
      (cf) => (cf.case.penalty = { kinds: ['fine'], decidedFine: '50000' }),
      { path: 'case.penalty.decidedFine', code: 'INVALID_TYPE', message: "「决定罚款金额（元）」应为数字（单位：元），实际为字符串 '50000'" },
    ],
    [
      'credit code with a forbidden letter',
      (cf) => (cf.parties[0].creditCode = '91430900MA4L0XXO8B'),
      {
        path: 'parties[0].creditCode',
        code: 'INVALID_CREDIT_CODE',
        message: "「统一社会信用代码」格式错误：'91430900MA4L0XXO8B'（应为 18 位，由数字和除 I、O、Z、S、V 以外的大写字母组成）",
      },
    ],
    [
      'credit code of 17 characters',
      (cf) => (cf.parties[0].creditCode = '91430900MA4L0XXX8'),
      { path: 'parties[0].creditCode', code: 'INVALID_CREDIT_CODE', message: expect.stringContaining('应为 18 位') as any },
    ],
    [
      'page number that is not an integer',
      (cf) => (cf.documents[0].pages = { from: 1.5, to: 3 }),
      { path: 'documents[0].pages.from', code: 'NOT_INTEGER', message: '「起始页」应为整数，实际为 1.5' },
    ],
    [
      'page 0',
      (cf) => (cf.fileIndex[0].pages.from = 0),
      { path: 'fileIndex[0].pages.from', code: 'OUT_OF_RANGE', message: '「起始页」不能小于 1 页，实际为 0' },
    ],
    [
      'page range from > to',
      (cf) => (cf.documents[0].pages = { from: 5, to: 2 }),
      { path: 'documents[0].pages.to', code: 'INVALID_PAGE_RANGE', message: '页码范围无效：起始页 5 大于终止页 2' },
    ],
    [
      'reversed date range',
      (cf) => (cf.documents[0].testingPeriod = { from: '2025-03-10', to: '2025-03-01' }),
      { path: 'documents[0].testingPeriod.to', code: 'INVALID_DATE_RANGE', message: '检测、检验、鉴定期间无效：起始日 2025-03-10 晚于终止日 2025-03-01' },
    ],
    [
      'violation ending before it began',
      (cf) => (cf.case.violation.endedOn = '2025-01-01'),
      { path: 'case.violation.endedOn', code: 'INVALID_DATE_RANGE', message: '违法行为起止日期无效：起始日 2025-03-03 晚于终止日 2025-01-01' },
    ],
    [
      'unsupported format version',
      (cf) => (cf.formatVersion = '2.0'),
      { path: 'formatVersion', code: 'UNSUPPORTED_FORMAT_VERSION', message: "「格式版本」不支持：'2.0'；当前仅支持 '1.0'" },
    ],
    [
      'unknown document type, with a suggestion',
      (cf) => (cf.documents[0].type = 'site_inspection_recrd'),
      {
        path: 'documents[0].type',
        code: 'UNKNOWN_DOCUMENT_TYPE',
        message: expect.stringMatching(/^未知的文书类型：'site_inspection_recrd'（文书类型目录 .+ 中没有此 id）；是否应为 'site_inspection_record'（现场检查\(勘察\)笔录）？$/) as any,
      },
    ],
    [
      'duplicate id across collections',
      (cf) => (cf.documents[0].id = 'o1'),
      { path: 'documents[0].id', code: 'DUPLICATE_ID', message: "id 重复：'o1'（已用于执法人员 officers[0]）；案卷内所有 id 须唯一" },
    ],
    [
      'id with whitespace',
      (cf) => (cf.officers[1].id = 'o 2'),
      { path: 'officers[1].id', code: 'INVALID_ID', message: "「执法人员 id」格式错误：'o 2'（id 不能含空白字符）" },
    ],
    [
      'officer reference that does not resolve',
      (cf) => cf.documents[0].officerIds.push('o9'),
      { path: 'documents[0].officerIds[2]', code: 'UNKNOWN_REFERENCE', message: "引用的执法人员不存在：'o9'（officers 中没有此 id）" },
    ],
    [
      'file-index refId that does not resolve',
      (cf) => (cf.fileIndex[0].refId = 'd404'),
      { path: 'fileIndex[0].refId', code: 'UNKNOWN_REFERENCE', message: "引用的文书或普法教育记录不存在：'d404'（documents / educationRecords 中没有此 id）" },
    ],
    [
      'relatesToDocumentId that does not resolve',
      (cf) => (cf.documents[0].relatesToDocumentId = 'd2'),
      { path: 'documents[0].relatesToDocumentId', code: 'UNKNOWN_REFERENCE', message: "引用的关联文书不存在：'d2'（documents 中没有此 id）" },
    ],
    [
      'document relating to itself',
      (cf) => (cf.documents[0].relatesToDocumentId = 'd1'),
      { path: 'documents[0].relatesToDocumentId', code: 'SELF_REFERENCE', message: "文书不能关联自身：'d1'" },
    ],
    [
      'receiptDocumentId that does not resolve',
      (cf) => (cf.documents[0].service = { method: 'direct', servedOn: '2025-03-03', receiptDocumentId: 'r1' }),
      { path: 'documents[0].service.receiptDocumentId', code: 'UNKNOWN_REFERENCE', message: "引用的送达回证不存在：'r1'（documents 中没有此 id）" },
    ],
    [
      'partyId that does not resolve',
      (cf) => (cf.documents[0].partyId = 'p2'),
      { path: 'documents[0].partyId', code: 'UNKNOWN_REFERENCE', message: "引用的当事人不存在：'p2'（parties 中没有此 id）" },
    ],
    [
      'hostId pointing at an officer',
      (cf) => (cf.documents[0].hostId = 'o1'),
      {
        path: 'documents[0].hostId',
        code: 'REFERENCE_KIND_MISMATCH',
        message: "引用的听证主持人有误：'o1' 是执法人员（officers[0]），应引用 reviewers 中的 id",
      },
    ],
    [
      'reviewerIds that do not resolve',
      (cf) => (cf.documents[0].reviewerIds = ['r1']),
      { path: 'documents[0].reviewerIds[0]', code: 'UNKNOWN_REFERENCE', message: "引用的法制审核人员不存在：'r1'（reviewers 中没有此 id）" },
    ],
    [
      'agent of an unknown party',
      (cf) => (cf.agents = [{ id: 'a1', name: '赵六', partyId: 'p9' }]),
      { path: 'agents[0].partyId', code: 'UNKNOWN_REFERENCE', message: "引用的被代理当事人不存在：'p9'（parties 中没有此 id）" },
    ],
    [
      'education record naming an unknown officer',
      (cf) =>
        cf.educationRecords.push({
          id: 'e1',
          heldOn: '2025-03-03',
          place: '当事人会议室',
          officerIds: ['o1', 'o3'],
          recipient: { name: '王五', partyId: 'p1' },
          recipientSignature: { status: 'signed' },
          laws: [{ law: '《中华人民共和国固体废物污染环境防治法》', articles: ['第七十七条'] }],
          form: 'oral',
          content: '讲解危险废物识别标志设置要求',
        }),
      { path: 'educationRecords[0].officerIds[1]', code: 'UNKNOWN_REFERENCE', message: "引用的执法人员不存在：'o3'（officers 中没有此 id）" },
    ],
  ];

  it.each(cases)('%s', (_name, change, expected) => {
    const issues = issuesOf(variant(change));
    expect(issues).toContainEqual(expected);
    for (const issue of issues) {
      expect(issue.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('reports a non-object input at the root', () => {
    expect(issuesOf([])).toEqual([{ path: '', code: 'INVALID_TYPE', message: '案卷应为 JSON 对象，实际为数组' }]);
    expect(issuesOf(null)).toEqual([{ path: '', code: 'INVALID_TYPE', message: '案卷应为 JSON 对象，实际为空值 null' }]);
    expect(issuesOf('x')[0].code).toBe('INVALID_TYPE');
  });

  it('reports every problem of a file in one pass', () => {
    const issues = issuesOf(
      variant((cf) => {
        cf.case.procedure = 'x';
        cf.documents[0].madeOn = '2025-02-30';
        cf.documents[0].officerIds = ['o9'];
        cf.fileIndex[0].pages = { from: 9, to: 1 };
      }),
    );
    expect(issues.map((i) => i.code).sort()).toEqual(['INVALID_DATE', 'INVALID_ENUM', 'INVALID_PAGE_RANGE', 'UNKNOWN_REFERENCE']);
  });

  it('caps the number of issues (maxIssues)', () => {
    const cf = variant((c) => {
      for (let i = 0; i < 50; i++) c.documents.push({ id: `x${i}`, type: 'nope', madeOn: '2025-02-31' });
    });
    const r = validateCaseFile(cf, { maxIssues: 10 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toHaveLength(10);
  });

  it('checks document types against the catalog it is given', () => {
    const catalog = documentTypeCatalog({
      version: 'test',
      stages: { handling: ['education', 'other'], fileOrder: [['education'], ['other']] },
      groups: {},
      types: [
        { id: 'education_record', name: '普法教育记录', form: null, stage: 'education', servable: false, sealRequired: false },
        { id: 'other', name: '其他', form: null, stage: 'other', servable: false, sealRequired: false },
      ],
    });
    const r = validateCaseFile(JSON.parse(MINIMAL), { documentTypes: catalog });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: 'documents[0].type', code: 'UNKNOWN_DOCUMENT_TYPE' });
  });
});

describe('parseCaseFileJson', () => {
  it('parses and validates', () => {
    expect(parseCaseFileJson(MINIMAL).ok).toBe(true);
    expect(parseCaseFileJson('\ufeff' + MINIMAL).ok).toBe(true);
  });

  it('reports malformed JSON as INVALID_JSON with line and column', () => {
    const r = parseCaseFileJson('{\n  "formatVersion": "1.0",\n}');
    expect(r).toEqual({
      ok: false,
      errors: [{ path: '', code: 'INVALID_JSON', message: expect.stringMatching(/^不是合法的 JSON：第 3 行第 1 列附近/) }],
    });
  });

  it('reports empty text as INVALID_JSON', () => {
    expect(parseCaseFileJson('')).toEqual({ ok: false, errors: [{ path: '', code: 'INVALID_JSON', message: expect.stringContaining('不是合法的 JSON') }] });
  });
});
