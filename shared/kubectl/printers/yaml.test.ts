import { describe, expect, it } from "vitest";
import { printYaml, yamlKeyLess } from "./yaml.ts";

describe("printYaml (sigs.k8s.io/yaml over go-yaml v2)", () => {
  it("quotes strings that would read back as other types, and only those", () => {
    const out = printYaml({
      a: "1",
      b: "true",
      c: "yes",
      d: "",
      e: "2026-01-01T09:00:00Z",
      f: "1.5",
      g: "null",
      h: "nginx:1.27",
      i: "100m",
      j: "25%",
      k: "1e3",
      l: "0x1F",
      m: "~",
      p: "1:20",
      q: "v1.34.10",
      y: "n",
    });
    expect(out).toBe(
      'a: "1"\nb: "true"\nc: "yes"\nd: ""\ne: "2026-01-01T09:00:00Z"\nf: "1.5"\ng: "null"\nh: nginx:1.27\ni: 100m\nj: 25%\nk: "1e3"\nl: "0x1F"\nm: "~"\np: "1:20"\nq: v1.34.10\n"y": "n"\n',
    );
  });

  it("single-quotes plain-unsafe strings and doubles their quotes", () => {
    expect(printYaml({ a: "a: b", b: "*", c: "-", d: "it's: x", e: "#x", f: " lead", g: "{x}" })).toBe(
      "a: 'a: b'\nb: '*'\nc: '-'\nd: 'it''s: x'\ne: '#x'\nf: ' lead'\ng: '{x}'\n",
    );
  });

  it("writes numbers, booleans and null plain, empty collections in flow style", () => {
    expect(printYaml({ m: 3, f: 0.5, t: true, z: null, o: {}, l: [] })).toBe("f: 0.5\nl: []\nm: 3\no: {}\nt: true\nz: null\n");
  });

  it("indents sequences under a key no further than the key (indentless)", () => {
    expect(printYaml({ spec: { containers: [{ name: "a", ports: [{ containerPort: 80 }] }, { name: "b" }] }, list: ["x", ["w", "z"]] })).toBe(
      "list:\n- x\n- - w\n  - z\nspec:\n  containers:\n  - name: a\n    ports:\n    - containerPort: 80\n  - name: b\n",
    );
  });

  it("uses a literal block for multi-line strings, with chomping hints", () => {
    expect(printYaml({ a: "x\n", b: "x\ny", c: "x\n\n", d: " x\n" })).toBe("a: |\n  x\nb: |-\n  x\n  y\nc: |+\n  x\n\nd: |2\n   x\n");
  });

  it("falls back to double quotes with escapes when a literal block is not allowed", () => {
    expect(printYaml({ a: "x \ny", b: "tab\there" })).toBe('a: "x \\ny"\nb: "tab\\there"\n');
  });

  it("folds long scalars past column 80 at spaces, indented under the key", () => {
    const msg =
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.";
    expect(printYaml({ status: { conditions: [{ message: msg, type: "PodScheduled" }] } })).toBe(
      "status:\n  conditions:\n  - message: '0/3 nodes are available: 1 Insufficient cpu, 2 node(s) had untolerated\n      taint {node-role.kubernetes.io/control-plane: }. preemption: 0/3 nodes are available:\n      1 No preemption victims found for incoming pod, 2 Preemption is not helpful\n      for scheduling.'\n    type: PodScheduled\n",
    );
    const plain = "Successfully pulled image nginx:1.27 in 1.234s (1.234s including waiting). Image size: 12345 bytes.";
    expect(printYaml({ message: plain })).toBe("message: 'Successfully pulled image nginx:1.27 in 1.234s (1.234s including waiting).\n  Image size: 12345 bytes.'\n");
  });

  it("sorts keys the go-yaml way: digits by value, non-letters before letters", () => {
    expect(yamlKeyLess("a9", "a10")).toBe(true);
    expect(yamlKeyLess("a_b", "aB")).toBe(true);
    expect(yamlKeyLess("B", "a")).toBe(true);
    expect(printYaml({ kind: "Pod", apiVersion: "v1", metadata: {} })).toBe("apiVersion: v1\nkind: Pod\nmetadata: {}\n");
  });
});
