import { describe, expect, it } from "vitest";
import { splitPaste } from "./paste.ts";

describe("splitPaste", () => {
  it("leaves a one-line paste to the input", () => {
    expect(splitPaste("kubectl ", "get pods", "")).toBeUndefined();
  });
  it("runs each complete line, keeping the unfinished one", () => {
    expect(splitPaste("kubectl ", "get pods\nkubectl get nodes\r\nkubectl desc", " -A")).toEqual({
      run: ["kubectl get pods", "kubectl get nodes"],
      rest: "kubectl desc -A",
      caret: 12,
    });
  });
  it("runs every line of a paste that ends with a line break", () => {
    expect(splitPaste("", "a\nb\n", "")).toEqual({ run: ["a", "b"], rest: "", caret: 0 });
  });
});
