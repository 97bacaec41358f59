import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api, qs, type CaseList, type CaseListItem, type CaseScore } from '../api';
import { useApiFeatures } from '../openapi';
import { labelOf, useVocabulary } from '../vocabulary';

/** A list filter, shown when GET /api/cases documents one of its parameter names. */
interface FilterSpec {
  label: string;
  names: string[];
  kind: 'text' | 'number' | 'status' | 'procedure' | 'grade' | 'bool';
}
const FILTERS: FilterSpec[] = [
  { label: '执法机关', names: ['agency'], kind: 'text' },
  { label: '状态', names: ['status'], kind: 'status' },
  { label: '年度', names: ['year'], kind: 'number' },
  { label: '程序', names: ['procedure'], kind: 'procedure' },
  { label: '等次', names: ['grade'], kind: 'grade' },
  { label: '命中否决', names: ['veto'], kind: 'bool' },
  { label: '规则编号', names: ['rule', 'ruleId'], kind: 'text' },
  { label: '承办人', names: ['officer', 'undertaker'], kind: 'text' },
  { label: 'N 个工作日内到期', names: ['dueWithinWorkdays', 'dueWithin', 'dueInWorkdays'], kind: 'number' },
  { label: '关键词', names: ['q'], kind: 'text' },
];

import type { BulkResult as BulkItemResult } from '../../../src/cases/cases.service';

interface BulkResult {
  results: BulkItemResult[];
}

/** JSON files (one case or an array), zip archives of JSON files → { name, caseFile } items for POST /api/cases/bulk. */
async function readImportFiles(files: File[]): Promise<{ name: string; caseFile: unknown }[]> {
  const out: { name: string; caseFile: unknown }[] = [];
  const addJson = (name: string, text: string) => {
    const parsed = JSON.parse(text) as unknown;
    if (Array.isArray(parsed)) parsed.forEach((c, i) => out.push({ name: `${name}[${i}]`, caseFile: c }));
    else out.push({ name, caseFile: parsed });
  };
  for (const f of files) {
    if (/\.zip$/i.test(f.name)) {
      const { default: JSZip } = await import('jszip');
      const zip = await JSZip.loadAsync(await f.arrayBuffer());
      for (const entry of Object.values(zip.files)) {
        if (!entry.dir && /\.json$/i.test(entry.name) && !entry.name.startsWith('__MACOSX/')) addJson(`${f.name}/${entry.name}`, await entry.async('string'));
      }
    } else addJson(f.name, await f.text());
  }
  return out;
}

export function CaseListPage() {
  const vocab = useVocabulary();
  const features = useApiFeatures();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm();
  const page = +(params.get('page') ?? 1);
  const pageSize = +(params.get('pageSize') ?? 20);
  const supported = features.queryParams('GET', '/cases');
  const shown = FILTERS.map((f) => ({ ...f, name: f.names.find((n) => supported.includes(n)) })).filter((f) => f.name) as (FilterSpec & { name: string })[];
  const filterValues = Object.fromEntries(shown.map((f) => [f.name, params.get(f.name) ?? undefined]));

  const list = useQuery({
    queryKey: ['cases', page, pageSize, filterValues],
    queryFn: () => api.get<CaseList>(`/cases${qs({ ...filterValues, page, pageSize })}`),
    placeholderData: (prev) => prev,
  });
  // list items carry their latest review and next deadline (case summaries); older services need /api/scores
  const needScores = (list.data?.items ?? []).some((c) => !('latestReview' in c));
  const ids = list.data?.items.map((c) => c.id) ?? [];
  const scores = useQuery({
    queryKey: ['scores', ids],
    queryFn: () => api.get<{ items: CaseScore[] }>(`/scores${qs({ caseIds: ids.join(',') })}`),
    enabled: ids.length > 0 && needScores,
  });
  const scoreOf = useMemo(() => {
    const m = new Map<string, { total: number; grade: string; veto: boolean; vetoIds?: string[]; stale?: boolean; next?: { dueOn: string; label: string } | null }>();
    for (const s of scores.data?.items ?? []) m.set(s.caseId, { total: s.total, grade: s.grade, veto: s.veto, vetoIds: s.vetoIds, next: s.nextDeadline });
    for (const c of list.data?.items ?? []) {
      if (c.latestReview) m.set(c.id, { total: c.latestReview.score, grade: c.latestReview.grade, veto: c.latestReview.veto, stale: c.latestReview.stale, next: c.nextDue });
    }
    return m;
  }, [scores.data, list.data]);
  const nextDue = (c: CaseListItem) => c.nextDue ?? scoreOf.get(c.id)?.next ?? null;

  const columns: ColumnsType<CaseListItem> = [
    { title: '案号', dataIndex: 'caseNumber', width: 200, render: (v: string, r) => <Link to={`/cases/${r.id}/review`}>{v}</Link> },
    { title: '当事人', dataIndex: 'partyNames', ellipsis: true, render: (v: string[]) => v.join('、') },
    { title: '执法机关', dataIndex: 'agency', ellipsis: true },
    { title: '承办人', dataIndex: 'officers', width: 110, ellipsis: true, render: (v?: string[]) => v?.join('、') },
    { title: '程序', dataIndex: 'procedure', width: 70, render: (v?: string) => (v ? labelOf(vocab?.procedures, v).slice(0, 4) : null) },
    { title: '年度', dataIndex: 'year', width: 64 },
    { title: '状态', dataIndex: 'status', width: 84, render: (v: string) => <Tag>{labelOf(vocab?.caseStatuses, v)}</Tag> },
    { title: '得分', key: 'total', width: 64, render: (_, r) => scoreOf.get(r.id)?.total ?? <Typography.Text type="secondary">—</Typography.Text> },
    {
      title: '等次', key: 'grade', width: 84,
      render: (_, r) => {
        const s = scoreOf.get(r.id);
        if (!s) return <Typography.Text type="secondary">未审查</Typography.Text>;
        return <Tooltip title={s.stale ? '案卷在此次审查后已修改，请重新审查' : undefined}><Tag color={s.veto ? 'magenta' : s.grade === vocab?.grades[0]?.name ? 'green' : 'blue'}>{s.grade}{s.stale ? '（旧）' : ''}</Tag></Tooltip>;
      },
    },
    {
      title: '否决', key: 'veto', width: 70,
      render: (_, r) => {
        const s = scoreOf.get(r.id);
        return s?.veto ? <Tooltip title={s.vetoIds?.join('、')}><Tag color="magenta">否决</Tag></Tooltip> : null;
      },
    },
    {
      title: '最近到期', key: 'next', width: 150,
      render: (_, r) => {
        const d = nextDue(r);
        return d ? <Tooltip title={d.label}>{d.dueOn}</Tooltip> : null;
      },
    },
    {
      title: '操作', key: 'ops', width: 150,
      render: (_, r) => (
        <Space size="small">
          <Link to={`/cases/${r.id}/review`}>审查</Link>
          <Link to={`/cases/${r.id}/edit`}>编辑</Link>
          <Link to={`/self-check/${r.id}`}>自查</Link>
        </Space>
      ),
    },
  ];

  const importFiles = async (files: File[]) => {
    try {
      const items = await readImportFiles(files);
      if (!items.length) return void message.warning('没有找到 JSON 案卷');
      const res = await api.post<BulkResult>('/cases/bulk', { files: items });
      const bad = res.results.filter((r) => !r.ok);
      await qc.invalidateQueries({ queryKey: ['cases'] });
      modal.info({
        title: `导入完成：${res.results.length - bad.length} 份成功，${bad.length} 份失败`,
        width: 640,
        content: bad.length ? (
          <ul>{bad.slice(0, 20).map((b) => <li key={b.index}>{b.name}：{b.ok ? '' : `${b.message}${b.errors[0] ? `（${b.errors[0].path}：${b.errors[0].message}）` : ''}`}</li>)}</ul>
        ) : null,
      });
    } catch (e) {
      message.error(`导入失败：${(e as Error).message}`);
    }
  };

  return (
    <Card
      title="案卷列表"
      extra={
        <Space>
          <Upload multiple accept=".json,.zip" showUploadList={false} beforeUpload={(_f, all) => { if (_f === all[all.length - 1]) void importFiles(all as unknown as File[]); return false; }}>
            <Button>批量导入（JSON / zip）</Button>
          </Upload>
          {features.has('POST', '/intake/xlsx') && <Button onClick={() => navigate('/cases/new?import=xlsx')}>导入卷内目录（Excel）</Button>}
          <Button type="primary" onClick={() => navigate('/cases/new')}>新建案卷</Button>
        </Space>
      }
    >
      <Form form={form} layout="inline" initialValues={filterValues} style={{ marginBottom: 12, rowGap: 8 }}
        onFinish={(v: Record<string, unknown>) => {
          const next = new URLSearchParams();
          for (const [k, val] of Object.entries(v)) if (val !== undefined && val !== null && val !== '') next.set(k, String(val));
          setParams(next);
        }}>
        {shown.map((f) => (
          <Form.Item key={f.name} name={f.name} label={f.label}>
            {f.kind === 'status' ? <Select allowClear style={{ width: 110 }} options={vocab?.caseStatuses} />
              : f.kind === 'procedure' ? <Select allowClear style={{ width: 180 }} options={vocab?.procedures} />
              : f.kind === 'grade' ? <Select allowClear style={{ width: 100 }} options={vocab?.grades.map((g) => ({ value: g.name, label: g.name }))} />
              : f.kind === 'bool' ? <Select allowClear style={{ width: 90 }} options={[{ value: 'true', label: '是' }, { value: 'false', label: '否' }]} />
              : f.kind === 'number' ? <InputNumber style={{ width: 90 }} />
              : <Input allowClear style={{ width: 150 }} />}
          </Form.Item>
        ))}
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">查询</Button>
            <Button onClick={() => { form.resetFields(); setParams(new URLSearchParams()); }}>重置</Button>
          </Space>
        </Form.Item>
      </Form>
      <Table<CaseListItem>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items}
        scroll={{ x: 1100 }}
        pagination={{
          current: page, pageSize, total: list.data?.total, showSizeChanger: true, pageSizeOptions: [20, 50, 100],
          showTotal: (t) => `共 ${t} 份案卷`,
          onChange: (p, ps) => { const next = new URLSearchParams(params); next.set('page', String(p)); next.set('pageSize', String(ps)); setParams(next); },
        }}
      />
    </Card>
  );
}
