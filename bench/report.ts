import type { CommandFigures, ScenarioFigures, Variant } from "./scenarios";

export interface Results {
  startedAt: string;
  finishedAt: string;
  machine: { cores: number; cpu?: string; node: string };
  /** The commit measured, and any uncommitted provider changes in the working tree. */
  source?: string;
  note?: string;
  uptimeBefore: string;
  uptimeAfter: string;
  settings: {
    /** Sizes run with the engine's defaults. */
    sizes: number[];
    /** Sizes run with PULUMI_SKIP_CHECKPOINTS=true (absent in results of older runs). */
    skipCheckpointSizes?: number[];
    latencyMs: number;
    /** How often each read-only command ran (medians); absent: once. */
    repeat?: number;
    parallel: number;
    parallelSource: string;
    emulatorWriteProcessingMs: number;
    clientRateLimitPerSecond: number;
  };
  scenarios: ScenarioFigures[];
  /** When several runs were merged: each run's span, sizes and machine load. */
  runs?: { startedAt: string; finishedAt: string; sizes: number[]; uptimeBefore: string; uptimeAfter: string }[];
}

const SHORT_NAMES: Record<string, string> = {
  CatalogInfo: "info",
  SearchCatalogObjects: "search",
  ListCatalog: "list",
  BatchUpsertCatalogObjects: "batch-upsert",
  UpsertCatalogObject: "upsert",
  BatchRetrieveCatalogObjects: "batch-retrieve",
  RetrieveCatalogObject: "retrieve",
  BatchDeleteCatalogObjects: "batch-delete",
  DeleteCatalogObject: "delete",
};

const MODE_TITLES: Record<string, string> = {
  false: "Engine defaults (state written after every step)",
  true: "PULUMI_SKIP_CHECKPOINTS=true (state written once per command)",
};

const TARGET_SIZE = 1000;
const LARGE_SIZE = 5000;

/** The Markdown report: the side-by-side tables per latency, then the targets as PASS/FAIL. */
export function renderReport(results: Results): string {
  const lines: string[] = [];
  const { settings } = results;
  lines.push(
    "# Benchmark: the Square catalog through Pulumi",
    "",
    `Run ${results.startedAt} → ${results.finishedAt} on ${results.machine.cores} cores ` +
      `(${results.machine.cpu ?? "unknown CPU"}), Node ${results.machine.node}.`,
    ...(results.source ? [`Code measured: ${results.source}.`] : []),
    ...(results.note ? ["", results.note] : []),
    `Machine load before: ${results.uptimeBefore}; after: ${results.uptimeAfter} ` +
      "(other processes, e.g. test suites, may share the machine).",
    ...(results.runs ?? []).map(
      (r) => `- run ${r.startedAt} → ${r.finishedAt}, sizes ${r.sizes.join(", ")}: ${r.uptimeBefore} → ${r.uptimeAfter}`,
    ),
    "",
    `- Engine parallelism P = ${settings.parallel} (${settings.parallelSource}).`,
    "- Two engine modes: its defaults, where the state is written after every step, as `pulumi up` " +
      "does out of the box; and PULUMI_SKIP_CHECKPOINTS=true, where it is written once, when a " +
      "command ends (floor, product and unbatched alike), which makes 5,000 items measurable.",
    `- Previews, \`up\` with no change and refresh ran ${settings.repeat ?? 1}× each; their figures are medians ` +
      "(every run's wall time is in latest.json). `up` from empty ran once.",
    `- Emulator: each write holds the account's write lock ${settings.emulatorWriteProcessingMs} ms; ` +
      `second pass adds ${settings.latencyMs} ms to every call (Square's typical catalog latency).`,
    `- The provider keeps its default client-side ceiling of ${settings.clientRateLimitPerSecond} ` +
      "requests/s (square-catalog:maxRequestsPerSecond), in both its batched and unbatched modes.",
    "- floor: same resource graph, a dynamic provider that calls nothing. product: this provider. " +
      "unbatched: SQUARE_CATALOG_UNBATCHED=true (one call per resource, no shared snapshot). " +
      "legacy: the old scripts' algorithm through the square SDK (list first page before each " +
      "create, one upsert per object, one variation per item).",
    "- Seconds are wall time of the whole command; CPU is the CPU time of every process it ran " +
      "(CLI, engine, program, provider), which the machine's load barely moves; calls are the " +
      "emulator's counters for that command; MB is the dynamic-provider process's peak RSS (VmHWM).",
    "",
  );

  for (const skipCheckpoints of [false, true]) {
    const inMode = results.scenarios.filter(
      (s) => Boolean(s.skipCheckpoints) === skipCheckpoints && !s.commands.some(isInjected),
    );
    if (!inMode.some((s) => s.commands.length)) continue;
    lines.push(`## ${MODE_TITLES[String(skipCheckpoints)]}`, "");
    for (const latency of [...new Set(inMode.map((s) => s.latencyMs))]) {
      lines.push(`### Per-call latency ${latency} ms`, "", ...table(results, latency, skipCheckpoints), "");
    }
    lines.push(...chart(results, skipCheckpoints));
  }

  const skipped = results.scenarios.filter((s) => s.skipped);
  if (skipped.length) {
    lines.push("## Skipped", "");
    for (const s of skipped) {
      const mode = s.skipCheckpoints ? ", checkpoints skipped" : "";
      lines.push(`- ${s.variant}, ${s.items} items, latency ${s.latencyMs} ms${mode}: ${s.skipped}`);
    }
    lines.push("");
  }

  lines.push("## Targets (at 1,000 items unless stated)", "");
  for (const skipCheckpoints of [false, true]) {
    lines.push(`### ${MODE_TITLES[String(skipCheckpoints)]}`, "", ...targets(results, skipCheckpoints), "");
  }
  lines.push("### Both modes", "", ...sharedTargets(results), "");
  return `${lines.join("\n")}\n`;
}

function table(results: Results, latency: number, skipCheckpoints: boolean): string[] {
  const rows = [
    "| items | command | floor s | product s | × floor | floor CPU s | product CPU s | CPU × floor | product calls | provider MB | unbatched s | unbatched calls | legacy s | legacy calls |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- | ---: | --- |",
  ];
  const sizes = [...new Set(results.scenarios.map((s) => s.items))].sort((a, b) => a - b);
  for (const items of sizes) {
    const [floor, product, unbatched, legacy] = (["floor", "product", "unbatched", "legacy"] as const).map(
      (variant) => find(results, variant, items, latency, skipCheckpoints),
    );
    if (![floor, product, unbatched, legacy].some((s) => s?.commands.length)) continue;
    const commands = [...new Set([floor, product, unbatched, legacy].flatMap((s) => s?.commands.map((c) => c.command) ?? []))];
    for (const command of commands) {
      const f = floor?.commands.find((c) => c.command === command);
      const p = product?.commands.find((c) => c.command === command);
      const u = unbatched?.commands.find((c) => c.command === command);
      const l = legacy?.commands.find((c) => c.command === command);
      rows.push(
        `| ${items} | ${command} | ${secs(f, floor)} | ${secs(p, product)} | ${ratio(p, f)} | ` +
          `${cpu(f)} | ${cpu(p)} | ${cpuRatio(p, f)} | ${calls(p)} | ` +
          `${p?.providerPeakMb ?? ""} | ${secs(u, unbatched)} | ${calls(u)} | ${secs(l, legacy)} | ${calls(l)} |`,
      );
    }
  }
  return rows;
}

/**
 * How `up` from empty grows with the menu, per variant (Mermaid, which GitHub draws): the table
 * gives the figures, the chart shows which variant grows with the square of the menu.
 */
function chart(results: Results, skipCheckpoints: boolean): string[] {
  const command = "up (from empty)";
  const inMode = results.scenarios.filter(
    (s) => s.latencyMs === 0 && Boolean(s.skipCheckpoints) === skipCheckpoints && !s.commands.some(isInjected),
  );
  const sizes = [...new Set(inMode.filter((s) => s.commands.length).map((s) => s.items))].sort((a, b) => a - b);
  const series = (["floor", "product", "unbatched", "legacy"] as const).flatMap((variant) => {
    const points = sizes.map((items) =>
      inMode
        .find((s) => s.variant === variant && s.items === items)
        ?.commands.find((c) => c.command === command && c.ok)?.seconds,
    );
    return points.every((p) => p !== undefined) ? [{ variant, points: points as number[] }] : [];
  });
  if (sizes.length < 2 || !series.length) return [];
  return [
    `### \`${command}\` by menu size, latency 0 ms`,
    "",
    `Lines, in order: ${series.map((s) => s.variant).join(", ")} (variants measured at every size).`,
    "",
    "```mermaid",
    "xychart-beta",
    `  x-axis "items" [${sizes.join(", ")}]`,
    `  y-axis "seconds"`,
    ...series.map((s) => `  line [${s.points.join(", ")}]`),
    "```",
    "",
  ];
}

function secs(entry: CommandFigures | undefined, scenario: ScenarioFigures | undefined): string {
  if (!entry) return scenario?.skipped ? "skipped" : "";
  return entry.ok ? entry.seconds.toFixed(1) : `FAILED (${entry.seconds.toFixed(1)})`;
}

function ratio(a?: CommandFigures, b?: CommandFigures): string {
  return a && b && b.seconds > 0 ? `${(a.seconds / b.seconds).toFixed(2)}×` : "";
}

function cpu(entry?: CommandFigures): string {
  return entry?.cpuSeconds === undefined ? "" : entry.cpuSeconds.toFixed(1);
}

function cpuRatio(a?: CommandFigures, b?: CommandFigures): string {
  return a?.cpuSeconds && b?.cpuSeconds ? `${(a.cpuSeconds / b.cpuSeconds).toFixed(2)}×` : "";
}

function calls(entry?: CommandFigures): string {
  if (!entry) return "";
  if (!entry.totalCalls) return "0";
  const parts = Object.entries(entry.calls).map(([op, n]) => `${SHORT_NAMES[op] ?? op} ${n}`);
  return `${entry.totalCalls}: ${parts.join(", ")}`;
}

function floorGrowth(small?: CommandFigures, large?: CommandFigures): string {
  return small && large ? `; the floor grew ×${(large.seconds / small.seconds).toFixed(2)}` : "";
}

function isInjected(c: CommandFigures): boolean {
  return c.command.includes("429");
}

function targets(results: Results, skipCheckpoints: boolean): string[] {
  const out: string[] = [];
  const latency = results.settings.latencyMs;
  const P = results.settings.parallel;
  const at = (variant: Variant, items: number, latencyMs: number) => find(results, variant, items, latencyMs, skipCheckpoints);
  const verdict = (name: string, pass: boolean | undefined, figures: string) =>
    out.push(`- ${pass === undefined ? "N/A " : pass ? "PASS" : "FAIL"} ${name}: ${figures}`);
  const vsFloor = (p: CommandFigures, f: CommandFigures) =>
    `${p.seconds} s vs floor ${f.seconds} s = ${ratio(p, f)}` +
    (p.cpuSeconds && f.cpuSeconds ? ` (CPU ${p.cpuSeconds} s vs ${f.cpuSeconds} s = ${cpuRatio(p, f)})` : "");

  const product = at("product", TARGET_SIZE, 0);
  const floor = at("floor", TARGET_SIZE, 0);
  const productLatency = at("product", TARGET_SIZE, latency);
  const floorLatency = at("floor", TARGET_SIZE, latency);
  const unbatchedLatency = at("unbatched", TARGET_SIZE, latency);
  if (!product?.commands.length) {
    out.push(`- N/A: no product run at ${TARGET_SIZE} items in this mode.`);
  } else {
    const o = product.objects;
    const allObjects = o.categories + o.items + o.variations;
    const callBound = Math.ceil(allObjects / 1000) + 2;
    for (const command of ["preview (empty stack)", "preview (one price changed)", "refresh"]) {
      const p = cmd(product, command);
      const f = cmd(floor, command);
      verdict(
        `${command}: ≤ ceil(${allObjects} objects / 1000) + 2 = ${callBound} API calls`,
        p && p.ok ? p.totalCalls <= callBound : undefined,
        p ? calls(p) : "not measured",
      );
      verdict(
        `${command}: wall time ≤ 1.2 × floor (latency 0)`,
        p && f ? p.ok && p.seconds <= 1.2 * f.seconds : undefined,
        p && f ? vsFloor(p, f) : "not measured",
      );
      const pl = cmd(productLatency, command);
      const fl = cmd(floorLatency, command);
      if (pl && fl) {
        verdict(
          `${command}: wall time ≤ 1.2 × floor (latency ${latency} ms)`,
          pl.ok && pl.seconds <= 1.2 * fl.seconds,
          vsFloor(pl, fl),
        );
      }
    }

    const same = cmd(product, "up (no change)");
    verdict("up (no change): 0 write calls", same ? same.ok && same.writeCalls === 0 : undefined, same ? calls(same) : "not measured");

    const created = cmd(product, "up (from empty)");
    const writeBound = Math.ceil(o.items / P) + Math.ceil(o.categories / P) + 2;
    verdict(
      `up (from empty): write calls ≤ ceil(${o.items}/P) + ceil(${o.categories}/P) + 2 = ${writeBound} at P = ${P}`,
      created ? created.ok && created.writeCalls <= writeBound : undefined,
      created ? `${created.writeCalls} writes (${calls(created)})` : "not measured",
    );
    const createdFloor = cmd(floor, "up (from empty)");
    const ceiling = results.settings.clientRateLimitPerSecond;
    verdict(
      "up (from empty): wall time ≤ 1.3 × floor (latency 0)",
      created && createdFloor ? created.ok && created.seconds <= 1.3 * createdFloor.seconds : undefined,
      created && createdFloor
        ? `${vsFloor(created, createdFloor)}; at the client ceiling of ${ceiling} requests/s its ` +
          `${created.totalCalls} calls alone take ≥ ${(created.totalCalls / ceiling).toFixed(1)} s`
        : "not measured",
    );
    const pl = cmd(productLatency, "up (from empty)");
    const ul = cmd(unbatchedLatency, "up (from empty)");
    const fl = cmd(floorLatency, "up (from empty)");
    verdict(
      `up (from empty): ≥ 5 × faster than one call per resource (latency ${latency} ms)`,
      pl && ul ? pl.ok && ul.seconds >= 5 * pl.seconds : undefined,
      pl && ul
        ? `${pl.seconds} s vs unbatched ${ul.seconds} s = ${(ul.seconds / pl.seconds).toFixed(1)}× faster` +
          (fl ? `; a provider that calls nothing (the floor, ${fl.seconds} s) would be ${(ul.seconds / fl.seconds).toFixed(1)}× faster` : "")
        : `not measured${unbatchedLatency?.skipped ? ` (${unbatchedLatency.skipped})` : ""}`,
    );
  }

  const large = at("product", LARGE_SIZE, 0);
  if (product?.commands.length && large?.commands.length) {
    const scale = (large.objects.items + large.objects.categories) / (product.objects.items + product.objects.categories);
    for (const c of large.commands) {
      const small = cmd(product, c.command);
      if (!small || !c.ok) continue;
      const timeGrowth = c.seconds / small.seconds;
      const callGrowth = small.totalCalls ? c.totalCalls / small.totalCalls : c.totalCalls === 0 ? 1 : Infinity;
      verdict(
        `${c.command}: cost linear from ${TARGET_SIZE} to ${LARGE_SIZE} items (growth ≤ 1.25 × ${scale.toFixed(2)})`,
        timeGrowth <= 1.25 * scale && callGrowth <= 1.25 * scale,
        `time ×${timeGrowth.toFixed(2)} (${small.seconds} → ${c.seconds} s), calls ×${callGrowth.toFixed(2)} ` +
          `(${small.totalCalls} → ${c.totalCalls})` +
          floorGrowth(cmd(floor, c.command), cmd(at("floor", LARGE_SIZE, 0), c.command)),
      );
    }
    const peak = Math.max(...large.commands.map((c) => c.providerPeakMb ?? 0));
    verdict(
      `provider memory < 300 MB at ${LARGE_SIZE} items`,
      peak > 0 ? peak < 300 : undefined,
      `peak ${peak} MB over: ${large.commands.map((c) => c.command).join(", ")}`,
    );
  } else {
    const small = cmd(at("floor", 100, 0), "up (from empty)");
    const big = cmd(floor, "up (from empty)");
    verdict(
      `cost linear from ${TARGET_SIZE} to ${LARGE_SIZE}`,
      undefined,
      `${LARGE_SIZE} items not run in this mode` +
        (small && big
          ? `: the engine's floor alone grew ×${(big.seconds / small.seconds).toFixed(1)} in \`up\` from empty ` +
            `for ×10 the menu (${small.seconds} s at 100 items → ${big.seconds} s at ${TARGET_SIZE})`
          : ""),
    );
  }
  return out;
}

/** Targets that do not depend on how the engine writes its state. */
function sharedTargets(results: Results): string[] {
  const injected = results.scenarios.find((s) => s.commands.some(isInjected));
  const run = injected?.commands.find(isInjected);
  const pass = run ? run.ok && /holds (\d+) items \/ (\d+) categories \(menu: \1 \/ \2\)/.test(run.note ?? "") : undefined;
  const product = results.scenarios.filter((s) => s.variant === "product" && s.latencyMs === 0);
  const busiest = product.flatMap((s) => s.commands.map((c) => ({ s, c }))).filter(({ c }) => c.busiestSecond)
    .sort((a, b) => b.c.busiestSecond! - a.c.busiestSecond!)[0];
  const ceiling = results.settings.clientRateLimitPerSecond;
  return [
    `- ${busiest ? "INFO" : "N/A "} client-side ceiling of ${ceiling} requests/s: ` +
      (busiest
        ? `the busiest second of any product command held ${busiest.c.busiestSecond} provider calls ` +
          `(${busiest.c.command}, ${busiest.s.items} items); the ceiling spaces sends by ` +
          `${1000 / ceiling} ms, so one second of arrivals can hold ${ceiling + 1} ` +
          "(tests/reliability/client-rate-ceiling.test.ts checks the spacing)"
        : "not measured"),
    `- ${pass === undefined ? "N/A " : pass ? "PASS" : "FAIL"} 3 × 429 (Retry-After 1 s) injected into ` +
      "BatchUpsertCatalogObjects: up succeeds: " +
      (run ? `${injected!.items} items: ${run.ok ? "ok" : "FAILED"} in ${run.seconds} s, ${calls(run)}; ${run.note}` : "not measured"),
  ];
}

function find(results: Results, variant: Variant, items: number, latencyMs: number, skipCheckpoints: boolean) {
  return results.scenarios.find(
    (s) =>
      s.variant === variant &&
      s.items === items &&
      s.latencyMs === latencyMs &&
      Boolean(s.skipCheckpoints) === skipCheckpoints &&
      !s.commands.some(isInjected),
  );
}

function cmd(s: ScenarioFigures | undefined, command: string) {
  return s?.commands.find((c) => c.command === command);
}
