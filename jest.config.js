/** Jest: ts-jest transpiles (type checking is `npm run typecheck`); one project for all tests. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/src', '<rootDir>/packages'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  // The bundle takes lvovich's ES modules (esbuild); Jest runs CommonJS, so tests load the same
  // library's CommonJS build.
  moduleNameMapper: { '^lvovich/esm/index\\.js$': 'lvovich' },
  testTimeout: 60000,
};
