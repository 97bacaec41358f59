/**
 * 抽查 — which stored cases an evaluation task reviews: all of them, a ratio, plus a 必查 list that is always in.
 * Seeded and reproducible: the candidates are put in 案号 order first (the record id only breaks a tie between two
 * files that carry the same 案号), so the same seed over the same list of 案号 gives the same sample whatever order
 * the database returned them in — on another deployment too, after the cases were imported again, and for anyone
 * who redoes the draw from the published list of 案号 in scope. With `stratify: 'agency'` (default) the ratio is
 * applied within each agency (各单位按比例抽取, at least one case from each agency that has cases).
 */
import { AdjudicationError } from './rulings';
import { seededRandom, shuffled } from './random';

export interface SampleCandidate {
  id: string;
  /** 案号: the order of the draw */
  caseNumber: string;
  agency: string;
}

export interface SamplingSpec {
  mode: 'all' | 'ratio';
  /** 0 < ratio ≤ 1, for mode ratio */
  ratio?: number;
  /** 必查: case ids always in the sample */
  mustInclude?: string[];
  seed: string;
  stratify?: 'agency' | 'none';
}

export interface SampledCase {
  id: string;
  agency: string;
  /** all: every candidate · must: 必查 list · drawn: by the seeded draw */
  reason: 'all' | 'must' | 'drawn';
}

export interface Sample {
  seed: string;
  population: number;
  selected: SampledCase[];
  perAgency: { agency: string; population: number; selected: number }[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** 案号 in code-point order (no locale collation: the same order on every machine), the id for equal 案号 */
const byCaseNumber = (a: SampleCandidate, b: SampleCandidate) =>
  a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : byId(a, b);

export function drawSample(candidates: readonly SampleCandidate[], spec: SamplingSpec): Sample {
  const pool = [...new Map(candidates.map((c) => [c.id, c])).values()].sort(byCaseNumber);
  const must = new Set(spec.mustInclude ?? []);
  const ids = new Set(pool.map((c) => c.id));
  const missing = [...must].filter((id) => !ids.has(id));
  if (missing.length > 0) {
    throw new AdjudicationError('MUST_INCLUDE_NOT_IN_SCOPE', `必查案卷不在本次评查范围内：${missing.join('、')}`, 'sampling.mustInclude');
  }
  let selected: SampledCase[];
  if (spec.mode === 'all') {
    selected = pool.map((c) => ({ id: c.id, agency: c.agency, reason: must.has(c.id) ? 'must' : 'all' }));
  } else {
    const ratio = spec.ratio;
    if (ratio === undefined || !(ratio > 0 && ratio <= 1)) {
      throw new AdjudicationError('INVALID_RATIO', `抽查比例须大于 0 且不大于 1：${String(ratio)}`, 'sampling.ratio');
    }
    const strata = new Map<string, SampleCandidate[]>();
    for (const c of pool) {
      const key = spec.stratify === 'none' ? '' : c.agency;
      strata.set(key, [...(strata.get(key) ?? []), c]);
    }
    selected = [];
    for (const key of [...strata.keys()].sort()) {
      const members = strata.get(key)!;
      const target = Math.max(1, Math.ceil(members.length * ratio - 1e-9));
      const mustHere = members.filter((c) => must.has(c.id));
      const rest = shuffled(
        members.filter((c) => !must.has(c.id)),
        seededRandom(spec.seed, `sample:${key}`),
      );
      const drawn = rest.slice(0, Math.max(0, target - mustHere.length));
      selected.push(...mustHere.map((c) => ({ id: c.id, agency: c.agency, reason: 'must' as const })));
      selected.push(...drawn.map((c) => ({ id: c.id, agency: c.agency, reason: 'drawn' as const })));
    }
    const rank = new Map(pool.map((c, i) => [c.id, i]));
    selected.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  }
  const agencies = [...new Set(pool.map((c) => c.agency))].sort();
  return {
    seed: spec.seed,
    population: pool.length,
    selected,
    perAgency: agencies.map((agency) => ({
      agency,
      population: pool.filter((c) => c.agency === agency).length,
      selected: selected.filter((c) => c.agency === agency).length,
    })),
  };
}
