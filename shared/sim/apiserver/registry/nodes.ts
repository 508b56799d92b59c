// Node strategy: nodes register with their status; taints must be well formed.

import type { Node } from "../../api/core-v1.ts";
import { RESOURCES } from "../../api/resources.ts";
import { field, type FieldError } from "../errors.ts";
import type { Strategy } from "../types.ts";
import { isQualifiedName, isValidLabelValue } from "../validation/names.ts";

const TAINT_EFFECTS = ["NoExecute", "NoSchedule", "PreferNoSchedule"];

export const nodeStrategy: Strategy<Node> = {
  info: RESOURCES.nodes,
  hasStatus: true,
  applyDefaults(node) {
    node.spec ??= {};
    const status = node.status;
    if (status?.capacity && !status.allocatable) status.allocatable = { ...status.capacity };
  },
  prepareForCreate(node) {
    delete node.metadata.generation; // nodes do not track generation
  },
  validate(node) {
    const errs: FieldError[] = [];
    const seen = new Set<string>();
    (node.spec.taints ?? []).forEach((t, i) => {
      const p = `spec.taints[${i}]`;
      for (const msg of isQualifiedName(t.key ?? "")) errs.push(field.invalid(`${p}.key`, t.key, msg));
      if (t.value) for (const msg of isValidLabelValue(t.value)) errs.push(field.invalid(`${p}.value`, t.value, msg));
      if (!TAINT_EFFECTS.includes(t.effect)) errs.push(field.notSupported(`${p}.effect`, t.effect, TAINT_EFFECTS));
      const id = `${t.key}:${t.effect}`;
      if (seen.has(id)) errs.push(field.duplicate(`spec.taints`, `${t.key}=${t.value ?? ""}:${t.effect}`));
      seen.add(id);
    });
    return errs;
  },
};
