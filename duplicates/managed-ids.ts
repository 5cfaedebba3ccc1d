import { readLegacyIdFiles } from "../state-import/read-legacy-id-files";
import type { CommandContext } from "../tools/command-context";
import { readStackIdOutputs } from "../tools/stack-outputs";

/** The Square IDs the stack manages (or will take over), and where that knowledge came from. */
export interface ManagedIds {
  ids: Set<string>;
  source: string;
}

/**
 * With a stack name: the IDs in the stack's outputs categoryIds and menuItemIds. Without one:
 * the IDs in the legacy ID files in `dir`, which the next `pulumi up` adopts. Unreadable entries
 * in those files are skipped here; `npm run legacy-ids -- check` reports them.
 */
export async function managedIds(
  context: CommandContext,
  options: { stack?: string; dir: string },
): Promise<ManagedIds> {
  if (options.stack) {
    const outputs = await readStackIdOutputs(context, options.stack);
    return {
      ids: new Set([...Object.values(outputs.categoryIds), ...Object.values(outputs.menuItemIds)]),
      source: `the outputs of stack "${options.stack}"`,
    };
  }
  const files = readLegacyIdFiles(options.dir);
  return {
    ids: new Set(files.entries.map((entry) => entry.squareId)),
    source: files.present.length
      ? `the legacy ID files in ${options.dir} (${files.present.join(", ")})`
      : `nothing (no --stack, and no legacy ID files in ${options.dir})`,
  };
}
