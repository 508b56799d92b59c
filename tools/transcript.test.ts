import { describe, expect, it } from "vitest";
import { Session } from "../shared/game/session.ts";
import { loadCatalog } from "../server/scenarios.ts";
import { replay } from "../shared/game/replay.ts";
import { parseDuration } from "./duration.ts";
import { runTranscript } from "./transcript.ts";

const catalog = loadCatalog();

function run(lines: string, echo = true): { out: string; code: number; session: Session } {
  const session = new Session(catalog.get("sandbox")!, 1);
  let out = "";
  const code = runTranscript(session, lines.split("\n"), { stdout: (t) => (out += t), stderr: (t) => (out += t) }, echo);
  return { out, code, session };
}

describe("parseDuration", () => {
  it("reads Go-style durations", () => {
    expect(parseDuration("90s")).toBe(90_000);
    expect(parseDuration("5m")).toBe(300_000);
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("500ms")).toBe(500);
    expect(parseDuration("1.5s")).toBe(1500);
    expect(parseDuration("5")).toBeUndefined();
    expect(parseDuration("soon")).toBeUndefined();
  });
});

describe("headless console", () => {
  it("advances simulated time with sleep and echoes each line", () => {
    const { out, session } = run("sleep 90s\nkubectl get deploy web");
    expect(session.cluster.now).toBe(90_000);
    expect(out.startsWith("$ sleep 90s\n$ kubectl get deploy web\nNAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    6/6     6            6           90s\n")).toBe(true);
  });

  it("injects a crash the way the failure button does", () => {
    const { out, session } = run("inject node-crash node-2\nsleep 2m\nkubectl get node node-2", false);
    expect(session.cluster.kubelets.get("node-2")!.running).toBe(false);
    expect(out).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\nnode-2\s+NotReady\s+<none>\s+2m\s+v1\.34\.10\n$/);
  });

  it("explains a bad sleep or inject and keeps going", () => {
    const { out, code } = run("sleep forever\ninject meteor node-1\ninject node-crash node-9\nkubectl get ns default", false);
    expect(out).toContain("sleep: invalid time interval 'forever'\n");
    expect(out).toContain("inject: usage: inject node-crash|node-restart NODE\n");
    expect(out).toContain('inject: node "node-9" not found\n');
    expect(out).toMatch(/default\s+Active/);
    expect(code).toBe(0);
  });

  it("feeds a heredoc to kubectl apply -f -", () => {
    const manifest = ["apiVersion: v1", "kind: Namespace", "metadata:", "  name: team-a"].join("\n");
    const { out } = run(`kubectl apply -f - <<EOF\n${manifest}\nEOF\nkubectl get ns team-a -o name`);
    expect(out).toContain(`$ kubectl apply -f - <<EOF\n${manifest}\nEOF\nnamespace/team-a created\n`);
    expect(out).toContain("$ kubectl get ns team-a -o name\nnamespace/team-a\n");
  });

  it("lets rollout status and wait block while simulated time passes, and replays to the same state", () => {
    const { out, code, session } = run("sleep 30s\nkubectl set image deployment/web nginx=nginx:1.28\nkubectl rollout status deployment/web\nkubectl scale deploy web --replicas=7\nkubectl wait --for=condition=Ready pods -l app=web --timeout=60s", false);
    expect(code).toBe(0);
    const lines = out.split("\n");
    const status = lines.slice(lines.indexOf("deployment.apps/web image updated") + 1, lines.indexOf('deployment "web" successfully rolled out'));
    expect(status.length).toBeGreaterThan(1);
    for (const l of status) expect(l).toMatch(/^Waiting for deployment "web" rollout to finish: /);
    expect(new Set(status).size).toBe(status.length);
    expect(lines.filter((l) => l.endsWith(" condition met"))).toHaveLength(7);
    expect(session.cluster.now).toBeGreaterThan(30_000);
    const replayed = replay(session.log(), catalog);
    expect(replayed.tick).toBe(session.tick);
    expect(replayed.cluster.stateHash()).toBe(session.cluster.stateHash());
  });

  it("returns the last command's exit code", () => {
    expect(run("kubectl get pod nope", false).code).toBe(1);
  });
});
