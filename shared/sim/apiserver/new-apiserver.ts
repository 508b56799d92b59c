// An API server as kube-apiserver starts: every served resource's strategy and
// the default admission chain, whose NamespaceLifecycle looks namespaces up in
// the server itself.

import { defaultAdmissionChain } from "./admission/index.ts";
import { ApiServer, type ApiServerDeps } from "./apiserver.ts";
import { STRATEGIES } from "./registry/index.ts";

export function newApiServer(deps: Omit<ApiServerDeps, "strategies" | "admission">): ApiServer {
  const api: ApiServer = new ApiServer({
    ...deps,
    strategies: STRATEGIES,
    admission: defaultAdmissionChain((name) => {
      const r = api.get("namespaces", undefined, name);
      return r.ok ? r.object : undefined;
    }),
  });
  return api;
}
