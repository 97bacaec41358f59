import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { parse } from 'yaml';
import { projectRoot } from '../core/paths';

export interface RuleExample {
  name: string;
  base: string;
  mode?: string;
  asOf?: string;
  patch?: unknown[];
  expect?: unknown;
}

/** The valid/invalid cases of fixtures/rules/*.yaml (the rule tests), read once, served with GET /api/rules/:id. */
@Injectable()
export class RuleExamples {
  private cache?: Map<string, { valid: RuleExample[]; invalid: RuleExample[] }>;

  forRule(id: string): { valid: RuleExample[]; invalid: RuleExample[] } {
    return this.load().get(id) ?? { valid: [], invalid: [] };
  }

  private load() {
    if (this.cache) return this.cache;
    const map = new Map<string, { valid: RuleExample[]; invalid: RuleExample[] }>();
    const dir = join(projectRoot(), 'fixtures', 'rules');
    if (existsSync(dir)) {
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml')).sort()) {
        const doc = parse(readFileSync(join(dir, f), 'utf8')) as Record<string, { valid?: RuleExample[]; invalid?: RuleExample[] }>;
        for (const [id, fx] of Object.entries(doc ?? {})) map.set(id, { valid: fx.valid ?? [], invalid: fx.invalid ?? [] });
      }
    }
    this.cache = map;
    return map;
  }
}
