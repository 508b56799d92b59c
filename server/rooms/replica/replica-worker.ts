// A pool worker: the read replicas of the rooms assigned to it. Messages are
// handled one at a time, in the order posted, so each request sees exactly the
// actions and steps its room sent before it. A read that turns out to write is
// refused (`wrote`) untouched, and the room runs it on its own session.

import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { WriteOnReadError } from "../../../shared/game/session.ts";
import type { FromReplica, ReplicaRequest, ReplicaValue, ToReplica } from "./protocol.ts";
import { Replica } from "./replica.ts";

/**
 * The replicas' nice value. Reads can wait; the event loop that sends every
 * room's patches cannot, so on a machine busier than its cores the kernel
 * should run the main thread first. Linux keeps a nice value per thread
 * (setpriority on "this process" sets the calling thread's); elsewhere it is
 * the whole process's, so it is left alone there.
 */
const REPLICA_NICE = 10;
if (process.platform === "linux") setPriority(REPLICA_NICE);

const replicas = new Map<number, Replica>();

function answer(replica: Replica, request: ReplicaRequest): ReplicaValue {
  const session = replica.session;
  switch (request.type) {
    case "kubectl":
      return session.read(request.user, request.line, request.kubeconfig, request.stdin);
    case "complete":
      return session.complete(request.user, request.line);
    case "hash":
      return session.cluster.stateHash();
  }
}

function handle(msg: ToReplica): FromReplica | undefined {
  switch (msg.type) {
    case "open":
      replicas.set(msg.replica, new Replica(msg.scenario, msg.log));
      return undefined;
    case "action":
      replicas.get(msg.replica)?.apply(msg.entry);
      return undefined;
    case "advance":
      replicas.get(msg.replica)?.advance(msg.tick);
      return undefined;
    case "close":
      replicas.delete(msg.replica);
      return undefined;
    default: {
      const replica = replicas.get(msg.replica);
      if (!replica) return { id: msg.id, ok: false, message: `no read replica ${msg.replica} in this worker` };
      try {
        return { id: msg.id, ok: true, value: answer(replica, msg) };
      } catch (error) {
        if (error instanceof WriteOnReadError) return { id: msg.id, ok: false, message: error.message, wrote: true };
        return { id: msg.id, ok: false, message: error instanceof Error ? error.message.split("\n")[0]! : String(error) };
      }
    }
  }
}

parentPort?.on("message", (msg: ToReplica) => {
  const reply = handle(msg);
  if (reply) parentPort?.postMessage(reply);
});
