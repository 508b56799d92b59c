import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_VIEW_NODES } from "../../shared/protocol/messages.ts";
import { newViewportSync, VIEWPORT_SYNC_MS } from "./viewport-sync.ts";

describe("viewport sync", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = () => {
    const sent: unknown[] = [];
    const sync = newViewportSync({ send: ((type: string, payload: unknown) => sent.push([type, payload])) as never });
    return { sent, sync };
  };

  it("sends the first view at once, sorted and without repeats", () => {
    const { sent, sync } = setup();
    sync(["node-2", "node-1", "node-2"]);
    expect(sent).toEqual([["view", { nodes: ["node-1", "node-2"] }]]);
  });

  it("sends at most one view per interval, the latest one", () => {
    const { sent, sync } = setup();
    sync(["node-1"]);
    sync(["node-2"]);
    sync(["node-3"]);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(VIEWPORT_SYNC_MS);
    expect(sent).toEqual([
      ["view", { nodes: ["node-1"] }],
      ["view", { nodes: ["node-3"] }],
    ]);
  });

  it("sends nothing when the nodes shown did not change", () => {
    const { sent, sync } = setup();
    sync(["node-1", "node-2"]);
    vi.advanceTimersByTime(VIEWPORT_SYNC_MS);
    sync(["node-2", "node-1"]);
    vi.advanceTimersByTime(VIEWPORT_SYNC_MS);
    expect(sent).toHaveLength(1);
  });

  it(`names at most ${MAX_VIEW_NODES} nodes, as the server accepts`, () => {
    const { sent, sync } = setup();
    sync(Array.from({ length: 500 }, (_, i) => `node-${i}`));
    expect((sent[0] as [string, { nodes: string[] }])[1].nodes).toHaveLength(MAX_VIEW_NODES);
  });
});
