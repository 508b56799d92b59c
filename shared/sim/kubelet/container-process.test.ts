import { describe, expect, it } from "vitest";
import { containerProcess, type ContainerProcess } from "./container-process.ts";
import { COMMAND_TABLE } from "./stages/commands.ts";
import { loadCommandTable } from "./stages/schema.ts";

const run = (command?: string[], args?: string[]): ContainerProcess => containerProcess(COMMAND_TABLE, { name: "c", image: "busybox:1.36", ...(command ? { command } : {}), ...(args ? { args } : {}) });
const exits = (code: number, runsMs = 0, log = ""): ContainerProcess => ({ exits: true, code, runsMs, log });
const FOREVER: ContainerProcess = { exits: false };

describe("containerProcess (the command table)", () => {
  it.each([
    ["sh -c 'exit N'", ["sh", "-c", "exit 3"], exits(3)],
    ["/bin/sh -c 'exit N'", ["/bin/sh", "-c", "exit 1"], exits(1)],
    ["exit codes wrap at 256", ["sh", "-c", "exit 257"], exits(1)],
    ["sh -c 'exit 0'", ["sh", "-c", "exit 0"], exits(0)],
    ["false", ["false"], exits(1)],
    ["true", ["true"], exits(0)],
    ["echo", ["echo", "hello", "world"], exits(0, 0, "hello world\n")],
    ["echo-only scripts", ["sh", "-c", "echo starting; echo done"], exits(0, 0, "starting\ndone\n")],
    ["sleep N", ["sleep", "30"], exits(0, 30_000)],
    ["sh -c 'sleep N'", ["sh", "-c", "sleep 30"], exits(0, 30_000)],
    ["sleep with a unit", ["sleep", "2m"], exits(0, 120_000)],
    ["sleeps add up, then the exit code", ["sh", "-c", "echo hi; sleep 5\nsleep 1.5 && exit 2"], exits(2, 6_500, "hi\n")],
    ["&& stops at a failure; the last status is the shell's", ["sh", "-c", "false && exit 3"], exits(1)],
    ["; carries on after a failure", ["sh", "-c", "false; echo ok"], exits(0, 0, "ok\n")],
    ["sh removes quotes; a bare echo prints an empty line", ["sh", "-c", "echo 'boom' \"now\"; echo"], exits(0, 0, "boom now\n\n")],
    ["what runs after a failed && is not printed", ["sh", "-c", "false && echo no; echo boom; exit 1"], exits(1, 0, "boom\n")],
    ["exit ends the log", ["sh", "-c", "echo a; exit 2; echo b"], exits(2, 0, "a\n")],
    ["a bare exit returns the last status", ["sh", "-c", "false; exit"], exits(1)],
  ] as const)("%s", (_, argv, expected) => {
    expect(run([...argv])).toEqual(expected);
  });

  it("reads args alone as the command (kubectl run -- sh -c ...)", () => {
    expect(run(undefined, ["sh", "-c", "exit 4"])).toEqual(exits(4));
    expect(run(["sh", "-c"], ["exit 5"])).toEqual(exits(5));
  });

  it.each([
    ["no command (the image's server)", undefined],
    ["a server", ["nginx", "-g", "daemon off;"]],
    ["sleep infinity", ["sleep", "infinity"]],
    ["a loop", ["sh", "-c", "while true; do sleep 5; done"]],
    ["a pipe", ["sh", "-c", "echo hi | grep x"]],
    ["an unknown program after known ones", ["sh", "-c", "echo hi; ./server"]],
    ["|| is not modelled", ["sh", "-c", "false || exit 2"]],
    ["a shell without -c", ["sh"]],
  ] as const)("runs forever: %s", (_, argv) => {
    expect(run(argv ? [...argv] : undefined)).toEqual(FOREVER);
  });

  it("names the file and the field of an invalid table", () => {
    expect(() => loadCommandTable("commands.ts", { ...COMMAND_TABLE, commands: [{ name: "bad", pattern: "(" }] })).toThrow("commands.ts: commands.0.pattern: not a valid regular expression");
    expect(() => loadCommandTable("commands.ts", { ...COMMAND_TABLE, commands: [{ name: "x", pattern: "^x$", status: 256 }] })).toThrow("commands.ts: commands.0.status: ");
  });
});
