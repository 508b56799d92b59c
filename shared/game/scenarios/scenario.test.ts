import { describe, expect, it } from "vitest";
import { parseScenario, ScenarioError } from "./scenario.ts";

const minimal = (extra = "") => `
apiVersion: podpilot.dev/v1
kind: Scenario
metadata: { name: tiny, title: Tiny }
spec:
  mode: sandbox
  cluster:
    nodes:
      - { name: node-1, zone: zone-a, cpu: "2", memory: 4Gi }
${extra}`;

describe("scenario files", () => {
  it("applies defaults: seed 1, the default epoch, scheduler on", () => {
    const s = parseScenario(minimal(), "tiny.yaml");
    expect(s.seed).toBe(1);
    expect(s.epochMs).toBe(Date.UTC(2026, 0, 1, 9));
    expect(s.schedulerActive).toBe(true);
    expect(s.objects).toEqual([]);
  });

  it("names the file and the field path of a bad quantity", () => {
    const text = minimal().replace('cpu: "2"', 'cpu: "two"');
    expect(() => parseScenario(text, "tiny.yaml")).toThrow(/^tiny\.yaml: spec\.cluster\.nodes\.0\.cpu: must be a Kubernetes quantity/);
  });

  it("rejects broken YAML with the file name", () => {
    expect(() => parseScenario("spec: [", "bad.yaml")).toThrow(ScenarioError);
    expect(() => parseScenario("spec: [", "bad.yaml")).toThrow(/^bad\.yaml: invalid YAML/);
  });

  it("requires spec.level for a level and rejects duplicate node names", () => {
    expect(() => parseScenario(minimal().replace("mode: sandbox", "mode: level"), "l.yaml")).toThrow(/spec\.level: required/);
    const dup = minimal().replace("cpu: \"2\", memory: 4Gi }", "cpu: \"2\", memory: 4Gi }\n      - { name: node-1, zone: zone-b, cpu: \"2\", memory: 4Gi }");
    expect(() => parseScenario(dup, "d.yaml")).toThrow(/duplicate node name "node-1"/);
  });

  it("rejects an unknown taint effect and a bad epoch", () => {
    const taint = minimal().replace("memory: 4Gi }", "memory: 4Gi, taints: [{ key: a, effect: Sometimes }] }");
    expect(() => parseScenario(taint, "t.yaml")).toThrow(/spec\.cluster\.nodes\.0\.taints\.0\.effect/);
    const epoch = minimal().replace("mode: sandbox", "mode: sandbox\n  epoch: yesterday");
    expect(() => parseScenario(epoch, "e.yaml")).toThrow(/spec\.epoch: must be an RFC 3339 UTC time/);
  });
});
