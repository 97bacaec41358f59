/**
 * Period units and how they are written: the words of 民法典第200–203条 and 行政处罚法第85条 as findings, the
 * calendar's trace, the rules doc and the report print them.
 */

/** day 日 (自然日) · workday 工作日 · month 月 · year 年 · hour 小时 */
export type PeriodUnit = 'day' | 'workday' | 'month' | 'year' | 'hour';

export const PERIOD_UNITS: readonly PeriodUnit[] = ['day', 'workday', 'month', 'year', 'hour'];

/** the unit as a word: "日", "工作日", "月" … (rules doc, calendar messages) */
export const PERIOD_UNIT_WORDS: Record<PeriodUnit, string> = { day: '日', workday: '工作日', month: '月', year: '年', hour: '小时' };

/** the unit after a number: "五个工作日", "3个月", "二年" */
const MEASURE_WORDS: Record<PeriodUnit, string> = { day: '日', workday: '个工作日', month: '个月', year: '年', hour: '小时' };

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese numerals for amounts in legal text: 5 → 五, 15 → 十五, 90 → 九十, 105 → 一百零五 (digits from 1000 on) */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1000) return String(n);
  if (n < 10) return CN_DIGITS[n];
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return (tens === 1 ? '' : CN_DIGITS[tens]) + '十' + (ones ? CN_DIGITS[ones] : '');
  }
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (rest === 0) return CN_DIGITS[hundreds] + '百';
  return CN_DIGITS[hundreds] + '百' + (rest < 10 ? '零' + CN_DIGITS[rest] : (rest < 20 ? '一' : '') + chineseNumber(rest));
}

/** a period in words, as the law writes it: "七个工作日", "九十日", "三个月", "二年", "二十四小时" */
export function periodText(amount: number, unit: string): string {
  return chineseNumber(amount) + (MEASURE_WORDS[unit as PeriodUnit] ?? unit);
}

/** a period in digits, as the calendar's trace writes it: "5个工作日", "90日", "3个月" */
export function periodDigits(amount: number, unit: string): string {
  return `${amount}${MEASURE_WORDS[unit as PeriodUnit] ?? unit}`;
}
