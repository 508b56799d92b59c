import { describe, expect, it } from "vitest";
import type { PriorityClass } from "../../api/scheduling-v1.ts";
import { SYSTEM_PRIORITY_CLASSES } from "../registry/system-priority-classes.ts";
import { ADMIN, must, newTestApiServer, pod } from "../test-fixture.ts";

const pc = (name: string, value: number, extra: Partial<PriorityClass> = {}): PriorityClass => ({ apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name }, value, ...extra });

function server() {
  const t = newTestApiServer();
  for (const c of SYSTEM_PRIORITY_CLASSES) must(t.api.create(ADMIN, "priorityclasses", undefined, c));
  must(t.api.create(ADMIN, "priorityclasses", undefined, pc("high", 1000, { preemptionPolicy: "Never" })));
  return t;
}

describe("Priority admission", () => {
  it("resolves a pod's class to its value and preemption policy, or refuses with kube-apiserver's text", () => {
    const { api } = server();
    const cases: [string, Parameters<typeof pod>[1], number | string, string?][] = [
      ["no class, no default", {}, 0, "PreemptLowerPriority"],
      ["system class", { priorityClassName: "system-node-critical" }, 2_000_001_000, "PreemptLowerPriority"],
      ["user class with Never", { priorityClassName: "high" }, 1000, "Never"],
      ["matching hand-set priority", { priorityClassName: "high", priority: 1000 }, 1000, "Never"],
      ["unknown class", { priorityClassName: "gold" }, 'pods "p" is forbidden: no PriorityClass with name gold was found'],
      [
        "hand-set priority",
        { priorityClassName: "high", priority: 5 },
        'pods "p" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name',
      ],
      [
        "preemption policy",
        { priorityClassName: "high", preemptionPolicy: "PreemptLowerPriority" },
        'pods "p" is forbidden: the string value of PreemptionPolicy (PreemptLowerPriority) must match the priority class object value (Never)',
      ],
    ];
    for (const [name, spec, want, policy] of cases) {
      const r = api.create(ADMIN, "pods", "default", pod("p", spec), );
      if (typeof want === "string") {
        expect(r.ok ? undefined : r.status, name).toMatchObject({ code: 403, message: want });
        continue;
      }
      expect(r.ok && [r.object.spec.priority, r.object.spec.preemptionPolicy], name).toEqual([want, policy]);
      must(api.delete(ADMIN, "pods", "default", "p", { gracePeriodSeconds: 0 }));
    }
  });

  it("applies the globalDefault class to pods that name none, and allows only one default", () => {
    const { api } = server();
    must(api.create(ADMIN, "priorityclasses", undefined, pc("normal", 100, { globalDefault: true })));
    const p = must(api.create(ADMIN, "pods", "default", pod("p")));
    expect([p.spec.priorityClassName, p.spec.priority]).toEqual(["normal", 100]);
    const second = api.create(ADMIN, "priorityclasses", undefined, pc("other", 5, { globalDefault: true }));
    expect(second.ok ? undefined : second.status).toMatchObject({
      code: 403,
      message: 'priorityclasses.scheduling.k8s.io "other" is forbidden: PriorityClass normal is already marked as default. Only one default can exist',
    });
    const high = structuredClone(must(api.get(ADMIN, "priorityclasses", undefined, "high")));
    high.globalDefault = true;
    const marked = api.update(ADMIN, "priorityclasses", undefined, high);
    expect(marked.ok ? undefined : marked.status.message).toBe('priorityclasses.scheduling.k8s.io "high" is forbidden: PriorityClass normal is already marked as default. Only one default can exist');
  });
});

describe("PriorityClass validation", () => {
  it("reserves values above one billion and the system- prefix, and keeps value and preemptionPolicy", () => {
    const { api } = server();
    const cases: [string, PriorityClass, string][] = [
      ["too high", pc("huge", 1_000_000_001), 'PriorityClass.scheduling.k8s.io "huge" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000'],
      [
        "unknown system class",
        pc("system-mine", 10),
        "PriorityClass.scheduling.k8s.io \"system-mine\" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class",
      ],
      [
        "bad policy",
        pc("odd", 1, { preemptionPolicy: "Sometimes" as never }),
        'PriorityClass.scheduling.k8s.io "odd" is invalid: preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"',
      ],
    ];
    for (const [name, body, message] of cases) {
      const r = api.create(ADMIN, "priorityclasses", undefined, body);
      expect(r.ok ? undefined : r.status, name).toMatchObject({ code: 422, message });
    }
    const high = structuredClone(must(api.get(ADMIN, "priorityclasses", undefined, "high")));
    const changed: PriorityClass = { ...high, value: 2000, preemptionPolicy: "PreemptLowerPriority" };
    const update = api.update(ADMIN, "priorityclasses", undefined, changed);
    expect(update.ok ? undefined : update.status.message).toBe(
      'PriorityClass.scheduling.k8s.io "high" is invalid: [value: Forbidden: may not be changed in an update., preemptionPolicy: Invalid value: "PreemptLowerPriority": field is immutable]',
    );
  });
});
