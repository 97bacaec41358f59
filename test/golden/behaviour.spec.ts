/**
 * Behaviour is unchanged: every sample and every rule fixture case gives the findings, score and report text
 * recorded in test/golden/behaviour.json. A change on purpose (a legal correction, a new sheet) regenerates the
 * golden with `npm run snapshot:update` and the diff of behaviour.json is reviewed with the change.
 */
import { readFileSync } from 'node:fs';
import { collectBehaviour, GOLDEN_FILE, type BehaviourSnapshot } from '../../scripts/behaviour-snapshot';

const UPDATE = 'behaviour changed — if intended, run `npm run snapshot:update` and commit test/golden/behaviour.json with the change';

describe('behaviour snapshot (test/golden/behaviour.json)', () => {
  let now: BehaviourSnapshot;
  const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as BehaviourSnapshot;
  beforeAll(async () => {
    now = JSON.parse(JSON.stringify(await collectBehaviour())) as BehaviourSnapshot;
  });

  it('the same samples and rule fixture cases are recorded', () => {
    expect({ samples: Object.keys(now.samples), ruleFixtures: Object.keys(now.ruleFixtures) }).toEqual({
      samples: Object.keys(golden.samples),
      ruleFixtures: Object.keys(golden.ruleFixtures),
    });
  });

  it.each(Object.keys(golden.samples))('sample %s: findings, score and report text as recorded', (file) => {
    if (JSON.stringify(now.samples[file]) !== JSON.stringify(golden.samples[file])) {
      expect({ [UPDATE]: now.samples[file] }).toEqual({ [UPDATE]: golden.samples[file] });
    }
  });

  it('every rule fixture case gives the recorded findings', () => {
    const changed = Object.keys(golden.ruleFixtures).filter(
      (k) => JSON.stringify(now.ruleFixtures[k]) !== JSON.stringify(golden.ruleFixtures[k]),
    );
    if (changed.length) {
      const first = changed[0];
      expect({ [UPDATE]: { changedCases: changed, [first]: now.ruleFixtures[first] } }).toEqual({
        [UPDATE]: { changedCases: [], [first]: golden.ruleFixtures[first] },
      });
    }
  });
});
