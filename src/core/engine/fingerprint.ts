/** Stable finding fingerprint: rule id + outcome key + the facts used (ids and values) — no timestamps. */
import type { FactRef } from './types';

function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function fingerprint(ruleId: string, key: string, facts: FactRef[]): string {
  let s = ruleId + '\u0000' + key;
  for (const f of facts) s += '\u0000' + (f.refId ?? '') + '=' + String(f.value);
  const a = fnv1a(s, 0x811c9dc5).toString(16).padStart(8, '0');
  const b = fnv1a(s, 0x01234567).toString(16).padStart(8, '0');
  return `${ruleId}:${a}${b}`;
}
