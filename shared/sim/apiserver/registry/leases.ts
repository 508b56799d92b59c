// coordination.k8s.io Lease strategy.

import type { Lease } from "../../api/coordination-v1.ts";
import { RESOURCES } from "../../api/resources.ts";
import type { Strategy } from "../types.ts";

export const leaseStrategy: Strategy<Lease> = {
  info: RESOURCES.leases,
  hasStatus: false,
  applyDefaults(lease) {
    lease.spec ??= {};
  },
  prepareForCreate(lease) {
    delete lease.metadata.generation; // leases do not track generation
  },
  validate() {
    return [];
  },
};
