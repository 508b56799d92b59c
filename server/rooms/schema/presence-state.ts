// The synced view of who is in the room and what they did: the player list
// (with whose hand is on which pod) and the activity feed of writes in words.

import { schema, t, type SchemaType } from "@colyseus/schema";

export const PlayerView = schema(
  {
    name: t.string(),
    /** "host" | "player" */
    role: t.string(),
    /** False while the seat is held for a dropped connection to come back. */
    connected: t.boolean(),
    /** "namespace/pod" the player is dragging, or "". */
    holding: t.string(),
  },
  "PlayerView",
);
export type PlayerView = SchemaType<typeof PlayerView>;

/** One line of the activity feed: "alice scaled deployment/web to 8". */
export const ActivityView = schema(
  {
    /** Simulated ms when it happened, for an age against timeMs. */
    atMs: t.float64(),
    /** Who acted (a player's name). */
    actor: t.string(),
    /** The deed in words, without the actor. */
    text: t.string(),
    /** The API server (or the scheduler's filters) refused it; `text` says why. */
    refused: t.boolean(),
  },
  "ActivityView",
);
export type ActivityView = SchemaType<typeof ActivityView>;
