/** 规则库 — the rule pack (family, id, 依据, confidence, examples) and the holiday calendar of each year. */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Calendar, Card, Col, Descriptions, Input, List, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../api';
import { BasisList } from '../components/FindingCard';
import { DayCell, useMarks } from '../components/LegalDatePicker';
import { labelOf, SEVERITY_COLORS, useHolidayYear, useVocabulary } from '../vocabulary';

interface RuleSummary {
  id: string; title: string; family: string; confidence: string; basisPending: boolean; severity: string;
  veto: string | null; scoringItem: string; basis: { law: string; article: string; quote?: string }[];
  effective: { from?: string; to?: string } | null;
}
interface RuleDetail extends RuleSummary { message: string; suggestion: string; examples: { valid?: unknown[]; invalid?: unknown[] } | unknown[] }

function RuleExamples({ id }: { id: string }) {
  const q = useQuery({ queryKey: ['rule', id], queryFn: () => api.get<RuleDetail>(`/rules/${encodeURIComponent(id)}`) });
  if (!q.data) return null;
  const ex = q.data.examples as Record<string, unknown>;
  const groups = Array.isArray(ex) ? [['例', ex]] : Object.entries(ex ?? {});
  return (
    <Descriptions size="small" column={1} items={[
      { key: 'm', label: '消息模板', children: q.data.message },
      { key: 's', label: '整改建议', children: q.data.suggestion },
      ...groups.map(([k, v]) => ({
        key: String(k), label: k === 'valid' ? '正例（应通过）' : k === 'invalid' ? '反例（应报告）' : String(k),
        children: <List size="small" dataSource={(v as unknown[]) ?? []} renderItem={(e) => {
          const o = e as { name?: string; description?: string; title?: string };
          return <List.Item>{o.name ?? o.title ?? ''} {o.description ?? ''}</List.Item>;
        }} />,
      })),
    ]} />
  );
}

function RuleTable() {
  const vocab = useVocabulary();
  const rules = useQuery({ queryKey: ['rules'], queryFn: () => api.get<{ name: string; version: string; count: number; rules: RuleSummary[] }>('/rules') });
  const [family, setFamily] = useState<string>();
  const [text, setText] = useState('');
  const all = rules.data?.rules ?? [];
  const families = [...new Set(all.map((r) => r.family))];
  const shown = all.filter((r) => (!family || r.family === family) && (!text || `${r.id}${r.title}${r.basis.map((b) => b.law + b.article).join('')}`.includes(text)));
  return (
    <Card size="small" title={rules.data ? `规则包 ${rules.data.name} ${rules.data.version}（${rules.data.count} 条）` : '规则包'}
      extra={<Space><Select allowClear placeholder="规则族" style={{ width: 160 }} value={family} onChange={setFamily} options={families.map((f) => ({ value: f, label: f }))} /><Input.Search allowClear placeholder="编号、标题或依据" onSearch={setText} style={{ width: 220 }} /></Space>}>
      <Table<RuleSummary> size="small" rowKey="id" loading={rules.isLoading} dataSource={shown} pagination={{ pageSize: 15 }}
        expandable={{ expandedRowRender: (r) => <RuleExamples id={r.id} /> }}
        columns={[
          { title: '编号', dataIndex: 'id', width: 100 },
          { title: '规则族', dataIndex: 'family', width: 110 },
          { title: '标题', dataIndex: 'title' },
          { title: '严重程度', dataIndex: 'severity', width: 90, render: (v: string, r) => <Space size={2}><Tag color={SEVERITY_COLORS[v]}>{labelOf(vocab?.severities, v)}</Tag>{r.veto && <Tag color="magenta">{r.veto}</Tag>}</Space> },
          { title: '置信度', dataIndex: 'confidence', width: 130, render: (v: string) => <Tag color={v === 'Q' ? 'green' : 'gold'}>{labelOf(vocab?.confidences, v)}</Tag> },
          { title: '依据', key: 'basis', render: (_, r) => <BasisList basis={r.basis} pending={r.basisPending} /> },
        ]} />
    </Card>
  );
}

function HolidayCalendar() {
  const vocab = useVocabulary();
  const years = vocab?.holidayYears ?? [];
  const [year, setYear] = useState<number>(dayjs().year());
  const [month, setMonth] = useState(dayjs().month());
  const data = useHolidayYear(year);
  const marks = useMarks(year);
  const value = dayjs().year(year).month(month).date(1);
  return (
    <Row gutter={12}>
      <Col span={14}>
        <Card size="small" title={<Space>年份<Select value={year} onChange={setYear} style={{ width: 100 }} options={[...years, Math.max(...years, 2026) + 1].map((y) => ({ value: y, label: `${y} 年` }))} /></Space>}>
          <Calendar fullscreen={false} value={value} onPanelChange={(d) => { setYear(d.year()); setMonth(d.month()); }} onChange={(d) => { setYear(d.year()); setMonth(d.month()); }}
            fullCellRender={(d, info) => info.type === 'date' ? <DayCell date={d} marks={marks}><div className="ant-picker-cell-inner ant-picker-calendar-date"><div className="ant-picker-calendar-date-value">{d.date()}</div></div></DayCell> : info.originNode} />
        </Card>
      </Col>
      <Col span={10}>
        <Card size="small" title={`${year} 年放假调休安排`} data-testid="holiday-list">
          {data.data && !data.data.covered && <Typography.Text type="danger">缺少 {year} 年国务院放假调休安排：该年的工作日期限无法判定（不按周一至周五推定）。</Typography.Text>}
          {data.data?.source && <Typography.Paragraph type="secondary">来源：{data.data.source}</Typography.Paragraph>}
          <List size="small" style={{ maxHeight: 460, overflow: 'auto' }} dataSource={data.data?.days ?? []} renderItem={(d) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => { setYear(+d.date.slice(0, 4)); setMonth(+d.date.slice(5, 7) - 1); }}><Space><Tag color={d.kind === 'holiday' ? 'red' : 'blue'}>{labelOf(vocab?.dayKinds, d.kind)}</Tag>{d.date}<span>{d.name}</span></Space></List.Item>
          )} />
        </Card>
      </Col>
    </Row>
  );
}

export default function RulesPage() {
  return <Tabs items={[{ key: 'rules', label: '规则', children: <RuleTable /> }, { key: 'holidays', label: '节假日日历', children: <HolidayCalendar /> }]} />;
}
