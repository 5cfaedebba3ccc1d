#!/usr/bin/env node
// The README's first command: the whole product on this machine, with no Square account.
// Starts the Square Catalog emulator with a data file, then runs `pulumi up` on the `local`
// stack, showing the preview first. Run it twice: the second run changes nothing.
"use strict";

const childProcess = require("child_process");
const fs = require("fs");
const path = require("path");

const { engineEnv } = require("./engine.js");

const PROJECT_ROOT = path.resolve(__dirname, "..");
const LOCAL_DIR = path.join(PROJECT_ROOT, ".pulumi-local");
const PORT = 4010; // the base URL in Pulumi.local.yaml
const BASE_URL = `http://127.0.0.1:${PORT}`;
const TOKEN = "local-demo-token"; // accepted by the local emulator only

async function emulatorAnswers() {
  try {
    const response = await fetch(`${BASE_URL}/v2/catalog/info`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    return response.ok;
  } catch {
    return false;
  }
}

async function startEmulator() {
  if (await emulatorAnswers()) {
    console.log(`Using the emulator already running at ${BASE_URL}.`);
    return undefined;
  }
  const child = childProcess.spawn(
    process.execPath,
    [
      require.resolve("ts-node/dist/bin.js", { paths: [PROJECT_ROOT] }),
      "--transpile-only",
      path.join(PROJECT_ROOT, "emulator", "cli.ts"),
      "--port",
      String(PORT),
      "--data",
      path.join(LOCAL_DIR, "emulator-catalog.json"),
    ],
    { cwd: PROJECT_ROOT, env: { ...process.env, SQUARE_ACCESS_TOKEN: TOKEN }, stdio: "inherit" },
  );
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await emulatorAnswers()) return child;
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error(`The emulator did not start on port ${PORT}. Is another program using it?`);
}

function pulumi(args, env) {
  console.log(`\n$ pulumi ${args.join(" ")}`);
  const result = childProcess.spawnSync("pulumi", args, { cwd: PROJECT_ROOT, env, stdio: "inherit" });
  return result.status ?? 1;
}

async function summary() {
  const headers = { Authorization: `Bearer ${TOKEN}` };
  const objects = (await (await fetch(`${BASE_URL}/_emulator/objects`, { headers })).json()).objects;
  const count = (type) => objects.filter((o) => o.type === type && !o.is_deleted).length;
  console.log(
    `\nThe emulator now holds ${count("CATEGORY")} categories and ${count("ITEM")} items ` +
      `(data file: ${path.relative(PROJECT_ROOT, LOCAL_DIR)}/emulator-catalog.json).`,
  );
  console.log("Run `npm run demo` again: the plan shows no changes and nothing is written.");
}

async function main() {
  fs.mkdirSync(path.join(LOCAL_DIR, "state"), { recursive: true });
  const env = {
    ...engineEnv(),
    PULUMI_BACKEND_URL: `file://${path.join(LOCAL_DIR, "state")}`,
    PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "local-demo",
    PULUMI_HOME: process.env.PULUMI_HOME ?? path.join(LOCAL_DIR, "pulumi-home"),
    SQUARE_ACCESS_TOKEN: TOKEN,
  };
  const emulator = await startEmulator();
  let status = 1;
  try {
    status = pulumi(["stack", "select", "local", "--create", "--non-interactive"], env);
    if (status === 0) status = pulumi(["up", "--yes", "--non-interactive", "--diff"], env);
    if (status === 0) await summary();
  } finally {
    emulator?.kill("SIGTERM");
  }
  process.exit(status);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
