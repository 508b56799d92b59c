// What the cluster toolbar does: search the pods the room shows, mark the
// match, fly the camera to its node, and zoom on request.

import type { PodView } from "../../../server/rooms/schema/cluster-state.ts";
import type { ClusterToolbarHandlers } from "../../ui/cluster-toolbar.ts";
import { findPods } from "../pod-search.ts";
import type { ClusterView } from "./cluster-view.ts";

const ZOOM_STEP = 1.25;

export function podFinder(view: ClusterView, pods: () => readonly PodView[], redraw: () => void): ClusterToolbarHandlers {
  return {
    onFind(query, index) {
      const matches = findPods(pods(), query);
      if (matches.length === 0) {
        view.showFound(undefined);
        redraw();
        return { message: `No pod matches “${query}”.`, count: 0 };
      }
      const match = matches[index % matches.length]!;
      view.showFound({ key: match.key, node: match.pod.node });
      redraw();
      const where = match.pod.node === "" ? "is pending" : `is on ${match.pod.node}`;
      const of = matches.length > 1 ? ` (${(index % matches.length) + 1} of ${matches.length}; Enter for the next)` : "";
      return { message: `${match.key} ${where}${of}`, count: matches.length };
    },
    onClear() {
      view.showFound(undefined);
      redraw();
    },
    onZoom(direction) {
      view.camera.zoomBy(direction === "in" ? ZOOM_STEP : 1 / ZOOM_STEP);
    },
    onFitAll() {
      view.camera.fitAll();
    },
  };
}
