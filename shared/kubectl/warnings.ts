// kubectl's warning handler (NewKubectlCommand: rest.NewWarningWriter on
// stderr with Deduplicate): each warning an API answer carries is written as
// "Warning: <text>" the moment the answer arrives, so before whatever the
// command then prints about that request; a text already written during this
// kubectl run is not written again.

import type { WarningHandler } from "../sim/clientgo/client.ts";
import type { Output } from "./env.ts";

export function warningWriter(out: Output): WarningHandler {
  const written = new Set<string>();
  return (text) => {
    if (written.has(text)) return;
    written.add(text);
    out.err(`Warning: ${text}\n`);
  };
}
