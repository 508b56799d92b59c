// What a pod block says about its pod: an icon and a word for every state, so
// colour (which is the workload's) is never the only signal.

import type { PodView } from "../../server/rooms/schema/cluster-state.ts";

export type PodStateKind = "pending" | "creating" | "running" | "notready" | "terminating" | "failed" | "succeeded";

export interface PodDisplayState {
  readonly kind: PodStateKind;
  readonly icon: string;
  /** The word shown on the block (kubectl's STATUS when it is more precise). */
  readonly label: string;
  /** A shorter word for narrow blocks. */
  readonly short: string;
}

const ICONS: Record<PodStateKind, string> = {
  pending: "◌",
  creating: "◔",
  running: "✔",
  notready: "⚠",
  terminating: "✖",
  failed: "✖",
  succeeded: "✔",
};

type PodFields = Pick<PodView, "node" | "phase" | "status" | "ready">;

export function podDisplayState(pod: PodFields): PodDisplayState {
  const kind = podStateKind(pod);
  const label = labelFor(kind, pod.status);
  return { kind, icon: ICONS[kind], label, short: shortLabel(kind, label) };
}

function podStateKind(pod: PodFields): PodStateKind {
  if (pod.status === "Terminating") return "terminating";
  if (pod.node === "") return "pending";
  if (pod.phase === "Succeeded" || pod.status === "Completed") return "succeeded";
  if (pod.phase === "Failed") return "failed";
  if (pod.phase === "Pending") {
    return pod.status === "Pending" || pod.status === "ContainerCreating" || pod.status.startsWith("Init:") || pod.status === "PodInitializing"
      ? "creating"
      : "failed"; // ErrImagePull, ImagePullBackOff, CreateContainerConfigError...
  }
  if (pod.phase === "Running") {
    if (pod.ready) return "running";
    return pod.status === "Running" ? "notready" : "failed"; // CrashLoopBackOff, Error, OOMKilled
  }
  return "notready";
}

function labelFor(kind: PodStateKind, status: string): string {
  switch (kind) {
    case "pending": return "Pending";
    case "creating": return "Creating";
    case "running": return "Running";
    case "notready": return "NotReady";
    case "terminating": return "Terminating";
    case "succeeded": return "Completed";
    case "failed": return status || "Failed";
  }
}

const SHORT: Partial<Record<string, string>> = {
  Pending: "Pend",
  Creating: "New",
  Running: "Run",
  NotReady: "NotRdy",
  Terminating: "Term",
  Completed: "Done",
  CrashLoopBackOff: "Crash",
  ImagePullBackOff: "Pull",
  ErrImagePull: "Pull",
  OOMKilled: "OOM",
};

function shortLabel(kind: PodStateKind, label: string): string {
  return SHORT[label] ?? (kind === "failed" ? "Fail" : label.slice(0, 4));
}
