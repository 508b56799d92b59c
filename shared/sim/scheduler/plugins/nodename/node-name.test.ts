import { describe, expect, it } from "vitest";
import { CycleState } from "../../framework/cycle-state.ts";
import { makeNode, makePod, nodeInfoWith } from "../../testing/wrappers.ts";
import { NodeName } from "./node-name.ts";

describe("NodeName filter", () => {
  const plugin = new NodeName();
  const cases: { name: string; nodeName?: string; rejected: boolean }[] = [
    { name: "no node name", rejected: false },
    { name: "names this node", nodeName: "n1", rejected: false },
    { name: "names another node", nodeName: "n2", rejected: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const status = plugin.filter(new CycleState(), makePod("p", { nodeName: c.nodeName }), nodeInfoWith(makeNode("n1")));
      expect(status).toEqual(c.rejected ? { code: "UnschedulableAndUnresolvable", reasons: ["node(s) didn't match the requested node name"], plugin: "NodeName" } : undefined);
    });
  }

  it("queues on the add of the named node only", () => {
    const hint = plugin.eventsToRegister()[0]!.hint!;
    expect(hint(makePod("p", { nodeName: "n1" }), undefined, makeNode("n1"))).toBe("Queue");
    expect(hint(makePod("p", { nodeName: "n1" }), undefined, makeNode("n2"))).toBe("QueueSkip");
  });
});
