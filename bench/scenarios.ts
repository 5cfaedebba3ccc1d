import * as fs from "fs";
import * as path from "path";

import { SquareClient } from "square";

import { startEmulator, type RunningEmulator } from "../emulator";
import { PulumiWorkspace } from "../tests/e2e/pulumi-workspace";
import { benchMenu, objectCounts, withOnePriceChanged, type BenchMenu } from "./bench-menu";
import { runLegacyScripts, type LegacyIdFiles } from "./legacy-reenactment";
import { parseProcStat } from "./proc-stat";
import { ProviderMemorySampler } from "./provider-memory";

export const TOKEN = "sq-bench-token-5d1e0b7a";
/** How long each write holds the emulated account's write lock (the emulator's default). */
export const WRITE_PROCESSING_MS = 20;

export type Variant = "product" | "floor" | "unbatched" | "legacy";

export const COMMANDS = [
  "preview (empty stack)",
  "up (from empty)",
  "up (no change)",
  "preview (one price changed)",
  "refresh",
] as const;
export type CommandName = (typeof COMMANDS)[number] | "up (from empty, 3×429 injected)";

export interface CommandFigures {
  command: string;
  ok: boolean;
  /** Wall time; the median of `samples` when the command was repeated. */
  seconds: number;
  /** Wall time of each repetition, when there were several. */
  samples?: number[];
  /**
   * CPU time of every process the command ran (CLI, engine, language host, program, provider),
   * summed; the median when repeated. Unlike wall time it barely moves with the machine's load.
   */
  cpuSeconds?: number;
  /** The part of `cpuSeconds` spent in the dynamic-provider process, as last sampled. */
  providerCpuSeconds?: number;
  /**
   * The most calls the emulator received in any one second, leaving out the program's single
   * access check (CatalogInfo), which runs in its own process, outside the provider's ceiling.
   */
  busiestSecond?: number;
  calls: Record<string, number>;
  totalCalls: number;
  writeCalls: number;
  /** Peak resident memory (VmHWM) of the dynamic-provider process, in MB. */
  providerPeakMb?: number;
  note?: string;
  /** The end of the command's output, when it failed. */
  failure?: string;
}

export interface ScenarioFigures {
  variant: Variant;
  items: number;
  /** PULUMI_SKIP_CHECKPOINTS=true: the engine wrote its state once, at the end of a command. */
  skipCheckpoints: boolean;
  objects: ReturnType<typeof objectCounts>;
  latencyMs: number;
  commands: CommandFigures[];
  loadAverage: { before: number[]; after: number[] };
  skipped?: string;
}

export interface ScenarioOptions {
  variant: Variant;
  items: number;
  latencyMs: number;
  /** Passed as --parallel to every command; the engine's default (4 × cores) when absent. */
  parallel?: number;
  /** PULUMI_SKIP_CHECKPOINTS=true for every Pulumi command (the legacy scripts have no engine). */
  skipCheckpoints?: boolean;
  /** Inject 3 × 429 (Retry-After: 1 s) into the batch upserts of the first up. */
  inject429?: boolean;
  /**
   * How often the commands that leave Square and the state as they were (previews, an up with
   * nothing to do, a refresh) run; their figures are the medians.
   */
  repeat?: number;
  /** Run only these commands (the others are listed as skipped, with this reason). */
  only?: { commands: string[]; reason: string };
  /** Called once the scenario's figures exist, so a caller can save them as they fill. */
  onStart?(figures: ScenarioFigures): void;
}

const WRITE_OPERATIONS = [
  "UpsertCatalogObject",
  "BatchUpsertCatalogObjects",
  "DeleteCatalogObject",
  "BatchDeleteCatalogObjects",
];
const FLOOR_PROGRAM = path.join(__dirname, "floor-program.ts");

/** One variant on one menu at one latency, against a fresh emulator (one seller account). */
export async function runScenario(options: ScenarioOptions, log: (line: string) => void) {
  const menu = benchMenu(options.items);
  const figures: ScenarioFigures = {
    variant: options.variant,
    items: options.items,
    skipCheckpoints: Boolean(options.skipCheckpoints),
    objects: objectCounts(menu),
    latencyMs: options.latencyMs,
    commands: [],
    loadAverage: { before: loadAverage(), after: [] },
  };
  if (options.only) figures.skipped = `only ${options.only.commands.join(", ")}: ${options.only.reason}`;
  options.onStart?.(figures);
  const emulator = await startEmulator({ token: TOKEN, writeProcessingMs: WRITE_PROCESSING_MS });
  emulator.faults.setLatencyMs(options.latencyMs);
  try {
    if (options.variant === "legacy") await runLegacy(emulator, menu, figures, log, options.only);
    else await runPulumi(emulator, menu, options, figures, log);
  } finally {
    await emulator.stop();
    figures.loadAverage.after = loadAverage();
  }
  return figures;
}

async function runPulumi(
  emulator: RunningEmulator,
  menu: BenchMenu,
  options: ScenarioOptions,
  figures: ScenarioFigures,
  log: (line: string) => void,
) {
  const isFloor = options.variant === "floor";
  const workspace = await PulumiWorkspace.create({
    program: isFloor ? floorProgram() : undefined,
    config: { environment: "local", baseUrl: emulator.url, menuFile: "menu.json" },
    secrets: { accessToken: TOKEN },
    env: {
      ...(options.variant === "unbatched" ? { SQUARE_CATALOG_UNBATCHED: "true" } : {}),
      ...(options.skipCheckpoints ? { PULUMI_SKIP_CHECKPOINTS: "true" } : {}),
    },
    stack: "bench",
  });
  const parallel = options.parallel ? ["--parallel", String(options.parallel)] : [];
  const preview = ["preview", "--non-interactive", ...parallel];
  const up = ["up", "--yes", "--non-interactive", "--skip-preview", ...parallel];
  const refresh = ["refresh", "--yes", "--non-interactive", "--skip-preview", ...parallel];
  const dir = fs.realpathSync(workspace.dir);

  const measureOnce = async (command: CommandName, args: string[]) => {
    emulator.resetCounters();
    const sampler = new ProviderMemorySampler(dir);
    sampler.start();
    const cpuBefore = childCpuSeconds();
    const started = process.hrtime.bigint();
    const result = await workspace.run(args);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpuSeconds = childCpuSeconds() - cpuBefore;
    const memory = await sampler.stop();
    const entry = commandFigures(command, emulator, seconds, memory.peakMb, result.code === 0);
    entry.cpuSeconds = round(cpuSeconds);
    entry.busiestSecond = busiestSecond(emulator.callLog().filter((c) => c.operationId !== "CatalogInfo"));
    if (memory.cpuSeconds !== undefined) entry.providerCpuSeconds = round(memory.cpuSeconds);
    if (result.code !== 0) entry.failure = result.output.slice(-3000);
    return entry;
  };
  const measure = async (command: CommandName, args: string[], times = 1) => {
    if (options.only && !options.only.commands.includes(command)) return undefined;
    const runs: CommandFigures[] = [];
    for (let i = 0; i < times; i++) {
      const entry = await measureOnce(command, args);
      runs.push(entry);
      if (!entry.ok) break;
    }
    const entry = combineRepetitions(runs);
    figures.commands.push(entry);
    log(describe(figures, entry));
    return entry;
  };
  const repeat = options.repeat ?? 1;

  try {
    workspace.writeFile("menu.json", menu);
    if (options.inject429) {
      emulator.faults.failNext("BatchUpsertCatalogObjects", 3, { status: 429, retryAfterSeconds: 1 });
      const entry = await measure("up (from empty, 3×429 injected)", up);
      if (entry) entry.note = describeHoldings(emulator, menu);
      return;
    }
    await measure("preview (empty stack)", preview, repeat);
    const created = await measure("up (from empty)", up);
    if (created && !isFloor) created.note = describeHoldings(emulator, menu);
    await measure("up (no change)", up, repeat);
    workspace.writeFile("menu.json", withOnePriceChanged(menu));
    await measure("preview (one price changed)", preview, repeat);
    await measure("refresh", refresh, repeat);
  } finally {
    workspace.dispose();
  }
}

async function runLegacy(
  emulator: RunningEmulator,
  menu: BenchMenu,
  figures: ScenarioFigures,
  log: (line: string) => void,
  only?: ScenarioOptions["only"],
) {
  const square = new SquareClient({ token: TOKEN, baseUrl: emulator.url });
  const idFiles: LegacyIdFiles = { categoryIds: {}, menuItemIds: {} };

  const measure = async (command: string, run: () => Promise<string>) => {
    if (only && !only.commands.includes(command)) return;
    emulator.resetCounters();
    const started = process.hrtime.bigint();
    let note: string;
    let ok = true;
    try {
      note = await run();
    } catch (error) {
      ok = false;
      note = `failed: ${(error as Error).message}`;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const entry = commandFigures(command, emulator, seconds, undefined, ok);
    entry.note = note;
    figures.commands.push(entry);
    log(describe(figures, entry));
  };

  await measure("up (from empty)", async () => {
    const run = await runLegacyScripts(square, menu, idFiles);
    return `created ${run.created}; ${describeHoldings(emulator, menu)}`;
  });
  await measure("up (no change)", async () => {
    const run = await runLegacyScripts(square, menu, idFiles);
    return `ID files list all ${run.foundInIdFiles}; created ${run.created}`;
  });
  // The scripts' second line of defence, alone: a rerun whose ID files were lost. Only the list's
  // first page is read, so every object past it looks absent and is created again.
  await measure("rerun without ID files", async () => {
    const run = await runLegacyScripts(square, menu, { categoryIds: {}, menuItemIds: {} });
    return (
      `found by scan ${run.foundByScan}, created again ${run.created}; ` +
      describeHoldings(emulator, menu)
    );
  });
}

/** The floor program as the workspace's index.ts: its imports then start from the project root. */
function floorProgram(): string {
  return fs.readFileSync(FLOOR_PROGRAM, "utf8").replaceAll('from "../', 'from "./');
}

function commandFigures(
  command: string,
  emulator: RunningEmulator,
  seconds: number,
  providerPeakMb: number | undefined,
  ok: boolean,
): CommandFigures {
  const calls = Object.fromEntries(Object.entries(emulator.counters()).filter(([, n]) => n > 0));
  const totalCalls = Object.values(calls).reduce((sum, n) => sum + n, 0);
  const writeCalls = WRITE_OPERATIONS.reduce((sum, op) => sum + (calls[op] ?? 0), 0);
  return { command, ok, seconds: round(seconds), calls, totalCalls, writeCalls, providerPeakMb };
}

/**
 * One figure from several runs of a command: the median wall and CPU time, the highest memory.
 * The calls are the first run's; a run that called Square differently says so in the note.
 */
function combineRepetitions(runs: CommandFigures[]): CommandFigures {
  const [first] = runs;
  if (runs.length === 1) return first;
  const failed = runs.find((r) => !r.ok);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const combined: CommandFigures = {
    ...(failed ?? first),
    seconds: median(runs.map((r) => r.seconds)),
    samples: runs.map((r) => r.seconds),
    cpuSeconds: median(runs.map((r) => r.cpuSeconds ?? 0)),
    providerCpuSeconds: median(runs.map((r) => r.providerCpuSeconds ?? 0)),
    providerPeakMb: Math.max(...runs.map((r) => r.providerPeakMb ?? 0)) || undefined,
    busiestSecond: Math.max(...runs.map((r) => r.busiestSecond ?? 0)),
  };
  const differing = runs.filter((r) => JSON.stringify(r.calls) !== JSON.stringify(first.calls));
  if (differing.length) {
    combined.note = `calls differed between runs: ${runs.map((r) => r.totalCalls).join(", ")}`;
  }
  return combined;
}

/** The most arrivals within any window of one second (from one arrival to just under 1 s later). */
function busiestSecond(calls: { atMs: number }[]): number {
  let most = 0;
  let first = 0;
  for (let last = 0; last < calls.length; last++) {
    while (calls[last].atMs - calls[first].atMs >= 1000) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/**
 * CPU seconds of this process's children that have ended, grandchildren included: Pulumi
 * collects the language host and the provider, so one `pulumi` command's whole cost shows here
 * once it exits.
 */
function childCpuSeconds(): number {
  return parseProcStat(fs.readFileSync("/proc/self/stat", "utf8")).childrenSeconds;
}

/** What the emulated account holds afterwards, against what the menu declares. */
function describeHoldings(emulator: RunningEmulator, menu: BenchMenu): string {
  const live = emulator.objects().filter((o) => !o.is_deleted);
  const items = live.filter((o) => o.type === "ITEM").length;
  const categories = live.filter((o) => o.type === "CATEGORY").length;
  return (
    `Square holds ${items} items / ${categories} categories ` +
    `(menu: ${menu.items.length} / ${menu.categories.length})`
  );
}

function describe(figures: ScenarioFigures, entry: CommandFigures): string {
  const memory = entry.providerPeakMb === undefined ? "" : `, provider ${entry.providerPeakMb} MB`;
  const cpu =
    entry.cpuSeconds === undefined
      ? ""
      : `, ${entry.cpuSeconds} s CPU (provider ${entry.providerCpuSeconds ?? "?"} s)`;
  const samples = entry.samples ? ` (median of ${entry.samples.join(", ")})` : "";
  const mode = figures.skipCheckpoints ? ", checkpoints skipped" : "";
  return (
    `  ${figures.variant} ${figures.items} items, latency ${figures.latencyMs} ms${mode}: ` +
    `${entry.command}: ${entry.ok ? "ok" : "FAILED"} ${entry.seconds} s${samples}, ` +
    `${entry.totalCalls} calls (${entry.writeCalls} writes)${memory}${cpu}` +
    (entry.note ? ` [${entry.note}]` : "")
  );
}

function loadAverage(): number[] {
  return require("os").loadavg().map((n: number) => round(n));
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
