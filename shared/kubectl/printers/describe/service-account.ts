// kubectl describe serviceaccount (describeServiceAccount): its secrets in three
// rows, headers in sorted order, "<none>" when a list is empty; tokens are the
// legacy token Secrets, which this cluster never makes.

import type { Event, ServiceAccount } from "../../../sim/api/core-v1.ts";
import type { DeepReadonly } from "../../../sim/api/meta.ts";
import type { Now } from "../age.ts";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from "./common.ts";
import { LEVEL_0, tabbedString } from "./writer.ts";

type RO<T> = DeepReadonly<T>;

const EMPTY_HEADER = "                   ";

export function describeServiceAccount(now: Now, sa: RO<ServiceAccount>, events: readonly RO<Event>[] | undefined): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sa.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${sa.metadata.namespace}\n`);
    printLabelsMultiline(w, "Labels", sa.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", sa.metadata.annotations);
    const rows: [string, readonly string[]][] = [
      ["Image pull secrets:", (sa.imagePullSecrets ?? []).map((s) => s.name)],
      ["Mountable secrets: ", (sa.secrets ?? []).map((s) => s.name ?? "")],
      ["Tokens:            ", []],
    ];
    for (const [header, names] of rows) {
      if (names.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`);
        continue;
      }
      // Secrets are not served here, so every one the account names reads as missing.
      names.forEach((name, i) => w.write(LEVEL_0, `${i === 0 ? header : EMPTY_HEADER}\t${name} (not found)\n`));
    }
    if (events) describeEvents(now, w, events);
  });
}
