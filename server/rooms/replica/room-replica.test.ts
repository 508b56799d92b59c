// A room with its read replica, over WebSocket: reads run on the replica, writes
// on the room's session, and a player's lines keep the order they were sent in.

import { describe, expect, it, vi } from "vitest";
import { streamText, type CompleteResponse, type KubectlResponse } from "../../../shared/protocol/messages.ts";
import { useTestServer } from "../test-server.ts";

const ts = useTestServer(3440);

describe("a room's read replica", () => {
  it("answers reads from the replica and writes from the session, each line seeing the ones sent before it", async () => {
    const { room, hostToken } = await ts.createRoom("sandbox");
    const alice = await ts.colyseus.connectTo(room, { name: "alice", hostToken });
    const session = room.host!.session;
    const onSession = vi.spyOn(session, "kubectl");
    const run = (line: string) => alice.request("kubectl", { line }) as Promise<KubectlResponse>;

    // Sent back to back, unawaited: the read after the write sees the write, the read before it does not.
    const [before, scaled, after] = await Promise.all([
      run("kubectl get deployment web -o jsonpath={.spec.replicas}"),
      run("kubectl scale deployment web --replicas=2"),
      run("kubectl get deployment web -o jsonpath={.spec.replicas}"),
    ]);
    expect([streamText(before, "stdout"), streamText(scaled, "stdout"), streamText(after, "stdout")]).toEqual(["6", "deployment.apps/web scaled\n", "2"]);
    expect(onSession.mock.calls.map((c) => c[1])).toEqual(["kubectl scale deployment web --replicas=2"]);

    // The player's kubeconfig goes with each read.
    await run("kubectl config set-context --current --namespace=kube-system");
    expect(streamText(await run("kubectl get deployments"), "stderr")).toBe("No resources found in kube-system namespace.\n");
    expect(((await alice.request("complete", { line: "kubectl get deployment w" })) as CompleteResponse).candidates).toEqual(["web"]);
    expect(onSession.mock.calls.map((c) => c[1])).toEqual(["kubectl scale deployment web --replicas=2", "kubectl config set-context --current --namespace=kube-system"]);

    // A pause checks the replica against the room's hash; the answer comes before the next read's.
    await alice.request("speed", { speed: 0 });
    await run("kubectl get nodes");
    expect(ts.logged.filter((l) => l.includes("diverged"))).toEqual([]);
    // A change the log never saw (only a bug could make one) is found at the next pause.
    session.cluster.clientFor({ name: "system:admin", groups: ["system:masters"] }).create("namespaces", undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name: "unlogged" } });
    await alice.request("speed", { speed: 1 });
    await alice.request("speed", { speed: 0 });
    await run("kubectl get nodes");
    expect(ts.logged.filter((l) => l.includes("diverged"))).toEqual([expect.stringMatching(/^read replica \d+ diverged at tick \d+ \([0-9a-f]{12} != [0-9a-f]{12}\); rebuilt from the log$/)]);
    await alice.leave();
  });
});
