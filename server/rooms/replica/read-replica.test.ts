// A read replica is the room's session again: fed the same actions and steps it
// has the same state hash, and a read run on it prints exactly what the room's
// own session would have printed, at the same tick.

import { afterAll, describe, expect, it } from "vitest";
import { playerUser } from "../../../shared/game/players.ts";
import { Session, WriteOnReadError } from "../../../shared/game/session.ts";
import { loadCatalog } from "../../scenarios.ts";
import type { ReadReplica } from "./read-replica.ts";
import { ReplicaPool } from "./replica-pool.ts";

const catalog = loadCatalog();
const logged: string[] = [];
const pool = new ReplicaPool((line) => logged.push(line), 1);
afterAll(() => pool.close());

const HOST = playerUser("alice", "host");
const PLAYER = playerUser("bob");

/** A session and its replica, wired as ClusterHost wires them. */
function mirrored(scenario: string): { session: Session; replica: ReadReplica; steps(n: number): void } {
  const session = new Session(catalog.get(scenario)!);
  const replica = pool.open(session.scenario, session.log());
  session.onAction((entry) => replica.action(entry));
  return {
    session,
    replica,
    steps(n) {
      for (let i = 0; i < n; i++) session.step();
      replica.advance(session.tick);
    },
  };
}

/** Runs each line on the session and on the replica: the outputs must be equal. */
async function bothWays(session: Session, replica: ReadReplica, lines: readonly (readonly [typeof HOST, string])[]): Promise<void> {
  for (const [user, line] of lines) {
    const here = session.kubectl(user, line);
    const there = await replica.kubectl(user, session.kubeconfig(user), line);
    expect({ line, ...there }, line).toEqual({ line, ...here });
  }
}

describe("read replica", () => {
  it("keeps the room's state hash through steps, writes, faults and binds, and a replica made from the log mid-run matches too", async () => {
    const { session, replica, steps } = mirrored("sandbox");
    steps(30);
    session.kubectl(HOST, "kubectl scale deployment web --replicas=60");
    steps(20);
    const pending = session.cluster.podCounts().Pending;
    expect(pending).toBeGreaterThan(0);
    const pod = session.kubectl(HOST, "kubectl get pods --field-selector=status.phase=Pending -o jsonpath={.items[0].metadata.name}").stdout;
    expect(session.apply(PLAYER, { type: "bind", namespace: "default", pod, node: "node-1" }).ok).toBe(false);
    session.apply(HOST, { type: "fault", fault: "node-crash", node: "node-2" });
    steps(450);
    session.kubectl(PLAYER, "kubectl cordon node-3");
    session.kubectl(HOST, "kubectl scale deployment web --replicas=4");
    session.apply(HOST, { type: "fault", fault: "node-restart", node: "node-2" });
    steps(15);
    expect(await replica.stateHash()).toBe(session.cluster.stateHash());
    const restored = pool.open(session.scenario, session.log());
    expect(await restored.stateHash()).toBe(session.cluster.stateHash());
    restored.close();
  });

  it("prints exactly what the session prints, on the sandbox after writes, faults and a player's own kubeconfig", async () => {
    const { session, replica, steps } = mirrored("sandbox");
    steps(40);
    session.kubectl(HOST, "kubectl create namespace team-a");
    session.kubectl(HOST, "kubectl set image deployment/web nginx=nginx:1.28");
    session.apply(HOST, { type: "fault", fault: "node-crash", node: "node-1" });
    steps(60);
    session.kubectl(PLAYER, "kubectl config set-context --current --namespace=kube-system");
    await bothWays(session, replica, [
      [HOST, "kubectl get pods -A -o wide"],
      [HOST, "kubectl get pods -A -o yaml"],
      [HOST, "kubectl get all"],
      [HOST, "kubectl describe deployment web"],
      [HOST, "kubectl describe nodes"],
      [HOST, "kubectl get events -A --sort-by=.lastTimestamp"],
      [HOST, "kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name} {.status.phase}{\"\\n\"}{end}'"],
      [HOST, "kubectl get pods | grep -c Running"],
      [HOST, "kubectl rollout history deployment/web"],
      [HOST, "kubectl rollout status deployment/web"],
      [HOST, "kubectl top node"],
      [HOST, "kubectl api-resources"],
      [HOST, "kubectl explain deployment.spec.strategy"],
      [HOST, "kubectl version"],
      [HOST, "kubectl cluster-info"],
      [HOST, "kubectl auth can-i delete nodes --as bob"],
      [HOST, "kubectl auth whoami"],
      [HOST, "kubectl get deployment nope"],
      [HOST, `kubectl logs ${session.kubectl(HOST, "kubectl get pods -o jsonpath={.items[0].metadata.name}").stdout}`],
      [PLAYER, "kubectl get pods"],
      [PLAYER, "kubectl get nodes"],
      [PLAYER, "kubectl auth can-i --list"],
    ]);
    expect(await replica.complete(HOST, "kubectl get deployment w")).toEqual(session.complete(HOST, "kubectl get deployment w"));
  });

  it("prints exactly what the session prints on the workshop cluster after steps and writes", async () => {
    const { session, replica, steps } = mirrored("workshop");
    steps(50);
    session.kubectl(HOST, "kubectl scale deployment shop-api -n shop --replicas=70");
    session.kubectl(HOST, "kubectl cordon node-7");
    steps(20);
    await bothWays(session, replica, [
      [HOST, "kubectl get pods -A -o json"],
      [HOST, "kubectl get nodes -o wide"],
      [HOST, "kubectl describe node node-7"],
      [HOST, "kubectl get deployments -A"],
      [HOST, "kubectl describe deployment shop-api -n shop"],
      [HOST, "kubectl get pods -n shop --sort-by=.metadata.name | grep -c shop-api"],
    ]);
    expect(await replica.stateHash()).toBe(session.cluster.stateHash());
  });

  it("sees a write forwarded before the read, and refuses a line that writes after all, untouched", async () => {
    const { session, replica } = mirrored("sandbox");
    session.kubectl(HOST, "kubectl scale deployment web --replicas=2");
    const read = await replica.kubectl(HOST, session.kubeconfig(HOST), "kubectl get deployment web -o jsonpath={.spec.replicas}");
    expect(read?.stdout).toBe("2");
    // The room judges lines before sending them; if one slipped through, the replica sends nothing and says so.
    expect(await replica.kubectl(HOST, session.kubeconfig(HOST), "kubectl scale deployment web --replicas=5")).toBeUndefined();
    expect(() => session.read(HOST, "kubectl delete deployment web", session.kubeconfig(HOST))).toThrow(WriteOnReadError);
    expect(await replica.stateHash()).toBe(session.cluster.stateHash());
  });

  it("rebuilds itself from the room's log when its hash differs, saying so in one line", async () => {
    const session = new Session(catalog.get("sandbox")!);
    session.kubectl(HOST, "kubectl scale deployment web --replicas=3");
    // A replica that missed the write: what a lost forward would leave.
    const replica = pool.open(session.scenario, { ...session.log(), actions: [] });
    expect(await replica.verify(session.cluster.stateHash(), session.tick, () => session.log())).toBe(false);
    expect(logged.at(-1)).toMatch(/^read replica \d+ diverged at tick 0 \([0-9a-f]{12} != [0-9a-f]{12}\); rebuilt from the log$/);
    expect(await replica.verify(session.cluster.stateHash(), session.tick, () => session.log())).toBe(true);
    replica.close();
  });
});
