// The result of running a plugin (kube-scheduler's framework.Status): a code that
// tells the scheduler and preemption what to do next, the reasons a player reads
// in events, and the plugin that gave it. `undefined` means Success everywhere,
// so the success path never allocates one.

export const Code = {
  Success: "Success",
  /** A bug or an API failure: the pod is retried after backoff, never reported as unschedulable. */
  Error: "Error",
  /** Rejected, but preemption might help (another pod's resources). */
  Unschedulable: "Unschedulable",
  /** Rejected, and evicting pods cannot help (a taint, a selector, a cordon). */
  UnschedulableAndUnresolvable: "UnschedulableAndUnresolvable",
  Wait: "Wait",
  /** PreFilter/PreScore: this plugin has nothing to do for this pod; skip its Filter/Score. */
  Skip: "Skip",
} as const;
export type Code = (typeof Code)[keyof typeof Code];

export interface Status {
  readonly code: Code;
  readonly reasons: readonly string[];
  readonly plugin?: string;
}

export function newStatus(code: Code, reasons: readonly string[] = [], plugin?: string): Status {
  const frozen = Object.freeze([...reasons]);
  return Object.freeze(plugin === undefined ? { code, reasons: frozen } : { code, reasons: frozen, plugin });
}

/** framework.AsStatus(err): an Error status carrying the error's text. */
export function asStatus(message: string): Status {
  return newStatus(Code.Error, [message]);
}

/** The same status attributed to `plugin` (statuses are immutable, so this copies). */
export function withPlugin(status: Status, plugin: string): Status {
  return status.plugin === plugin ? status : newStatus(status.code, status.reasons, plugin);
}

export function isSuccess(status: Status | undefined): boolean {
  return status === undefined || status.code === Code.Success;
}

export function isRejected(status: Status | undefined): boolean {
  return status !== undefined && (status.code === Code.Unschedulable || status.code === Code.UnschedulableAndUnresolvable);
}

/** Status.Message(): the reasons joined by ", ". */
export function statusMessage(status: Status | undefined): string {
  return status === undefined ? "" : status.reasons.join(", ");
}

export const SKIP: Status = newStatus(Code.Skip);
