/**
 * The case list and the deadline view read the summary tables only: filters, search, paging, counts and the
 * deadlines stored on write, against the real database (SQLite in memory, or TEST_DATABASE_URL).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CaseSummaryService, SUMMARY_TODAY } from '../../src/cases/case-summary.service';
import { defaultCalendar } from '../../src/core/calendar';
import type { CaseFile } from '../../src/core/case-file/types';
import { reviewCaseFile } from '../../src/core/engine';
import { loadScoringSheet, scoreReview } from '../../src/core/scoring';
import { api, createTestApp } from '../support/create-test-app';

const root = join(__dirname, '..', '..');
const fixtureDir = join(root, 'fixtures', 'cases');
const FIXTURES = readdirSync(fixtureDir).filter((f) => f.endsWith('.json')).sort();
const read = (f: string): CaseFile => JSON.parse(readFileSync(join(fixtureDir, f), 'utf8'));
/** the day the test's deadlines are counted from: fixture 08 has its 陈述申辩 and 听证 periods running */
const TODAY = '2026-02-10';

describe('case summaries: list, filters, search, deadlines', () => {
  let app: NestExpressApplication;
  const http = () => api(app);
  const ids = new Map<string, string>();

  beforeAll(async () => {
    app = await createTestApp({ customize: (b) => b.overrideProvider(SUMMARY_TODAY).useValue(() => TODAY) });
    for (const f of FIXTURES) {
      const res = await http().post('/api/cases').send(read(f)).expect(201);
      ids.set(f, res.body.id);
    }
    // review the closed files (stored reviews feed score, grade, veto and rule ids)
    for (const f of FIXTURES) {
      if (['closed', 'archived'].includes(read(f).case.status)) {
        await http().post(`/api/cases/${ids.get(f)}/reviews`).send({ asOf: '2026-11-30' }).expect(201);
      }
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  const list = async (query: Record<string, string | number>) => (await http().get('/api/cases').query(query).expect(200)).body;
  const numbers = (body: { items: { caseNumber: string }[] }) => body.items.map((i) => i.caseNumber).sort();

  it('lists summary columns, latest review and next deadline without the case file', async () => {
    const body = await list({ pageSize: 100 });
    expect(body).toMatchObject({ total: FIXTURES.length, totalExact: true, page: 1, pageSize: 100, nextCursor: null });
    const draft = body.items.find((i: { id: string }) => i.id === ids.get('08-draft-in-progress.json'));
    const cf = read('08-draft-in-progress.json');
    expect(draft).toMatchObject({
      caseNumber: cf.case.caseNumber,
      procedure: cf.case.procedure,
      officers: cf.officers.map((o) => o.name),
      latestReview: null,
      nextDue: { dueOn: '2026-02-14' },
    });
    expect(draft).not.toHaveProperty('caseFile');
    const reviewed = body.items.find((i: { id: string }) => i.id === ids.get('11-decision-before-statement-period-no-education.json'));
    const file11 = read('11-decision-before-statement-period-no-education.json');
    const expected = scoreReview(reviewCaseFile(file11, { asOf: '2026-11-30' }), loadScoringSheet(), { caseFile: file11 });
    expect(reviewed.latestReview).toMatchObject({ score: expected.total, grade: expected.grade, veto: expected.vetoHits.length > 0, stale: false, mode: 'review' });
  });

  it('never reads the stored case file to list (a corrupt document does not matter)', async () => {
    const db = app.get(DataSource);
    const id = ids.get('01-general-fine-clean.json')!;
    const [{ document }] = await db.query('SELECT document FROM case_files WHERE id = $1'.replace('$1', db.options.type === 'postgres' ? '$1' : '?'), [id]);
    await db.query(`UPDATE case_files SET document = 'not json' WHERE id = ${db.options.type === 'postgres' ? '$1' : '?'}`, [id]);
    try {
      const body = await list({ q: read('01-general-fine-clean.json').case.caseNumber });
      expect(body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    } finally {
      await db.query(`UPDATE case_files SET document = ${db.options.type === 'postgres' ? '$1' : '?'} WHERE id = ${db.options.type === 'postgres' ? '$2' : '?'}`, [document, id]);
    }
  });

  it('filters by procedure, officer, grade, veto and rule id, each matching the cases own data', async () => {
    const simple = FIXTURES.filter((f) => read(f).case.procedure === 'simple').map((f) => read(f).case.caseNumber).sort();
    expect(simple.length).toBeGreaterThan(0);
    expect(numbers(await list({ procedure: 'simple', pageSize: 100 }))).toEqual(simple);

    const officer = read('02-hearing-case.json').officers[0].name;
    const withOfficer = FIXTURES.filter((f) => read(f).officers.some((o) => o.name === officer)).map((f) => read(f).case.caseNumber).sort();
    expect(numbers(await list({ officer, pageSize: 100 }))).toEqual(withOfficer);

    const reviewed = FIXTURES.filter((f) => ['closed', 'archived'].includes(read(f).case.status)).map((f) => {
      const review = reviewCaseFile(read(f), { asOf: '2026-11-30' });
      return { f, review, score: scoreReview(review, loadScoringSheet(), { caseFile: read(f) }) };
    });
    const vetoed = reviewed.filter((r) => r.score.vetoHits.length > 0).map((r) => r.review.caseNumber).sort();
    const clean = reviewed.filter((r) => r.score.vetoHits.length === 0).map((r) => r.review.caseNumber).sort();
    expect(vetoed.length).toBeGreaterThan(0);
    expect(numbers(await list({ veto: 'true', pageSize: 100 }))).toEqual(vetoed);
    expect(numbers(await list({ veto: 'false', pageSize: 100 }))).toEqual(clean);

    const grade = reviewed[0].score.grade;
    expect(numbers(await list({ grade, pageSize: 100 }))).toEqual(reviewed.filter((r) => r.score.grade === grade).map((r) => r.review.caseNumber).sort());

    const ruleId = reviewed.flatMap((r) => r.review.findings.map((x) => x.ruleId))[0];
    expect(ruleId).toBeDefined();
    const withRule = reviewed.filter((r) => r.review.findings.some((x) => x.ruleId === ruleId)).map((r) => r.review.caseNumber).sort();
    expect(numbers(await list({ ruleId, pageSize: 100 }))).toEqual(withRule);
    expect((await list({ ruleId: 'NO-SUCH-RULE' })).total).toBe(0);
  });

  it('searches case number and party name by substring (index for 3+ characters, scan below), case- and width-insensitive', async () => {
    const cf = read('02-hearing-case.json');
    const party = cf.parties[0].name;
    expect(numbers(await list({ q: party.slice(1, 5) }))).toContain(cf.case.caseNumber);
    expect(numbers(await list({ q: party.slice(0, 2) }))).toContain(cf.case.caseNumber);
    const year = /〔(\d{4})〕/.exec(cf.case.caseNumber)![1];
    const fullWidth = `〔${year}〕`.replace(/\d/g, (d) => String.fromCharCode(0xff10 + +d));
    expect((await list({ q: fullWidth })).total).toBe((await list({ q: `〔${year}〕` })).total);
    expect((await list({ q: '没有这个当事人名称' })).total).toBe(0);
    // LIKE wildcards are literal
    expect((await list({ q: '%' })).total).toBe(0);
    expect((await list({ q: '_' })).total).toBe(0);
  });

  it('pages by offset and by keyset cursor, the same order and no duplicates', async () => {
    const all = (await list({ pageSize: 100 })).items.map((i: { id: string }) => i.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const body = await list(cursor ? { pageSize: 4, after: cursor } : { pageSize: 4 });
      seen.push(...body.items.map((i: { id: string }) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    const p2 = await list({ pageSize: 4, page: 2 });
    expect(p2.items.map((i: { id: string }) => i.id)).toEqual(all.slice(4, 8));
    const bad = await http().get('/api/cases').query({ after: 'xyz', veto: 'maybe', procedure: 'fast', dueWithinWorkdays: '99' }).expect(400);
    expect(bad.body.code).toBe('INVALID_QUERY');
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['query.dueWithinWorkdays', 'query.procedure', 'query.veto']);
    const badCursor = await http().get('/api/cases').query({ after: 'xyz' }).expect(400);
    expect(badCursor.body.errors[0]).toMatchObject({ path: 'query.after', code: 'INVALID_CURSOR' });
  });

  it('deadline view and dueWithinWorkdays: from the stored deadlines, window counted in working days', async () => {
    const through = defaultCalendar().computePeriod({ start: TODAY, amount: 5, unit: 'workday', roll: 'strict' }).end!;
    const expected = FIXTURES.flatMap((f) => {
      const cf = read(f);
      if (!['draft', 'in_progress'].includes(cf.case.status)) return [];
      return reviewCaseFile(cf, { mode: 'draft', asOf: TODAY }).upcoming.filter((u) => u.dueOn >= TODAY && u.dueOn <= through).map((u) => `${cf.case.caseNumber} ${u.ruleId} ${u.dueOn}`);
    }).sort();
    expect(expected.length).toBeGreaterThan(0);
    const res = await http().get('/api/deadlines').query({ withinWorkdays: 5 }).expect(200);
    expect(res.body).toMatchObject({ asOf: TODAY, withinWorkdays: 5, through, total: expected.length });
    expect(res.body.window.length).toBeGreaterThan(0);
    expect(res.body.items.map((i: { caseNumber: string; ruleId: string; dueOn: string }) => `${i.caseNumber} ${i.ruleId} ${i.dueOn}`).sort()).toEqual(expected);
    expect(res.body.items[0].calendar.length).toBeGreaterThan(0);
    const agency = read('08-draft-in-progress.json').case.agency;
    const byAgency = await http().get('/api/deadlines').query({ withinWorkdays: 5, agency: 'no such agency' }).expect(200);
    expect(byAgency.body.total).toBe(0);
    expect((await http().get('/api/deadlines').query({ withinWorkdays: 5, agency }).expect(200)).body.total).toBeGreaterThan(0);

    const listed = await list({ dueWithinWorkdays: 5, pageSize: 100 });
    expect(numbers(listed)).toEqual([...new Set(expected.map((e) => e.split(' ')[0]))].sort());
    const bad = await http().get('/api/deadlines').query({ withinWorkdays: 'x', foo: 1 }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['query.foo', 'query.withinWorkdays']);
  });

  it('keeps the summary in step: replace updates it, a later review marks nothing stale, delete removes every row', async () => {
    const f = '08-draft-in-progress.json';
    const id = ids.get(f)!;
    const cf = read(f);
    cf.parties[0].name = '改名后的测试当事人有限公司';
    await http().put(`/api/cases/${id}`).send(cf).expect(200);
    expect(numbers(await list({ q: '改名后的测试' }))).toEqual([cf.case.caseNumber]);
    await http().post(`/api/cases/${id}/reviews`).send({ mode: 'draft', asOf: TODAY }).expect(201);
    const item = (await list({ q: '改名后的测试' })).items[0];
    expect(item.latestReview).toMatchObject({ caseVersion: 2, stale: false, mode: 'draft' });

    await http().delete(`/api/cases/${id}`).expect(204);
    const db = app.get(DataSource);
    for (const table of ['case_summaries', 'case_summary_tags', 'case_deadlines']) {
      const [{ n }] = await db.query(`SELECT COUNT(*) AS n FROM ${table} WHERE case_id = ${db.options.type === 'postgres' ? '$1' : '?'}`, [id]);
      expect(Number(n)).toBe(0);
    }
    expect((await list({ q: '改名后的测试' })).total).toBe(0);
  });

  it('builds the summary of cases stored without one at start-up', async () => {
    const db = app.get(DataSource);
    const id = ids.get('02-hearing-case.json')!;
    await db.query(`DELETE FROM case_summaries WHERE case_id = ${db.options.type === 'postgres' ? '$1' : '?'}`, [id]);
    expect((await list({ q: read('02-hearing-case.json').case.caseNumber })).total).toBe(0);
    await app.get(CaseSummaryService).onApplicationBootstrap();
    expect((await list({ q: read('02-hearing-case.json').case.caseNumber })).items.map((i: { id: string }) => i.id)).toEqual([id]);
  });
});
