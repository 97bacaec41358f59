/**
 * 评查任务 (年度案卷评查 over stored cases): the organiser creates a task (scope, ratio, seed, reviewers, 组长), follows
 * each reviewer's progress, publishes; a reviewer works through the cases assigned to them (机器审查, 裁定 with
 * reason, 人工认定, 签署); the 组长 approves or returns; the agency sees its results, objects, ticks off 整改 items.
 */
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { api, ApiError } from '../api';
import type { AdjudicatedView } from '../../../src/adjudications/adjudications.service';
import type { TaskCaseView, TaskView } from '../../../src/evaluation-tasks/evaluation-tasks.service';
import type { TaskResults } from '../../../src/core/adjudication/results';
import { FindingCard } from '../components/FindingCard';
import { VetoNotice } from '../components/ScorePanel';
import { useSession } from '../auth';

const STATE: Record<string, { label: string; color: string }> = {
  unreviewed: { label: '未开始', color: 'default' },
  open: { label: '评查中', color: 'blue' },
  signed: { label: '已签署，待复核', color: 'gold' },
  returned: { label: '已退回', color: 'red' },
  approved: { label: '复核通过', color: 'green' },
};
const StateTag = ({ state }: { state: string }) => <Tag color={STATE[state]?.color}>{STATE[state]?.label ?? state}</Tag>;

function useErrorMessage() {
  const { message } = App.useApp();
  return (e: unknown) => message.error(e instanceof ApiError && e.errors.length ? `${e.message}：${e.errors.map((x) => x.message).join('；')}` : (e as Error).message);
}

function CreateTask() {
  const navigate = useNavigate();
  const onError = useErrorMessage();
  const reviewers = useQuery({ queryKey: ['task-reviewers'], queryFn: () => api.get<{ id: string; displayName: string; agency: { name: string } }[]>('/evaluation-tasks/reviewers') });
  const options = (reviewers.data ?? []).map((r) => ({ value: r.id, label: `${r.displayName}（${r.agency.name}）` }));
  const create = useMutation({
    mutationFn: (v: { name: string; ratio: number; seed?: string; year?: number; reviewers: string[]; leaders: string[] }) =>
      api.post<TaskView>('/evaluation-tasks', {
        name: v.name,
        ...(v.year ? { scope: { years: [v.year] } } : {}),
        sampling: v.ratio >= 100 ? { mode: 'all', ...(v.seed ? { seed: v.seed } : {}) } : { mode: 'ratio', ratio: v.ratio / 100, ...(v.seed ? { seed: v.seed } : {}) },
        reviewers: v.reviewers.map((id) => ({ id })),
        leaders: v.leaders.map((id) => ({ id })),
      }),
    onSuccess: (t) => navigate(`/evaluation-tasks/${t.id}`),
    onError,
  });
  return (
    <Card size="small" title="新建评查任务">
      <Form layout="inline" onFinish={create.mutate} initialValues={{ ratio: 30 }} data-testid="task-form">
        <Form.Item name="name" label="任务名称" rules={[{ required: true, message: '请填写任务名称' }]}><Input id="task_name" style={{ width: 220 }} /></Form.Item>
        <Form.Item name="year" label="年度"><InputNumber id="task_year" min={2000} max={2100} /></Form.Item>
        <Form.Item name="ratio" label="抽查比例 %"><InputNumber id="task_ratio" min={1} max={100} /></Form.Item>
        <Form.Item name="seed" label="随机种子"><Input id="task_seed" placeholder="不填则自动生成" style={{ width: 140 }} /></Form.Item>
        <Form.Item name="reviewers" label="评查人员" rules={[{ required: true, message: '请选择评查人员' }]}>
          <Select id="task_reviewers" mode="multiple" style={{ minWidth: 320 }} options={options} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="leaders" label="组长" rules={[{ required: true, message: '请选择组长' }]}>
          <Select id="task_leaders" mode="multiple" style={{ minWidth: 200 }} options={options} optionFilterProp="label" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="create-task">抽查并分配</Button>
      </Form>
    </Card>
  );
}

function TaskList() {
  const tasks = useQuery({ queryKey: ['tasks'], queryFn: () => api.get<{ id: string; name: string; state: string; createdAt: string; cases: number }[]>('/evaluation-tasks') });
  const session = useSession();
  const organiser = session.state === 'user' && session.user.roles.some((r) => r === 'evaluation_admin' || r === 'admin');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {organiser && <CreateTask />}
      <Card size="small" title="评查任务">
        <Table size="small" rowKey="id" dataSource={tasks.data} pagination={false}
          columns={[
            { title: '任务', dataIndex: 'name', render: (v, r) => <Link to={`/evaluation-tasks/${r.id}`}>{v}</Link> },
            { title: '卷数', dataIndex: 'cases', width: 80 },
            { title: '状态', dataIndex: 'state', width: 100, render: (v) => (v === 'published' ? <Tag color="green">已发布</Tag> : <Tag>评查中</Tag>) },
            { title: '创建时间', dataIndex: 'createdAt', width: 200 },
          ]} />
      </Card>
    </Space>
  );
}

function Results({ id, organiser }: { id: string; organiser: boolean }) {
  const qc = useQueryClient();
  const onError = useErrorMessage();
  const results = useQuery({ queryKey: ['task-results', id], queryFn: () => api.get<{ results: TaskResults }>(`/evaluation-tasks/${id}/results`), retry: false });
  const tick = useMutation({
    mutationFn: (v: { key: string; done: boolean }) => api.put(`/evaluation-tasks/${id}/rectifications`, v),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['task-results', id] }),
    onError,
  });
  if (results.error) return <Alert type="info" message={(results.error as Error).message} />;
  const r = results.data?.results;
  if (!r) return null;
  return (
    <Tabs data-testid="task-results" items={[
      { key: 'rank', label: '排名', children: <Table size="small" rowKey="caseId" dataSource={r.ranking} pagination={false} columns={[
        { title: '名次', dataIndex: 'rank', width: 60 }, { title: '案号', dataIndex: 'caseNumber' }, { title: '执法机关', dataIndex: 'agency' },
        { title: '得分', dataIndex: 'total', width: 70 }, { title: '等次', dataIndex: 'grade', width: 80 }, { title: '状态', dataIndex: 'state', width: 130, render: (v) => <StateTag state={v} /> }]} /> },
      { key: 'agency', label: '各单位', children: <Table size="small" rowKey="agency" dataSource={r.agencies} pagination={false} columns={[
        { title: '执法机关', dataIndex: 'agency' }, { title: '卷数', dataIndex: 'cases' }, { title: '已签署', dataIndex: 'scored' }, { title: '平均分', dataIndex: 'average' }, { title: '问题数', dataIndex: 'defects' }]} /> },
      { key: 'officer', label: '承办人', children: <Table size="small" rowKey={(o) => `${o.agency}-${o.officer}`} dataSource={r.officers} pagination={false} columns={[
        { title: '承办人', dataIndex: 'officer' }, { title: '执法机关', dataIndex: 'agency' }, { title: '卷数', dataIndex: 'cases' }, { title: '平均分', dataIndex: 'average' }, { title: '问题数', dataIndex: 'defects' }]} /> },
      { key: 'defects', label: '常见问题', children: <Table size="small" rowKey={(d) => `${d.ruleId}-${d.title}`} dataSource={r.topDefects} pagination={false} columns={[
        { title: '规则', dataIndex: 'ruleId', width: 80 }, { title: '问题', dataIndex: 'title' }, { title: '依据', dataIndex: 'basis', render: (v, d) => <>{v}{d.basisPending && <Tag color="gold">依据待核</Tag>}</> }, { title: '次数', dataIndex: 'count', width: 60 }]} /> },
      { key: 'rect', label: '整改清单', children: (
        <div data-testid="rectifications">
          {r.rectifications.map((g) => (
            <Card key={g.agency} size="small" title={`${g.agency}（${g.items.length} 项，已整改 ${g.done} 项）`} style={{ marginBottom: 8 }}>
              <Table size="small" rowKey="key" dataSource={g.items} pagination={false} columns={[
                { title: '已整改', dataIndex: 'done', width: 70, render: (v, i) => <Checkbox checked={v} data-testid="rectification-tick" onChange={(e) => tick.mutate({ key: i.key, done: e.target.checked })} /> },
                { title: '案号', dataIndex: 'caseNumber', width: 180 }, { title: '问题', dataIndex: 'title' }, { title: '整改建议', dataIndex: 'suggestion' }]} />
            </Card>
          ))}
        </div>
      ) },
      ...(organiser ? [{ key: 'export', label: '导出', children: <Space>{['pdf', 'xlsx', 'csv', 'json'].map((f) => <a key={f} href={`/api/evaluation-tasks/${id}/results.${f}`} download>results.{f}</a>)}</Space> }] : []),
    ]} />
  );
}

function TaskDetail({ id }: { id: string }) {
  const qc = useQueryClient();
  const onError = useErrorMessage();
  const session = useSession();
  const me = session.state === 'user' ? session.user : undefined;
  const organiser = !!me?.roles.some((r) => r === 'evaluation_admin' || r === 'admin');
  const task = useQuery({ queryKey: ['task', id], queryFn: () => api.get<TaskView>(`/evaluation-tasks/${id}`) });
  const cases = useQuery({ queryKey: ['task-cases', id], queryFn: () => api.get<TaskCaseView[]>(`/evaluation-tasks/${id}/cases`) });
  const publish = useMutation({
    mutationFn: () => api.post(`/evaluation-tasks/${id}/publish`),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['task', id] }), qc.invalidateQueries({ queryKey: ['task-results', id] })]),
    onError,
  });
  const t = task.data;
  if (!t) return null;
  const mine = (cases.data ?? []).filter((c) => c.evaluator?.id === me?.id);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={<Space>{t.name}{t.state === 'published' ? <Tag color="green">已发布</Tag> : <Tag>评查中</Tag>}</Space>}
        extra={organiser && t.state === 'open' && <Button onClick={() => publish.mutate()} loading={publish.isPending} data-testid="publish-task">发布结果</Button>}>
        <Descriptions size="small" column={3} items={[
          { key: 'seed', label: '随机种子', children: <Typography.Text code data-testid="task-seed">{t.params.sampling.seed}</Typography.Text> },
          { key: 'sampling', label: '抽查', children: t.params.sampling.mode === 'all' ? '全部' : `${Math.round((t.params.sampling.ratio ?? 0) * 100)}%（分单位）` },
          { key: 'pop', label: '范围内 / 抽取', children: `${t.draw.population} / ${t.cases} 卷` },
          { key: 'sheet', label: '评分表', children: t.sheetId },
          { key: 'recusal', label: '回避', children: `${t.draw.recusals.length} 人次` },
          { key: 'leaders', label: '组长', children: t.params.leaders.map((l) => l.name).join('、') },
        ]} />
        <Table size="small" rowKey="evaluatorId" dataSource={t.progress} pagination={false} data-testid="task-progress" columns={[
          { title: '评查人员', dataIndex: 'name' }, { title: '单位', dataIndex: 'agency' }, { title: '分配', dataIndex: 'assigned' }, { title: '已审查', dataIndex: 'reviewed' },
          { title: '已签署', dataIndex: 'signed' }, { title: '复核通过', dataIndex: 'approved' }, { title: '退回', dataIndex: 'returned' }]} />
      </Card>
      <Card size="small" title={mine.length ? `分配给我的案卷（${mine.length} 卷）` : '案卷'}>
        <Table size="small" rowKey="caseId" dataSource={mine.length ? mine : cases.data} pagination={{ pageSize: 10 }} columns={[
          { title: '案号', dataIndex: 'caseNumber', render: (v, c) => <Link to={`/evaluation-tasks/${id}/cases/${c.caseId}`}>{v}</Link> },
          { title: '执法机关', dataIndex: 'agency' }, { title: '评查人员', dataIndex: ['evaluator', 'name'] },
          { title: '抽取', dataIndex: 'reason', width: 70, render: (v) => ({ must: '必查', drawn: '随机', all: '全部' })[v as string] ?? v },
          { title: '状态', dataIndex: 'state', width: 130, render: (v) => <StateTag state={v} /> }]} />
      </Card>
      <Card size="small" title="评查结果"><Results id={id} organiser={organiser} /></Card>
    </Space>
  );
}

function TaskCase({ id, caseId }: { id: string; caseId: string }) {
  const qc = useQueryClient();
  const onError = useErrorMessage();
  const { modal } = App.useApp();
  const key = ['task-case', id, caseId];
  const session = useSession();
  const me = session.state === 'user' ? session.user : undefined;
  const view = useQuery({ queryKey: key, queryFn: () => api.get<AdjudicatedView>(`/evaluation-tasks/${id}/cases/${caseId}`), retry: false });
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  const base = `/evaluation-tasks/${id}/cases/${caseId}`;
  const start = useMutation({ mutationFn: () => api.post(`${base}/review`), onSuccess: refresh, onError });
  const rule = useMutation({ mutationFn: (b: { fingerprint: string; decision: string; reason?: string }) => api.post(`${base}/adjudications`, b), onSuccess: refresh, onError });
  const manual = useMutation({ mutationFn: (b: Record<string, unknown>) => api.post(`${base}/manual-findings`, b), onSuccess: refresh, onError });
  const sign = useMutation({ mutationFn: (b: Record<string, unknown>) => api.post(`${base}/sign-off`, b), onSuccess: refresh, onError });
  const [reason, setReason] = useState('');
  const [opinion, setOpinion] = useState('');
  const v = view.data;
  const dismiss = (fingerprint: string) =>
    modal.confirm({
      title: '驳回该问题（不扣分）',
      content: <Input.TextArea id="dismiss_reason" rows={3} placeholder="驳回理由（必填）" onChange={(e) => setReason(e.target.value)} />,
      okText: '驳回',
      onOk: () => rule.mutateAsync({ fingerprint, decision: 'dismissed', reason: (document.getElementById('dismiss_reason') as HTMLTextAreaElement | null)?.value ?? reason }),
    });
  if (!v) {
    return (
      <Card size="small" title="案卷评查">
        {view.error && <Alert type="info" style={{ marginBottom: 8 }} message={(view.error as Error).message} />}
        <Button type="primary" onClick={() => start.mutate()} loading={start.isPending} data-testid="start-review">开始评查（机器审查）</Button>
      </Card>
    );
  }
  const editable = !v.frozen;
  const s = v.adjudicated.score;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={<Space>{v.caseNumber}<StateTag state={v.signOff.state} /></Space>} extra={<Space>
        <Link to={`/evaluation-tasks/${id}`}>返回任务</Link>
        <a href={`/api${base}/report.pdf`} target="_blank" rel="noreferrer" data-testid="task-case-pdf">评查报告 PDF</a></Space>}>
        <Typography.Text strong data-testid="task-case-score">总分 {s.total} 分　等次：{s.grade}</Typography.Text>
        <div>规则引擎判定 {s.provenance.machineJudgedMax} 分，扣 {s.provenance.machineDeducted} 分；{s.provenance.manual.map((m) => `${m.by.name}：人工扣 ${m.deducted} 分，驳回 ${m.dismissed} 项`).join('；') || '无人工评定'}</div>
        <VetoNotice score={s} />
        {v.signOff.reviewComment && <Alert type="warning" message={`组长意见：${v.signOff.reviewComment}`} />}
      </Card>
      {v.adjudicated.findings.map((f) => (
        <div key={f.finding.fingerprint} data-testid="adjudicated-finding" data-status={f.status} style={f.status === 'dismissed' ? { textDecoration: 'line-through', opacity: 0.6 } : undefined}>
          <FindingCard f={f.finding} vetoHit={s.vetoHits.find((h) => h.fingerprint === f.finding.fingerprint)} />
          <Space style={{ margin: '-4px 0 12px 8px' }} wrap>
            {f.status === 'dismissed' && <Tag data-testid="dismissed-reason">已驳回：{f.ruling?.reason}（{f.ruling?.by.name}，{f.ruling?.at.slice(0, 10)}）</Tag>}
            {f.status === 'accepted' && <Tag color="red">已确认</Tag>}
            {f.explanations.map((e) => <Tag key={e.id} color="blue">情况说明：{e.text}</Tag>)}
            {editable && <Button size="small" onClick={() => rule.mutate({ fingerprint: f.finding.fingerprint, decision: 'accepted' })}>确认</Button>}
            {editable && <Button size="small" danger onClick={() => dismiss(f.finding.fingerprint)} data-testid="dismiss">驳回</Button>}
          </Space>
        </div>
      ))}
      {v.adjudicated.staleRulings.length > 0 && <Alert type="warning" message={`未适用的裁定 ${v.adjudicated.staleRulings.length} 项：${v.adjudicated.staleRulings.map((x) => `${x.ruling.ruleId} ${x.reason}`).join('；')}`} />}
      <Card size="small" title="人工认定的问题">
        <Table size="small" rowKey="manualFindingId" dataSource={s.manualDeductions} pagination={false} columns={[
          { title: '细则项目', dataIndex: 'item' }, { title: '问题', dataIndex: 'text' }, { title: '扣分', dataIndex: 'points', width: 60 }, { title: '认定人', dataIndex: ['by', 'name'], width: 90 }]} />
        {editable && (
          <Form layout="inline" style={{ marginTop: 8 }} onFinish={(x) => manual.mutate({ ...x, severity: 'warning' })} data-testid="manual-form">
            <Form.Item name="item" rules={[{ required: true, message: '请填写细则项目' }]}><Input id="manual_item" placeholder="细则项目，如 合法性评查 裁量" style={{ width: 200 }} /></Form.Item>
            <Form.Item name="categoryId" rules={[{ required: true, message: '请选择评分项' }]}>
              <Select id="manual_category" style={{ width: 200 }} placeholder="评分项" options={s.categories.map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
            <Form.Item name="points" initialValue={1}><InputNumber id="manual_points" min={0} max={100} /></Form.Item>
            <Form.Item name="text" rules={[{ required: true, message: '请填写问题' }]}><Input id="manual_text" placeholder="问题描述" style={{ width: 240 }} /></Form.Item>
            <Button htmlType="submit" loading={manual.isPending} data-testid="add-manual">添加</Button>
          </Form>
        )}
      </Card>
      <Card size="small" title="评查意见及签署" data-testid="sign-off">
        {v.signOff.opinion && !editable && <Typography.Paragraph>评查意见：{v.signOff.opinion}（{v.signOff.signedBy?.name}）</Typography.Paragraph>}
        {editable ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input.TextArea id="opinion" rows={3} value={opinion} onChange={(e) => setOpinion(e.target.value)} placeholder="评查意见" />
            <Button type="primary" onClick={() => sign.mutate({ action: 'sign', opinion })} loading={sign.isPending} data-testid="sign">签署</Button>
          </Space>
        ) : v.signOff.state === 'signed' && v.signOff.signedBy?.id !== me?.id ? (
          <Space>
            <Button type="primary" onClick={() => sign.mutate({ action: 'approve' })} data-testid="approve">复核通过</Button>
            <Button danger onClick={() => sign.mutate({ action: 'return', comment: opinion || '请补充' })} data-testid="return">退回</Button>
            <Input id="review_comment" placeholder="退回意见" value={opinion} onChange={(e) => setOpinion(e.target.value)} style={{ width: 260 }} />
          </Space>
        ) : v.signOff.state === 'approved' ? (
          <Typography.Text>复核人：{v.signOff.reviewedBy?.name}（复核通过）</Typography.Text>
        ) : (
          <Typography.Text>待组长复核</Typography.Text>
        )}
      </Card>
    </Space>
  );
}

export default function EvaluationTasksPage() {
  const { id, caseId } = useParams();
  if (id && caseId) return <TaskCase id={id} caseId={caseId} />;
  if (id) return <TaskDetail id={id} />;
  return <TaskList />;
}
