/**
 * 自查（承办人） — for one case: the timeline of its upcoming deadlines (with the calendar's steps, which name
 * every 法定节假日 and 调休上班日 passed), the next documents to make; across cases: what falls due this week.
 * The draft review is run with POST /api/review (nothing stored), so self-checking never replaces a stored review.
 */
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, List, Row, Select, Space, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { api, qs, type CaseFile, type CaseList, type CaseRecord, type CaseScore, type DeadlineView, type ReviewResult, type WorkdaysBetween } from '../api';
import { CalendarSteps } from '../components/FindingCard';
import { LegalDatePicker } from '../components/LegalDatePicker';
import { useApiFeatures } from '../openapi';

/** 剩余工作日 from the server's calendar (GET /api/vocabulary/workdays), with the rest days and 调休 in between. */
function WorkdaysLeft({ from, to }: { from?: string; to: string }) {
  const q = useQuery({
    queryKey: ['workdays', from, to],
    queryFn: () => api.get<WorkdaysBetween>(`/vocabulary/workdays${qs({ from, to })}`),
    enabled: !!from && from <= to,
  });
  if (!q.data) return null;
  if (q.data.workdays === null) return <Tag color="default">剩余工作日无法判定（缺少 {q.data.missingYears.join('、')} 年放假安排）</Tag>;
  return (
    <Tooltip title={q.data.notes.length ? q.data.notes.join('；') : '其间没有法定节假日或调休'}>
      <Tag color={q.data.workdays <= 3 ? 'red' : 'geekblue'} data-testid="workdays-left">还有 {q.data.workdays} 个工作日{q.data.notes.length ? `（含调休说明 ${q.data.notes.length} 条）` : ''}</Tag>
    </Tooltip>
  );
}

interface DueRow { caseId: string; caseNumber: string; label: string; dueOn: string; daysLeft: number }

function DueThisWeek() {
  const features = useApiFeatures();
  const hasDeadlines = features.has('GET', '/deadlines');
  const week = useQuery({
    queryKey: ['due-this-week', hasDeadlines],
    queryFn: async (): Promise<{ rows: DueRow[]; source: string }> => {
      if (hasDeadlines) {
        const res = await api.get<DeadlineView>(`/deadlines${qs({ withinWorkdays: 5 })}`);
        return {
          source: `${res.withinWorkdays} 个工作日内（至 ${res.through}）`,
          rows: res.items.map((x) => ({ caseId: x.caseId, caseNumber: x.caseNumber, label: x.label, dueOn: x.dueOn, daysLeft: x.daysLeft })),
        };
      }
      // without the deadline query: the next deadline of each open case's latest stored review
      const rows: DueRow[] = [];
      for (const status of ['in_progress', 'draft']) {
        const list = await api.get<CaseList>(`/cases${qs({ status, pageSize: 100 })}`);
        if (!list.items.length) continue;
        const scores = await api.get<{ items: CaseScore[] }>(`/scores${qs({ caseIds: list.items.map((c) => c.id).join(',') })}`);
        for (const s of scores.items) {
          const d = s.nextDeadline;
          const c = list.items.find((x) => x.id === s.caseId)!;
          if (d && dayjs(d.dueOn).diff(dayjs(), 'day') <= 7) rows.push({ caseId: s.caseId, caseNumber: c.caseNumber, label: d.label, dueOn: d.dueOn, daysLeft: dayjs(d.dueOn).diff(dayjs().startOf('day'), 'day') });
        }
      }
      return { source: '各案最近一次审查', rows: rows.sort((a, b) => a.dueOn.localeCompare(b.dueOn)) };
    },
  });
  return (
    <Card size="small" title="我的案件 本周到期" extra={week.data && <Typography.Text type="secondary">来源：{week.data.source}</Typography.Text>} data-testid="due-this-week">
      <Table<DueRow> size="small" rowKey={(r) => `${r.caseId}-${r.label}`} pagination={false} loading={week.isLoading} dataSource={week.data?.rows}
        locale={{ emptyText: '本周没有到期事项' }}
        columns={[
          { title: '案号', dataIndex: 'caseNumber', render: (v, r) => <Link to={`/self-check/${r.caseId}`}>{v}</Link> },
          { title: '期限', dataIndex: 'label' },
          { title: '届满日', dataIndex: 'dueOn', width: 110 },
          { title: '剩余', dataIndex: 'daysLeft', width: 90, render: (v: number) => <Tag color={v < 0 ? 'red' : v <= 3 ? 'orange' : 'gold'}>{v < 0 ? `已超 ${-v} 日` : `${v} 日`}</Tag> },
        ]} />
    </Card>
  );
}

export default function SelfCheckPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const [asOf, setAsOf] = useState<string | undefined>(dayjs().format('YYYY-MM-DD'));
  const open = useQuery({ queryKey: ['cases', 'open'], queryFn: () => api.get<CaseList>(`/cases${qs({ pageSize: 100 })}`) });
  const record = useQuery({ queryKey: ['case', id], queryFn: () => api.get<CaseRecord & { caseFile: CaseFile }>(`/cases/${id}`), enabled: !!id });
  const draft = useQuery({
    queryKey: ['draft-review', id, record.data?.version, asOf],
    queryFn: () => api.post<ReviewResult>('/review', { caseFile: record.data!.caseFile, mode: 'draft', asOf }),
    enabled: !!record.data,
  });
  const r = draft.data;
  return (
    <Row gutter={12}>
      <Col span={15}>
        <Card size="small" title="自查（草稿模式）"
          extra={<Space>
            <Select showSearch optionFilterProp="label" style={{ width: 280 }} placeholder="选择案卷" value={id}
              onChange={(v) => navigate(`/self-check/${v}`)} options={(open.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.caseNumber} ${c.partyNames.join('、')}` }))} />
            <span>基准日</span><LegalDatePicker value={asOf} onChange={setAsOf} />
          </Space>}>
          {!id && <Empty description="选择一个案卷，查看其后续期限与下一步文书" />}
          {draft.error && <Alert type="error" message={(draft.error as Error).message} />}
          {r && (
            <>
              <Typography.Title level={5}>后续期限（{r.upcoming.length}）</Typography.Title>
              {r.upcoming.length === 0 ? <Typography.Text type="secondary">基准日之后没有待届满的期限</Typography.Text> : (
                <Timeline data-testid="deadline-timeline" items={[...r.upcoming].sort((a, b) => a.dueOn.localeCompare(b.dueOn)).map((u) => ({
                  color: u.daysLeft <= 3 ? 'red' : u.daysLeft <= 7 ? 'orange' : 'blue',
                  children: (
                    <div>
                      <Space wrap><b>{u.dueOn}</b><span>{u.label}</span><Tag color={u.daysLeft <= 3 ? 'red' : 'blue'}>还有 {u.daysLeft} 日</Tag><WorkdaysLeft from={r.asOf} to={u.dueOn} /><Tag>{u.ruleId}</Tag></Space>
                      <CalendarSteps steps={u.calendar} />
                    </div>
                  ),
                }))} />
              )}
              <Typography.Title level={5}>下一步文书（{r.nextDocuments.length}）</Typography.Title>
              <List size="small" dataSource={r.nextDocuments} renderItem={(d) => <List.Item><Space><b>{d.name}</b>{d.dueOn && <Tag color="orange">{d.dueOn} 前</Tag>}<span>{d.reason}</span></Space></List.Item>} />
              <Typography.Title level={5} style={{ marginTop: 12 }}>当前问题（{r.findings.length}）</Typography.Title>
              <List size="small" dataSource={r.findings} renderItem={(f) => <List.Item><Tag>{f.ruleId}</Tag>{f.title}：{f.message}</List.Item>} />
              <Link to={`/cases/${id}/review`}>查看完整审查结果 →</Link>
            </>
          )}
        </Card>
      </Col>
      <Col span={9}><DueThisWeek /></Col>
    </Row>
  );
}
