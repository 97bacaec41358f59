#!/usr/bin/env node
/**
 * Run a TypeScript file without a build: `node scripts/run-ts.cjs scripts/generate-schema.ts [args…]`.
 * Transpiles .ts on require with @swc/core (already a dev dependency, same settings as jest: legacy decorators
 * + decorator metadata, CommonJS). No type-checking — `npx tsc --noEmit` does that.
 */
'use strict';
const { transformSync } = require('@swc/core');
const fs = require('node:fs');
const path = require('node:path');

require.extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    swcrc: false,
    configFile: false,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

const [script, ...rest] = process.argv.slice(2);
if (!script) {
  console.error('用法：node scripts/run-ts.cjs <文件.ts> [参数…]');
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(script), ...rest];
// load it as the main module, so `require.main === module` holds inside the script
require('node:module').runMain();
