import { Card, Descriptions, Space, Tag, Tooltip, Typography } from 'antd';
import type { Finding } from '../api';
import { labelOf, SEVERITY_COLORS, useVocabulary } from '../vocabulary';

export function CalendarSteps({ steps }: { steps: string[] }) {
  return (
    <ol className="calendar-steps">
      {steps.map((s, i) => <li key={i} className={/休|顺延|调休/.test(s) ? 'step-rest' : undefined}>{s}</li>)}
    </ol>
  );
}

export function BasisList({ basis, pending }: { basis: Finding['basis']; pending: boolean }) {
  return (
    <Space wrap size={4}>
      {basis.map((b, i) => (
        <Tooltip key={i} title={b.quote ?? '（本条未录入原文）'} styles={{ root: { maxWidth: 520 } }}>
          <Tag style={{ cursor: 'help' }}>《{b.law}》{b.article}</Tag>
        </Tooltip>
      ))}
      {pending && <Tag color="gold">依据待核</Tag>}
    </Space>
  );
}

/**
 * One finding. `vetoHit`: the 否决项 of the scoring sheet this finding triggers (from the score of the same review);
 * without it no veto tag is shown — whether a finding is a veto is the sheet's call, not the rule pack's.
 */
export function FindingCard({ f, vetoHit }: { f: Finding; vetoHit?: { vetoId: string; name: string } }) {
  const vocab = useVocabulary();
  return (
    <Card size="small" style={{ marginBottom: 8, borderLeft: `4px solid var(--sev-${f.severity}, #ccc)` }} data-testid="finding"
      title={<Space wrap><Tag color={SEVERITY_COLORS[f.severity]}>{labelOf(vocab?.severities, f.severity)}</Tag><b>{f.ruleId}</b><span>{f.title}</span>{vetoHit && <Tooltip title={vetoHit.name}><Tag color="magenta" data-testid="veto-item">否决项 {vetoHit.vetoId}</Tag></Tooltip>}</Space>}
      extra={<Tag>{labelOf(vocab?.confidences, f.confidence)}</Tag>}>
      <Typography.Paragraph style={{ marginBottom: 8 }}>{f.message}</Typography.Paragraph>
      <Descriptions size="small" column={1} items={[
        { key: 'basis', label: '依据', children: <BasisList basis={f.basis} pending={f.basisPending} /> },
        ...(f.facts.length ? [{ key: 'facts', label: '事实', children: <Space wrap size={4}>{f.facts.map((x, i) => <Tag key={i}>{x.label}：{String(x.value)}{x.refId ? `（${x.refId}）` : ''}</Tag>)}</Space> }] : []),
        ...(f.calendar?.length ? [{ key: 'cal', label: '期间计算', children: <div data-testid="calendar-steps"><CalendarSteps steps={f.calendar} /></div> }] : []),
        { key: 'sugg', label: '整改建议', children: f.suggestion },
      ]} />
    </Card>
  );
}
