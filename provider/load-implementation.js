"use strict";
/**
 * Loads the provider's TypeScript in the provider process, which runs plain Node.
 *
 * Registering ts-node there cost every command about half a second and 20 MB before the first
 * Square call (it loads the TypeScript compiler). Instead the sources are transpiled once per
 * content into node_modules/.cache/square-catalog/provider-<hash>/, and every later run
 * requires that JavaScript. The hash covers every file the implementation imports, so an edited
 * provider is transpiled again, never served stale. Plain JavaScript, because nothing can
 * transpile this file for it.
 */
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

exports.loadImplementation = function loadImplementation(projectDir) {
  limitHeapGrowth();
  const sources = [
    ...fs
      .readdirSync(path.join(projectDir, "provider"))
      .filter((file) => file.endsWith(".ts"))
      .map((file) => path.join("provider", file)),
    path.join("catalog", "normalize-name.ts"),
  ].sort();
  const texts = sources.map((file) => fs.readFileSync(path.join(projectDir, file), "utf8"));
  const hash = crypto.createHash("sha256");
  // This file's own text too: a change in how the sources are transpiled is a new cache.
  hash.update(fs.readFileSync(__filename));
  sources.forEach((file, i) => hash.update(`${file}\0${texts[i]}\0`));
  const compiled = path.join(
    projectDir,
    "node_modules",
    ".cache",
    "square-catalog",
    `provider-${hash.digest("hex").slice(0, 16)}`,
  );

  try {
    if (!fs.existsSync(compiled)) transpileInto(compiled, sources, texts);
  } catch (error) {
    // A read-only node_modules, a full disk: ts-node still works, only slower.
    process.stderr.write(`square-catalog: provider not cached (${error.message}); using ts-node\n`);
    require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
    return require(path.join(projectDir, "provider", "provider-implementation")).providerImplementation;
  }
  return require(path.join(compiled, "provider", "provider-implementation.js")).providerImplementation;
};

/** Writes beside the target and renames, so a concurrent provider process never reads half a cache. */
function transpileInto(compiled, sources, texts) {
  const ts = require("typescript");
  const building = `${compiled}.${process.pid}.tmp`;
  sources.forEach((file, i) => {
    const output = ts.transpileModule(texts[i], {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
        esModuleInterop: true,
      },
    }).outputText;
    const target = path.join(building, file.replace(/\.ts$/, ".js"));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, output);
  });
  try {
    fs.renameSync(building, compiled);
  } catch (error) {
    fs.rmSync(building, { recursive: true, force: true });
    if (!fs.existsSync(compiled)) throw error;
  }
}

/**
 * Node lets its heap grow to up to four times what is live before it collects. A refresh of
 * 5,000 items, whose live heap is about 100 MB (the Pulumi runtime, the Square SDK, the catalog),
 * then peaked at 430 MB of garbage-laden memory. Growing by half at most keeps the peak near
 * the live size, for a few more collections. A V8 flag that takes effect while the process runs.
 */
function limitHeapGrowth() {
  require("v8").setFlagsFromString("--heap-growing-percent=50");
}
