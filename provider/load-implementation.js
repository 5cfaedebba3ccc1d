"use strict";
/**
 * Loads the provider's TypeScript in the provider process, which runs plain Node.
 *
 * Registering ts-node there cost every command about half a second and 20 MB before the first
 * Square call (it loads the TypeScript compiler), and the Square SDK is some 3,500 modules whose
 * loading cost another second. Instead the implementation and the SDK are bundled by esbuild
 * into one JavaScript file, once per content, under node_modules/.cache/square-catalog/
 * provider-<hash>/, and every later run requires that file. The hash covers provider/*.ts and
 * catalog/normalize-name.ts (all the implementation imports from the project: a new import from
 * elsewhere must join that list) and the versions of the bundled packages, so an edited provider
 * or an upgraded SDK is bundled again, never served stale. Each content leaves a bundle of about
 * 7.5 MB behind; nothing removes old ones, since a concurrent run may still be about to load one.
 * Plain JavaScript, because nothing can transpile this file for it.
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
  // This file's own text too: a change in how the sources are bundled is a new cache.
  hash.update(fs.readFileSync(__filename));
  for (const pkg of BUNDLED_PACKAGES) hash.update(`${pkg}@${packageVersion(projectDir, pkg)}\0`);
  sources.forEach((file, i) => hash.update(`${file}\0${texts[i]}\0`));
  const compiled = path.join(
    projectDir,
    "node_modules",
    ".cache",
    "square-catalog",
    `provider-${hash.digest("hex").slice(0, 16)}`,
  );

  try {
    if (!fs.existsSync(compiled)) bundleInto(compiled, projectDir);
  } catch (error) {
    // A read-only node_modules, a full disk: ts-node still works, only slower.
    process.stderr.write(`square-catalog: provider not cached (${error.message}); using ts-node\n`);
    require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
    return require(path.join(projectDir, "provider", "provider-implementation")).providerImplementation;
  }
  return require(path.join(compiled, BUNDLE)).providerImplementation;
};

const BUNDLE = "provider-implementation.js";
/** Packages whose code goes into the bundle; their versions are part of the cache key. */
const BUNDLED_PACKAGES = ["square", "uuid", "esbuild"];

function packageVersion(projectDir, name) {
  const file = path.join(projectDir, "node_modules", name, "package.json");
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")).version : "absent";
}

/**
 * Writes beside the target and renames, so a concurrent provider process never reads half a
 * cache. The Pulumi SDK and gRPC stay outside the bundle: the provider process has them loaded
 * already, and the engine log must use the very modules the host uses.
 */
function bundleInto(compiled, projectDir) {
  const esbuild = require("esbuild");
  const building = `${compiled}.${process.pid}.tmp`;
  esbuild.buildSync({
    entryPoints: [path.join(projectDir, "provider", "provider-implementation.ts")],
    outfile: path.join(building, BUNDLE),
    absWorkingDir: projectDir,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["@pulumi/pulumi", "@grpc/grpc-js"],
    logLevel: "silent",
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
