// kubectl's command shape (STYLE.md §8): NewCmdX binds every flag to a typed
// XOptions, Complete derives what the run needs, Validate refuses bad
// combinations with kubectl's own message, and Run only acts. A command built
// here reads its flags in one place, complete(), so a declared flag that is
// never read shows up in flags-read.test.ts.

import { reportErrors, type KubectlError } from "../errors.ts";
import type { Command, CommandContext } from "./command.ts";

/** What Complete gives: the options, or the error kubectl's Complete returns. */
export type Completed<O> = { readonly options: O } | { readonly error: KubectlError };

export interface OptionsCommand<O> extends Omit<Command, "run"> {
  /** Complete: flags and arguments into options. */
  complete(ctx: CommandContext): Completed<O>;
  /** Validate: a refused combination, or undefined. */
  validate?(o: O, ctx: CommandContext): KubectlError | undefined;
  /** Run: acts, printing as it goes. */
  run(o: O, ctx: CommandContext): void;
}

/** cmdutil.CheckErr(o.Complete(...)); cmdutil.CheckErr(o.Validate()); cmdutil.CheckErr(o.Run()). */
export function optionsCommand<O>(def: OptionsCommand<O>): Command {
  const { complete, validate, run, ...command } = def;
  return {
    ...command,
    run(ctx) {
      const completed = complete(ctx);
      if ("error" in completed) return reportErrors(ctx.out, [completed.error]);
      const bad = validate?.(completed.options, ctx);
      if (bad) return reportErrors(ctx.out, [bad]);
      run(completed.options, ctx);
    },
  };
}
