import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import type { StackIdOutputs } from "../tools/stack-outputs";
import { LEGACY_ID_FILES } from "./legacy-id-files";

/**
 * Writes category_ids.json and menu_item_ids.json from the stack's outputs, in the legacy
 * scripts' format, for scripts and people that still read them. The stack is the record now:
 * each file is replaced as a whole (written beside it, then renamed, so a reader never sees
 * half a file). Returns the paths written and the number of entries in each.
 */
export function writeLegacyIdFiles(dir: string, outputs: StackIdOutputs) {
  const written: { path: string; entries: number }[] = [];
  for (const { file, output } of LEGACY_ID_FILES) {
    const ids = outputs[output];
    const path = join(dir, file);
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(ids, null, 2)}\n`);
    renameSync(temporary, path);
    written.push({ path, entries: Object.keys(ids).length });
  }
  return written;
}
