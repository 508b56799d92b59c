// The cluster as HTML for keyboards and screen readers: pending pods and nodes
// as buttons (focus selects, Enter on a pod picks it up, Enter on a node binds
// the picked pod there), crash/restart buttons, and text for each node's state.
// Visually hidden: the canvas highlights whatever is selected.

import type { NodeView, PodView } from "../../../server/rooms/schema/cluster-state.ts";
import { h } from "../dom.ts";
import { formatCpu, formatMemory } from "../format.ts";

export interface ClusterMirrorHandlers {
  onSelectPod(key: string): void;
  onSelectNode(name: string): void;
  /** Enter on a node: bind the selected pod to it. */
  onBindTo(name: string): void;
  onNodeAction(name: string, action: "crash" | "restart"): void;
}

export interface ClusterMirror {
  /** `nodeActionsRefused`: why this player may not crash or restart nodes (not the host), shown on those buttons. */
  update(pending: readonly { key: string; pod: PodView }[], nodes: readonly NodeView[], selection: { pod?: string; node?: string }, nodeActionsRefused?: string): void;
  dispose(): void;
}

export function showClusterMirror(host: HTMLElement, handlers: ClusterMirrorHandlers): ClusterMirror {
  const podList = h("ul", { "aria-label": "Pending pods" });
  const nodeList = h("ul", { "aria-label": "Nodes" });
  const root = h("section", { id: "cluster-mirror", class: "sr-only focus-mirror", "aria-label": "Cluster" },
    h("h2", {}, "Pending pods"),
    h("p", {}, "Select a pod, then a node, and press Enter to bind it. Arrow keys also move the selection; Enter binds."),
    podList,
    h("h2", {}, "Nodes"),
    nodeList,
  );
  host.append(root);
  let signature = "";

  return {
    update(pending, nodes, selection, nodeActionsRefused) {
      const next = JSON.stringify([
        pending.map(({ key, pod }) => [key, pod.cpuMilli, pod.memoryMi]),
        nodes.map((n) => [n.name, n.zone, n.status, n.crashed, n.taints, n.cpuMilli, n.cpuRequestedMilli, n.podCount]),
        selection,
        nodeActionsRefused,
      ]);
      if (next === signature) return;
      signature = next;
      // Rebuilding would drop focus; keep the focused element's identity.
      const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset : undefined;
      const focusKey = focused?.pod ?? focused?.node ?? focused?.action;

      podList.replaceChildren(
        ...(pending.length === 0 ? [h("li", {}, "No pending pods.")] : pending.map(({ key, pod }) => {
          const button = h("button", { type: "button", "data-pod": key, "aria-pressed": String(selection.pod === key) },
            `${pod.name}, requests ${formatCpu(pod.cpuMilli)} CPU and ${formatMemory(pod.memoryMi)} memory`);
          button.addEventListener("focus", () => handlers.onSelectPod(key));
          button.addEventListener("click", () => handlers.onSelectPod(key));
          return h("li", {}, button);
        })),
      );
      nodeList.replaceChildren(...nodes.map((node) => {
        const free = Math.max(0, node.cpuMilli - node.cpuRequestedMilli);
        const description = [
          node.name,
          `zone ${node.zone || "none"}`,
          node.crashed ? "machine down" : node.status,
          `${formatCpu(free)} of ${formatCpu(node.cpuMilli)} CPU free`,
          `${node.podCount} pods`,
          node.taints ? `taints ${node.taints}` : "",
        ].filter(Boolean).join(", ");
        const button = h("button", { type: "button", "data-node": node.name, "aria-pressed": String(selection.node === node.name) },
          selection.pod ? `Bind to ${description}` : description);
        button.addEventListener("focus", () => handlers.onSelectNode(node.name));
        button.addEventListener("click", () => handlers.onBindTo(node.name));
        const action = node.crashed ? "restart" : "crash";
        // Still focusable and pressable (the press explains), but announced as unavailable.
        const actionButton = h("button", { type: "button", "data-action": `${action}:${node.name}`, "aria-disabled": nodeActionsRefused ? "true" : undefined, title: nodeActionsRefused },
          `${action === "crash" ? "Crash" : "Restart"} ${node.name}`);
        actionButton.addEventListener("click", () => handlers.onNodeAction(node.name, action));
        return h("li", {}, button, " ", actionButton);
      }));

      if (focusKey) {
        root.querySelector<HTMLElement>(`[data-pod="${CSS.escape(focusKey)}"], [data-node="${CSS.escape(focusKey)}"], [data-action="${CSS.escape(focusKey)}"]`)?.focus({ preventScroll: true });
      }
    },
    dispose: () => root.remove(),
  };
}
