/**
 * Jest runs TypeScript through @swc/jest (no type-checking: `npm run typecheck` does that).
 * NestJS 12 packages are ESM-only, so node_modules/@nestjs is transformed too.
 */
function swc({ ignoreDynamic }) {
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs', ignoreDynamic },
  };
}

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: {
    // node_modules/@nestjs (ESM-only) becomes CommonJS whole, its lazy `import()`s included: one copy of each module
    '/node_modules/@nestjs/.+\\.(t|j|mj|cj)s$': ['@swc/jest', swc({ ignoreDynamic: false })],
    // the project's own code keeps `import()` as is, so tests can load ESM-only packages with top-level await (mupdf)
    '^.+\\.(t|j|mj|cj)s$': ['@swc/jest', swc({ ignoreDynamic: true })],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs)/)'],
  testTimeout: 60000,
};
