import { SMALL_MENU, TOKEN, catalogFixture } from "../e2e/catalog-fixture";
import { errorText } from "./bad-input-fixture";

const LONG = 600_000;
/** Pulumi's own debug logging, as someone chasing a problem would turn it on. */
const VERBOSE = ["-v=9", "--logtostderr", "--logflow"];

/**
 * The token must not leak through the paths a failure takes: the error a person reads, the
 * engine's debug log, the state, and what the tests themselves print. The token comes from
 * SQUARE_ACCESS_TOKEN here; with it in stack config, Pulumi 3.248 itself prints secret config in
 * its -v=9 log (README, "Secrets"), which tests/e2e/catalog-stack.test.ts documents.
 */
describe("the access token in failures", () => {
  test("a rejected token appears in no error message, verbose engine log or state", async () => {
    const rejected = "sq-rejected-token-5e1b7a90c4";
    const fixture = await catalogFixture({ menu: SMALL_MENU, env: { SQUARE_ACCESS_TOKEN: rejected } });
    try {
      await fixture.workspace.run(["config", "rm", "square-catalog:accessToken"]);
      const preview = await fixture.workspace.run(["preview", "--non-interactive", ...VERBOSE]);
      const up = await fixture.workspace.run(["up", "--yes", "--non-interactive", ...VERBOSE]);
      const state = await fixture.workspace.run(["stack", "export", "--show-secrets"]);

      expect(preview.code).not.toBe(0);
      expect(up.code).not.toBe(0);
      expect(errorText(up)).toContain("rejected the access token from the SQUARE_ACCESS_TOKEN environment variable");
      expect(up.output.length).toBeGreaterThan(10_000);
      for (const text of [preview.output, up.output, state.stdout, fixture.workspace.log]) {
        expect(text).not.toContain(rejected);
        expect(text).not.toContain(TOKEN);
      }
    } finally {
      await fixture.dispose();
    }
  }, LONG);

  test("a run that fails at Square with a valid token: no token in its errors, verbose log or state", async () => {
    const fixture = await catalogFixture({ menu: SMALL_MENU, env: { SQUARE_ACCESS_TOKEN: TOKEN } });
    try {
      await fixture.workspace.run(["config", "rm", "square-catalog:accessToken"]);
      fixture.emulator.faults.failNext("BatchUpsertCatalogObjects", 40, { status: 500 });
      const up = await fixture.workspace.run(["up", "--yes", "--non-interactive", "--skip-preview", ...VERBOSE]);
      fixture.emulator.faults.clear();
      const state = await fixture.workspace.run(["stack", "export", "--show-secrets"]);

      expect(up.code).not.toBe(0);
      expect(errorText(up)).toContain("BatchUpsertCatalogObjects failed with HTTP 500");
      for (const text of [up.output, state.stdout, fixture.workspace.log]) expect(text).not.toContain(TOKEN);
    } finally {
      await fixture.dispose();
    }
  }, LONG);
});
