import { describe, expect, it } from "vitest";
import { newQueuedPodInfo } from "../../framework/queued-pod-info.ts";
import { makePod } from "../../testing/wrappers.ts";
import { PrioritySort } from "./priority-sort.ts";

describe("PrioritySort", () => {
  const less = new PrioritySort().less;
  const qp = (name: string, priority: number, timestamp: number) => newQueuedPodInfo(makePod(name, { priority }), timestamp, 0);
  const cases: { name: string; a: [number, number]; b: [number, number]; want: boolean }[] = [
    { name: "higher priority first", a: [1000, 5], b: [0, 1], want: true },
    { name: "lower priority later", a: [0, 1], b: [1000, 5], want: false },
    { name: "equal priority: earlier in the queue first", a: [0, 1], b: [0, 2], want: true },
    { name: "equal everything: not less", a: [0, 1], b: [0, 1], want: false },
  ];
  for (const c of cases) it(c.name, () => expect(less(qp("a", ...c.a), qp("b", ...c.b))).toBe(c.want));
});
