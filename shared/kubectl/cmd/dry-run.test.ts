import { describe, expect, it } from "vitest";
import { parseFlags, type ParsedFlags } from "../flags.ts";
import { DRY_RUN } from "./command.ts";
import { dryRunStrategy } from "./dry-run.ts";
import { utcMs } from "../../sim/kernel/time.ts";
import { klogLine } from "./klog.ts";

function flags(...argv: string[]): ParsedFlags {
  const r = parseFlags([DRY_RUN], argv);
  if (!r.ok) throw new Error(r.error);
  return r.flags;
}

describe("dryRunStrategy (cmdutil.GetDryRunStrategy, v1.34)", () => {
  it.each<[string[], string, string[]]>([
    [[], "none", []],
    [["--dry-run=none"], "none", []],
    [["--dry-run=client"], "client", []],
    [["--dry-run=server"], "server", []],
    [["--dry-run"], "client", ["helpers.go:731", "--dry-run is deprecated and can be replaced with --dry-run=client."]],
    [["--dry-run=true"], "client", ["helpers.go:745", "--dry-run=true is deprecated (boolean value) and can be replaced with --dry-run=client."]],
    [["--dry-run=1"], "client", ["helpers.go:745", "--dry-run=1 is deprecated (boolean value) and can be replaced with --dry-run=client."]],
    [["--dry-run=False"], "none", ["helpers.go:748", "--dry-run=False is deprecated (boolean value) and can be replaced with --dry-run=none."]],
  ])("%j → %s", (argv, strategy, warning) => {
    const logged: string[] = [];
    expect(dryRunStrategy(flags(...argv), { warning: (source, msg) => logged.push(source, msg) })).toBe(strategy);
    expect(logged).toEqual(warning);
  });

  it("rejects other values, an explicit empty one included", () => {
    expect(dryRunStrategy(flags("--dry-run=yes"))).toEqual({ kind: "plain", message: 'Invalid dry-run value (yes). Must be "none", "server", or "client".' });
    expect(dryRunStrategy(flags("--dry-run="))).toEqual({ kind: "plain", message: 'Invalid dry-run value (). Must be "none", "server", or "client".' });
  });
});

describe("klogLine", () => {
  it("prints klog's header from the simulated clock", () => {
    const epoch = utcMs(2026, 3, 14, 23, 59, 58);
    expect(klogLine("W", epoch, 1_234, "helpers.go:731", "msg")).toBe("W0314 23:59:59.234000    1001 helpers.go:731] msg\n");
  });
});
