/** Jest runs the TypeScript sources directly through ts-jest, in CommonJS like the Pulumi program. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": "ts-jest" },
  // End-to-end tests start the real Pulumi engine, which takes seconds per command.
  testTimeout: 300_000,
  maxWorkers: 2,
};
