// What a container's command does once started, as data: the few programs whose
// outcome is certain (exit N, true, false, echo, sleep N), run directly or as a
// shell's `-c` script of such commands joined by `;`, `&&` or newlines. A script
// with anything else in it (a loop, a pipe, a server) is taken to run until it
// is stopped, as is a container without a command (the image's own server).
// What echo prints is the container's log (kubectl logs).
// container-process.ts applies these rules.

import { loadCommandTable } from "./schema.ts";

export const COMMAND_TABLE = loadCommandTable("shared/sim/kubelet/stages/commands.ts", {
  shells: ["sh", "/bin/sh", "ash", "/bin/ash", "bash", "/bin/bash"],
  // A shell that only exits lives for milliseconds: PLEG's next relist finds it dead.
  quickExit: { ms: 50, jitterMs: 100 },
  commands: [
    // `exit 3`; a bare `exit` returns the last command's status.
    { name: "exit", pattern: "^exit(?: (?<code>\\d+))?$", endsShell: true },
    { name: "true", pattern: "^(?:/bin/)?(?:true|:)$" },
    { name: "false", pattern: "^(?:/bin/)?false$", status: 1 },
    // Printing never fails; pipes and background jobs are other programs.
    { name: "echo", pattern: "^(?:/bin/)?echo(?: (?<text>[^|&`]*))?$", prints: true },
    // busybox sleep: seconds, or with an s, m, h or d suffix.
    { name: "sleep", pattern: "^(?:/bin/)?sleep (?<seconds>\\d+(?:\\.\\d+)?)(?<unit>[smhd]?)$" },
  ],
});
