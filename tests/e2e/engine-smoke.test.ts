import { PulumiWorkspace } from "./pulumi-workspace";

/**
 * The engine itself: a one-resource program through preview, up, refresh and destroy with the
 * engine this project builds, checked through the engine's JSON output and the stack's state.
 */
const SMOKE_PROGRAM = `
import * as pulumi from "@pulumi/pulumi";

const provider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: any) {
    return { id: "note-" + inputs.text.length, outs: { ...inputs, length: inputs.text.length } };
  },
  async read(id: string, props: any) {
    return { id, props: { ...props, readBack: true } };
  },
};

class Note extends pulumi.dynamic.Resource {
  constructor(name: string, text: string) {
    super(provider, name, { text, length: undefined }, {});
  }
}

const note = new Note("greeting", "hello catering");
export const length = (note as any).length;
`;

describe("the Pulumi engine built for this project", () => {
  let workspace: PulumiWorkspace;

  beforeAll(async () => {
    workspace = await PulumiWorkspace.create({ program: SMOKE_PROGRAM, stack: "smoke" });
  });
  afterAll(() => workspace?.dispose());

  test("reports version 3.248.0", async () => {
    const result = await workspace.must(["version"]);
    expect(result.stdout.trim()).toBe("v3.248.0");
  });

  test("previews, applies, refreshes and destroys a dynamic resource", async () => {
    const plan = await workspace.previewJson();
    const creates = plan.steps.filter((step) => step.op === "create").map((step) => step.urn);
    expect(creates).toEqual(
      expect.arrayContaining([expect.stringMatching(/pulumi-nodejs:dynamic:Resource::greeting$/)]),
    );

    await workspace.must(["up", "--yes", "--skip-preview", "--non-interactive"]);
    expect(await workspace.outputs()).toEqual({ length: 14 });
    let state = await workspace.exportStack();
    const note = state.deployment.resources?.find((r) => r.urn.endsWith("::greeting"));
    expect(note?.id).toBe("note-14");
    expect(note?.outputs).toMatchObject({ text: "hello catering", length: 14 });

    await workspace.must(["refresh", "--yes", "--skip-preview", "--non-interactive"]);
    state = await workspace.exportStack();
    const refreshed = state.deployment.resources?.find((r) => r.urn.endsWith("::greeting"));
    expect(refreshed?.outputs).toMatchObject({ readBack: true });

    await workspace.must(["destroy", "--yes", "--skip-preview", "--non-interactive"]);
    state = await workspace.exportStack();
    expect(state.deployment.resources ?? []).toHaveLength(0);
  });
});
