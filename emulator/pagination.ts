import { encodeCursor } from "./cursor";
import { CatalogObjectJson, CatalogStore, ReadView, Revision } from "./store";

export interface Page {
  objects: CatalogObjectJson[];
  cursor?: string;
}

/**
 * Walks the catalog in creation order from just after `afterSeq`, keeping what `accepts` takes,
 * as the state `view` sees it. A cursor is returned only when another match exists.
 */
export function collectPage(
  store: CatalogStore,
  view: ReadView,
  afterSeq: number,
  limit: number,
  accepts: (revision: Revision) => boolean,
): Page {
  const objects: CatalogObjectJson[] = [];
  let lastSeq = afterSeq;

  for (const record of store.recordsAfter(afterSeq)) {
    const revision = store.revisionIn(record, view);
    if (!revision || !accepts(revision)) continue;
    if (objects.length === limit) return { objects, cursor: encodeCursor(lastSeq) };
    objects.push(store.renderRevision(revision, view));
    lastSeq = record.seq;
  }
  return { objects };
}
