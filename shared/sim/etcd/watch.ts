// etcd's watch over the MVCC history: a cursor at the next revision to send,
// reading the store's history lazily, so a watch costs nothing per write and
// the receiver takes events when it chooses. Like etcd's watchable store, a
// watch whose next revision falls below the compacted one is canceled with the
// compact revision.

import type { MvccEvent, MvccStore } from "./mvcc.ts";
import type { WatchChan, WatchOptions } from "./kv.ts";

export class MvccWatch implements WatchChan {
  readonly #store: MvccStore;
  readonly #key: string;
  readonly #prefix: boolean;
  #next: number;
  #compactRevision = 0;
  #canceled = false;

  constructor(store: MvccStore, key: string, opts: WatchOptions) {
    this.#store = store;
    this.#key = key;
    this.#prefix = opts.prefix === true;
    this.#next = opts.startRevision > 0 ? opts.startRevision : store.revision + 1;
    this.#checkCompacted();
  }

  get compactRevision(): number {
    return this.#compactRevision;
  }

  recv(): MvccEvent | undefined {
    const ev = this.#peek();
    if (ev) this.#next++;
    return ev;
  }

  pending(): boolean {
    return this.#peek() !== undefined;
  }

  cancel(): void {
    this.#canceled = true;
  }

  /** The next matching event, with the cursor on it; revisions of other keys are passed over for good. */
  #peek(): MvccEvent | undefined {
    const store = this.#store;
    while (!this.#canceled && this.#next <= store.revision) {
      if (this.#checkCompacted()) return undefined;
      const ev = store.eventAt(this.#next);
      if (ev && (this.#prefix ? ev.kv.key.startsWith(this.#key) : ev.kv.key === this.#key)) return ev;
      this.#next++;
    }
    return undefined;
  }

  #checkCompacted(): boolean {
    const compacted = this.#store.compactRevision;
    if (this.#next >= compacted) return false;
    this.#compactRevision = compacted;
    this.#canceled = true;
    return true;
  }
}
