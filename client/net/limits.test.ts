import { describe, expect, it } from "vitest";
import { MAX_CONSOLE_BYTES, MAX_LINE_BYTES, MAX_MESSAGE_BYTES } from "../../shared/protocol/messages.ts";
import { formatBytes, kubectlProblem, messageProblem, utf8Bytes } from "./limits.ts";

describe("utf8Bytes", () => {
  it("counts bytes as the wire does, not characters", () => {
    expect(utf8Bytes("abc")).toBe(3);
    expect(utf8Bytes("é")).toBe(2);
    expect(utf8Bytes("☸")).toBe(3);
    expect(utf8Bytes("🚀")).toBe(4);
  });
});

describe("formatBytes", () => {
  it.each([
    [512, "512 B"],
    [1024, "1 KB"],
    [12_595, "12.3 KB"],
    [4097, "4.1 KB"],
    [MAX_CONSOLE_BYTES, "64 KB"],
    [200 * 1024, "200 KB"],
  ])("%d bytes read %s", (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});

describe("kubectlProblem", () => {
  const cases: Array<[string, string, string | undefined, string | undefined]> = [
    ["a short line", "kubectl get pods", undefined, undefined],
    ["a line at the limit", "x".repeat(MAX_LINE_BYTES), undefined, undefined],
    ["a line over the limit", "x".repeat(MAX_LINE_BYTES + 1), undefined, "the command line is 4.1 KB; a console line may be at most 4 KB"],
    ["a line over the limit in bytes, not characters", "é".repeat(3000), undefined, "the command line is 5.9 KB; a console line may be at most 4 KB"],
    ["a manifest at the limit", "kubectl apply -f -", "y".repeat(MAX_CONSOLE_BYTES), undefined],
    ["a 200 KB paste", "kubectl apply -f -", "y".repeat(200 * 1024), "the manifest is 200 KB; the YAML editor takes at most 64 KB"],
  ];
  it.each(cases)("%s", (_name, line, stdin, problem) => expect(kubectlProblem(line, stdin)).toBe(problem));
});

describe("messageProblem", () => {
  it("lets a full console request through and refuses a frame over the limit", () => {
    expect(messageProblem("kubectl", { line: "x".repeat(MAX_LINE_BYTES), stdin: "y".repeat(MAX_CONSOLE_BYTES) })).toBeUndefined();
    expect(messageProblem("bind", { pod: "p".repeat(MAX_MESSAGE_BYTES) })).toBe("this message is 69.1 KB, over the 69 KB a message may be; it was not sent");
  });
});
