#!/usr/bin/env node
/**
 * The PostgreSQL pass of `npm test`: every e2e suite again, against the server in TEST_DATABASE_URL
 * (a throw-away database: each test app drops its schema). Without TEST_DATABASE_URL it says so and passes,
 * so `npm test` works on a machine without PostgreSQL; CI (.ci/run) starts a server and sets it.
 *   scripts/with-postgres.sh npm test      # both passes, against a temporary local cluster
 */
'use strict';
const { spawnSync } = require('node:child_process');

const url = (process.env.TEST_DATABASE_URL || '').trim();
if (!/^postgres(ql)?:\/\//.test(url)) {
  console.log('PostgreSQL pass skipped: TEST_DATABASE_URL is not set (scripts/with-postgres.sh npm test runs it against a local cluster).');
  process.exit(0);
}
console.log(`PostgreSQL pass: e2e suites against ${url.replace(/\/\/[^@/]*@/, '//…@')}`);
const r = spawnSync(
  process.execPath,
  [require.resolve('jest/bin/jest'), '--runInBand', '--forceExit', '--testPathPatterns', 'e2e-spec\\.ts$'],
  { stdio: 'inherit', env: { ...process.env, TZ: 'Asia/Shanghai', NODE_OPTIONS: `${process.env.NODE_OPTIONS || ''} --experimental-vm-modules`.trim() } },
);
process.exit(r.status ?? 1);
