// The room's state serializer: Colyseus' SchemaSerializer, made safe for a
// state larger than the encoder's buffer. SchemaSerializer encodes the full
// state's shared part into its own `fullEncodeBuffer`; when that overflows, the
// encoder grows a copy and returns it but the serializer keeps the old, short
// buffer, and the next per-client part (encodeAllView) is written after a shared
// part that was cut off: the client decodes garbage or nothing. Here the grown
// buffer is kept, and a view's queued entries are dropped once its full state
// went out (they would repeat it). The encoders also start large enough for a workshop cluster's
// shared part, so ordinary rooms never grow (nor print the overflow warning).

import { SchemaSerializer, type Client, type Room } from "@colyseus/core";
import { Encoder, type Schema } from "@colyseus/schema";

/**
 * Start size of each encoder buffer (two per room): the shared part of a
 * 1,000-node cluster fits, and half of it holds a view's map entries for 2,000
 * pods (see ClientViews' ENTRY_BYTES), the whole cluster below the views' limit.
 */
export const ENCODER_BUFFER_BYTES = 512 * 1024;

export class ViewSerializer<T extends Schema> extends SchemaSerializer<T> {
  override getFullState(client?: Client, timing?: Parameters<SchemaSerializer<T>["getFullState"]>[1]): Uint8Array {
    if (this.needFullEncode || this.encoder.root.changes.next !== undefined) {
      this.sharedOffsetCache = { offset: 1 };
      this.fullEncodeCache = this.encoder.encodeAll(this.sharedOffsetCache, this.fullEncodeBuffer);
      // encodeAll hands back a grown buffer without keeping it: keep it, shared part and all.
      if (this.fullEncodeCache.buffer !== this.fullEncodeBuffer.buffer) this.fullEncodeBuffer = new Uint8Array(this.fullEncodeCache.buffer);
      this.needFullEncode = false;
    }
    const body = super.getFullState(client, timing);
    // The full state holds everything the view shows now; what the view queued
    // (view.add since the join) would otherwise go out again in the next patch,
    // doubling the join's bytes.
    if (this.hasFilters && client?.view) client.view.changes.clear();
    return body;
  }
}

/**
 * Sets the room's state with this serializer. The state setter always makes a
 * plain SchemaSerializer, and a second one cannot replace it later: its encoder
 * would number new objects from refId 0 again, over the ones already numbered.
 * So the buffers are sized before the setter runs, and the serializer it made
 * takes on ViewSerializer's one method.
 */
export function setViewState<T extends Schema>(room: Room<{ state: T }>, state: T): void {
  if (Encoder.BUFFER_SIZE < ENCODER_BUFFER_BYTES) Encoder.BUFFER_SIZE = ENCODER_BUFFER_BYTES;
  room.state = state;
  Object.setPrototypeOf(room["_serializer"], ViewSerializer.prototype);
}
