/**
 * Tests are transformed by @swc/jest (no type-checking, fast on two cores); types are checked
 * separately by `pnpm typecheck` (tsc -b). Workspace packages resolve to their sources.
 */
const swc = ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } }];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.ts$": swc },
  moduleNameMapper: { "^@mcb/(contracts|bus|db|config|telemetry|testkit|runtime)$": "<rootDir>/packages/$1/src" },
  testMatch: ["<rootDir>/packages/*/src/**/*.test.ts", "<rootDir>/services/*/src/**/*.test.ts", "<rootDir>/test/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/"],
  testTimeout: 30_000,
  reporters: ["default", "<rootDir>/scripts/summary-reporter.cjs"],
};
