import * as net from "net";

import { SMALL_MENU, catalogFixture, type CatalogFixture } from "../e2e/catalog-fixture";
import { callCount, errorCount, errorText, tableRow } from "./bad-input-fixture";

const LONG = 300_000;

/**
 * Where the stack writes is settled before anything is planned: an unreachable or wrong base
 * URL, and a production stack pointed anywhere but Square's production API, are one error each,
 * with the setting to fix, and no call reaches the catalog.
 */
describe("a wrong Square target", () => {
  let fixture: CatalogFixture;
  beforeAll(async () => {
    fixture = await catalogFixture({ menu: SMALL_MENU });
  }, LONG);
  afterAll(() => fixture?.dispose());

  async function previewWith(config: Record<string, string>) {
    for (const [key, value] of Object.entries(config)) await fixture.workspace.setConfig(key, value);
    fixture.emulator.resetCounters();
    const result = await fixture.workspace.preview();
    expect(result.code).not.toBe(0);
    expect(errorCount(result)).toBe(1);
    expect(callCount(fixture.emulator)).toBe(0);
    expect(fixture.emulator.objects()).toEqual([]);
    return errorText(result);
  }

  test("an unreachable base URL: says it cannot reach it and what to start or fix", async () => {
    const port = await closedPort();
    const text = await previewWith({ environment: "local", baseUrl: `http://127.0.0.1:${port}` });
    // The reason in brackets is the socket's error, not fetch's generic "fetch failed".
    expect(text).toContain(`Cannot reach the local Square API at http://127.0.0.1:${port} (ECONNREFUSED).`);
    expect(text).toContain("Start the emulator (`npm run emulator`) or fix square-catalog:baseUrl.");
    tableRow("base URL unreachable", "Cannot reach the local Square API at http://127.0.0.1:PORT (ECONNREFUSED). Start the emulator (`npm run emulator`) or fix square-catalog:baseUrl.", "the program's access check, no call answered");
  }, LONG);

  test("a base URL that is not a Square API: names the answer and the settings to check", async () => {
    const text = await previewWith({ environment: "local", baseUrl: `${fixture.emulator.url}/square` });
    expect(text).toContain(`answered HTTP 404 to GET /v2/catalog/info`);
    expect(text).toContain("Check square-catalog:baseUrl and square-catalog:environment.");
    tableRow("base URL wrong (answers 404)", "the local Square API at http://…/square answered HTTP 404 to GET /v2/catalog/info: NOT_FOUND … Check square-catalog:baseUrl and square-catalog:environment.", "the program's access check");
  }, LONG);

  test("a production stack pointed at the emulator: refused, with the command that fixes it", async () => {
    const text = await previewWith({ environment: "production", baseUrl: fixture.emulator.url });
    expect(text).toContain(
      `This stack is configured as production (square-catalog:environment = production) but square-catalog:baseUrl points at ${fixture.emulator.url}.`,
    );
    expect(text).toContain("pulumi config rm square-catalog:baseUrl");
    tableRow("production stack + emulator URL", "This stack is configured as production (…) but square-catalog:baseUrl points at http://127.0.0.1:…", "the program's settings (`provider/settings.ts`), no call");
  }, LONG);

  test("a production stack pointed at Square's sandbox: refused, naming the sandbox", async () => {
    const text = await previewWith({ environment: "production", baseUrl: "https://connect.squareupsandbox.com" });
    expect(text).toContain("square-catalog:baseUrl points at Square's sandbox");
    tableRow("production stack + sandbox URL", "square-catalog:baseUrl points at Square's sandbox. A production stack only talks to Square's production API.", "the program's settings, no call");
  }, LONG);

  test("an unknown environment: lists the three it may be", async () => {
    await fixture.workspace.run(["config", "rm", "square-catalog:baseUrl"]);
    const text = await previewWith({ environment: "prod" });
    expect(text).toContain('square-catalog:environment must be "sandbox", "production" or "local" (found "prod")');
    tableRow("environment misspelt", 'square-catalog:environment must be "sandbox", "production" or "local" (found "prod")', "the program's settings, no call");
  }, LONG);
});

/** A port nothing listens on: one the system just handed out, closed again. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
