/**
 * HTTP: GET /api/calendar/deadline and GET /api/calendar/day/:date on the real app (in-memory SQLite).
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { api, createTestApp } from '../support/create-test-app';
import { LAST_COVERED_YEAR, NO_SCHEDULE_YEAR } from '../support/holiday-coverage';

let app: NestExpressApplication;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

const get = (url: string) => api(app).get(url);

describe('GET /api/calendar/deadline', () => {
  test('working days across 春节 (catalog #5)', async () => {
    const res = await get('/api/calendar/deadline?start=2025-01-24&amount=5&unit=workday&basis=' + encodeURIComponent('行政处罚法第64条第1款第1项、第85条')).expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      end: '2025-02-07',
      arithmeticEnd: '2025-02-07',
      rolled: false,
      missingYears: [],
      request: { start: '2025-01-24', amount: 5, unit: 'workday', direction: 'forward', roll: 'party' },
    });
    expect(res.body.explanation).toContain('2025-01-28至2025-02-04 春节放假，不计入');
    expect(res.body.explanation).toContain('行政处罚法第85条："五日"指工作日，不含法定节假日');
    expect(res.body.dataVersion).toContain('chinese-days@');
  });

  test('party roll vs strict (catalog #11)', async () => {
    const party = await get('/api/calendar/deadline?start=2025-09-21&amount=15&unit=day&roll=party').expect(200);
    expect(party.body).toMatchObject({ end: '2025-10-09', arithmeticEnd: '2025-10-06', rolled: true });
    const strict = await get('/api/calendar/deadline?start=2025-09-21&amount=15&unit=day&roll=strict').expect(200);
    expect(strict.body).toMatchObject({ end: '2025-10-06', arithmeticEnd: '2025-10-06', rolled: false });
  });

  test('months: 民法典第202条 month end (catalog #1)', async () => {
    const res = await get('/api/calendar/deadline?start=2024-11-30&amount=3&unit=month').expect(200);
    expect(res.body.end).toBe('2025-02-28');
  });

  test('backward, both readings (catalog #6)', async () => {
    const c = await get('/api/calendar/deadline?start=2025-10-13&amount=7&unit=workday&direction=backward').expect(200);
    expect(c.body.end).toBe('2025-09-26');
    expect(c.body.explanation.join('\n')).toContain('保守口径');
    const i = await get('/api/calendar/deadline?start=2025-10-13&amount=7&unit=workday&direction=backward&reading=inclusive').expect(200);
    expect(i.body.end).toBe('2025-09-27');
    expect(i.body.explanation.join('\n')).toContain('宽松口径');
  });

  test('a year without a schedule answers 200 with status undeterminable', async () => {
    const res = await get(`/api/calendar/deadline?start=${LAST_COVERED_YEAR}-12-28&amount=7&unit=workday`).expect(200);
    expect(res.body).toMatchObject({ status: 'undeterminable', end: null, missingYears: [NO_SCHEDULE_YEAR] });
  });

  test.each([
    ['an impossible date', 'start=2025-02-30&amount=5&unit=day', 'start', 'INVALID_DATE'],
    ['a malformed date', 'start=2025-2-3&amount=5&unit=day', 'start', 'INVALID_DATE'],
    ['a missing start', 'amount=5&unit=day', 'start', 'REQUIRED'],
    ['an unknown unit', 'start=2025-02-03&amount=5&unit=week', 'unit', 'INVALID_UNIT'],
    ['hours', 'start=2025-02-03&amount=24&unit=hour', 'unit', 'INVALID_UNIT'],
    ['a negative amount', 'start=2025-02-03&amount=-5&unit=day', 'amount', 'INVALID_AMOUNT'],
    ['a non-integer amount', 'start=2025-02-03&amount=1.5&unit=day', 'amount', 'INVALID_AMOUNT'],
    ['a zero amount', 'start=2025-02-03&amount=0&unit=day', 'amount', 'INVALID_AMOUNT'],
    ['a missing amount', 'start=2025-02-03&unit=day', 'amount', 'REQUIRED'],
    ['a huge amount', 'start=2025-02-03&amount=99999999&unit=day', 'amount', 'AMOUNT_TOO_LARGE'],
    ['an unknown direction', 'start=2025-02-03&amount=5&unit=day&direction=sideways', 'direction', 'INVALID_DIRECTION'],
    ['an unknown roll', 'start=2025-02-03&amount=5&unit=day&roll=maybe', 'roll', 'INVALID_ROLL'],
    ['an unknown reading', 'start=2025-02-03&amount=5&unit=day&direction=backward&reading=loose', 'reading', 'INVALID_READING'],
    ['an unknown parameter', 'start=2025-02-03&amount=5&unit=day&units=day', 'units', 'UNKNOWN_PARAMETER'],
    ['a repeated parameter', 'start=2025-02-03&start=2025-02-04&amount=5&unit=day', 'start', 'DUPLICATE_PARAMETER'],
  ])('400 for %s', async (_label, qs, path, code) => {
    const res = await get(`/api/calendar/deadline?${qs}`).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path, code })]));
    for (const e of res.body.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('GET /api/calendar/day/:date', () => {
  test('a 调休上班日 with its holiday name', async () => {
    const res = await get('/api/calendar/day/2025-10-11').expect(200);
    expect(res.body).toMatchObject({
      date: '2025-10-11',
      weekday: '星期六',
      status: 'ok',
      kind: 'adjusted_workday',
      kindLabel: '调休上班日（工作日）',
      isWorkday: true,
      name: '国庆节、中秋节',
    });
  });

  test('a holiday, a weekend, a workday', async () => {
    expect((await get('/api/calendar/day/2025-01-29').expect(200)).body).toMatchObject({ kind: 'holiday', name: '春节', isWorkday: false });
    expect((await get('/api/calendar/day/2025-03-08').expect(200)).body).toMatchObject({ kind: 'weekend', isWorkday: false });
    expect((await get('/api/calendar/day/2025-03-10').expect(200)).body).toMatchObject({ kind: 'workday', isWorkday: true, kindLabel: '工作日' });
  });

  test('a year without data', async () => {
    const res = await get(`/api/calendar/day/${NO_SCHEDULE_YEAR}-03-01`).expect(200);
    expect(res.body).toMatchObject({ status: 'undeterminable', kindLabel: null });
    expect(res.body.kind).toBeUndefined();
  });

  test.each(['2025-02-30', '2025-13-01', 'tomorrow'])('400 for %s', async (date) => {
    const res = await get(`/api/calendar/day/${date}`).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.errors[0]).toMatchObject({ code: 'INVALID_DATE' });
  });
});
