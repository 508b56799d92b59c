import { describe, expect, it } from "vitest";
import { applyCompletion, commonPrefix } from "./completion.ts";
import { ConsoleHistory } from "./console-history.ts";

describe("applyCompletion", () => {
  it("completes the last word with a single candidate and a space", () => {
    expect(applyCompletion("kubectl desc", ["describe"])).toEqual({ line: "kubectl describe ", listing: [] });
  });
  it("extends to the common prefix of several candidates", () => {
    expect(applyCompletion("kubectl get po", ["pods", "podtemplates"])).toEqual({ line: "kubectl get pod", listing: [] });
  });
  it("lists the candidates when the prefix cannot grow", () => {
    expect(applyCompletion("kubectl get pod", ["pods", "poddisruptionbudgets"])).toEqual({ line: "kubectl get pod", listing: ["poddisruptionbudgets", "pods"] });
  });
  it("leaves the line alone without candidates", () => {
    expect(applyCompletion("kubectl frob", [])).toEqual({ line: "kubectl frob", listing: [] });
  });
  it("completes an empty word after a space", () => {
    expect(applyCompletion("kubectl get pods ", ["web-1"])).toEqual({ line: "kubectl get pods web-1 ", listing: [] });
  });
  it("commonPrefix", () => {
    expect(commonPrefix(["node-1", "node-2"])).toBe("node-");
    expect(commonPrefix([])).toBe("");
  });
});

describe("ConsoleHistory", () => {
  it("walks back with up and forward with down, restoring the draft", () => {
    const h = new ConsoleHistory();
    h.push("kubectl get pods");
    h.push("kubectl get nodes");
    expect(h.up("kubectl des")).toBe("kubectl get nodes");
    expect(h.up("ignored")).toBe("kubectl get pods");
    expect(h.up("ignored")).toBeUndefined();
    expect(h.down()).toBe("kubectl get nodes");
    expect(h.down()).toBe("kubectl des");
    expect(h.down()).toBeUndefined();
  });
  it("keeps consecutive duplicates and blank lines out", () => {
    const h = new ConsoleHistory(["a"]);
    h.push("a");
    h.push("  ");
    h.push("b");
    expect(h.all()).toEqual(["a", "b"]);
  });
});
