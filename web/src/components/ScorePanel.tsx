/**
 * 得分 panel of the review screen. On a sheet of the 2024 细则 model (official-2024): 合法性 (50, or 0 with each
 * 重大问题 hit, its 细则 item and the rule that found it), 规范性 (the formula with this file's numbers, each
 * document item with its points and sub-items), 卷面 deductions, the items left to the reviewer (待人工评分) with
 * the range they can still move the total, and the grade as the local 【I】 overlay it is — not part of the 细则.
 * On a deduction sheet: total, grade, veto items and the categories. Every status name comes from the vocabulary.
 */
import { Alert, Col, Collapse, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ScoreResult, Vocabulary } from '../api';
import { labelOf } from '../vocabulary';

type Doc = NonNullable<ScoreResult['normativity']>['documents'][number];
type Evidence = Doc['subItems'][number]['evidence'];

const fmt = (x: number) => String(Math.round(x * 100) / 100);

function Rules({ evidence }: { evidence: Evidence }) {
  const taking = evidence.filter((e) => e.kind === 'finding');
  if (!taking.length) return null;
  return <>{taking.map((e) => <Tag key={`${e.ruleId}|${e.fingerprint ?? ''}`} color="red" title={e.title}>{e.ruleId}</Tag>)}</>;
}

function OfficialScore({ score: s, vocab }: { score: ScoreResult; vocab: Vocabulary | undefined }) {
  const legality = s.legality!;
  const norm = s.normativity;
  const form = s.formDeductions;
  const manual = s.manualItems ?? [];
  const status = (v: string) => labelOf(vocab?.scoreItemStatuses, v);
  const legalityPending = legality.items.filter((i) => i.status === 'pending');
  const formTaken = form?.groups.flatMap((g) => g.elements.filter((e) => e.deducted > 0).map((e) => ({ ...e, group: g.name }))) ?? [];
  return (
    <div data-testid="score-parts" style={{ marginTop: 8 }}>
      <Row gutter={8}>
        <Col span={8}><Statistic title="合法性" value={legality.score} suffix={`/ ${fmt(legality.max)}`} valueStyle={{ color: legality.hits.length ? '#c41d7f' : undefined }} /></Col>
        {norm && <Col span={8}><Statistic title="规范性" value={norm.score} precision={2} suffix={`/ ${fmt(norm.max)}`} /></Col>}
        {form && <Col span={8}><Statistic title="卷面扣分" value={form.deducted} suffix={`/ ${fmt(form.max)}`} /></Col>}
      </Row>

      <div data-testid="score-legality" style={{ marginTop: 8 }}>
        <Typography.Text strong>合法性评查（{fmt(legality.max)} 分，一票否决）</Typography.Text>
        {legality.hits.length > 0 ? (
          <Alert type="error" style={{ marginTop: 4 }} message={`存在重大问题，案卷直接评为 0 分（不计重大问题时 ${fmt(s.totalBeforeVeto ?? 0)} 分）`}
            description={<ul style={{ margin: 0, paddingLeft: 16 }}>{legality.hits.map((h) => (
              <li key={h.id}>细则合法性评查第{h.no}项（{h.group}）：{h.name} <Rules evidence={h.evidence} /></li>
            ))}</ul>} />
        ) : <div><Typography.Text type="secondary">未发现重大问题</Typography.Text></div>}
        {legalityPending.length > 0 && (
          <Collapse ghost size="small" items={[{ key: 'p', label: `${labelOf(vocab?.legalityStatuses, 'pending')}（${legalityPending.length} 项）`, children: (
            <ul style={{ margin: 0, paddingLeft: 16, fontSize: 12 }}>{legalityPending.map((i) => <li key={i.id}>第{i.no}项 {i.name}</li>)}</ul>
          ) }]} />
        )}
      </div>

      {norm && (
        <div data-testid="score-normativity" style={{ marginTop: 8 }}>
          <Typography.Text strong>规范性评查（{norm.caseTypeName}）</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0' }}>{norm.formula}</Typography.Paragraph>
          {norm.note && <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0' }}>{norm.note}</Typography.Paragraph>}
          <Table<Doc> size="small" rowKey="id" pagination={false} dataSource={norm.documents}
            expandable={{
              rowExpandable: (d) => d.subItems.length > 0,
              expandedRowRender: (d) => (
                <ul style={{ margin: 0, paddingLeft: 16, fontSize: 12 }}>{d.subItems.map((si) => (
                  <li key={si.id}>{si.id} {si.text}：{si.status === 'pending' ? `0–${fmt(si.points)}` : `${fmt(si.awarded)}/${fmt(si.points)}`}（{status(si.status)}）<Rules evidence={si.evidence} /></li>
                ))}</ul>
              ),
            }}
            columns={[
              { title: '文书', key: 'n', render: (_, d) => <span>{d.id} {d.name}{d.bonus ? <Tag style={{ marginLeft: 4 }}>加分</Tag> : null}</span> },
              { title: '得分', key: 'p', width: 70, render: (_, d) => (d.status === 'not_applicable' ? '—' : `${fmt(d.awarded)}/${fmt(d.points)}`) },
              { title: '', key: 's', width: 76, render: (_, d) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{status(d.status)}</Typography.Text> },
            ]} />
        </div>
      )}

      {form && (
        <div data-testid="score-form" style={{ marginTop: 8 }}>
          <Typography.Text strong>卷面基本要素（扣分制，最多扣 {fmt(form.max)} 分）：扣 {fmt(form.deducted)} 分</Typography.Text>
          {formTaken.length > 0 && (
            <ul style={{ margin: 0, paddingLeft: 16, fontSize: 12 }}>{formTaken.map((e) => <li key={e.id}>{e.id} {e.group} {e.text}：扣 {fmt(e.deducted)} 分（{status(e.status)}）<Rules evidence={e.evidence} /></li>)}</ul>
          )}
        </div>
      )}

      {manual.length > 0 && (
        <Alert data-testid="score-manual" style={{ marginTop: 8 }} type="info" showIcon
          message={`${labelOf(vocab?.scoreItemStatuses, 'pending')}（${manual.length} 项）${s.totalRange && !legality.hits.length ? `：评定后总分在 ${fmt(s.totalRange.min)}–${fmt(s.totalRange.max)} 分之间` : ''}`}
          description={<ul style={{ margin: 0, paddingLeft: 16, maxHeight: 200, overflow: 'auto', fontSize: 12 }}>{manual.map((m) => (
            <li key={m.itemId}>{m.itemId} {m.label}（{labelOf(vocab?.manualItemKinds, m.kind)} 0–{fmt(m.points)} 分）</li>
          ))}</ul>} />
      )}
    </div>
  );
}

/** 一票否决: which 否决项 the file hits (a rule's finding or a reviewer's veto finding) and what that does to the total */
export function VetoNotice({ score: s }: { score: ScoreResult }) {
  if (s.vetoHits.length === 0) return null;
  const hits = s.vetoHits.map((v) => `${v.vetoId} ${v.name}（${v.ruleId === '人工' ? '人工认定' : v.ruleId}）`).join('；');
  const before = s.totalBeforeVeto !== undefined && s.totalBeforeVeto !== s.total ? `（否决前 ${s.totalBeforeVeto} 分）` : '';
  return <Alert type="error" style={{ marginTop: 8 }} data-testid="veto-notice" message={`否决项：${hits}。总分计 ${s.total} 分${before}，等次${s.grade}`} />;
}

export function ScorePanel({ score: s, vocab }: { score: ScoreResult; vocab: Vocabulary | undefined }) {
  const official = s.model === 'xize-2024' && !!s.legality;
  return (
    <>
      <Row>
        <Col span={12}><Statistic title="总分" value={s.total} suffix={s.maxTotal ? `/ ${s.maxTotal}` : undefined} /></Col>
        {!s.gradeOverlay && <Col span={12}><Statistic title="等次" value={s.grade} valueStyle={{ color: s.vetoHits.length ? '#c41d7f' : undefined }} /></Col>}
      </Row>
      {s.gradeOverlay && (
        // the 细则 has no grades: the bands are this project's local reference 【I】, shown apart from the score
        <div data-testid="grade-overlay" style={{ marginTop: 4 }}>
          <Space size={4} wrap><Typography.Text type="secondary">{s.gradeOverlay.name}：</Typography.Text><Tag>{s.grade}</Tag></Space>
          <Typography.Paragraph type="secondary" style={{ fontSize: 11, margin: 0 }}>{s.gradeOverlay.note}</Typography.Paragraph>
        </div>
      )}
      {s.pendingEntry && <Alert type="warning" style={{ marginTop: 8 }} message={`案卷尚有未录入的部分：${s.pendingEntry.rules} 项检查待补录，得分为暂定`} />}
      {official ? <OfficialScore score={s} vocab={vocab} /> : (
        <>
          <VetoNotice score={s} />
          <Table size="small" style={{ marginTop: 8 }} rowKey="id" pagination={false} dataSource={s.categories}
            columns={[{ title: '评查项', dataIndex: 'name' }, { title: '得分', key: 's', width: 80, render: (_, c) => `${c.score}/${c.max}` }]} />
        </>
      )}
      {s.sheetStatus === 'placeholder' && <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>评分表 {s.sheetName}：分值为项目默认值【I】，非官方细则。</Typography.Paragraph>}
    </>
  );
}
