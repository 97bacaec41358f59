/**
 * 年度评查 — create an evaluation (a zip of case files, or stored 已结案/已归档 cases), follow its progress, then the
 * ranking, the grade distribution and the defects by rule / category / agency, and the downloads.
 */
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Progress, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { api, qs, type CaseList, type CaseListItem, type EvaluationResults, type EvaluationView, type EvaluatedFileRow } from '../api';
import { Chart } from '../components/Chart';
import { LegalDatePicker } from '../components/LegalDatePicker';

const STATUS_LABELS: Record<string, string> = { queued: '排队中', running: '评查中', completed: '已完成', failed: '失败' };

function CreateEvaluation() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [selected, setSelected] = useState<string[]>([]);
  const [asOf, setAsOf] = useState<string>();
  const [sheet, setSheet] = useState<string>();
  const sheets = useQuery({ queryKey: ['sheets'], queryFn: () => api.get<{ id: string; name: string }[] | { sheets: { id: string; name: string }[] }>('/scoring/sheets') });
  const sheetList = Array.isArray(sheets.data) ? sheets.data : sheets.data?.sheets ?? [];
  const stored = useQuery({
    queryKey: ['cases', 'closed-archived'],
    queryFn: async () => {
      const [closed, archived] = await Promise.all(['closed', 'archived'].map((status) => api.get<CaseList>(`/cases${qs({ status, pageSize: 100 })}`)));
      return [...closed.items, ...archived.items];
    },
  });
  const create = useMutation({
    mutationFn: async (kind: 'zip' | 'cases') => {
      if (kind === 'zip') {
        const body = new FormData();
        body.append('file', files[0].originFileObj as File);
        if (asOf) body.append('asOf', asOf);
        if (sheet) body.append('sheet', sheet);
        return api.post<EvaluationView>('/evaluations', body);
      }
      return api.post<EvaluationView>('/evaluations', { caseIds: selected, ...(asOf ? { asOf } : {}), ...(sheet ? { sheet } : {}) });
    },
    onSuccess: async (ev) => {
      await qc.invalidateQueries({ queryKey: ['evaluations'] });
      navigate(`/evaluations/${ev.id}`);
    },
    onError: (e) => message.error((e as Error).message),
  });
  return (
    <Card size="small" title="新建评查">
      <Space wrap style={{ marginBottom: 8 }}>
        <span>评分表</span>
        <Select style={{ width: 240 }} allowClear placeholder="默认评分表" value={sheet} onChange={setSheet} options={sheetList.map((s) => ({ value: s.id, label: s.name }))} />
        <span>基准日</span><LegalDatePicker value={asOf} onChange={setAsOf} placeholder="北京时间今日" />
      </Space>
      <Tabs items={[
        {
          key: 'cases', label: '选择已保存的案卷（已结案 / 已归档）',
          children: (
            <>
              <Table<CaseListItem> size="small" rowKey="id" loading={stored.isLoading} dataSource={stored.data} pagination={{ pageSize: 8 }}
                rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) }}
                columns={[{ title: '案号', dataIndex: 'caseNumber' }, { title: '执法机关', dataIndex: 'agency' }, { title: '年度', dataIndex: 'year', width: 70 }]} />
              <Space>
                <Button onClick={() => setSelected((stored.data ?? []).map((c) => c.id))}>全选</Button>
                <Button type="primary" disabled={!selected.length} loading={create.isPending} onClick={() => create.mutate('cases')} data-testid="start-evaluation">开始评查（{selected.length} 份）</Button>
              </Space>
            </>
          ),
        },
        {
          key: 'zip', label: '上传 zip',
          children: (
            <Space direction="vertical">
              <Upload accept=".zip" maxCount={1} fileList={files} beforeUpload={() => false} onChange={(i) => setFiles(i.fileList)}><Button>选择 zip 文件（内含卷宗 JSON）</Button></Upload>
              <Button type="primary" disabled={!files.length} loading={create.isPending} onClick={() => create.mutate('zip')}>上传并评查</Button>
            </Space>
          ),
        },
      ]} />
    </Card>
  );
}

function EvaluationDetail({ id }: { id: string }) {
  const ev = useQuery({
    queryKey: ['evaluation', id],
    queryFn: () => api.get<EvaluationView>(`/evaluations/${id}`),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'completed' || q.state.data.status === 'failed') ? false : 500),
  });
  const done = ev.data?.status === 'completed';
  const qc = useQueryClient();
  useEffect(() => {
    if (done) void qc.invalidateQueries({ queryKey: ['evaluations'] });
  }, [done, qc]);
  const results = useQuery({ queryKey: ['evaluation-results', id], queryFn: () => api.get<EvaluationResults>(`/evaluations/${id}/results.json`), enabled: done });
  const e = ev.data;
  const s = e?.summary;
  const charts = useMemo(() => {
    if (!s) return undefined;
    const bar = (names: string[], values: number[], name: string) => ({
      tooltip: {}, grid: { left: 140, right: 20, top: 10, bottom: 20 },
      xAxis: { type: 'value' }, yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 130, overflow: 'truncate' } },
      series: [{ type: 'bar', name, data: values, label: { show: true, position: 'right' } }],
    });
    return {
      grades: { tooltip: {}, legend: { bottom: 0 }, series: [{ type: 'pie', radius: ['35%', '65%'], data: s.grades.map((g) => ({ name: g.grade, value: g.count })), label: { formatter: '{b} {c}' } }] },
      rules: bar(s.topRules.slice(0, 10).map((r) => `${r.ruleId} ${r.title}`), s.topRules.slice(0, 10).map((r) => r.files), '案卷数'),
      categories: bar(s.byCategory.map((c) => c.name), s.byCategory.map((c) => +(c.max ? (100 * c.averageScore) / c.max : 0).toFixed(1)), '得分率 %'),
      agencies: bar(s.byAgency.map((a) => a.agency), s.byAgency.map((a) => +a.averageScore.toFixed(1)), '平均分'),
    };
  }, [s]);
  if (!e) return null;
  const pct = e.progress.total ? Math.round((100 * e.progress.done) / e.progress.total) : 0;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={<Space>评查任务 <Typography.Text code>{e.id.slice(0, 8)}</Typography.Text><Tag color={done ? 'green' : e.status === 'failed' ? 'red' : 'blue'}>{STATUS_LABELS[e.status] ?? e.status}</Tag></Space>}
        extra={e.downloads && <Space>{Object.entries(e.downloads).map(([name, href]) => <a key={name} href={href} download>{name}</a>)}</Space>}>
        <Progress percent={pct} status={e.status === 'failed' ? 'exception' : done ? 'success' : 'active'} format={() => `${e.progress.done}/${e.progress.total}`} data-testid="evaluation-progress" />
        {e.error && <Alert type="error" message={e.error} />}
        {s && (
          <Row gutter={12} style={{ marginTop: 8 }}>
            <Col span={4}><Statistic title="卷数" value={s.totals.files} /></Col>
            <Col span={4}><Statistic title="平均分" value={s.totals.averageScore} precision={1} /></Col>
            <Col span={4}><Statistic title="中位数" value={s.totals.medianScore} precision={1} /></Col>
            <Col span={4}><Statistic title="否决卷数" value={s.totals.vetoFiles} /></Col>
            <Col span={4}><Statistic title="问题数" value={s.totals.findings} /></Col>
            <Col span={4}><Statistic title="未能评查" value={s.totals.failed} /></Col>
            {(s.totals.unfinished ?? 0) > 0 && (
              <Col span={8} data-testid="evaluation-unfinished"><Statistic title="未结案（不参与评分排名）" value={s.totals.unfinished} /></Col>
            )}
          </Row>
        )}
        {s && (s.totals.unfinished ?? 0) > 0 && <Alert type="info" style={{ marginTop: 8 }} message={s.totals.unfinishedReason} />}
      </Card>
      {charts && (
        <Row gutter={12}>
          <Col span={8}><Card size="small" title="等次分布"><Chart option={charts.grades} testId="chart-grades" /></Card></Col>
          <Col span={16}><Card size="small" title="高频问题（按规则，案卷数）"><Chart option={charts.rules} testId="chart-rules" /></Card></Col>
          <Col span={12}><Card size="small" title="分项得分率（按评查项）"><Chart option={charts.categories} testId="chart-categories" /></Card></Col>
          <Col span={12}><Card size="small" title="各机关平均分"><Chart option={charts.agencies} testId="chart-agencies" /></Card></Col>
        </Row>
      )}
      {results.data && (
        <Card size="small" title="排名" data-testid="ranking">
          <Table<EvaluatedFileRow> size="small" rowKey="file" dataSource={results.data.ranking} pagination={{ pageSize: 20 }}
            columns={[
              { title: '名次', dataIndex: 'rank', width: 60 },
              { title: '案号', dataIndex: 'caseNumber' },
              { title: '执法机关', dataIndex: 'agency' },
              { title: '得分', dataIndex: 'total', width: 70 },
              { title: '等次', dataIndex: 'grade', width: 80, render: (g: string, r) => <Tag color={r.vetoCount ? 'magenta' : undefined}>{g}</Tag> },
              ...results.data.categories.map((c) => ({ title: `${c.name}（${c.max}）`, key: c.id, width: 110, render: (_: unknown, r: EvaluatedFileRow) => r.categories[c.id] })),
              { title: '问题', key: 'f', width: 60, render: (_, r) => r.findings.total },
            ]} />
        </Card>
      )}
      {results.data && results.data.unfinished.length > 0 && (
        <Card size="small" title={`未结案（不参与评分排名）：${results.data.unfinished.length} 卷`} data-testid="unfinished-table">
          <Table<EvaluationResults['unfinished'][number]> size="small" rowKey="file" dataSource={results.data.unfinished} pagination={{ pageSize: 10 }}
            columns={[
              { title: '案号', dataIndex: 'caseNumber' },
              { title: '执法机关', dataIndex: 'agency' },
              { title: '状态', dataIndex: 'statusLabel', width: 80 },
              { title: '问题（供参考）', dataIndex: 'findings', width: 110 },
            ]} />
        </Card>
      )}
    </Space>
  );
}

export default function EvaluationsPage() {
  const { id } = useParams();
  const list = useQuery({ queryKey: ['evaluations'], queryFn: () => api.get<EvaluationView[]>('/evaluations') });
  return (
    <Row gutter={12}>
      <Col span={id ? 6 : 10}>
        <Card size="small" title="评查任务">
          <Table<EvaluationView> size="small" rowKey="id" dataSource={list.data} pagination={{ pageSize: 10 }}
            columns={[
              { title: '创建时间', dataIndex: 'createdAt', render: (v: string, r) => <Link to={`/evaluations/${r.id}`}>{v.slice(0, 16).replace('T', ' ')}</Link> },
              { title: '状态', dataIndex: 'status', width: 80, render: (v: string) => STATUS_LABELS[v] ?? v },
              { title: '卷数', key: 'n', width: 60, render: (_, r) => r.progress.total },
            ]} />
        </Card>
      </Col>
      <Col span={id ? 18 : 14}>{id ? <EvaluationDetail id={id} /> : <CreateEvaluation />}</Col>
    </Row>
  );
}
