import type * as pulumi from "@pulumi/pulumi";
import type { Square } from "square";

import { normalizeName } from "../catalog/normalize-name";
import type { CatalogSnapshot } from "./catalog-snapshot";
import { describeDuplicates } from "./describe-duplicates";
import { tellUser } from "./engine-log";
import { digestOf } from "./idempotency-key";
import { currentRuntime, installRuntime } from "./provider-runtime";
import type { CatalogInputs, CatalogOutputs, ItemInputs } from "./resource-inputs";
import { SQUARE_TYPE } from "./resource-inputs";
import { resolveSettings } from "./settings";
import {
  assignedBy,
  buildCategoryObject,
  buildItemObject,
  declaredContent,
  existingFrom,
  nameOf,
  observedInputs,
  outputsOf,
  type ExistingObject,
} from "./square-objects";
import { validateInputs } from "./validate-inputs";

/**
 * What the dynamic provider behind CatalogCategory and CatalogItem does; loaded in the provider
 * process by the small serialized shim in catalog-provider.ts. Its contract with the engine:
 * `check` refuses any create or rename that would give Square a second object of the same
 * type and name, so the refusal shows in `pulumi preview`; `create` checks again against
 * Square's latest changes and writes with a deterministic idempotency key; `read` reports drift
 * and duplicates; `update` sends the version it last saw, so a concurrent edit is detected.
 */
export const providerImplementation: pulumi.dynamic.ResourceProvider = {
  async configure(request) {
    installRuntime(resolveSettings(request.config, process.env), refuseDuplicateCreate);
  },

  async check(olds, news) {
    const inputs = news as CatalogInputs;
    const failures = validateInputs(inputs);
    if (failures.length) return { inputs, failures };

    const previous = olds as Partial<CatalogInputs>;
    const isNew = previous.name === undefined;
    const renamed = !isNew && normalizeName(previous.name!) !== normalizeName(inputs.name);
    if (!isNew && !renamed) return { inputs };

    const snapshot = await currentRuntime().snapshot();
    if (inputs.adopt) {
      const { problem } = await lookUpAdoption(inputs, snapshot);
      if (problem) return { inputs, failures: [{ property: "adopt", reason: problem }] };
      await tellUser("info", `Will adopt ${describeAdoption(inputs)} instead of creating it.`, urnOf(inputs));
      return { inputs };
    }

    const twins = snapshot.findByName(SQUARE_TYPE[inputs.kind], inputs.name);
    if (twins.length === 1 && isNew && currentRuntime().settings.adoptExistingByName) {
      const adopted: CatalogInputs = {
        ...inputs,
        adopt: { squareId: twins[0].id!, reason: "same name in Square (adoptExisting)" },
      };
      await tellUser("info", `Will adopt ${describeAdoption(adopted)} instead of creating it.`, urnOf(adopted));
      return { inputs: adopted };
    }
    if (twins.length) {
      return { inputs, failures: [{ property: "name", reason: describeDuplicates(inputs, twins) }] };
    }
    return { inputs };
  },

  async diff(_id, olds, news) {
    const before = declaredContent(olds as CatalogOutputs);
    const after = declaredContent(news as CatalogInputs);
    const changes = JSON.stringify(before) !== JSON.stringify(after);
    // Square updates every declared field in place: nothing is ever replaced.
    return { changes, replaces: [], deleteBeforeReplace: false };
  },

  async create(inputs: CatalogInputs) {
    const runtime = currentRuntime();
    let existing: ExistingObject | undefined;
    if (inputs.adopt) {
      // Checked in `check` already; looked up again because the object may have gone since.
      const { object, problem } = await lookUpAdoption(inputs, await runtime.snapshot());
      if (problem) throw new Error(`Cannot adopt ${inputs.kind} ${problem}`);
      existing = existingFrom(assignedBy(object!));
    }

    const object = buildObject(inputs, existing);
    const written = await runtime.writer.upsert({
      identity: identityOf(inputs),
      engineParallelism: inputs.engineParallelism,
      fingerprint: digestOf(declaredContent(inputs)),
      object,
    });
    await runtime.record(written.id!, written);
    return { id: written.id!, outs: outputsOf(inputs, written) };
  },

  async read(id, props) {
    const runtime = currentRuntime();
    const previous = props as CatalogOutputs;
    const snapshot = await runtime.snapshot();
    // The search index may lag writes: an object missing from the snapshot is looked up by ID
    // before it is declared gone.
    const object = snapshot.get(id) ?? (await runtime.retrieve(id));
    if (!object || object.isDeleted) return {};

    const observed = observedInputs(object, previous);
    const duplicates = snapshot
      .findByName(object.type === "CATEGORY" ? "CATEGORY" : "ITEM", nameOf(object))
      .filter((twin) => twin.id !== id)
      .map((twin) => twin.id!);
    if (duplicates.length) {
      await tellUser(
        "warning",
        `Duplicate in Square: ${previous.kind} "${nameOf(object)}" (${id}, managed by this stack) ` +
          `has ${duplicates.length} other live cop${duplicates.length === 1 ? "y" : "ies"}: ` +
          `${duplicates.join(", ")}. Run \`npm run duplicates -- scan\` to see them, ` +
          "and `npm run duplicates -- clean` to remove them.",
        urnOf(previous),
      );
    }
    const outs: CatalogOutputs = outputsOf(observed, object);
    // Only while there are duplicates: outputs that differ from the state's make the engine
    // record the resource as changed, and rewrite its whole state file, once per resource.
    if (duplicates.length) outs.duplicatesInSquare = duplicates;
    else delete outs.duplicatesInSquare;
    return { id, props: outs };
  },

  async update(id, olds, news) {
    const runtime = currentRuntime();
    const inputs = news as CatalogInputs;
    const object = buildObject(inputs, existingFrom({ ...(olds as CatalogOutputs), squareId: id }));
    const written = await runtime.writer.upsert({
      identity: identityOf(inputs),
      engineParallelism: inputs.engineParallelism,
      fingerprint: digestOf([declaredContent(inputs), (olds as CatalogOutputs).squareVersion]),
      object,
    });
    await runtime.record(written.id!, written);
    return { outs: outputsOf(inputs, written) };
  },

  async delete(id) {
    const runtime = currentRuntime();
    await runtime.writer.delete([id]);
    await runtime.record(id);
  },
};

/** The resource's URN, rebuilt from its scope and name, so a message shows under it. */
function urnOf(inputs: CatalogInputs): string {
  if (!inputs.pulumiName) return "";
  const [project, stack] = inputs.scope.split("/");
  const type = inputs.kind === "category" ? "CatalogCategory" : "CatalogItem";
  return `urn:pulumi:${stack}::${project}::pulumi-nodejs:dynamic/square:${type}::${inputs.pulumiName}`;
}

function describeAdoption(inputs: CatalogInputs): string {
  return `existing ${inputs.kind} "${inputs.name}" (${inputs.adopt!.squareId}, from ${inputs.adopt!.reason})`;
}

function identityOf(inputs: CatalogInputs): string {
  return `${inputs.scope}|${inputs.kind}|${normalizeName(inputs.name)}`;
}

function buildObject(inputs: CatalogInputs, existing?: ExistingObject): Square.CatalogObject {
  const tempId = `#${inputs.kind}-${digestOf(identityOf(inputs))}`;
  return inputs.kind === "category"
    ? buildCategoryObject(inputs, tempId, existing)
    : buildItemObject(inputs as ItemInputs, tempId, existing);
}

/**
 * The final word before a create is sent: another process may have written a same-named object
 * after this run's checks. Objects this run adopts are not duplicates of themselves.
 */
function refuseDuplicateCreate(snapshot: CatalogSnapshot, object: Square.CatalogObject) {
  const type = object.type === "CATEGORY" ? "CATEGORY" : "ITEM";
  const name = nameOf(object);
  const twins = snapshot.findByName(type, name);
  if (!twins.length) return undefined;
  const kind = type === "CATEGORY" ? "category" : "item";
  return new Error(describeDuplicates({ kind, name }, twins, "appeared in Square during this run"));
}

/** The object an `adopt` input names, or why it cannot be adopted. */
async function lookUpAdoption(
  inputs: CatalogInputs,
  snapshot: CatalogSnapshot,
): Promise<{ object?: Square.CatalogObject; problem?: string }> {
  const adopt = inputs.adopt!;
  const object = snapshot.get(adopt.squareId) ?? (await currentRuntime().retrieve(adopt.squareId));
  const expected = SQUARE_TYPE[inputs.kind];
  const entry = `"${inputs.name}" → ${adopt.squareId} (from ${adopt.reason})`;
  if (!object) return { problem: `${entry}: no such object in Square. ${STALE_ID_ADVICE}` };
  if (object.isDeleted) {
    return { problem: `${entry}: that object was deleted in Square. ${STALE_ID_ADVICE}` };
  }
  if (object.type !== expected) {
    return {
      problem: `${entry}: that ID is a ${object.type} in Square, not a ${expected}. ${STALE_ID_ADVICE}`,
    };
  }
  return { object };
}

const STALE_ID_ADVICE =
  "Remove the entry from the ID file (the object will then be created, or adopted by name), " +
  "or correct the ID, and run `npm run legacy-ids -- check` to see every entry at once.";
