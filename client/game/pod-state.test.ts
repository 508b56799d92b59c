import { describe, expect, it } from "vitest";
import { podDisplayState } from "./pod-state.ts";

const pod = (node: string, phase: string, status: string, ready: boolean) => ({ node, phase, status, ready });

describe("podDisplayState", () => {
  it.each([
    ["unscheduled", pod("", "Pending", "Pending", false), "pending", "Pending"],
    ["bound, pulling", pod("n", "Pending", "ContainerCreating", false), "creating", "Creating"],
    ["running and ready", pod("n", "Running", "Running", true), "running", "Running"],
    ["running, not ready", pod("n", "Running", "Running", false), "notready", "NotReady"],
    ["crash looping", pod("n", "Running", "CrashLoopBackOff", false), "failed", "CrashLoopBackOff"],
    ["bad image", pod("n", "Pending", "ImagePullBackOff", false), "failed", "ImagePullBackOff"],
    ["being deleted", pod("n", "Running", "Terminating", true), "terminating", "Terminating"],
    ["finished", pod("n", "Succeeded", "Completed", false), "succeeded", "Completed"],
  ])("%s", (_name, input, kind, label) => {
    const state = podDisplayState(input);
    expect(state.kind).toBe(kind);
    expect(state.label).toBe(label);
    expect(state.icon).not.toBe("");
    expect(state.short.length).toBeLessThanOrEqual(label.length);
  });

  it("gives every state its own icon or word, so colour is never the only signal", () => {
    const kinds = [
      pod("", "Pending", "Pending", false),
      pod("n", "Pending", "ContainerCreating", false),
      pod("n", "Running", "Running", true),
      pod("n", "Running", "Running", false),
      pod("n", "Running", "Terminating", true),
    ].map((p) => { const s = podDisplayState(p); return `${s.icon} ${s.label}`; });
    expect(new Set(kinds).size).toBe(kinds.length);
  });
});
