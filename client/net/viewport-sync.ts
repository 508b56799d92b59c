// Tells the room which nodes the screen shows, so their pods are sent in detail
// (server/rooms/views/). The cluster view calls the returned function whenever it
// pans or zooms; this sends at most one "view" message per interval, the latest
// set only, and nothing when the set has not changed — a drag across the map
// costs a few messages, well inside the room's rate limit.

import { MAX_VIEW_NODES, MessageType, type ViewRequest } from "../../shared/protocol/messages.ts";
import type { ClusterRoom } from "./connection.ts";

/** Least wall time between two "view" messages. */
export const VIEWPORT_SYNC_MS = 250;

export type ViewportSync = (visibleNodes: Iterable<string>) => void;

export function newViewportSync(room: Pick<ClusterRoom, "send">, intervalMs = VIEWPORT_SYNC_MS): ViewportSync {
  let sent = "";
  let latest: string[] | undefined;
  let lastSentAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    if (!latest) return;
    const nodes = latest;
    latest = undefined;
    const key = nodes.join("\n");
    if (key === sent) return;
    sent = key;
    lastSentAt = Date.now();
    const request: ViewRequest = { nodes };
    room.send(MessageType.view, request);
  };

  return (visibleNodes) => {
    // Sorted, so the same nodes in another order are the same view; capped at what the server takes.
    latest = [...new Set(visibleNodes)].sort().slice(0, MAX_VIEW_NODES);
    if (timer !== undefined) return;
    const wait = lastSentAt + intervalMs - Date.now();
    if (wait <= 0) flush();
    else timer = setTimeout(flush, wait);
  };
}
