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
    sizes: number[];
    latencyMs: number;
    parallel: number;
    parallelSource: string;
    emulatorWriteProcessingMs: number;
    clientRateLimitPerSecond: number;
    /** Absent in results written before the option existed. */
    skipCheckpoints?: boolean;
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
    settings.skipCheckpoints
      ? "- Engine run with PULUMI_SKIP_CHECKPOINTS=true: the state is written once, when a command " +
        "ends, instead of after every step (floor, product and unbatched alike)."
      : "- Engine defaults: the state is written after every step, as `pulumi up` does out of the box.",
    `- Emulator: each write holds the account's write lock ${settings.emulatorWriteProcessingMs} ms; ` +
      `second pass adds ${settings.latencyMs} ms to every call (Square's typical catalog latency).`,
    `- The provider keeps its default client-side ceiling of ${settings.clientRateLimitPerSecond} ` +
      "requests/s (square-catalog:maxRequestsPerSecond), in both its batched and unbatched modes.",
    "- floor: same resource graph, a dynamic provider that calls nothing. product: this provider. " +
      "unbatched: SQUARE_CATALOG_UNBATCHED=true (one call per resource, no shared snapshot). " +
      "legacy: the old scripts' algorithm through the square SDK (list first page before each " +
      "create, one upsert per object, one variation per item).",
    "- Seconds are wall time of the whole command; calls are the emulator's counters for that " +
      "command; MB is the dynamic-provider process's peak RSS (VmHWM).",
    "",
  );

  const latencies = [...new Set(results.scenarios.filter((s) => !s.commands.some(isInjected)).map((s) => s.latencyMs))];
  for (const latency of latencies) {
    lines.push(`## Per-call latency ${latency} ms`, "", ...table(results, latency), "");
  }

  lines.push(...chart(results));

  const skipped = results.scenarios.filter((s) => s.skipped);
  if (skipped.length) {
    lines.push("## Skipped", "");
    for (const s of skipped) lines.push(`- ${s.variant}, ${s.items} items, latency ${s.latencyMs} ms: ${s.skipped}`);
    lines.push("");
  }

  lines.push("## Targets (at 1,000 items unless stated)", "", ...targets(results), "");
  return `${lines.join("\n")}\n`;
}

function table(results: Results, latency: number): string[] {
  const rows = [
    "| items | command | floor s | product s | × floor | product calls | provider MB | unbatched s | unbatched calls | legacy s | legacy calls |",
    "| ---: | --- | ---: | ---: | ---: | --- | ---: | ---: | --- | ---: | --- |",
  ];
  const sizes = [...new Set(results.scenarios.map((s) => s.items))].sort((a, b) => a - b);
  for (const items of sizes) {
    const find = (variant: Variant) =>
      results.scenarios.find(
        (s) => s.variant === variant && s.items === items && s.latencyMs === latency && !s.commands.some(isInjected),
      );
    const [floor, product, unbatched, legacy] = (["floor", "product", "unbatched", "legacy"] as const).map(find);
    if (!floor && !product && !unbatched && !legacy) continue;
    const commands = [...new Set([floor, product, unbatched, legacy].flatMap((s) => s?.commands.map((c) => c.command) ?? []))];
    for (const command of commands) {
      const f = floor?.commands.find((c) => c.command === command);
      const p = product?.commands.find((c) => c.command === command);
      const u = unbatched?.commands.find((c) => c.command === command);
      const l = legacy?.commands.find((c) => c.command === command);
      rows.push(
        `| ${items} | ${command} | ${secs(f, floor)} | ${secs(p, product)} | ${ratio(p, f)} | ${calls(p)} | ` +
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
function chart(results: Results): string[] {
  const command = "up (from empty)";
  const sizes = [...new Set(results.scenarios.filter((s) => s.latencyMs === 0).map((s) => s.items))].sort((a, b) => a - b);
  const series = (["floor", "product", "unbatched", "legacy"] as const).flatMap((variant) => {
    const points = sizes.map((items) =>
      results.scenarios
        .find((s) => s.variant === variant && s.items === items && s.latencyMs === 0 && !s.commands.some(isInjected))
        ?.commands.find((c) => c.command === command && c.ok)?.seconds,
    );
    return points.every((p) => p !== undefined) ? [{ variant, points: points as number[] }] : [];
  });
  if (sizes.length < 2 || !series.length) return [];
  return [
    `## \`${command}\` by menu size, latency 0 ms`,
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

function targets(results: Results): string[] {
  const out: string[] = [];
  const latency = results.settings.latencyMs;
  const P = results.settings.parallel;
  const at = (variant: Variant, items: number, latencyMs: number) =>
    results.scenarios.find(
      (s) => s.variant === variant && s.items === items && s.latencyMs === latencyMs && !s.commands.some(isInjected),
    );
  const cmd = (s: ScenarioFigures | undefined, command: string) => s?.commands.find((c) => c.command === command);
  const verdict = (name: string, pass: boolean | undefined, figures: string) =>
    out.push(`- ${pass === undefined ? "N/A " : pass ? "PASS" : "FAIL"} ${name}: ${figures}`);

  const product = at("product", TARGET_SIZE, 0);
  const floor = at("floor", TARGET_SIZE, 0);
  const productLatency = at("product", TARGET_SIZE, latency);
  const floorLatency = at("floor", TARGET_SIZE, latency);
  const unbatchedLatency = at("unbatched", TARGET_SIZE, latency);
  if (!product) {
    out.push(`- N/A: no product run at ${TARGET_SIZE} items in these results.`);
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
        p && f ? `${p.seconds} s vs floor ${f.seconds} s = ${ratio(p, f)}` : "not measured",
      );
      const pl = cmd(productLatency, command);
      const fl = cmd(floorLatency, command);
      if (pl && fl) {
        verdict(
          `${command}: wall time ≤ 1.2 × floor (latency ${latency} ms)`,
          pl.ok && pl.seconds <= 1.2 * fl.seconds,
          `${pl.seconds} s vs floor ${fl.seconds} s = ${ratio(pl, fl)}`,
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
    verdict(
      "up (from empty): wall time ≤ 1.3 × floor (latency 0)",
      created && createdFloor ? created.ok && created.seconds <= 1.3 * createdFloor.seconds : undefined,
      created && createdFloor ? `${created.seconds} s vs floor ${createdFloor.seconds} s = ${ratio(created, createdFloor)}` : "not measured",
    );
    const pl = cmd(productLatency, "up (from empty)");
    const ul = cmd(unbatchedLatency, "up (from empty)");
    verdict(
      `up (from empty): ≥ 5 × faster than one call per resource (latency ${latency} ms)`,
      pl && ul ? pl.ok && ul.seconds >= 5 * pl.seconds : undefined,
      pl && ul
        ? `${pl.seconds} s vs unbatched ${ul.seconds} s = ${(ul.seconds / pl.seconds).toFixed(1)}× faster`
        : `not measured${unbatchedLatency?.skipped ? ` (${unbatchedLatency.skipped})` : ""}`,
    );
  }

  const large = at("product", LARGE_SIZE, 0);
  if (product && large) {
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
  } else {
    verdict(`cost linear from ${TARGET_SIZE} to ${LARGE_SIZE}`, undefined, "no product run at both sizes");
  }
  if (large) {
    const peak = Math.max(...large.commands.map((c) => c.providerPeakMb ?? 0));
    const measured = large.commands.map((c) => c.command).join(", ");
    verdict(
      `provider memory < 300 MB at ${LARGE_SIZE} items`,
      peak > 0 ? peak < 300 : undefined,
      `peak ${peak} MB over: ${measured || "nothing measured"}`,
    );
  }

  const injected = results.scenarios.find((s) => s.commands.some(isInjected));
  const run = injected?.commands.find(isInjected);
  verdict(
    "3 × 429 (Retry-After 1 s) injected into BatchUpsertCatalogObjects: up succeeds",
    run ? run.ok && /holds (\d+) items \/ (\d+) categories \(menu: \1 \/ \2\)/.test(run.note ?? "") : undefined,
    run ? `${injected!.items} items: ${run.ok ? "ok" : "FAILED"} in ${run.seconds} s, ${calls(run)}; ${run.note}` : "not measured",
  );
  return out;
}
