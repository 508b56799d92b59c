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

  describe("node pools", () => {
    const pools = (body: string, nodes = "    nodes: []\n") => minimal().replace(/    nodes:\n.*\n/, `${nodes}    nodePools:\n${body}`);

    it("expand to <prefix>-1..N round-robin over the zones, after the listed nodes", () => {
      const s = parseScenario(pools('      - { namePrefix: worker, count: 4, zones: [zone-a, zone-b, zone-c], cpu: "16", memory: 64Gi, taints: [{ key: gpu, effect: NoSchedule }] }\n', minimal().match(/    nodes:\n.*\n/)![0]), "p.yaml");
      expect(s.nodes.map((n) => [n.name, n.zone, n.cpu, n.memory])).toEqual([
        ["node-1", "zone-a", "2", "4Gi"],
        ["worker-1", "zone-a", "16", "64Gi"],
        ["worker-2", "zone-b", "16", "64Gi"],
        ["worker-3", "zone-c", "16", "64Gi"],
        ["worker-4", "zone-a", "16", "64Gi"],
      ]);
      expect(s.nodes[1]).toEqual({ name: "worker-1", zone: "zone-a", cpu: "16", memory: "64Gi", taints: [{ key: "gpu", effect: "NoSchedule" }] });
    });

    const bad: readonly [string, string, string, RegExp][] = [
      ["no nodes at all", "      []\n", "    nodes: []\n", /^e\.yaml: spec\.cluster: must list at least one node in nodes or nodePools$/],
      ["a pool that names a listed node", '      - { namePrefix: node, count: 2, zones: [zone-a], cpu: "1", memory: 1Gi }\n', minimal().match(/    nodes:\n.*\n/)![0], /^e\.yaml: spec\.cluster\.nodePools\.0: duplicate node name "node-1"$/],
      ["a pool without zones", '      - { namePrefix: node, count: 2, zones: [], cpu: "1", memory: 1Gi }\n', "    nodes: []\n", /^e\.yaml: spec\.cluster\.nodePools\.0\.zones: /],
      ["a bad quantity", '      - { namePrefix: node, count: 2, zones: [zone-a], cpu: lots, memory: 1Gi }\n', "    nodes: []\n", /^e\.yaml: spec\.cluster\.nodePools\.0\.cpu: must be a Kubernetes quantity/],
      ["a misspelt field", '      - { namePrefix: node, count: 2, zone: [zone-a], cpu: "1", memory: 1Gi }\n', "    nodes: []\n", /spec\.cluster\.nodePools\.0: Unrecognized key: "zone"/],
      ["too many nodes", '      - { namePrefix: node, count: 5000, zones: [zone-a], cpu: "1", memory: 1Gi }\n', minimal().match(/    nodes:\n.*\n/)![0].replace("node-1", "solo"), /^e\.yaml: spec\.cluster: at most 5000 nodes \(nodes and nodePools together\), not 5001$/],
    ];
    for (const [name, body, nodes, message] of bad) {
      it(`refuses ${name}`, () => expect(() => parseScenario(pools(body, nodes), "e.yaml")).toThrow(message));
    }
  });

  it("rejects an unknown taint effect and a bad epoch", () => {
    const taint = minimal().replace("memory: 4Gi }", "memory: 4Gi, taints: [{ key: a, effect: Sometimes }] }");
    expect(() => parseScenario(taint, "t.yaml")).toThrow(/spec\.cluster\.nodes\.0\.taints\.0\.effect/);
    const epoch = minimal().replace("mode: sandbox", "mode: sandbox\n  epoch: yesterday");
    expect(() => parseScenario(epoch, "e.yaml")).toThrow(/spec\.epoch: must be an RFC 3339 UTC time/);
  });

  describe("levels", () => {
    const level = (body: string) =>
      minimal().replace("mode: sandbox", "mode: level") +
      `  level:
    objectives: [Do it]
${body}`;
    const REVIEW = `    win:
      accessReview:
        user: { name: dana, groups: [team-a-devs] }
        checks:
          - { verb: get, resource: pods, namespace: team-a, allowed: true }
`;

    it("defaults to level 1's stars, and reads an accessReview win with its own", () => {
      const pods = parseScenario(level("    win: { allPodsRunning: {} }\n    timeLimitSeconds: 60\n"), "l.yaml");
      expect(pods.level?.stars).toEqual(["noRefusedDrops", "withinTimeLimit"]);
      const review = parseScenario(level(`${REVIEW}    stars: [noOverBroadGrants, { accessChecks: [{ verb: create, resource: pods, subresource: exec, namespace: team-a, allowed: false }] }]\n`), "r.yaml");
      expect(review.level?.win.accessReview?.checks).toEqual([{ verb: "get", resource: "pods", group: "", subresource: "", name: "", namespace: "team-a", allowed: true }]);
      expect(review.level?.stars[1]).toEqual({ accessChecks: [{ verb: "create", resource: "pods", group: "", subresource: "exec", name: "", namespace: "team-a", allowed: false }] });
    });

    const bad: readonly [string, string, RegExp][] = [
      ["no win kind", "    win: {}\n", /^l\.yaml: spec\.level\.win: must name exactly one of allPodsRunning or accessReview\n/],
      ["two win kinds", `${REVIEW}      allPodsRunning: {}\n`, /spec\.level\.win: must name exactly one of allPodsRunning or accessReview/],
      ["a check without its answer", REVIEW.replace(", allowed: true", ""), /^l\.yaml: spec\.level\.win\.accessReview\.checks\.0\.allowed: /],
      ["pods/log as a resource", REVIEW.replace("resource: pods", "resource: pods/log"), /spec\.level\.win\.accessReview\.checks\.0\.resource: must be a lower-case resource .*write resource: pods and subresource: log/],
      ["a misspelt field", REVIEW.replace("allowed: true", "allow: true"), /spec\.level\.win\.accessReview\.checks\.0: Unrecognized key: "allow"/],
      ["an unknown star rule", `${REVIEW}    stars: [noOverBroadGrants, fastest]\n`, /spec\.level\.stars\.1: must be one of "noRefusedDrops", "withinTimeLimit", "noOverBroadGrants" or \{ accessChecks: \[\.\.\.\] \}/],
      ["one star rule", `${REVIEW}    stars: [noOverBroadGrants]\n`, /spec\.level\.stars: must list exactly two rules/],
      ["the default time star without a limit", "    win: { allPodsRunning: {} }\n", /^l\.yaml: spec\.level\.stars\.1: withinTimeLimit needs spec\.level\.timeLimitSeconds \(stars defaults to \[noRefusedDrops, withinTimeLimit\]\)$/],
      ["a time star without a limit", `${REVIEW}    stars: [noOverBroadGrants, withinTimeLimit]\n`, /spec\.level\.stars\.1: withinTimeLimit needs spec\.level\.timeLimitSeconds/],
      ["a grant audit without a reviewed user", "    win: { allPodsRunning: {} }\n    stars: [noRefusedDrops, noOverBroadGrants]\n", /spec\.level\.stars\.1: this rule asks about the user of win\.accessReview/],
    ];
    for (const [name, body, message] of bad) {
      it(`names the file and field: ${name}`, () => {
        expect(() => parseScenario(level(body), "l.yaml")).toThrow(message);
      });
    }
  });
});
