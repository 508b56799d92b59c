// Crash safety, the hard way: a real server process, an acknowledged action,
// SIGKILL, a restart on the same store. The room comes back under its code, at
// the same tick and state hash, paused as it was, with its players' seats, and
// a player's seat token gets them back in with their name and role.

import { Client } from "@colyseus/sdk";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { streamText, type KubectlResponse, type WelcomeMessage } from "../../shared/protocol/messages.ts";
import type { CreateRoomResponse, RoomInfo } from "../../shared/protocol/rooms.ts";

const PORT = 2720 + Number(process.env.VITEST_POOL_ID ?? 1);
const NODE = join(process.cwd(), "node_modules", ".bin", "node");
const base = `http://localhost:${PORT}`;
let server: ChildProcess | undefined;

function start(db: string): Promise<ChildProcess> {
  const child = spawn(NODE, ["server/index.ts"], { env: { ...process.env, PORT: String(PORT), POD_PILOT_DB: db }, stdio: ["ignore", "pipe", "pipe"] });
  server = child;
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("Pod Pilot is running")) resolve(child);
    });
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    child.once("exit", (code) => reject(new Error(`server exited (${code}) before it was ready:\n${out}`)));
  });
}

function stop(child: ChildProcess, signal: "SIGKILL" | "SIGTERM" = "SIGKILL"): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

afterEach(async () => {
  if (server && server.exitCode === null) await stop(server);
});

describe("crash safety", () => {
  it.each(["SIGKILL", "SIGTERM"] as const)("a room stopped by %s right after an acknowledged action comes back at the same state hash, with its players", async (signal) => {
    const db = join(mkdtempSync(join(tmpdir(), "pod-pilot-crash-")), "pod-pilot.db");
    const first = await start(db);
    const created = (await (await fetch(`${base}/api/rooms`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ scenario: "sandbox" }) })).json()) as CreateRoomResponse;
    const sdk = new Client(base);
    const alice = await sdk.joinById(created.code, { name: "alice", hostToken: created.hostToken });
    const welcome = (await new Promise((resolve) => alice.onMessage("welcome", resolve))) as WelcomeMessage;
    const bob = await sdk.joinById(created.code, { name: "bob" });
    alice.reconnection.enabled = bob.reconnection.enabled = false;
    await alice.request("speed", { speed: 5 });
    await new Promise((r) => setTimeout(r, 600));
    await alice.request("speed", { speed: 0 });
    const scaled = (await bob.request("kubectl", { line: "kubectl scale deployment web --replicas=8" })) as KubectlResponse;
    expect(streamText(scaled, "stdout")).toBe("deployment.apps/web scaled\n");
    const before = (await (await fetch(`${base}/api/rooms/${created.code}`)).json()) as RoomInfo;
    expect(before.tick).toBeGreaterThan(0);

    await stop(first, signal);
    await start(db);
    const after = (await (await fetch(`${base}/api/rooms/${created.code}`)).json()) as RoomInfo;
    expect(after).toEqual({
      ...before,
      players: [
        { name: "alice", role: "host", connected: false },
        { name: "bob", role: "player", connected: false },
      ],
    });

    // Alice's tab rejoins with its seat token: same name, still host; bob's name stays his.
    const sdk2 = new Client(base);
    const back = await sdk2.joinById(created.code, { name: "alice", seat: welcome.seat });
    const again = (await new Promise((resolve) => back.onMessage("welcome", resolve))) as WelcomeMessage;
    expect({ name: again.name, role: again.role }).toEqual({ name: "alice", role: "host" });
    await expect(sdk2.joinById(created.code, { name: "bob" })).rejects.toThrow('the name "bob" is taken in this room; pick another');
    const replicas = (await back.request("kubectl", { line: "kubectl get deploy web -o jsonpath={.spec.replicas}" })) as KubectlResponse;
    expect(streamText(replicas, "stdout")).toBe("8");
    await back.leave();
  }, 60_000);

  it("exits with a clear message when its port is taken", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "pod-pilot-port-")), "pod-pilot.db");
    await start(db);
    const second = spawn(NODE, ["server/index.ts"], { env: { ...process.env, PORT: String(PORT), POD_PILOT_DB: `${db}-2` }, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    second.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => second.once("exit", resolve));
    expect(code).toBe(1);
    expect(err).toContain(`Port ${PORT} is in use: is Pod Pilot already running? Set PORT to use another.`);
  }, 30_000);
});
