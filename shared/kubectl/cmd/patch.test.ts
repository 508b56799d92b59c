import { describe, expect, it } from "vitest";
import { webCluster } from "../test-fixture.ts";

const ok = (stdout: string) => ({ stdout, stderr: "", exitCode: 0 });
const err = (stderr: string) => ({ stdout: "", stderr, exitCode: 1 });

function deployment(c: ReturnType<typeof webCluster>["c"]) {
  const d = c.client.get("deployments", "default", "web");
  if (!d.ok) throw new Error("no deployment");
  return d.object;
}

describe("kubectl patch", () => {
  it("strategic merge by default; no change when the object stays the same", () => {
    const { c } = webCluster();
    expect(c.run(`kubectl patch deploy web -p '{"spec":{"replicas":5}}'`)).toEqual(ok("deployment.apps/web patched\n"));
    expect(deployment(c).spec.replicas).toBe(5);
    expect(c.run(`kubectl patch deployment/web -p '{"spec":{"replicas":5}}'`)).toEqual(ok("deployment.apps/web patched (no change)\n"));
    expect(c.run(`kubectl patch deploy web -p '{"spec":{"replicas":3}}' -o name`)).toEqual(ok("deployment.apps/web\n"));
  });

  it("asks PrintFlags for a printer after the write: --template alone is go-template, refused once patched", () => {
    const { c } = webCluster();
    expect(c.run(`kubectl patch deploy web -p '{"spec":{"replicas":5}}' --template={{.kind}}`)).toEqual(
      err('error: output format "go-template" is not available in the Pod Pilot console; use -o yaml, -o json, -o name or -o wide\n'),
    );
    expect(deployment(c).spec.replicas).toBe(5);
    expect(c.run(`kubectl patch deploy web -p '{"spec":{"replicas":4}}' -o jsonpath={.spec.replicas} --allow-missing-template-keys=false`)).toEqual(
      err('error: output format "jsonpath" is not available in the Pod Pilot console; use -o yaml, -o json, -o name or -o wide\n'),
    );
  });

  it("merges containers by name and takes YAML", () => {
    const { c } = webCluster();
    const before = deployment(c).spec.template.spec.containers[0]!;
    expect(c.run(`kubectl patch deploy web -p 'spec:\n  template:\n    spec:\n      containers:\n      - name: ${before.name}\n        image: nginx:1.28'`)).toEqual(
      ok("deployment.apps/web patched\n"),
    );
    const after = deployment(c).spec.template.spec.containers;
    expect(after).toHaveLength(1);
    expect(after[0]).toEqual({ ...before, image: "nginx:1.28" });
  });

  it("merge (RFC 7386) replaces lists and deletes with null; json (RFC 6902) edits by path", () => {
    const { c } = webCluster();
    expect(c.run(`kubectl patch deploy web --type merge -p '{"metadata":{"labels":{"tier":"front"}}}'`)).toEqual(ok("deployment.apps/web patched\n"));
    expect(c.run(`kubectl patch deploy web --type=merge -p '{"metadata":{"labels":{"tier":null}}}'`)).toEqual(ok("deployment.apps/web patched\n"));
    expect(deployment(c).metadata.labels).toEqual({ app: "web" });
    expect(c.run(`kubectl patch deploy web --type json -p '[{"op":"replace","path":"/spec/replicas","value":4},{"op":"add","path":"/metadata/labels/x","value":"y"}]'`)).toEqual(
      ok("deployment.apps/web patched\n"),
    );
    expect(deployment(c).spec.replicas).toBe(4);
    expect(deployment(c).metadata.labels).toEqual({ app: "web", x: "y" });
    expect(c.run(`kubectl patch deploy web --type json -p '[{"op":"test","path":"/spec/replicas","value":4}]'`)).toEqual(ok("deployment.apps/web patched (no change)\n"));
  });

  it("patches the status subresource", () => {
    const { c, n1 } = webCluster();
    expect(c.run(`kubectl patch node ${n1.metadata.name} --subresource status --type merge -p '{"status":{"capacity":{"example.com/gpu":"2"}}}'`)).toEqual(ok("node/n1 patched\n"));
    const n = c.client.get("nodes", undefined, "n1");
    expect(n.ok && n.object.status?.capacity?.["example.com/gpu"]).toBe("2");
  });

  it.each([
    [`kubectl patch deploy web`, "error: must specify --patch or --patch-file containing the contents of the patch\n"],
    [`kubectl patch deploy web -p '{}' --patch-file p.json`, "error: cannot specify --patch and --patch-file together\n"],
    [`kubectl patch deploy web --type foo -p '{}'`, 'error: --type must be one of [json merge strategic], not "foo"\n'],
    [`kubectl patch deploy web --subresource spec -p '{}'`, 'error: invalid subresource value: "spec". Must be one of [status scale]\n'],
    [`kubectl patch deploy web -p '{"spec":'`, `error: unable to parse "{\\"spec\\":": error converting YAML to JSON: yaml: line 1: Flow map must end with a }\n`],
    [`kubectl patch deploy web -p '"x"'`, "Error from server (BadRequest): json: cannot unmarshal string into Go value of type map[string]interface {}\n"],
    [`kubectl patch deploy web --type merge -p '[1]'`, "Error from server (BadRequest): Invalid JSON Patch\n"],
    [`kubectl patch deploy web --type json -p '{}'`, "Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch\n"],
    [`kubectl patch deploy web --type json -p '[{"op":"replace","path":"/spec/nope","value":1}]'`, "The request is invalid: the server rejected our request due to an error in our request\n"],
    [`kubectl patch deploy web --type json -p '[{"op":"test","path":"/spec/replicas","value":9}]'`, "The request is invalid: the server rejected our request due to an error in our request\n"],
    [`kubectl patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}'`, "Error from server: map: map[image:x] does not contain declared merge key: name\n"],
    [`kubectl patch deploy web -p '{"spec":{"replicas":-1}}'`, 'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n'],
    [`kubectl patch deploy nope -p '{}'`, 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    [`kubectl patch deploy -p '{}'`, "error: resource(s) were provided, but no name was specified\n"],
  ])("%s", (line, stderr) => {
    const { c } = webCluster();
    expect(c.run(line)).toEqual(err(stderr));
    expect(deployment(c).spec.replicas).toBe(2);
  });

  it("--dry-run=client computes the result without writing", () => {
    const { c } = webCluster();
    expect(c.run(`kubectl patch deploy web -p '{"spec":{"replicas":7}}' --dry-run=client`)).toEqual(ok("deployment.apps/web patched (dry run)\n"));
    expect(deployment(c).spec.replicas).toBe(2);
  });
});
