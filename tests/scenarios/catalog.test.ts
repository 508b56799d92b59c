// The scenario files shipped in assets/scenarios/ all load, validated, under
// names that match their files (the server refuses to start otherwise).

import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../server/scenarios.ts";

describe("shipped scenarios", () => {
  it("load and validate", () => {
    const catalog = loadCatalog();
    expect(catalog.names()).toEqual(expect.arrayContaining(["sandbox", "level-1", "level-2", "workshop"]));
    expect(catalog.get("level-1")).toMatchObject({ mode: "level", schedulerActive: false });
    expect(catalog.get("level-2")).toMatchObject({ mode: "level", title: "Level 2: Least privilege", level: { stars: ["noOverBroadGrants", { accessChecks: expect.any(Array) }] } });
    expect(catalog.get("level-2")!.level!.win.accessReview!.user).toEqual({ name: "dana", groups: ["team-a-devs"] });
    expect(catalog.get("sandbox")!.nodes.map((n) => [n.name, n.zone])).toEqual([
      ["node-1", "zone-a"],
      ["node-2", "zone-b"],
      ["node-3", "zone-c"],
    ]);
    const workshop = catalog.get("workshop")!;
    expect(workshop).toMatchObject({ mode: "sandbox", title: "Workshop cluster" });
    expect(workshop.nodes).toHaveLength(50);
    expect(workshop.nodes.slice(0, 4).map((n) => [n.name, n.zone, n.cpu])).toEqual([
      ["node-1", "zone-a", "16"],
      ["node-2", "zone-b", "16"],
      ["node-3", "zone-c", "16"],
      ["node-4", "zone-a", "16"],
    ]);
    const deployments = workshop.objects.filter((o) => o.kind === "Deployment") as unknown as { spec: { replicas: number } }[];
    expect(deployments).toHaveLength(30);
    expect(deployments.reduce((sum, d) => sum + d.spec.replicas, 0)).toBe(1500);
  });
});
