// The bar above the cluster: find a pod by name or namespace (Enter again goes
// to the next match) and zoom the cluster camera. Plain HTML, so it is in the
// tab order and a screen reader hears what was found.

import { h } from "./dom.ts";

export interface ClusterToolbarHandlers {
  /** Finds the `index`-th match of `query`; returns what to say, and how many matched. */
  onFind(query: string, index: number): { message: string; count: number };
  onClear(): void;
  onZoom(direction: "in" | "out"): void;
  onFitAll(): void;
}

export interface ClusterToolbar {
  dispose(): void;
}

export function showClusterToolbar(host: HTMLElement, handlers: ClusterToolbarHandlers): ClusterToolbar {
  const input = h("input", { type: "search", id: "pod-search", name: "pod", placeholder: "pod name or namespace", autocomplete: "off", spellcheck: "false" });
  const result = h("output", { class: "cluster-toolbar-result", for: "pod-search", role: "status", "aria-live": "polite" });
  const form = h("form", { role: "search", "aria-label": "Find a pod", class: "cluster-toolbar-search" },
    h("label", { for: "pod-search" }, "Find pod"),
    input,
    h("button", { type: "submit" }, "Find"),
    result,
  );
  const zoomOut = h("button", { type: "button", "aria-label": "Zoom out", "aria-keyshortcuts": "-" }, "−");
  const zoomIn = h("button", { type: "button", "aria-label": "Zoom in", "aria-keyshortcuts": "+" }, "+");
  const fit = h("button", { type: "button", "aria-keyshortcuts": "0" }, "⤢ Fit all");
  const zoom = h("div", { class: "cluster-toolbar-zoom", role: "group", "aria-label": "Cluster zoom" }, zoomOut, zoomIn, fit);
  const bar = h("div", { id: "cluster-toolbar", class: "cluster-toolbar" }, form, zoom);
  host.append(bar);

  let last = { query: "", index: -1 };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = input.value.trim();
    if (query === "") {
      last = { query: "", index: -1 };
      result.textContent = "";
      handlers.onClear();
      return;
    }
    const index = query === last.query ? last.index + 1 : 0;
    const found = handlers.onFind(query, index);
    last = { query, index: found.count === 0 ? -1 : index % found.count };
    result.textContent = found.message;
  });
  input.addEventListener("search", () => {
    if (input.value === "") form.requestSubmit();
  });
  zoomOut.addEventListener("click", () => handlers.onZoom("out"));
  zoomIn.addEventListener("click", () => handlers.onZoom("in"));
  fit.addEventListener("click", () => handlers.onFitAll());

  return {
    dispose() {
      bar.remove();
    },
  };
}
