import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const PROJECT_ROOT = path.join(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadImplementation } = require("../../provider/load-implementation.js") as {
  loadImplementation(projectDir: string): Record<string, unknown>;
};

/**
 * The provider process loads the implementation through this cache. A copy of the project's
 * provider sources in a temporary folder, with its own node_modules, keeps the real cache out.
 */
describe("loading the provider implementation", () => {
  let project: string;
  const cacheEntries = () =>
    fs.readdirSync(path.join(project, "node_modules", ".cache", "square-catalog")).sort();

  beforeEach(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), "square-catalog-loader-"));
    fs.cpSync(path.join(PROJECT_ROOT, "provider"), path.join(project, "provider"), { recursive: true });
    fs.mkdirSync(path.join(project, "catalog"));
    fs.copyFileSync(
      path.join(PROJECT_ROOT, "catalog", "normalize-name.ts"),
      path.join(project, "catalog", "normalize-name.ts"),
    );
    fs.mkdirSync(path.join(project, "node_modules"));
    for (const entry of fs.readdirSync(path.join(PROJECT_ROOT, "node_modules"))) {
      if (entry.startsWith(".")) continue;
      fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules", entry), path.join(project, "node_modules", entry));
    }
  });
  afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

  test("bundles once into node_modules/.cache, then serves the JavaScript from there", () => {
    const first = loadImplementation(project);
    expect(Object.keys(first).sort()).toEqual(["check", "configure", "create", "delete", "diff", "read", "update"]);
    const [entry] = cacheEntries();
    expect(entry).toMatch(/^provider-[0-9a-f]{16}$/);
    const compiled = path.join(project, "node_modules", ".cache", "square-catalog", entry);
    const bundle = path.join(compiled, "provider-implementation.js");
    const text = fs.readFileSync(bundle, "utf8");
    // The SDK travels inside the bundle; the Pulumi SDK and gRPC are the host's own.
    expect(text).toMatch(/var SquareClient = class/);
    expect(text).toMatch(/require\("@grpc\/grpc-js"\)/);
    expect(text).toMatch(/require\("@pulumi\/pulumi\/proto\/engine_pb"\)/);
    const written = fs.statSync(bundle).mtimeMs;

    loadImplementation(project);
    expect(cacheEntries()).toEqual([entry]);
    expect(fs.statSync(bundle).mtimeMs).toBe(written);
  });

  test("an edited provider source is bundled again, never served from the old cache", () => {
    loadImplementation(project);
    const [before] = cacheEntries();
    const file = path.join(project, "provider", "catalog-snapshot.ts");
    // A statement with an effect: the bundler drops unused exports, not effects.
    fs.appendFileSync(file, '\n(globalThis as Record<string, unknown>).EDITED_FOR_THE_TEST = true;\n');

    loadImplementation(project);
    const entries = cacheEntries();
    expect(entries).toHaveLength(2);
    const after = entries.find((e) => e !== before)!;
    const text = fs.readFileSync(
      path.join(project, "node_modules", ".cache", "square-catalog", after, "provider-implementation.js"),
      "utf8",
    );
    expect(text).toContain("EDITED_FOR_THE_TEST");
  });
});
