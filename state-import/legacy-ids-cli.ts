import { resolve } from "node:path";
import { parseArgs } from "node:util";

import { normalizeName } from "../catalog/normalize-name";
import { processContext, UsageError, type CommandContext } from "../tools/command-context";
import { readLiveCatalog, retrieveByIds } from "../tools/read-live-catalog";
import { readStackIdOutputs } from "../tools/stack-outputs";
import { squareTarget, TARGET_HELP } from "../tools/square-target";
import { textTable } from "../tools/text-table";
import { toolMenu } from "../tools/tool-menu";
import { compareWithSquare, type EntryReport } from "./compare-with-square";
import { LEGACY_ID_DIR_CONFIG_KEY } from "./legacy-id-files";
import { readLegacyIdFiles } from "./read-legacy-id-files";
import { isSquareId } from "./square-id";
import { writeLegacyIdFiles } from "./write-legacy-ids";

const USAGE = `Usage:
  npm run legacy-ids -- check [--dir <d>] [--json] [--menu <file.json>] [--stack <name>] <target>
  npm run legacy-ids -- write [--stack <name>] [--dir <d>]

check  Compares category_ids.json and menu_item_ids.json with Square and with the declared
       menu, and prints each entry's status (found, name differs, wrong type, deleted in
       Square, not in Square, not declared, not a Square ID, listed twice) and what
       \`pulumi up\` will do with it (adopt, fail, ignore). Read-only: one paginated search of
       Square's categories and items, plus one batch-retrieve for IDs the search did not return.
       Exits 1 when \`pulumi up\` would fail because of the files, 0 otherwise.
         --menu <file.json>   the menu to compare with (default: catalog/menu.ts)
         --stack <name>       mark names this stack already manages (their entries are ignored)
         --json               the report as JSON
write  Writes both files from the stack's outputs categoryIds and menuItemIds, replacing them,
       for scripts that still read them (runs \`pulumi stack output --json\`).

  --dir <d>   where the files are (default: the current directory; the stack reads them from
              ${LEGACY_ID_DIR_CONFIG_KEY}, default the project directory)
Target (check only):
${TARGET_HELP}`;

/** The `legacy-ids` command. Returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[], context: CommandContext = processContext()): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        dir: { type: "string" },
        json: { type: "boolean" },
        menu: { type: "string" },
        stack: { type: "string" },
        "base-url": { type: "string" },
        environment: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      context.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const dir = resolve(context.cwd, values.dir ?? ".");
    const [command, ...extra] = positionals;
    if (extra.length) throw new UsageError(`Unexpected arguments: ${extra.join(" ")}`);
    if (command === "check") return await check(dir, values, context);
    if (command === "write") return await write(dir, values.stack, context);
    throw new UsageError(command ? `Unknown command "${command}".` : "Name a command: check or write.");
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    context.stderr.write(`${(error as Error).message}\n${usage ? `\n${USAGE}\n` : ""}`);
    return 1;
  }
}

async function check(
  dir: string,
  flags: { json?: boolean; menu?: string; stack?: string; "base-url"?: string; environment?: string },
  context: CommandContext,
): Promise<number> {
  const target = squareTarget(flags, context.env);
  const { menu, source } = toolMenu(flags.menu, context.cwd);
  const files = readLegacyIdFiles(dir);

  let reports: EntryReport[] = [];
  if (files.present.length) {
    const live = await readLiveCatalog(target.client);
    const liveIds = new Set(live.map((object) => object.id));
    const missing = [...new Set(files.entries.map((e) => e.squareId))].filter(
      (id) => !liveIds.has(id) && isSquareId(id),
    );
    const retrieved = missing.length ? await retrieveByIds(target.client, missing) : new Map();
    const managed = flags.stack ? await managedNames(context, flags.stack) : undefined;
    reports = compareWithSquare(files, menu, { live, retrieved }, managed);
  }
  const upWouldFail = reports.some((report) => report.action === "fail");

  if (flags.json) {
    const summary = { dir, target: target.description, menu: source, files: files.present, upWouldFail };
    context.stdout.write(`${JSON.stringify({ ...summary, entries: reports }, null, 2)}\n`);
  } else {
    context.stdout.write(`${formatReport(dir, target.description, source, files.present, reports)}\n`);
  }
  return upWouldFail ? 1 : 0;
}

async function managedNames(context: CommandContext, stack: string) {
  const outputs = await readStackIdOutputs(context, stack);
  const managed = new Map<string, string>();
  for (const [name, id] of Object.entries(outputs.categoryIds)) {
    managed.set(`category|${normalizeName(name)}`, id);
  }
  for (const [name, id] of Object.entries(outputs.menuItemIds)) {
    managed.set(`item|${normalizeName(name)}`, id);
  }
  return managed;
}

function formatReport(
  dir: string,
  target: string,
  menu: string,
  present: string[],
  reports: EntryReport[],
): string {
  const heading = `Legacy ID files in ${dir}, compared with ${target} and the menu ${menu}`;
  if (!present.length) {
    return `${heading}:\nNo category_ids.json or menu_item_ids.json here: \`pulumi up\` adopts nothing from files.`;
  }

  const rows = reports.map((r) => [
    r.entry ?? "(whole file)",
    r.file,
    r.squareId ?? "",
    r.status,
    r.action,
  ]);
  const table = textTable(["entry", "file", "ID", "status", "pulumi up will"], rows);
  const notes = reports
    .filter((r) => r.status !== "found" || r.action !== "adopt" || r.details.length > 1)
    .map((r) => `  ${r.file}${r.entry !== undefined ? ` "${r.entry}"` : ""}: ${r.details.join("; ")}`);
  const failing = reports.filter((r) => r.action === "fail").length;
  const verdict = failing
    ? `\`pulumi up\` would fail: ${failing} ${failing === 1 ? "entry needs" : "entries need"} fixing (see above).`
    : "`pulumi up` can take these files over.";
  return [`${heading}:`, "", table, ...(notes.length ? ["", "Details:", ...notes] : []), "", verdict].join("\n");
}

async function write(dir: string, stack: string | undefined, context: CommandContext): Promise<number> {
  const outputs = await readStackIdOutputs(context, stack);
  for (const file of writeLegacyIdFiles(dir, outputs)) {
    context.stdout.write(`wrote ${file.path} (${file.entries} entries)\n`);
  }
  return 0;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
