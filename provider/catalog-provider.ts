import type * as pulumi from "@pulumi/pulumi";

/**
 * The provider object Pulumi serializes into every resource's state, twice (inputs and
 * outputs), and rewrites with every checkpoint. It is deliberately a shim: the implementation
 * (SDK wrapper, snapshot, write lane) serialized by value came to about 60 KB per copy. The shim
 * loads the implementation from the project in the provider process (whose working directory is
 * the project, see load-implementation.js), so the state carries about 2.5 KB per copy and no
 * client or token.
 *
 * Pulumi's dynamic-provider host calls `configure` on a provider before anything else, so
 * `configure` loads the implementation and the other methods find it on `globalThis`. Neither
 * comments nor helpers live inside the functions: their text is what is stored.
 *
 * The cost: the state no longer carries the code that wrote it. Deleting a resource after the
 * project's provider/ folder was removed fails; keep the project with its stacks.
 */
export const catalogProvider: pulumi.dynamic.ResourceProvider = {
  configure(request) {
    const loaded = globalThis as Partial<Loaded>;
    if (!loaded.__squareCatalogProvider) {
      const loader = require("path").join(process.cwd(), "provider", "load-implementation.js");
      loaded.__squareCatalogProvider = require(loader).loadImplementation(process.cwd());
    }
    return loaded.__squareCatalogProvider!.configure(request);
  },
  check: (olds, news) => (globalThis as Loaded).__squareCatalogProvider.check(olds, news),
  diff: (id, olds, news) => (globalThis as Loaded).__squareCatalogProvider.diff(id, olds, news),
  create: (inputs) => (globalThis as Loaded).__squareCatalogProvider.create(inputs),
  read: (id, props) => (globalThis as Loaded).__squareCatalogProvider.read(id, props),
  update: (id, olds, news) => (globalThis as Loaded).__squareCatalogProvider.update(id, olds, news),
  delete: (id, props) => (globalThis as Loaded).__squareCatalogProvider.delete(id, props),
};

/** The loaded implementation, where `configure` leaves it for the other methods. */
type Loaded = typeof globalThis & {
  __squareCatalogProvider: Required<pulumi.dynamic.ResourceProvider>;
};
