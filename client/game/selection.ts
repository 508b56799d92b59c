// What the keyboard has chosen on the cluster screen: a pending pod and a
// node. Enter binds the one to the other; arrows and number keys move it.

export interface Selection {
  readonly pod?: string;
  readonly node?: string;
}

/** The next (delta 1) or previous (-1) item after `current`, wrapping; the first or last when nothing is chosen. */
export function step(list: readonly string[], current: string | undefined, delta: 1 | -1): string | undefined {
  if (list.length === 0) return undefined;
  const at = current === undefined ? -1 : list.indexOf(current);
  if (at < 0) return delta > 0 ? list[0] : list[list.length - 1];
  return list[(at + delta + list.length) % list.length];
}

/** Forgets a pod that is no longer pending and a node that is gone. */
export function prune(selection: Selection, pendingPods: ReadonlySet<string>, nodes: ReadonlySet<string>): Selection {
  const pod = selection.pod !== undefined && pendingPods.has(selection.pod) ? selection.pod : undefined;
  const node = selection.node !== undefined && nodes.has(selection.node) ? selection.node : undefined;
  return pod === selection.pod && node === selection.node ? selection : { pod, node };
}

/** The line under the queue telling what Enter will do. */
export function hint(podName: string | undefined, nodeName: string | undefined): string {
  if (podName && nodeName) return `${podName} → ${nodeName}\nEnter binds · Esc clears`;
  if (podName) return `${podName} selected\nPick a node: ←→ or 1–9`;
  return "";
}
