import type * as pulumi from "@pulumi/pulumi";

/**
 * The provider object Pulumi serializes into every resource's state. It is deliberately a shim:
 * a closure captures its code by value, and the whole implementation (with the SDK wrapper,
 * snapshot and write lane) came to about 60 KB, stored twice per resource and rewritten with
 * every checkpoint, which made a 200-item `up` spend most of its time writing state. The shim
 * loads the implementation from the project in the provider process (whose working directory
 * is the project), so the state carries about 3 KB per resource and no client or token.
 *
 * The cost: the state no longer carries the code that wrote it. Deleting a resource after the
 * project's provider/ folder was removed fails; keep the project with its stacks.
 */
export const catalogProvider: pulumi.dynamic.ResourceProvider = {
  configure: (request) => implementation().configure!(request),
  check: (olds, news) => implementation().check!(olds, news),
  diff: (id, olds, news) => implementation().diff!(id, olds, news),
  create: (inputs) => implementation().create(inputs),
  read: (id, props) => implementation().read!(id, props),
  update: (id, olds, news) => implementation().update!(id, olds, news),
  delete: (id, props) => implementation().delete!(id, props),
};

function implementation(): pulumi.dynamic.ResourceProvider {
  const registry = globalThis as { __squareCatalogProvider?: pulumi.dynamic.ResourceProvider };
  if (!registry.__squareCatalogProvider) {
    const path = require("path");
    const entry = path.join(process.cwd(), "provider", "provider-implementation");
    // The provider process runs plain Node; the implementation is TypeScript.
    if (!require.extensions[".ts"]) {
      require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
    }
    registry.__squareCatalogProvider = require(entry).providerImplementation;
  }
  return registry.__squareCatalogProvider!;
}
