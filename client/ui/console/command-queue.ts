// The console runs one command at a time, in the order typed. Each command is
// a link in a promise chain; a command that fails in any way (a rejected
// request, a reply the console cannot read, a bug) is reported and the chain
// goes on, so one bad answer never silences every later command.

export type Report = (error: unknown) => void;

export interface CommandQueue {
  /** Runs `task` after every task queued before it; resolves when it has run or failed. */
  enqueue(task: () => Promise<void> | void): Promise<void>;
}

export function newCommandQueue(report: Report): CommandQueue {
  let tail: Promise<void> = Promise.resolve();
  return {
    enqueue(task) {
      const next = tail.then(task).catch(report);
      tail = next;
      return next;
    },
  };
}
