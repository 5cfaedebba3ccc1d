/**
 * `npm run bench`: the catalog's cost, measured side by side with the engine's floor, one call
 * per resource, and the legacy scripts, on the same menus in the same run. Writes
 * bench/results/latest.json (raw figures) and bench/results/latest.md (tables, targets).
 *
 * By default one run measures two engine modes: the engine's defaults (the state written after
 * every step) at 10, 100 and 1,000 items, and PULUMI_SKIP_CHECKPOINTS=true (written once) at
 * 1,000 and 5,000 items, where the engine's defaults would take hours; each with and without a
 * per-call latency.
 *
 *   npm run bench -- --sizes 10,100 --latency-sizes 100 --skip-checkpoint-sizes "" --variants product,floor
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { renderReport, type Results } from "./report";
import { runScenario, WRITE_PROCESSING_MS, type ScenarioFigures, type Variant } from "./scenarios";

interface BenchOptions {
  /** Menu sizes measured with the engine's defaults (the state written after every step). */
  sizes: number[];
  /** Menu sizes measured with PULUMI_SKIP_CHECKPOINTS=true. */
  skipCheckpointSizes: number[];
  latencyMs: number;
  /** How often read-only commands run; their figures are medians. */
  repeat: number;
  parallel?: number;
  variants: Variant[];
  /** Skip the second pass (per-call latency). */
  noLatencyPass: boolean;
  /** Skip the scenario with 429 answers injected. */
  no429: boolean;
  /** The sizes of the latency pass, per engine mode. */
  latencySizes: number[];
  skipCheckpointLatencySizes: number[];
  /** Earlier results files to combine into one report instead of running anything. */
  merge?: string[];
  /** A sentence for the top of a merged report (e.g. what was running beside it). */
  note?: string;
  out: string;
}

const ALL_VARIANTS: Variant[] = ["floor", "product", "unbatched", "legacy"];
/**
 * Square's catalog calls typically answer in 100 to 300 ms from outside its data centres; 150 ms
 * is a conservative middle for reads and small writes (a 1,000-object batch takes longer).
 */
const DEFAULT_LATENCY_MS = 150;
const DEFAULT_SIZES = [10, 100, 1000];
const DEFAULT_LATENCY_SIZES = [100, 1000];
/**
 * With the engine's defaults, `up` from empty grows with the square of the menu (the floor alone:
 * 4 s at 100 items, over 2 minutes at 1,000); 5,000 items would take hours per variant.
 */
const DEFAULT_SKIP_CHECKPOINT_SIZES = [1000, 5000];
const DEFAULT_SKIP_CHECKPOINT_LATENCY_SIZES = [1000];
const DEFAULT_REPEAT = 3;
/** The provider's default client-side ceiling (square-catalog:maxRequestsPerSecond). */
const CLIENT_RATE_LIMIT = 10;

function parseArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = {
    sizes: DEFAULT_SIZES,
    skipCheckpointSizes: DEFAULT_SKIP_CHECKPOINT_SIZES,
    latencyMs: DEFAULT_LATENCY_MS,
    repeat: DEFAULT_REPEAT,
    variants: ALL_VARIANTS,
    noLatencyPass: false,
    no429: false,
    latencySizes: DEFAULT_LATENCY_SIZES,
    skipCheckpointLatencySizes: DEFAULT_SKIP_CHECKPOINT_LATENCY_SIZES,
    out: path.join(__dirname, "results"),
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    const value = () => inline ?? argv[++i];
    if (flag === "--sizes") options.sizes = sizeList(value());
    else if (flag === "--skip-checkpoint-sizes") options.skipCheckpointSizes = sizeList(value());
    else if (flag === "--skip-checkpoint-latency-sizes") options.skipCheckpointLatencySizes = sizeList(value());
    else if (flag === "--repeat") options.repeat = positiveInteger(value());
    else if (flag === "--latency-ms") options.latencyMs = nonNegativeInteger(value());
    else if (flag === "--parallel") options.parallel = positiveInteger(value());
    else if (flag === "--variants") options.variants = value().split(",").map(variant);
    else if (flag === "--no-latency-pass") options.noLatencyPass = true;
    else if (flag === "--no-429") options.no429 = true;
    else if (flag === "--latency-sizes") options.latencySizes = sizeList(value());
    else if (flag === "--merge") options.merge = value().split(",").map((f) => path.resolve(f));
    else if (flag === "--note") options.note = value();
    else if (flag === "--out") options.out = path.resolve(value());
    else throw new Error(`Unknown option ${argv[i]}. Options: --sizes 10,100 --latency-sizes 100 ` +
      "--skip-checkpoint-sizes 1000,5000 --skip-checkpoint-latency-sizes 1000 (\"\" for none) " +
      "--latency-ms 150 --repeat 3 --parallel 8 --variants floor,product,unbatched,legacy " +
      "--no-latency-pass --no-429 --out DIR --merge a.json,b.json --note TEXT");
  }
  return options;
}

type Plan = { skip: string } | { only?: { commands: string[]; reason: string } };

/**
 * Variants whose cost grows with calls per resource are cut where one scenario would take
 * longer than about a quarter of an hour on its own; the reason goes into the results.
 */
function plan(variant: Variant, items: number, latencyMs: number, skipCheckpoints: boolean): Plan {
  const objects = items + Math.ceil(items / 20);
  if (variant === "legacy" && skipCheckpoints) {
    return { skip: "the legacy scripts have no engine: measured once, in the engine-defaults pass" };
  }
  const minutesAtCeiling = (calls: number) => Math.round(calls / CLIENT_RATE_LIMIT / 60);
  if (variant === "unbatched" && items >= 5000) {
    return {
      skip:
        `one call per resource at ${items} items is ≥ ${5 * objects} calls per up (each check and ` +
        `create reads all ${Math.ceil(objects / 1000)} search pages): > ${minutesAtCeiling(5 * objects)} ` +
        `min at the ${CLIENT_RATE_LIMIT} req/s client ceiling`,
    };
  }
  if (variant === "unbatched" && items >= 1000 && latencyMs === 0) {
    return {
      skip:
        `about ${5 * objects} calls per up, ≥ ${minutesAtCeiling(5 * objects)} min at the ` +
        `${CLIENT_RATE_LIMIT} req/s client ceiling; measured in the latency pass, where the target is`,
    };
  }
  if (variant === "unbatched" && items >= 1000 && !skipCheckpoints) {
    return {
      only: {
        commands: ["up (from empty)"],
        reason:
          `the other commands (~${objects} calls each) left out to bound the run; a preview does not ` +
          "write the state, so the checkpoints-skipped pass measures it for both",
      },
    };
  }
  if (variant === "unbatched" && items >= 1000) {
    return {
      only: {
        commands: ["preview (empty stack)", "up (from empty)"],
        reason: `up no change, preview after a change and refresh (~${2 * objects} calls) left out to bound the run`,
      },
    };
  }
  if (variant === "legacy" && items >= 5000) {
    return {
      skip:
        `the legacy scripts make ${2 * objects} sequential calls per run, ` +
        `~${Math.round((2 * objects * (latencyMs + WRITE_PROCESSING_MS)) / 60000)} min with latency`,
    };
  }
  if (variant === "legacy" && items >= 1000 && latencyMs > 0) {
    return {
      only: {
        commands: ["up (from empty)", "up (no change)"],
        reason: "the rerun without ID files shows the same duplicates as without latency",
      },
    };
  }
  return {};
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.merge) return mergeResults(options.merge, options.out, options.note);
  const started = new Date();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const uptimeBefore = uptime();
  log(`bench: ${os.cpus().length} cores, ${uptimeBefore}`);
  log(`bench: sizes ${options.sizes.join(", ")} (engine defaults), ` +
    `${options.skipCheckpointSizes.join(", ")} (checkpoints skipped); variants ${options.variants.join(", ")}; ` +
    `latency pass ${options.noLatencyPass ? "off" : `${options.latencyMs} ms`}; each read-only command ${options.repeat}×`);

  const passes = [
    { skipCheckpoints: false, latencyMs: 0, sizes: options.sizes },
    { skipCheckpoints: false, latencyMs: options.latencyMs, sizes: options.latencySizes },
    { skipCheckpoints: true, latencyMs: 0, sizes: options.skipCheckpointSizes },
    { skipCheckpoints: true, latencyMs: options.latencyMs, sizes: options.skipCheckpointLatencySizes },
  ].filter((pass) => !(options.noLatencyPass && pass.latencyMs > 0));
  const scenarios: ScenarioFigures[] = [];
  const save = () => writeResults(options, started, scenarios, uptimeBefore, uptime());
  const logAndSave = (line: string) => {
    log(line);
    save();
  };

  for (const { skipCheckpoints, latencyMs, sizes } of passes) {
    for (const items of sizes) {
      for (const variant of options.variants) {
        const planned = plan(variant, items, latencyMs, skipCheckpoints);
        const where = `${variant} ${items} items, latency ${latencyMs} ms${skipCheckpoints ? ", checkpoints skipped" : ""}`;
        if ("skip" in planned) {
          log(`  ${where}: skipped: ${planned.skip}`);
          scenarios.push(skippedScenario(variant, items, latencyMs, skipCheckpoints, `skipped: ${planned.skip}`));
          continue;
        }
        const onStart = (figures: ScenarioFigures) => scenarios.push(figures);
        const { parallel, repeat } = options;
        await runScenario(
          { variant, items, latencyMs, parallel, skipCheckpoints, repeat, only: planned.only, onStart },
          logAndSave,
        );
        save();
      }
    }
  }
  if (!options.no429) {
    // Square's 429 answers, injected into the first batch writes of an up: the run must succeed.
    const items = options.sizes.includes(100) ? 100 : (options.sizes[0] ?? 100);
    const onStart = (figures: ScenarioFigures) => scenarios.push(figures);
    const { parallel } = options;
    await runScenario(
      { variant: "product", items, latencyMs: 0, parallel, inject429: true, onStart },
      logAndSave,
    );
    save();
  }
  log(`bench: done in ${Math.round((Date.now() - started.getTime()) / 60000)} min; ${uptime()}`);
  log(`bench: wrote ${path.join(options.out, "latest.md")} and latest.json`);
}

/**
 * Combines results of several runs (e.g. the small sizes and the 5,000-item run, started apart
 * to bound the wall time) into one report; each keeps its own load figures.
 */
function mergeResults(files: string[], out: string, note?: string) {
  const runs = files.map((file) => JSON.parse(fs.readFileSync(file, "utf8")) as Results);
  const first = runs[0];
  const merged: Results = {
    ...first,
    startedAt: runs.map((r) => r.startedAt).sort()[0],
    finishedAt: runs.map((r) => r.finishedAt).sort().reverse()[0],
    uptimeBefore: runs.map((r) => r.uptimeBefore).join(" | "),
    uptimeAfter: runs.map((r) => r.uptimeAfter).join(" | "),
    settings: {
      ...first.settings,
      sizes: [...new Set(runs.flatMap((r) => r.settings.sizes))].sort((a, b) => a - b),
      skipCheckpointSizes: [...new Set(runs.flatMap((r) => r.settings.skipCheckpointSizes ?? []))].sort((a, b) => a - b),
    },
    scenarios: runs.flatMap((r) => r.scenarios),
    note,
    runs: runs.map((r) => ({ startedAt: r.startedAt, finishedAt: r.finishedAt, sizes: r.settings.sizes, uptimeBefore: r.uptimeBefore, uptimeAfter: r.uptimeAfter })),
  };
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "latest.json"), `${JSON.stringify(merged, null, 2)}\n`);
  fs.writeFileSync(path.join(out, "latest.md"), renderReport(merged));
  process.stdout.write(`bench: merged ${files.length} runs into ${path.join(out, "latest.md")}\n`);
}

function skippedScenario(
  variant: Variant,
  items: number,
  latencyMs: number,
  skipCheckpoints: boolean,
  skipped: string,
) {
  const categories = Math.ceil(items / 20);
  const variations = Array.from({ length: items }, (_, i) => (i % 3) + 1).reduce((a, b) => a + b, 0);
  return {
    variant,
    items,
    skipCheckpoints,
    objects: { categories, items, variations },
    latencyMs,
    commands: [],
    loadAverage: { before: [], after: [] },
    skipped,
  } satisfies ScenarioFigures;
}

function writeResults(
  options: BenchOptions,
  started: Date,
  scenarios: ScenarioFigures[],
  uptimeBefore: string,
  uptimeAfter: string,
) {
  const results: Results = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version },
    source: measuredSource(),
    uptimeBefore,
    uptimeAfter,
    settings: {
      sizes: options.sizes,
      skipCheckpointSizes: options.skipCheckpointSizes,
      latencyMs: options.latencyMs,
      repeat: options.repeat,
      parallel: options.parallel ?? 4 * os.cpus().length,
      parallelSource: options.parallel ? "--parallel" : "engine default, 4 × cores",
      emulatorWriteProcessingMs: WRITE_PROCESSING_MS,
      clientRateLimitPerSecond: CLIENT_RATE_LIMIT,
    },
    scenarios,
  };
  fs.mkdirSync(options.out, { recursive: true });
  fs.writeFileSync(path.join(options.out, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(options.out, "latest.md"), renderReport(results));
}



/** The commit measured, and whether the provider's files differed from it (others' edits). */
function measuredSource(): string {
  const git = (args: string[]) =>
    require("child_process").execFileSync("git", args, { cwd: path.join(__dirname, ".."), encoding: "utf8" }).trimEnd();
  try {
    const dirty = git(["status", "--porcelain", "--", "provider", "stack", "index.ts"]);
    // trimEnd, not trim: each porcelain line starts with a two-letter status and a space.
    return `${git(["rev-parse", "--short", "HEAD"])}${dirty ? ` with uncommitted changes in: ${dirty.split("\n").map((l: string) => l.slice(3)).join(", ")}` : ""}`;
  } catch {
    return "unknown (not a git checkout)";
  }
}

function uptime(): string {
  return `load average ${os.loadavg().map((n) => n.toFixed(2)).join(", ")}`;
}

/** A comma-separated list of sizes; an empty text is no size (that pass is left out). */
function sizeList(text: string): number[] {
  return text.trim() ? text.split(",").map(positiveInteger) : [];
}

function positiveInteger(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`Expected a positive integer, got "${text}".`);
  return n;
}

function nonNegativeInteger(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Expected an integer ≥ 0, got "${text}".`);
  return n;
}

function variant(text: string): Variant {
  if (!(ALL_VARIANTS as string[]).includes(text)) {
    throw new Error(`Unknown variant "${text}"; choose from ${ALL_VARIANTS.join(", ")}.`);
  }
  return text as Variant;
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
