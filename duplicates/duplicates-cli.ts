import { resolve } from "node:path";
import { parseArgs } from "node:util";

import { processContext, UsageError, type CommandContext } from "../tools/command-context";
import { readLiveCatalog } from "../tools/read-live-catalog";
import { squareTarget, TARGET_HELP } from "../tools/square-target";
import { applyClean } from "./apply-clean";
import { defaultBackupName } from "./backup-file";
import { planClean } from "./clean-plan";
import { KEEP_RULE } from "./keep-rule";
import { managedIds } from "./managed-ids";
import { cleanPlanText, scanJson, scanText } from "./scan-report";

const USAGE = `Usage:
  npm run duplicates -- scan [--json] [--stack <name>] [--dir <d>] <target>
  npm run duplicates -- clean [--apply] [--backup <file>] [--stack <name>] [--dir <d>] <target>

scan   Reads every live category and item (paginated) and groups them by type and name, names
       compared ignoring case, spacing and Unicode form. For each group: IDs, versions,
       updated_at, which one the stack manages, which items point at each category, and what
       clean would keep. Read-only. Exit code: 0 no duplicates, 2 duplicates found, 1 error.
         --json   the report as JSON
clean  Shows what it would do and changes nothing, unless --apply is given. With --apply:
       writes the backup file (the full JSON of every object it will delete, and of every item
       it will re-point), points the items that use a category about to be deleted at the kept
       category, then deletes the other objects of each group (batches of at most 200). It
       never deletes an object whose type and name occur once. A second run finds nothing to do.
         --apply           carry the cleanup out
         --backup <file>   where the backup goes (default: duplicates-backup-<time>.json)

Which object the stack manages: the outputs of --stack <name> (\`pulumi stack output\`, run in
the current directory), otherwise the legacy ID files in --dir (default: current directory).

${KEEP_RULE}

Target:
${TARGET_HELP}`;

/** The `duplicates` command. Returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[], context: CommandContext = processContext()): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: "boolean" },
        apply: { type: "boolean" },
        backup: { type: "string" },
        stack: { type: "string" },
        dir: { type: "string" },
        "base-url": { type: "string" },
        environment: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      context.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const [command, ...extra] = positionals;
    if (extra.length) throw new UsageError(`Unexpected arguments: ${extra.join(" ")}`);
    if (command !== "scan" && command !== "clean") {
      throw new UsageError(command ? `Unknown command "${command}".` : "Name a command: scan or clean.");
    }
    if (command === "scan" && (values.apply || values.backup)) {
      throw new UsageError("scan only reads; --apply and --backup belong to clean.");
    }

    const target = squareTarget(values, context.env);
    const managed = await managedIds(context, { stack: values.stack, dir: resolve(context.cwd, values.dir ?? ".") });
    const plan = planClean(await readLiveCatalog(target.client), managed.ids);

    if (command === "scan") {
      const report = values.json
        ? JSON.stringify(scanJson(plan, target.description, managed.source, managed.ids), null, 2)
        : scanText(plan, target.description, managed.source, managed.ids);
      context.stdout.write(`${report}\n`);
      return plan.groups.length ? 2 : 0;
    }

    const say = (line: string) => context.stdout.write(`${line}\n`);
    say(`Duplicates in ${target.description}; managed IDs from ${managed.source}.`);
    if (!plan.groups.length) {
      say("No duplicates: nothing to delete.");
      return 0;
    }
    cleanPlanText(plan).forEach(say);
    if (!values.apply) {
      say("Dry run: nothing was changed. Run again with --apply to carry this out.");
      return 0;
    }

    const backupPath = resolve(context.cwd, values.backup ?? defaultBackupName());
    const result = await applyClean(target.client, plan, { backupPath, target: target.description });
    say(`Backup of the deleted objects: ${result.backupPath}`);
    say(`Re-pointed ${result.repointed} ${result.repointed === 1 ? "item" : "items"}.`);
    say(`Deleted ${result.deletedIds.length} objects (variations included): ${result.deletedIds.join(", ")}`);
    return 0;
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    context.stderr.write(`${(error as Error).message}\n${usage ? `\n${USAGE}\n` : ""}`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
