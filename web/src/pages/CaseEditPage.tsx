/**
 * 案卷录入/编辑 — one form in 卷内目录 order: 案件, 当事人, 执法人员与内部人员, 卷内文书, 普法教育记录, 卷内目录.
 * The form's store IS the case-file JSON (dates as YYYY-MM-DD strings), so fields the form does not show are kept
 * as they were. Validation is the server's (POST/PUT answer 400 with errors[].path): each error is put on its
 * field, and all of them are listed at the top. Empty optional fields show 未录入.
 */
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Anchor, App, Button, Card, Col, Divider, Form, Input, InputNumber, Row, Select, Space, Table, Typography, Upload } from 'antd';
import { ApiError, api, issuePath, type ApiIssue, type CaseFile, type CaseRecord } from '../api';
import { LegalDatePicker } from '../components/LegalDatePicker';
import { useApiFeatures } from '../openapi';
import { useVocabulary } from '../vocabulary';

const UNSET = '未录入';

/** POST /api/intake/docx: suggestions for one document, never confirmed until a person saves them. */
interface DocxSuggestions {
  title?: string;
  type: { type: string };
  suggestions: { field: string; value: unknown; source: string }[];
  paperOnly: { field: string; label: string }[];
}

/** `amounts.fine` → obj.amounts.fine = value */
function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = obj;
  for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
  at[keys[keys.length - 1]] = value;
}

/** 是 / 否 / 未录入 — an omitted boolean is "not entered yet", not "no". */
function TriState(props: { value?: boolean; onChange?: (v: boolean | undefined) => void; id?: string }) {
  return (
    <Select id={props.id} allowClear placeholder={UNSET} style={{ width: 110 }} value={props.value}
      onChange={(v) => props.onChange?.(v)} options={[{ value: true, label: '是' }, { value: false, label: '否' }]} />
  );
}

function emptyCase(): Partial<CaseFile> {
  return {
    formatVersion: '1.0',
    case: { status: 'draft', procedure: 'general' } as CaseFile['case'],
    parties: [{ id: 'p1', kind: 'organization' } as CaseFile['parties'][number]],
    officers: [{ id: 'o1' } as CaseFile['officers'][number], { id: 'o2' } as CaseFile['officers'][number]],
    documents: [],
    educationRecords: [],
    fileIndex: [],
  };
}

function nextId(prefix: string, items: { id?: string }[] | undefined): string {
  const used = new Set((items ?? []).map((x) => x?.id));
  for (let i = 1; ; i++) if (!used.has(`${prefix}${i}`)) return `${prefix}${i}`;
}

/** Drop '' and undefined, and empty objects left by cleared optional groups (so 未录入 stays omitted). */
function clean<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clean) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = clean(v);
      if (c === undefined || c === '' || c === null) continue;
      if (typeof c === 'object' && !Array.isArray(c) && Object.keys(c).length === 0) continue;
      out[k] = c;
    }
    return out as T;
  }
  return value;
}

/** 卷内目录 in document order (education records after them), when the file has none yet. */
function generatedIndex(cf: CaseFile, typeName: (t: string) => string): CaseFile['fileIndex'] {
  const rows: CaseFile['fileIndex'] = [];
  let page = 1;
  const push = (refId: string, title: string, pages?: { from: number; to: number }) => {
    const p = pages ?? { from: page, to: page };
    rows.push({ order: rows.length + 1, title, refId, pages: p });
    page = p.to + 1;
  };
  for (const d of cf.documents ?? []) push(d.id, d.title || typeName(d.type), d.pages);
  for (const e of cf.educationRecords ?? []) push(e.id, '普法教育记录', e.pages);
  return rows;
}

export default function CaseEditPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const vocab = useVocabulary();
  const features = useApiFeatures();
  const [form] = Form.useForm();
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const record = useQuery({ queryKey: ['case', id], queryFn: () => api.get<CaseRecord & { caseFile: CaseFile }>(`/cases/${id}`), enabled: !!id });

  useEffect(() => {
    if (!id) form.setFieldsValue(emptyCase());
    else if (record.data) {
      form.resetFields();
      form.setFieldsValue(record.data.caseFile);
    }
  }, [id, record.data, form]);

  const typeOptions = (vocab?.documentTypes.items ?? []).map((t) => ({
    value: t.id,
    label: `${t.name}${t.form ? `（样式${t.form}）` : ''}`,
  }));
  const typeName = (t: string) => vocab?.documentTypes.items.find((x) => x.id === t)?.name ?? t;
  const officers = Form.useWatch('officers', form) as CaseFile['officers'] | undefined;
  const officerOptions = (officers ?? []).filter(Boolean).map((o) => ({ value: o.id, label: o.name || o.id }));
  const reviewers = Form.useWatch('reviewers', form) as CaseFile['reviewers'] | undefined;
  const personOptions = [...officerOptions, ...(reviewers ?? []).filter(Boolean).map((r) => ({ value: r.id, label: r.name || r.id }))];
  const documents = Form.useWatch('documents', form) as CaseFile['documents'] | undefined;
  const documentOptions = (documents ?? []).filter((d) => d?.id).map((d) => ({ value: d.id, label: `${typeName(d.type ?? '') || d.id}（${d.madeOn ?? d.id}）` }));
  const fileIndex = Form.useWatch('fileIndex', form) as CaseFile['fileIndex'] | undefined;

  const save = async (asDraft: boolean) => {
    const value = clean(form.getFieldsValue(true) as CaseFile);
    if (asDraft) value.case = { ...value.case, status: 'draft' };
    value.documents ??= [];
    value.educationRecords ??= [];
    value.parties ??= [];
    value.officers ??= [];
    if (!value.fileIndex?.length) value.fileIndex = generatedIndex(value, typeName);
    // clear previous field errors, then let the server's validator judge
    form.setFields(form.getFieldsError().filter((f) => f.errors.length).map((f) => ({ name: f.name, errors: [] })));
    setSaving(true);
    try {
      const saved = id
        ? await api.put<CaseRecord>(`/cases/${id}`, value, { 'If-Match': `"${record.data?.version}"` })
        : await api.post<CaseRecord>('/cases', value);
      setIssues([]);
      message.success(`已保存：${saved.caseNumber}（版本 ${saved.version}）`);
      await qc.invalidateQueries({ queryKey: ['cases'] });
      await qc.invalidateQueries({ queryKey: ['case', saved.id] });
      navigate(`/cases/${saved.id}/review`);
    } catch (e) {
      if (e instanceof ApiError && e.errors.length) {
        setIssues(e.errors);
        form.setFields(e.errors.map((i) => ({ name: issuePath(i.path), errors: [i.message] })));
        const first = e.errors[0];
        form.scrollToField(issuePath(first.path), { block: 'center' });
        message.error(e.message);
      } else message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  /** A .docx 制作稿 → a new document filled with the suggestions read from it (each shown with its source text). */
  const importDocx = async (file: File) => {
    try {
      const body = new FormData();
      body.append('file', file);
      const res = await api.post<DocxSuggestions>('/intake/docx', body);
      const docs = (form.getFieldValue('documents') ?? []) as Record<string, unknown>[];
      const doc: Record<string, unknown> = { id: nextId('d', docs as { id?: string }[]), type: res.type.type, ...(res.title ? { title: res.title } : {}) };
      for (const sug of res.suggestions) setPath(doc, sug.field, sug.value);
      form.setFieldValue('documents', [...docs, doc]);
      modal.info({
        title: `已从 ${file.name} 读出 ${res.suggestions.length} 项建议，追加为第 ${docs.length + 1} 份文书，请逐项核对`,
        width: 680,
        content: (
          <>
            <ul>{res.suggestions.map((x, i) => <li key={i}><b>{x.field}</b> = {JSON.stringify(x.value)}（原文：{x.source}）</li>)}</ul>
            {res.paperOnly.length > 0 && <Typography.Paragraph type="secondary">须从纸质卷宗录入：{res.paperOnly.map((p) => p.label).join('、')}</Typography.Paragraph>}
          </>
        ),
      });
    } catch (e) {
      message.error(`导入失败：${(e as Error).message}`);
    }
  };

  const importInto = async (file: File, endpoint?: string) => {
    try {
      let cf: unknown;
      if (!endpoint) cf = JSON.parse(await file.text());
      else {
        const body = new FormData();
        body.append('file', file);
        // a bare 卷内目录 lists documents only: the case header entered so far goes with it
        const current = clean(form.getFieldsValue(true) as CaseFile);
        if (current.case?.caseNumber) body.append('header', JSON.stringify(current));
        const res = await api.post<{ caseFile?: unknown }>(endpoint, body);
        cf = res.caseFile ?? res;
      }
      form.resetFields();
      form.setFieldsValue(cf as CaseFile);
      message.success(`已导入 ${file.name}：请逐项核对后保存`);
    } catch (e) {
      message.error(`导入失败：${(e as Error).message}`);
    }
  };

  const sections = [
    { key: 'sec-case', href: '#sec-case', title: '案件' },
    { key: 'sec-people', href: '#sec-people', title: '当事人与人员' },
    { key: 'sec-docs', href: '#sec-docs', title: '卷内文书' },
    { key: 'sec-edu', href: '#sec-edu', title: '普法教育' },
    { key: 'sec-index', href: '#sec-index', title: '卷内目录' },
  ];

  return (
    <Row gutter={16} wrap={false}>
      <Col flex="160px">
        <Anchor offsetTop={16} items={sections} />
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Form form={form} layout="vertical" size="small" scrollToFirstError onFinish={() => save(false)}>
          <Card
            title={id ? `编辑案卷 ${record.data?.caseNumber ?? ''}` : '新建案卷'}
            extra={
              <Space wrap>
                <Upload accept=".json" showUploadList={false} beforeUpload={(f) => { void importInto(f); return false; }}><Button>导入 JSON</Button></Upload>
                {features.has('POST', '/intake/xlsx') && (
                  <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => { void importInto(f, '/intake/xlsx'); return false; }}>
                    <Button type={search.get('import') === 'xlsx' ? 'primary' : 'default'}>导入卷内目录（Excel）</Button>
                  </Upload>
                )}
                {features.has('POST', '/intake/docx') && (
                  <Upload accept=".docx" showUploadList={false} beforeUpload={(f) => { void importDocx(f); return false; }}><Button>导入文书（.docx）</Button></Upload>
                )}
                <Button onClick={() => save(true)} loading={saving}>保存为草稿</Button>
                <Button type="primary" htmlType="submit" loading={saving}>保存</Button>
              </Space>
            }
          >
            {issues.length > 0 && (
              <Alert type="error" showIcon style={{ marginBottom: 12 }} message={`校验未通过（共 ${issues.length} 处），请按提示修改`}
                description={<ul style={{ margin: 0 }} data-testid="validation-issues">{issues.slice(0, 30).map((i, n) => (
                  <li key={n}><a onClick={() => form.scrollToField(issuePath(i.path), { block: 'center' })}>{i.path}</a>：{i.message}</li>
                ))}</ul>} />
            )}
            <Form.Item name="formatVersion" hidden><Input /></Form.Item>
            <Typography.Title level={5} id="sec-case">一、案件</Typography.Title>
            <Row gutter={12}>
              <Col span={8}><Form.Item name={['case', 'caseNumber']} label="案号"><Input placeholder="如 湘川环罚〔2025〕18号" /></Form.Item></Col>
              <Col span={10}><Form.Item name={['case', 'causeOfAction']} label="案由"><Input /></Form.Item></Col>
              <Col span={6}><Form.Item name={['case', 'agency']} label="执法机关"><Input /></Form.Item></Col>
              <Col span={6}><Form.Item name={['case', 'procedure']} label="程序"><Select options={vocab?.procedures} /></Form.Item></Col>
              <Col span={4}><Form.Item name={['case', 'status']} label="状态"><Select options={vocab?.caseStatuses} /></Form.Item></Col>
              <Col span={5}><Form.Item name={['case', 'violation', 'occurredOn']} label="违法行为发生日"><LegalDatePicker /></Form.Item></Col>
              <Col span={5}><Form.Item name={['case', 'discovery', 'discoveredOn']} label="线索发现日"><LegalDatePicker /></Form.Item></Col>
              <Col span={4}><Form.Item name={['case', 'discovery', 'source']} label="案件来源"><Select allowClear placeholder={UNSET} options={vocab?.caseSources} /></Form.Item></Col>
              <Col span={5}><Form.Item name={['case', 'closedOn']} label="结案日"><LegalDatePicker /></Form.Item></Col>
            </Row>

            <Divider />
            <Typography.Title level={5} id="sec-people">二、当事人</Typography.Title>
            <Form.List name="parties">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Row gutter={8} key={f.key} align="bottom">
                      <Form.Item name={[f.name, 'id']} hidden><Input /></Form.Item>
                      <Col span={4}><Form.Item name={[f.name, 'kind']} label="类型"><Select options={vocab?.partyKinds} /></Form.Item></Col>
                      <Col span={6}><Form.Item name={[f.name, 'name']} label="名称/姓名"><Input /></Form.Item></Col>
                      <Col span={5}><Form.Item name={[f.name, 'creditCode']} label="统一社会信用代码"><Input placeholder={UNSET} /></Form.Item></Col>
                      <Col span={7}><Form.Item name={[f.name, 'address']} label="地址"><Input /></Form.Item></Col>
                      <Col span={2}><Form.Item><Button danger onClick={() => remove(f.name)}>删除</Button></Form.Item></Col>
                    </Row>
                  ))}
                  <Button onClick={() => add({ id: nextId('p', form.getFieldValue('parties')), kind: 'organization' })}>添加当事人</Button>
                </>
              )}
            </Form.List>
            <Typography.Title level={5} style={{ marginTop: 16 }}>执法人员</Typography.Title>
            <Form.List name="officers">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Row gutter={8} key={f.key} align="bottom">
                      <Form.Item name={[f.name, 'id']} hidden><Input /></Form.Item>
                      <Col span={6}><Form.Item name={[f.name, 'name']} label="姓名"><Input /></Form.Item></Col>
                      <Col span={6}><Form.Item name={[f.name, 'certificateNo']} label="执法证号"><Input /></Form.Item></Col>
                      <Col span={6}><Form.Item name={[f.name, 'unit']} label="单位"><Input placeholder={UNSET} /></Form.Item></Col>
                      <Col span={4}><Form.Item name={[f.name, 'certificateValidUntil']} label="执法证有效期至"><LegalDatePicker /></Form.Item></Col>
                      <Col span={2}><Form.Item><Button danger onClick={() => remove(f.name)}>删除</Button></Form.Item></Col>
                    </Row>
                  ))}
                  <Button onClick={() => add({ id: nextId('o', form.getFieldValue('officers')) })}>添加执法人员</Button>
                </>
              )}
            </Form.List>
            <Typography.Title level={5} style={{ marginTop: 16 }}>内部人员（负责人、法制审核、听证主持人）</Typography.Title>
            <Form.List name="reviewers">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Row gutter={8} key={f.key} align="bottom">
                      <Form.Item name={[f.name, 'id']} hidden><Input /></Form.Item>
                      <Col span={5}><Form.Item name={[f.name, 'name']} label="姓名"><Input /></Form.Item></Col>
                      <Col span={5}><Form.Item name={[f.name, 'role']} label="职责"><Select options={vocab?.reviewerRoles} /></Form.Item></Col>
                      <Col span={4}><Form.Item name={[f.name, 'certificateNo']} label="执法证号（持证的）"><Input placeholder={UNSET} /></Form.Item></Col>
                      <Col span={4}><Form.Item name={[f.name, 'legalQualification']} label="法律职业资格"><TriState /></Form.Item></Col>
                      <Col span={4}><Form.Item name={[f.name, 'principal']} label="主要负责人"><TriState /></Form.Item></Col>
                      <Col span={2}><Form.Item><Button danger onClick={() => remove(f.name)}>删除</Button></Form.Item></Col>
                    </Row>
                  ))}
                  <Button onClick={() => add({ id: nextId('r', form.getFieldValue('reviewers')) })}>添加内部人员</Button>
                </>
              )}
            </Form.List>

            <Divider />
            <Typography.Title level={5} id="sec-docs">三、卷内文书（按卷内目录顺序）</Typography.Title>
            <Form.List name="documents">
              {(fields, { add, remove, move }) => (
                <>
                  {fields.map((f, i) => (
                    <Card key={f.key} size="small" style={{ marginBottom: 8 }} data-testid={`document-${i}`}
                      title={<Space><span>{i + 1}.</span><Form.Item noStyle shouldUpdate>{() => typeName(form.getFieldValue(['documents', f.name, 'type']) ?? '') || '（未选类型）'}</Form.Item></Space>}
                      extra={<Space><Button size="small" disabled={i === 0} onClick={() => move(i, i - 1)}>上移</Button><Button size="small" danger onClick={() => remove(f.name)}>删除</Button></Space>}>
                      <Form.Item name={[f.name, 'id']} hidden><Input /></Form.Item>
                      <Row gutter={8}>
                        <Col span={8}><Form.Item name={[f.name, 'type']} label="文书类型"><Select showSearch optionFilterProp="label" options={typeOptions} placeholder="输入名称搜索" /></Form.Item></Col>
                        <Col span={6}><Form.Item name={[f.name, 'docNumber']} label="文号"><Input placeholder={UNSET} /></Form.Item></Col>
                        <Col span={5}><Form.Item name={[f.name, 'madeOn']} label="制作日期"><LegalDatePicker /></Form.Item></Col>
                        <Col span={5}><Form.Item name={[f.name, 'approvedOn']} label="批准日期"><LegalDatePicker /></Form.Item></Col>
                        <Col span={8}><Form.Item name={[f.name, 'officerIds']} label="执法人员"><Select mode="multiple" placeholder={UNSET} options={officerOptions} /></Form.Item></Col>
                        <Col span={3}><Form.Item name={[f.name, 'sealed']} label="加盖印章"><TriState /></Form.Item></Col>
                        <Col span={4}><Form.Item name={[f.name, 'partySignature', 'status']} label="当事人签名"><Select allowClear placeholder={UNSET} options={vocab?.signatureStatuses} /></Form.Item></Col>
                        <Col span={4}><Form.Item name={[f.name, 'service', 'method']} label="送达方式"><Select allowClear placeholder={UNSET} options={vocab?.serviceMethods} /></Form.Item></Col>
                        <Col span={5}><Form.Item name={[f.name, 'service', 'servedOn']} label="送达（签收）日"><LegalDatePicker /></Form.Item></Col>
                        <Col span={3}><Form.Item name={[f.name, 'pages', 'from']} label="起页"><InputNumber min={1} placeholder={UNSET} style={{ width: '100%' }} /></Form.Item></Col>
                        <Col span={3}><Form.Item name={[f.name, 'pages', 'to']} label="止页"><InputNumber min={1} placeholder={UNSET} style={{ width: '100%' }} /></Form.Item></Col>
                      </Row>
                      {/* facts the 评查细则's 重大问题 turn on, shown for the document types they belong to */}
                      <Form.Item noStyle shouldUpdate>
                        {() => {
                          const type = form.getFieldValue(['documents', f.name, 'type']) as string | undefined;
                          if (type === 'monitoring_report' || type === 'appraisal_opinion')
                            return (
                              <Row gutter={8}>
                                <Col span={6}><Form.Item name={[f.name, 'resultNotifiedOn']} label="结果告知当事人日"><LegalDatePicker /></Form.Item></Col>
                                <Col span={10}><Form.Item name={[f.name, 'resultNoticeDocumentId']} label="记载告知的文书（告知书、询问笔录等）"><Select allowClear placeholder={UNSET} options={documentOptions} /></Form.Item></Col>
                              </Row>
                            );
                          if (type === 'internal_approval')
                            return <Form.Item name={[f.name, 'caseReviewerIds']} label="审查人员（不是签署意见的承办人）"><Select mode="multiple" placeholder={UNSET} options={personOptions} /></Form.Item>;
                          if (type === 'seizure_site_record')
                            return (
                              <Row gutter={8}>
                                <Col span={6}><Form.Item name={[f.name, 'coerciveReasonsNotified']} label="当场告知理由、依据"><TriState /></Form.Item></Col>
                                <Col span={6}><Form.Item name={[f.name, 'coerciveRightsNotified']} label="当场告知权利、救济途径"><TriState /></Form.Item></Col>
                                <Col span={6}><Form.Item name={[f.name, 'partyHeardOnSite']} label="听取陈述申辩"><TriState /></Form.Item></Col>
                              </Row>
                            );
                          if (type === 'recusal_application' || type === 'recusal_decision')
                            return <Form.Item name={[f.name, 'recusalOfPersonIds']} label="被申请回避的人员"><Select mode="multiple" placeholder={UNSET} options={personOptions} /></Form.Item>;
                          if (type === 'hearing_notice' || type === 'suspension_approval')
                            return <Form.Item name={[f.name, 'excludedTimeNotified']} label="已书面告知该期间不计入办案期限"><TriState /></Form.Item>;
                          return null;
                        }}
                      </Form.Item>
                      <Form.List name={[f.name, 'statedPeriods']}>
                        {(pf, ops) => (
                          <>
                            {pf.map((p) => (
                              <Row gutter={8} key={p.key} align="bottom">
                                <Col span={5}><Form.Item name={[p.name, 'kind']} label="载明期限"><Select options={vocab?.statedPeriodKinds} /></Form.Item></Col>
                                <Col span={3}><Form.Item name={[p.name, 'amount']} label="数"><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
                                <Col span={4}><Form.Item name={[p.name, 'unit']} label="单位"><Select options={vocab?.periodUnits} /></Form.Item></Col>
                                <Col span={9}><Form.Item name={[p.name, 'text']} label="原文"><Input placeholder="如：自收到本告知书之日起五日内" /></Form.Item></Col>
                                <Col span={3}><Form.Item><Button size="small" onClick={() => ops.remove(p.name)}>删除期限</Button></Form.Item></Col>
                              </Row>
                            ))}
                            <Button size="small" type="dashed" onClick={() => ops.add({})}>添加载明期限</Button>
                          </>
                        )}
                      </Form.List>
                    </Card>
                  ))}
                  <Button type="dashed" block onClick={() => add({ id: nextId('d', form.getFieldValue('documents')) })}>添加文书</Button>
                </>
              )}
            </Form.List>

            <Divider />
            <Typography.Title level={5} id="sec-edu">四、普法教育记录</Typography.Title>
            <Form.List name="educationRecords">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Row gutter={8} key={f.key} align="bottom">
                      <Form.Item name={[f.name, 'id']} hidden><Input /></Form.Item>
                      <Col span={4}><Form.Item name={[f.name, 'heldOn']} label="日期"><LegalDatePicker /></Form.Item></Col>
                      <Col span={5}><Form.Item name={[f.name, 'place']} label="地点"><Input /></Form.Item></Col>
                      <Col span={4}><Form.Item name={[f.name, 'form']} label="方式"><Select options={vocab?.educationForms} /></Form.Item></Col>
                      <Col span={4}><Form.Item name={[f.name, 'recipient', 'name']} label="受教育人"><Input /></Form.Item></Col>
                      <Col span={5}><Form.Item name={[f.name, 'content']} label="内容摘要"><Input /></Form.Item></Col>
                      <Col span={2}><Form.Item><Button danger onClick={() => remove(f.name)}>删除</Button></Form.Item></Col>
                    </Row>
                  ))}
                  <Button onClick={() => add({ id: nextId('e', form.getFieldValue('educationRecords')), officerIds: [], laws: [], recipientSignature: { status: 'signed' } })}>添加普法教育记录</Button>
                </>
              )}
            </Form.List>

            <Divider />
            <Typography.Title level={5} id="sec-index">五、卷内目录</Typography.Title>
            <Space style={{ marginBottom: 8 }}>
              <Button onClick={() => form.setFieldValue('fileIndex', generatedIndex(clean(form.getFieldsValue(true) as CaseFile), typeName))}>按文书顺序重新生成</Button>
              <Typography.Text type="secondary">保存时若卷内目录为空，按文书顺序自动生成。</Typography.Text>
            </Space>
            <Table size="small" rowKey="order" pagination={false} dataSource={fileIndex ?? []}
              columns={[
                { title: '序号', dataIndex: 'order', width: 60 },
                { title: '题名', dataIndex: 'title' },
                { title: '对应', dataIndex: 'refId', width: 90 },
                { title: '页号', key: 'pages', width: 100, render: (_, r) => `${r.pages?.from ?? ''}–${r.pages?.to ?? ''}` },
              ]} />
          </Card>
        </Form>
      </Col>
    </Row>
  );
}
