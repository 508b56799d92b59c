import { describe, expect, it } from "vitest";
import { tokenize } from "./tokenize.ts";

describe("tokenize", () => {
  it.each<[string, string[]]>([
    ["kubectl get pods -o wide", ["kubectl", "get", "pods", "-o", "wide"]],
    ["  kubectl   get\tpods  ", ["kubectl", "get", "pods"]],
    [`kubectl label pod x 'a=b c'`, ["kubectl", "label", "pod", "x", "a=b c"]],
    [`kubectl get pods -l "app in (a, b)"`, ["kubectl", "get", "pods", "-l", "app in (a, b)"]],
    [`kubectl get "po"'ds'`, ["kubectl", "get", "pods"]],
    [`echo "a\\"b" 'c\\d' e\\ f`, ["echo", 'a"b', "c\\d", "e f"]],
    [`kubectl get pods # all of them`, ["kubectl", "get", "pods"]],
    [`kubectl get pods#x`, ["kubectl", "get", "pods#x"]],
    [`k get ''`, ["k", "get", ""]],
    ["", []],
  ])("%s", (line, words) => {
    expect(tokenize(line)).toEqual({ ok: true, words });
  });

  it("reports unterminated quotes like bash", () => {
    expect(tokenize("kubectl get 'pods")).toEqual({ ok: false, error: "unexpected EOF while looking for matching `''" });
    expect(tokenize('kubectl get "pods')).toEqual({ ok: false, error: "unexpected EOF while looking for matching `\"'" });
  });
});
