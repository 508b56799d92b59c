import { describe, expect, it } from "vitest";
import { marshalTyped, printTypedJson } from "./typed-json.ts";

describe("typed JSON (encoding/json over k8s.io/api structs)", () => {
  it("writes struct fields in declaration order and map keys sorted", () => {
    const pod = {
      status: { qosClass: "BestEffort", phase: "Pending" },
      spec: { dnsPolicy: "ClusterFirst", restartPolicy: "Never", containers: [{ resources: {}, image: "nginx", name: "web", env: [{ value: "1", name: "B" }] }] },
      metadata: { labels: { tier: "front", app: "web" }, name: "web", namespace: "shop" },
      apiVersion: "v1",
      kind: "Pod",
    };
    expect(marshalTyped(pod)).toBe(
      '{"kind":"Pod","apiVersion":"v1","metadata":{"name":"web","namespace":"shop","labels":{"app":"web","tier":"front"}},' +
        '"spec":{"containers":[{"name":"web","image":"nginx","env":[{"name":"B","value":"1"}],"resources":{}}],"restartPolicy":"Never","dnsPolicy":"ClusterFirst"},' +
        '"status":{"phase":"Pending","qosClass":"BestEffort"}}',
    );
  });

  it("indents with four spaces, escapes as Go does, and keeps unknown fields last, sorted", () => {
    expect(printTypedJson({ kind: "Namespace", metadata: { name: "a<b" }, zeta: [], alpha: 1, apiVersion: "v1" } as { kind: string })).toBe(
      '{\n    "kind": "Namespace",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "a\\u003cb"\n    },\n    "alpha": 1,\n    "zeta": []\n}\n',
    );
  });
});
