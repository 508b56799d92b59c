// slowStartBatch (replica_set.go): calls fn `count` times in batches of 1, 2, 4...
// A batch with any failure ends the run, so a namespace whose quota is full gets
// one failed create, not five hundred. Upstream runs a batch concurrently; here
// the calls of a batch run one after another, and every call of the failing
// batch is still made, as it would be in parallel.

export const SLOW_START_INITIAL_BATCH_SIZE = 1;

export interface SlowStartResult<E> {
  readonly successes: number;
  /** The first error of the batch that stopped the run. */
  readonly error?: E;
}

export function slowStartBatch<E>(count: number, initialBatchSize: number, fn: () => E | undefined): SlowStartResult<E> {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let firstError: E | undefined;
    for (let i = 0; i < batch; i++) {
      const err = fn();
      if (err === undefined) successes++;
      else firstError ??= err;
    }
    if (firstError !== undefined) return { successes, error: firstError };
    remaining -= batch;
  }
  return { successes };
}
