import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { SquareClient } from "square";

import { startEmulator, type RunningEmulator } from "../../emulator";
import { TOKEN } from "../e2e/catalog-fixture";
import { PulumiWorkspace } from "../e2e/pulumi-workspace";
import { FaultTally, arrangeUnrelatedObjects, largeMenu, verifyCatalog, waitFor } from "./reliability-fixture";

const LONG = 900_000;

/** Resolves once the file has not changed for `stableMs`: a stopped server's last write landed. */
async function settled(file: string, stableMs = 500) {
  let last = fs.statSync(file).mtimeMs;
  let since = Date.now();
  await waitFor(`${file} to stop changing`, () => {
    const now = fs.statSync(file).mtimeMs;
    if (now !== last) {
      last = now;
      since = Date.now();
    }
    return Date.now() - since >= stableMs;
  });
}

/**
 * Square's side goes away in the middle of a run (a deploy, a network blip) and comes back with
 * everything it had committed. Calls that found it gone are retried; a write whose answer was
 * cut off is sent again with its idempotency key, which the restarted server still remembers.
 */
describe("the emulator restarted with its data file in the middle of an up", () => {
  test("the up finishes or a re-run converges; every object exists once", async () => {
    const menu = largeMenu(60, 4);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-restart-"));
    const dataFile = path.join(dir, "catalog.json");
    let emulator: RunningEmulator = await startEmulator({ token: TOKEN, dataFile, writeProcessingMs: 5 });
    const port = Number(new URL(emulator.url).port);
    const workspace = await PulumiWorkspace.create({
      config: { environment: "local", baseUrl: emulator.url, menuFile: "menu.json" },
      secrets: { accessToken: TOKEN },
    });
    try {
      workspace.writeFile("menu.json", menu);
      const tally = new FaultTally("emulator restart mid-up (60 items)");
      const square = new SquareClient({ token: TOKEN, baseUrl: emulator.url, maxRetries: 0 });
      const unrelated = await arrangeUnrelatedObjects(square, emulator);
      emulator.faults.setLatencyMs(100);

      tally.runs++;
      const running = workspace.start(["up", "--yes", "--non-interactive", "--skip-preview"]);
      const managed = () => emulator.objects().length - unrelated.length;
      await waitFor("20 objects created", () => managed() >= 20, 600_000);

      await emulator.stop();
      tally.inject(1);
      await settled(dataFile);
      emulator = await startEmulator({ token: TOKEN, dataFile, port, writeProcessingMs: 5 });
      const first = await running.done;
      console.log(`up across the restart: exit ${first.code}`);
      if (first.code !== 0) {
        expect(first.output).toMatch(/could not reach|failed with HTTP/);
        expect((await tally.run(workspace.up())).code).toBe(0);
      }

      const again = await tally.run(workspace.up());
      expect(again.code).toBe(0);
      expect(again.output).toMatch(/65 unchanged/);
      const verdict = verifyCatalog(emulator, menu, unrelated);
      tally.report(verdict);
      expect(verdict.problems).toEqual([]);
    } finally {
      workspace.dispose();
      await emulator.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, LONG);
});
