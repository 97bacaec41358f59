#!/usr/bin/env node
'use strict';
// casefile — shim for the compiled CLI (src/cli/main.ts → dist/src/cli/main.js). Build once with `npm run build`.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const entry = join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write('casefile 尚未编译：请先在项目根目录运行 `npm run build`（生成 dist/）。\n');
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`内部错误：${(e && e.stack) || e}\n`);
      process.exitCode = 3;
    },
  );
