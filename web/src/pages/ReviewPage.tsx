/**
 * 审查结果 — run a review of a stored case (mode, as-of date), findings grouped by 评查项 with the most serious
 * groups first, the score of the latest review, passed / not applicable / 待补录 collapsed, the PDF report.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Collapse, Empty, List, Row, Segmented, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ApiError, api, type CaseRecord, type CaseScore, type Finding, type ScoreResult, type StoredReview, type Vocabulary } from '../api';
import { CalendarSteps, FindingCard } from '../components/FindingCard';
import { LegalDatePicker } from '../components/LegalDatePicker';
import { ScorePanel } from '../components/ScorePanel';
import { labelOf, useVocabulary } from '../vocabulary';

const SEVERITY_RANK: Record<string, number> = { veto: 0, error: 1, warning: 2, info: 3 };

/** Findings by the rule pack's 评分项 (a deduction sheet's categories carry the same ids and its own names). */
function groupFindings(findings: Finding[], vocab: Vocabulary | undefined, score?: ScoreResult) {
  const name = (item: string) => score?.categories.find((c) => c.id === item)?.name ?? labelOf(vocab?.scoringItems, item);
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.scoringItem, [...(groups.get(f.scoringItem) ?? []), f]);
  return [...groups.entries()]
    .map(([item, list]) => ({ item, name: name(item), list: list.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]) }))
    .sort((a, b) => SEVERITY_RANK[a.list[0].severity] - SEVERITY_RANK[b.list[0].severity] || b.list.length - a.list.length);
}

export default function ReviewPage() {
  const { id } = useParams();
  const vocab = useVocabulary();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const record = useQuery({ queryKey: ['case', id], queryFn: () => api.get<CaseRecord>(`/cases/${id}`) });
  const latest = useQuery({
    queryKey: ['review', id],
    queryFn: async () => {
      try {
        return await api.get<StoredReview>(`/cases/${id}/reviews/latest`);
      } catch (e) {
        if (e instanceof ApiError && e.code === 'REVIEW_NOT_FOUND') return null;
        throw e;
      }
    },
  });
  const score = useQuery({
    queryKey: ['score', id, latest.data?.id],
    queryFn: () => api.get<CaseScore & { score: ScoreResult }>(`/scores/${id}`),
    enabled: !!latest.data,
  });
  const [mode, setMode] = useState<string>();
  const [asOf, setAsOf] = useState<string | undefined>(dayjs().format('YYYY-MM-DD'));
  const run = useMutation({
    mutationFn: () => api.post<StoredReview>(`/cases/${id}/reviews`, { mode: mode ?? defaultMode(record.data?.status), asOf }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['review', id] });
      await qc.invalidateQueries({ queryKey: ['scores'] });
    },
    onError: (e) => message.error((e as Error).message),
  });
  const review = latest.data?.result;
  const s = score.data?.score;
  const currentMode = mode ?? latest.data?.mode ?? defaultMode(record.data?.status);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card size="small"
        title={<Space><span>审查结果</span><b>{record.data?.caseNumber}</b>{record.data && <Tag>{vocab?.caseStatuses.find((x) => x.value === record.data!.status)?.label}</Tag>}</Space>}
        extra={<Space><Link to={`/cases/${id}/edit`}>编辑案卷</Link><Link to={`/self-check/${id}`}>自查视图</Link></Space>}>
        <Space wrap>
          <span>模式</span>
          <Segmented value={currentMode} onChange={(v) => setMode(String(v))} options={(vocab?.reviewModes ?? []).map((m) => ({ value: m.value, label: m.label }))} data-testid="mode-switch" />
          <span>基准日</span>
          <LegalDatePicker value={asOf} onChange={setAsOf} placeholder="北京时间今日" />
          <Button type="primary" loading={run.isPending} onClick={() => run.mutate()} data-testid="run-review">运行审查</Button>
          {latest.data && <Typography.Text type="secondary">最近一次：{latest.data.createdAt.slice(0, 19).replace('T', ' ')}（{vocab?.reviewModes.find((m) => m.value === latest.data!.mode)?.label}，基准日 {latest.data.asOf}；规则包 {latest.data.rulePackVersion}）</Typography.Text>}
        </Space>
      </Card>
      {latest.isSuccess && !review && <Empty description="尚未审查：选择模式与基准日后点「运行审查」" />}
      {review && (
        <Row gutter={12}>
          <Col span={17}>
            {review.mode === 'draft' && (review.upcoming.length > 0 || review.nextDocuments.length > 0) && (
              <Card size="small" title="即将到期与下一步文书" style={{ marginBottom: 12 }} data-testid="upcoming">
                <List size="small" dataSource={review.upcoming} renderItem={(u) => (
                  <List.Item><List.Item.Meta title={<Space><Tag color={u.daysLeft <= 3 ? 'red' : u.daysLeft <= 7 ? 'orange' : 'blue'}>还有 {u.daysLeft} 日</Tag>{u.label}<b>{u.dueOn}</b><Tag>{u.ruleId}</Tag></Space>}
                    description={<Collapse ghost size="small" items={[{ key: 1, label: '期间计算', children: <CalendarSteps steps={u.calendar} /> }]} />} /></List.Item>
                )} />
                {review.nextDocuments.length > 0 && <List size="small" header="下一步文书" dataSource={review.nextDocuments} renderItem={(d) => <List.Item>{d.name}{d.dueOn ? `（${d.dueOn} 前）` : ''}：{d.reason}</List.Item>} />}
              </Card>
            )}
            <Typography.Title level={5}>问题（{review.findings.length}）</Typography.Title>
            {review.findings.length === 0 && <Alert type="success" showIcon message="未发现问题" />}
            {groupFindings(review.findings, vocab, s).map((g) => (
              <Card key={g.item} size="small" style={{ marginBottom: 12 }} title={`${g.name}（${g.list.length}）`} data-testid="finding-group">
                {g.list.map((f) => <FindingCard key={f.fingerprint} f={f} vetoHit={s?.vetoHits.find((v) => v.fingerprint === f.fingerprint)} />)}
              </Card>
            ))}
            <Collapse items={[
              { key: 'passed', label: `已通过的检查（${review.passed.length}）`, children: <List size="small" dataSource={review.passed} renderItem={(p) => <List.Item><Tag>{p.ruleId}</Tag>{p.title}：{p.summary}</List.Item>} /> },
              { key: 'undeterminable', label: `无法判定 / 待补录（${review.undeterminable.length}）`, children: <List size="small" dataSource={review.undeterminable} renderItem={(p) => <List.Item><Tag>{p.ruleId}</Tag>{p.title}：{p.reason}</List.Item>} /> },
              { key: 'na', label: `不适用（${review.notApplicable.length}）`, children: <List size="small" dataSource={review.notApplicable} renderItem={(p) => <List.Item><Tag>{p.ruleId}</Tag>{p.title}：{p.reason}</List.Item>} /> },
            ]} />
          </Col>
          <Col span={7}>
            <Card size="small" title="得分" data-testid="score">
              {s ? (
                <ScorePanel score={s} vocab={vocab} />
              ) : <Typography.Text type="secondary">—</Typography.Text>}
            </Card>
            <Card size="small" title="报告 PDF" style={{ marginTop: 12 }}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <a href={`/api/cases/${id}/report.pdf`} download data-testid="pdf-download"><Button block>下载报告 PDF</Button></a>
                <a href={`/api/cases/${id}/report.pdf`} target="_blank" rel="noreferrer">在新窗口预览</a>
              </Space>
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}

function defaultMode(status: string | undefined): string {
  return status === 'closed' || status === 'archived' ? 'review' : 'draft';
}
