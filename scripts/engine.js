#!/usr/bin/env node
// Makes the Pulumi engine (the `pulumi` CLI and its Node.js language host) available to this
// project, its tests and its demo. Plain JavaScript so that it runs before anything is compiled.
//
// Order of preference:
//   1. a compatible `pulumi` already on PATH is used as it is: a user who installed Pulumi never
//      waits for a build;
//   2. a build of this exact version in the per-machine cache (~/.cache/square-catalog);
//   3. a build from the Go module proxy into that cache, once per machine;
//   4. otherwise, instructions to install the CLI.
//
// Used as a module (`ensureEngine()`) by the test harness and the demo, and as a command
// (`npm run engine`), which prints the directory to put on PATH.
"use strict";

const childProcess = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

/** The engine must match the `@pulumi/pulumi` SDK pinned in package.json (the newest on Node 20). */
const PULUMI_VERSION = "3.248.0";

/**
 * The Node.js language host has lived in its own Go module since May 2023, and the Go module
 * proxy reachable here does not serve that module at any version. The last release that still
 * carried it inside the tagged `sdk/v3` module is v3.68.0; it speaks the same language-host
 * protocol and runs the pinned `@pulumi/pulumi` SDK. See engine/README.md.
 */
const LANGUAGE_HOST_VERSION = "3.68.0";

const PROJECT_ROOT = path.resolve(__dirname, "..");
const ENGINE_MODULES = path.join(PROJECT_ROOT, "engine");
const GO_BUILD_FLAGS = ["-trimpath", "-tags", "osusergo,grpcnotrace"];
const LOCK_STALE_AFTER_MS = 45 * 60 * 1000;

class EngineProvisioningError extends Error {
  constructor(message) {
    super(message);
    this.name = "EngineProvisioningError";
  }
}

function cacheRoot() {
  if (process.env.SQUARE_CATALOG_ENGINE_CACHE) return process.env.SQUARE_CATALOG_ENGINE_CACHE;
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(xdg, "square-catalog");
}

function cachedBinDir() {
  return path.join(cacheRoot(), `pulumi-v${PULUMI_VERSION}`, "bin");
}

function findOnPath(command) {
  for (const dir of (process.env.PATH || "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this PATH entry
    }
  }
  return undefined;
}

function versionOf(binary) {
  const result = childProcess.spawnSync(binary, ["version"], {
    encoding: "utf8",
    env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
    timeout: 30_000,
  });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Any 3.x at or above the pinned SDK's version runs the SDK's programs. */
function isCompatible(version) {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version || "");
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  const [pinnedMajor, pinnedMinor] = PULUMI_VERSION.split(".").map(Number);
  return major === pinnedMajor && minor >= pinnedMinor;
}

function installedEngine() {
  const cli = findOnPath("pulumi");
  const host = findOnPath("pulumi-language-nodejs");
  if (!cli || !host) return undefined;
  const version = versionOf(cli);
  if (!isCompatible(version)) return undefined;
  return { binDir: path.dirname(cli), version, source: "PATH" };
}

function cachedEngine() {
  const binDir = cachedBinDir();
  const complete = ["pulumi", "pulumi-language-nodejs", "pulumi-resource-pulumi-nodejs", "VERSION"].every((file) =>
    fs.existsSync(path.join(binDir, file)),
  );
  if (!complete) return undefined;
  return { binDir, version: `v${PULUMI_VERSION}`, source: "cache" };
}

function log(message) {
  process.stderr.write(`[engine] ${message}\n`);
}

function runBuildStep(step, command, args, cwd, env) {
  const started = Date.now();
  const result = childProcess.spawnSync(command, args, { cwd, env, encoding: "utf8" });
  if (result.error || result.status !== 0) {
    const output = `${result.stdout || ""}${result.stderr || ""}`.trim().split("\n").slice(-25);
    throw new EngineProvisioningError(
      `Building the Pulumi engine failed at step "${step}":\n` +
        `  ${command} ${args.join(" ")}\n  (in ${cwd})\n` +
        `${result.error ? `  ${result.error.message}\n` : ""}` +
        output.map((line) => `  | ${line}`).join("\n") +
        "\n\nWhat to do: check that the Go module proxy is reachable (`go env GOPROXY`), or " +
        "install the Pulumi CLI yourself (see README, 'Installing Pulumi yourself') and run again.",
    );
  }
  log(`  ${step}: done in ${Math.round((Date.now() - started) / 1000)} s`);
}

function buildIntoCache() {
  const finalBinDir = cachedBinDir();
  const versionDir = path.dirname(finalBinDir);
  const workDir = fs.mkdtempSync(path.join(cacheRoot(), `build-v${PULUMI_VERSION}-`));
  const started = Date.now();

  log(
    `Building the Pulumi engine v${PULUMI_VERSION} from the Go module proxy into ${versionDir}.`,
  );
  log("This happens once per machine: about 4 minutes on an idle 2-core machine, more if busy.");

  const goFlags = `${process.env.GOFLAGS || ""} -mod=readonly`.trim();
  const env = { ...process.env, GOFLAGS: goFlags, CGO_ENABLED: "0" };
  const stagedBin = path.join(workDir, "bin");
  fs.mkdirSync(stagedBin);

  const modules = [
    {
      name: "pulumi CLI",
      dir: "cli",
      pkg: "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi",
      output: "pulumi",
      version: PULUMI_VERSION,
    },
    {
      name: "Node.js language host",
      dir: "language-host",
      pkg: "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs",
      output: "pulumi-language-nodejs",
      version: LANGUAGE_HOST_VERSION,
    },
  ];
  for (const module of modules) {
    const moduleDir = path.join(workDir, module.dir);
    fs.mkdirSync(moduleDir);
    for (const file of ["go.mod", "go.sum"]) {
      fs.copyFileSync(path.join(ENGINE_MODULES, module.dir, file), path.join(moduleDir, file));
    }
    runBuildStep(`download ${module.name} sources`, "go", ["mod", "download"], moduleDir, env);
    const ldflags = `-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${module.version}`;
    runBuildStep(
      `compile ${module.name} v${module.version}`,
      "go",
      ["build", ...GO_BUILD_FLAGS, "-ldflags", ldflags, "-o", path.join(stagedBin, module.output), module.pkg],
      moduleDir,
      env,
    );
  }

  const version = versionOf(path.join(stagedBin, "pulumi"));
  if (version !== `v${PULUMI_VERSION}`) {
    throw new EngineProvisioningError(
      `The freshly built pulumi reports "${version}" instead of v${PULUMI_VERSION}; ` +
        `the build in ${workDir} was kept for inspection.`,
    );
  }
  writeDynamicProviderLauncher(stagedBin);
  fs.writeFileSync(path.join(stagedBin, "VERSION"), `v${PULUMI_VERSION}\n`);

  // The rename is atomic: another process sees either no engine or a complete one.
  fs.mkdirSync(versionDir, { recursive: true });
  fs.rmSync(finalBinDir, { recursive: true, force: true });
  fs.renameSync(stagedBin, finalBinDir);
  fs.rmSync(workDir, { recursive: true, force: true });
  log(`Engine ready in ${Math.round((Date.now() - started) / 1000)} s.`);
}

/**
 * The engine looks for `pulumi-resource-pulumi-nodejs` beside the `pulumi` binary, as the
 * official release ships it. Ours starts the dynamic-provider host of the project being run
 * (resolved from the working directory), so one cached engine serves every checkout.
 */
function writeDynamicProviderLauncher(binDir) {
  const launcher = path.join(binDir, "pulumi-resource-pulumi-nodejs");
  fs.writeFileSync(
    launcher,
    "#!/bin/sh\n" +
      "exec node \"$(node -e \"console.log(require.resolve('@pulumi/pulumi/cmd/dynamic-provider'))\")\" \"$@\"\n",
  );
  fs.chmodSync(launcher, 0o755);
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Several test workers or terminals may start at once: one builds, the others wait for it. */
function withBuildLock(build) {
  fs.mkdirSync(cacheRoot(), { recursive: true });
  const lockDir = path.join(cacheRoot(), `build-v${PULUMI_VERSION}.lock`);
  let announcedWait = false;

  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, "pid"), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    const lock = fs.statSync(lockDir, { throwIfNoEntry: false });
    if (!lock) continue;
    const holder = Number(readOrEmpty(path.join(lockDir, "pid")));
    const age = Date.now() - lock.mtimeMs;
    if ((holder && !isAlive(holder)) || age > LOCK_STALE_AFTER_MS) {
      fs.rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (!announcedWait) {
      log(`Another process (pid ${holder || "?"}) is building the engine; waiting for it.`);
      announcedWait = true;
    }
    sleep(1000);
  }

  try {
    if (!cachedEngine()) build();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

function readOrEmpty(file) {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

function installInstructions() {
  return (
    `No Pulumi engine is available: \`pulumi\` v${PULUMI_VERSION} or newer 3.x is not on PATH, ` +
    "and Go is not installed to build it.\nInstall the CLI one of these ways, then run again:\n" +
    `  curl -fsSL https://get.pulumi.com | sh -s -- --version ${PULUMI_VERSION}\n` +
    `  npm install --global pulumi@${PULUMI_VERSION}   (downloads the binary on first use)\n` +
    "  or install Go 1.25+ and let this command build the engine from the Go module proxy."
  );
}

/**
 * Returns where the engine is and the PATH entries a child process needs to run it, building
 * it first if this machine has none. Throws EngineProvisioningError with what to do next.
 */
function ensureEngine() {
  let engine = installedEngine() || cachedEngine();
  if (!engine) {
    if (!findOnPath("go")) throw new EngineProvisioningError(installInstructions());
    withBuildLock(buildIntoCache);
    engine = cachedEngine();
  }
  return { ...engine, pathEntries: [engine.binDir] };
}

/** An environment for running `pulumi` with this project's engine first on PATH. */
function engineEnv(baseEnv = process.env) {
  const engine = ensureEngine();
  return {
    ...baseEnv,
    PATH: [...engine.pathEntries, baseEnv.PATH || ""].join(path.delimiter),
    PULUMI_SKIP_UPDATE_CHECK: "true",
  };
}

module.exports = { ensureEngine, engineEnv, EngineProvisioningError, PULUMI_VERSION };

if (require.main === module) {
  const started = Date.now();
  try {
    const engine = ensureEngine();
    log(
      `pulumi ${engine.version} from ${engine.source} (${engine.binDir}), ` +
        `ready in ${Date.now() - started} ms`,
    );
    process.stdout.write(`${engine.pathEntries.join(path.delimiter)}\n`);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
