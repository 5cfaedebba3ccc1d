import { SMALL_MENU, catalogFixture, writeCalls, type CatalogFixture } from "../e2e/catalog-fixture";
import { callCount, errorCount, errorText, tableRow } from "./bad-input-fixture";

const LONG = 300_000;
/** Keeps a token from the test's own shell out of the stack under test. */
const NO_ENV_TOKEN = { SQUARE_ACCESS_TOKEN: "" };

/**
 * The program asks Square one cheap question (GET /v2/catalog/info) before it registers a
 * resource, so a token problem is one error, said once, instead of one per catalog object.
 */
describe("a missing, empty or rejected access token", () => {
  let fixture: CatalogFixture;
  beforeAll(async () => {
    fixture = await catalogFixture({ menu: SMALL_MENU });
  }, LONG);
  afterAll(() => fixture?.dispose());

  async function preview() {
    fixture.emulator.resetCounters();
    const result = await fixture.workspace.run(["preview", "--non-interactive"], NO_ENV_TOKEN);
    expect(result.code).not.toBe(0);
    expect(errorCount(result)).toBe(1);
    return result;
  }

  test("missing: says how to set it, and calls nothing", async () => {
    await fixture.workspace.run(["config", "rm", "square-catalog:accessToken"]);
    const result = await preview();
    expect(errorText(result)).toContain("No Square access token is set for this stack.");
    expect(errorText(result)).toContain("pulumi config set --secret square-catalog:accessToken");
    expect(callCount(fixture.emulator)).toBe(0);
    tableRow("token: missing", "No Square access token is set for this stack. Set it with `pulumi config set --secret square-catalog:accessToken <token>`", "the program (`stack/preflight.ts`), no call");
  }, LONG);

  test("empty (set to blanks): the same, and calls nothing", async () => {
    await fixture.workspace.setConfig("accessToken", "  ", { secret: true });
    const result = await preview();
    expect(errorText(result)).toContain("No Square access token is set for this stack.");
    expect(callCount(fixture.emulator)).toBe(0);
    tableRow("token: empty", "No Square access token is set for this stack.", "the program (`stack/preflight.ts`), no call");
  }, LONG);

  test("rejected by Square: names where the token came from, one read and no write", async () => {
    await fixture.workspace.setConfig("accessToken", "sq-not-this-accounts-token", { secret: true });
    const result = await preview();
    expect(errorText(result)).toContain(
      `the local Square API at ${fixture.emulator.url} rejected the access token from the secret config square-catalog:accessToken (401 UNAUTHORIZED)`,
    );
    expect(errorText(result)).not.toContain("sq-not-this-accounts-token");
    expect(writeCalls(fixture.emulator)).toBe(0);
    expect(fixture.emulator.objects()).toEqual([]);
    tableRow("token: rejected (401)", "rejected the access token from the secret config square-catalog:accessToken (401 UNAUTHORIZED)", "the program's access check, 1 read (CatalogInfo), no write");
  }, LONG);

  test("rejected, from the environment: names SQUARE_ACCESS_TOKEN", async () => {
    await fixture.workspace.run(["config", "rm", "square-catalog:accessToken"]);
    fixture.emulator.resetCounters();
    const result = await fixture.workspace.run(["preview", "--non-interactive"], {
      SQUARE_ACCESS_TOKEN: "sq-from-the-wrong-shell",
    });
    expect(result.code).not.toBe(0);
    expect(errorText(result)).toContain("rejected the access token from the SQUARE_ACCESS_TOKEN environment variable");
    expect(result.output).not.toContain("sq-from-the-wrong-shell");
    expect(writeCalls(fixture.emulator)).toBe(0);
  }, LONG);
});
