// npm run bench:room [-- --clients 40 --seconds 60 --speed 20 --port 3361]
// One sandbox room under a workshop's load: the server in its own process
// (`node server/index.ts`, as `npm start` runs it), 40 SDK clients (1 host + 39
// players) in another, so client work never counts as server CPU. The host sets
// the speed to 20×; every client sends a console line every 2 s (get pods, get
// nodes -o wide, describe deploy web, scale web between 6 and 12). Prints the
// server's CPU (its process CPU time over wall time, from /proc), request-to-
// reply latency p50/p99, "slow down" refusals, and the bytes each client
// receives per second (state patches and replies, counted at its WebSocket).
// Figures, not assertions: record them in docs/PERFORMANCE.md with the machine.

import { Client, type Room } from "@colyseus/sdk";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { CreateRoomResponse } from "../shared/protocol/rooms.ts";

const { values } = parseArgs({
  options: {
    clients: { type: "string", default: "40" },
    seconds: { type: "string", default: "60" },
    speed: { type: "string", default: "20" },
    port: { type: "string", default: "3361" },
    "every-ms": { type: "string", default: "2000" },
    // Internal: this file run as the clients' process.
    "clients-of": { type: "string" },
    "host-token": { type: "string" },
  },
});
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const speed = Number(values.speed);
const port = Number(values.port);
const everyMs = Number(values["every-ms"]);
const base = `http://localhost:${port}`;

/** What the clients' process reports when the run is over. */
interface ClientReport {
  readonly latenciesMs: number[];
  readonly slowDowns: number;
  readonly otherErrors: string[];
  readonly bytesPerClient: number[];
  readonly wallMs: number;
}

const LINES = [() => "kubectl get pods", () => "kubectl get nodes -o wide", () => "kubectl describe deploy web", () => `kubectl scale deploy web --replicas=${6 + Math.floor(Math.random() * 7)}`];

if (values["clients-of"]) await runClients(values["clients-of"], values["host-token"] ?? "");
else await main();

async function main(): Promise<void> {
  const db = join(mkdtempSync(join(tmpdir(), "pod-pilot-bench-")), "pod-pilot.db");
  const node = process.execPath;
  const root = fileURLToPath(new URL("..", import.meta.url));
  const server = spawn(node, ["server/index.ts"], { cwd: root, env: { ...process.env, PORT: String(port), POD_PILOT_DB: db }, stdio: ["ignore", "pipe", "pipe"] });
  let serverLog = "";
  server.stderr!.on("data", (d: Buffer) => (serverLog += d.toString()));
  try {
    await waitFor(server, "Pod Pilot is running", () => serverLog);
    const res = await fetch(`${base}/api/rooms`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ scenario: "sandbox", seed: 1 }) });
    const room = (await res.json()) as CreateRoomResponse;
    const load = spawn(node, [fileURLToPath(import.meta.url), "--clients-of", room.code, "--host-token", room.hostToken, "--clients", String(clients), "--seconds", String(seconds), "--speed", String(speed), "--port", String(port), "--every-ms", String(everyMs)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    let cpuAtStart = 0;
    let wallAtStart = 0;
    let cpuAtEnd = 0;
    let wallAtEnd = 0;
    load.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (!cpuAtStart && out.includes("MEASURING\n")) [cpuAtStart, wallAtStart] = [cpuSeconds(server.pid!), performance.now()];
      if (!cpuAtEnd && out.includes("DONE\n")) [cpuAtEnd, wallAtEnd] = [cpuSeconds(server.pid!), performance.now()];
    });
    const code = await new Promise<number | null>((resolve) => load.once("exit", resolve));
    if (code !== 0 || !cpuAtEnd) throw new Error(`the clients' process failed (${code}):\n${out}`);
    const report = JSON.parse(out.slice(out.indexOf("DONE\n") + 5)) as ClientReport;
    const wall = (wallAtEnd - wallAtStart) / 1000;
    const sorted = [...report.latenciesMs].sort((a, b) => a - b);
    const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
    const bytes = report.bytesPerClient.map((b) => b / (report.wallMs / 1000));
    const mean = bytes.reduce((a, b) => a + b, 0) / bytes.length;
    const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
    const print = (label: string, value: string) => process.stdout.write(`${label.padEnd(52)} ${value}\n`);
    process.stdout.write(`room load: 1 sandbox room at ${speed}×, ${clients} clients (1 host + ${clients - 1} players), a console line each every ${everyMs / 1000} s, ${wall.toFixed(1)} s wall\n`);
    process.stdout.write(`machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? "?"}, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}, Node ${process.version}\n`);
    print("server CPU (process CPU time / wall time)", `${(((cpuAtEnd - cpuAtStart) / wall) * 100).toFixed(1)} % of one core`);
    print("server RSS at the end", `${rss.toFixed(0)} MiB`);
    print("requests answered", `${report.latenciesMs.length} (${(report.latenciesMs.length / wall).toFixed(1)}/s)`);
    print("request-to-reply latency p50 / p99 / max", `${pct(50).toFixed(1)} / ${pct(99).toFixed(1)} / ${sorted.at(-1)!.toFixed(1)} ms`);
    print('"slow down" refusals', String(report.slowDowns));
    print("other errors", report.otherErrors.length ? `${report.otherErrors.length} (first: ${report.otherErrors[0]})` : "0");
    print("bytes received per client per second (mean / max)", `${mean.toFixed(0)} / ${Math.max(...bytes).toFixed(0)} B/s`);
  } finally {
    server.kill("SIGKILL");
  }
}

/** The clients' process: joins, sets the speed, sends lines for `seconds`, then prints DONE and its report. */
async function runClients(code: string, hostToken: string): Promise<void> {
  const rooms: Room[] = [];
  const bytes: number[] = [];
  for (let i = 0; i < clients; i++) {
    const room = await new Client(base).joinById(code, i === 0 ? { name: "host", hostToken } : { name: `player-${i}` });
    room.reconnection.enabled = false;
    room.onMessage("*", () => undefined);
    bytes.push(0);
    const ws = (room.connection.transport as unknown as { ws: WebSocket }).ws;
    ws.addEventListener("message", (event) => {
      bytes[i]! += event.data instanceof ArrayBuffer ? event.data.byteLength : 0;
    });
    rooms.push(room);
  }
  await rooms[0]!.request("speed", { speed });
  bytes.fill(0);
  const latenciesMs: number[] = [];
  const otherErrors: string[] = [];
  let slowDowns = 0;
  process.stdout.write("MEASURING\n");
  const started = performance.now();
  const end = started + seconds * 1000;
  // Each client on its own 2 s cadence, spread over the interval so lines do not arrive in one burst.
  await Promise.all(
    rooms.map(async (room, i) => {
      await sleep((i * everyMs) / clients);
      for (let next = performance.now(); next < end; next += everyMs) {
        await sleep(next - performance.now());
        const sent = performance.now();
        try {
          await room.request("kubectl", { line: LINES[Math.floor(Math.random() * LINES.length)]!() }, { timeout: 30_000 });
          latenciesMs.push(performance.now() - sent);
        } catch (e) {
          const message = (e as { reason?: { message?: string } }).reason?.message ?? (e instanceof Error ? e.message : String(e));
          if (message.startsWith("slow down")) slowDowns++;
          else otherErrors.push(message);
        }
      }
    }),
  );
  const wallMs = performance.now() - started;
  process.stdout.write("DONE\n");
  process.stdout.write(JSON.stringify({ latenciesMs, slowDowns, otherErrors, bytesPerClient: bytes, wallMs } satisfies ClientReport));
  for (const room of rooms) await room.leave().catch(() => undefined);
  process.exit(0);
}

/** A process's user + system CPU time, in seconds, from /proc/PID/stat (clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function waitFor(child: ChildProcess, text: string, log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes(text)) resolve();
    });
    child.once("exit", (c) => reject(new Error(`server exited (${c}) before it was ready:\n${out}${log()}`)));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(0, ms)));
}
