import { describe, expect, it } from "vitest";
import type { KubectlResponse } from "../../../shared/protocol/messages.ts";
import { newCommandQueue } from "./command-queue.ts";

describe("newCommandQueue", () => {
  it("runs commands in order, one at a time", async () => {
    const ran: string[] = [];
    const queue = newCommandQueue(() => ran.push("reported"));
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    void queue.enqueue(async () => {
      await slow;
      ran.push("first");
    });
    const second = queue.enqueue(() => void ran.push("second"));
    release();
    await second;
    expect(ran).toEqual(["first", "second"]);
  });

  it("goes on after a command that throws, a rejected request, or an undefined reply", async () => {
    const reported: string[] = [];
    const printed: string[] = [];
    const queue = newCommandQueue((error) => reported.push(error instanceof Error ? error.message : String(error)));
    const replies: Array<() => unknown> = [() => undefined, () => Promise.reject(new Error("slow down: 8 messages per second")), () => ({ output: [{ stream: "stdout", text: "ok\n" }] })];
    const backend = { kubectl: async (_line: string) => (await replies.shift()!()) as KubectlResponse };
    for (let i = 0; i < 3; i++) {
      void queue.enqueue(async () => {
        const result = await backend.kubectl("kubectl get pods");
        // What the drawer does with a reply: an undefined one throws here.
        for (const chunk of result.output) printed.push(chunk.text);
      });
    }
    await queue.enqueue(() => void printed.push("later command"));
    expect(reported).toEqual(["Cannot read properties of undefined (reading 'output')", "slow down: 8 messages per second"]);
    expect(printed).toEqual(["ok\n", "later command"]);
  });
});
