// A player's console in a thread of its own, for the isolation test: joins a
// room by code and runs lines one after another, as the web console does.
// Decoding a 20 MB reply takes the SDK ~100 ms; off the server's thread it
// costs the server nothing, as a browser's would.

import { Client } from "@colyseus/sdk";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { streamText, type KubectlResponse } from "../../../shared/protocol/messages.ts";

export interface ConsoleJob {
  readonly url: string;
  readonly code: string;
  readonly hostToken: string;
  readonly lines: readonly string[];
}

/** What each line printed, in brief. */
export interface ConsoleLineResult {
  readonly line: string;
  readonly exitCode: number;
  readonly stdoutLength: number;
}

const job = workerData as ConsoleJob;
// The browser is another machine: here its decoding yields to the server's thread (Linux: this thread only).
if (process.platform === "linux") setPriority(19);
const room = await new Client(job.url).joinById(job.code, { name: "alice", hostToken: job.hostToken });
const results: ConsoleLineResult[] = [];
for (const line of job.lines) {
  const reply = (await room.request("kubectl", { line }, { timeout: 60_000 })) as KubectlResponse;
  results.push({ line, exitCode: reply.exitCode, stdoutLength: streamText(reply, "stdout").length });
}
await room.leave();
parentPort?.postMessage(results);
