import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { startEmulator } from "../../emulator";
import { freshKey, wireCategory, wireItem } from "./fixtures";
import { startTestEmulator } from "./harness";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "square-emulator-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("persistence in a data file", () => {
  test("objects, the version clock and idempotency keys survive a restart", async () => {
    const dataFile = join(dir, "catalog.json");
    const request = {
      idempotency_key: freshKey(),
      batches: [
        { objects: [wireCategory("#c", "Wraps"), wireItem("#i", "Wrap", { categoryId: "#c" })] },
      ],
    };

    const first = await startTestEmulator({ dataFile });
    const created = await first.call("POST", "/v2/catalog/batch-upsert", request);
    const before = first.emulator.objects();
    await first.stop();

    const second = await startTestEmulator({ dataFile });
    try {
      expect(second.emulator.objects()).toEqual(before);
      const replay = await second.call("POST", "/v2/catalog/batch-upsert", request);
      expect(replay.body).toEqual(created.body);
      expect(second.emulator.objects()).toHaveLength(2);

      const category = await second.call("POST", "/v2/catalog/object", {
        idempotency_key: freshKey(),
        object: wireCategory("#d", "Bowls"),
      });
      expect(category.body.catalog_object.version).toBeGreaterThan(created.body.objects[1].version);

      const listed = await second.call("GET", "/v2/catalog/list");
      expect(listed.body.objects.map((o: { id: string }) => o.id)).toEqual([
        ...before.map((o) => o.id),
        category.body.catalog_object.id,
      ]);
      expect(second.schemaViolations).toEqual([]);
    } finally {
      await second.stop();
    }
  });

  test("the file is replaced atomically: no temporary file is left behind and it is always whole JSON", async () => {
    const dataFile = join(dir, "catalog.json");
    const t = await startTestEmulator({ dataFile });
    try {
      for (let i = 0; i < 5; i++) {
        await t.call("POST", "/v2/catalog/object", {
          idempotency_key: freshKey(),
          object: wireCategory(`#c${i}`, `C${i}`),
        });
        expect(() => JSON.parse(readFileSync(dataFile, "utf8"))).not.toThrow();
      }
      expect(readdirSync(dir)).toEqual(["catalog.json"]);
    } finally {
      await t.stop();
    }
  });

  test("a corrupt data file makes startEmulator reject with a message naming the file and what to do", async () => {
    const dataFile = join(dir, "catalog.json");
    writeFileSync(dataFile, '{"format": "square-catalog-emulator/1", "objects": [');
    const failure = startEmulator({ token: "t", dataFile });
    await expect(failure).rejects.toThrow(dataFile);
    await expect(startEmulator({ token: "t", dataFile })).rejects.toThrow(
      /not valid JSON.*Move it aside or delete it/s,
    );
    expect(readFileSync(dataFile, "utf8")).toContain("square-catalog-emulator/1");

    writeFileSync(dataFile, JSON.stringify({ objects: [] }));
    await expect(startEmulator({ token: "t", dataFile })).rejects.toThrow(/format/);
  });

  test("a data file that does not exist yet starts an empty catalog and is created on the first write", async () => {
    const dataFile = join(dir, "new.json");
    const t = await startTestEmulator({ dataFile });
    try {
      expect(t.emulator.objects()).toEqual([]);
      expect(existsSync(dataFile)).toBe(false);
      await t.call("POST", "/v2/catalog/object", {
        idempotency_key: freshKey(),
        object: wireCategory("#c", "A"),
      });
      expect(existsSync(dataFile)).toBe(true);
    } finally {
      await t.stop();
    }
  });
});
