import { describe, expect, it } from "vitest";
import { webCluster } from "../test-fixture.ts";

const err = (stderr: string) => ({ stdout: "", stderr, exitCode: 1 });

describe("kubectl get: Validate, then what the console refuses", () => {
  it.each([
    ["--raw with arguments", "kubectl get pods --raw /api", "error: arguments may not be passed when --raw is specified\n"],
    ["--raw with -l", "kubectl get --raw /api -l a=b", "error: --raw may not be specified with other flags that filter the server request or alter the output\n"],
    ["--raw with -o", "kubectl get --raw /api -o yaml", "error: --raw and --output are mutually exclusive\n"],
    ["--show-labels with -o yaml", "kubectl get pods --show-labels -o yaml", "error: --show-labels option cannot be used with yaml printer\n"],
    ["--output-watch-events without --watch", "kubectl get pods --output-watch-events", "error: --output-watch-events option can only be used with --watch or --watch-only\n"],
    ["an unknown --subresource", "kubectl get pods --subresource=log", 'error: invalid subresource value: "log". Must be one of [status scale]\n'],
    ["--watch", "kubectl get pods -w", 'error: "kubectl get --watch" is not available in the Pod Pilot console\n'],
    ["--watch-only", "kubectl get pods --watch-only", 'error: "kubectl get --watch-only" is not available in the Pod Pilot console\n'],
    ["--raw", "kubectl get --raw /api", 'error: "kubectl get --raw" is not available in the Pod Pilot console\n'],
    ["-f", "kubectl get -f -", 'error: "kubectl get -f" is not available in the Pod Pilot console\n'],
  ])("refuses %s", (_name, line, stderr) => {
    const { c } = webCluster();
    expect(c.run(line)).toEqual(err(stderr));
  });

  it("reads the status subresource as the object itself", () => {
    const { c } = webCluster();
    expect(c.run("kubectl get deploy web --subresource=status")).toEqual(c.run("kubectl get deploy web"));
  });
});
