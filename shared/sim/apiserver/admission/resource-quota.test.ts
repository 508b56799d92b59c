import { describe, expect, it } from "vitest";
import type { Container, ResourceQuota } from "../../api/core-v1.ts";
import { ADMIN, must, newTestApiServer, pod } from "../test-fixture.ts";

/** A quota as created; setup fills its status as the controller would. */
function quota(hard: Record<string, string>): ResourceQuota {
  return { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "compute" }, spec: { hard } };
}

function setup(hard: Record<string, string>, used: Record<string, string>) {
  const t = newTestApiServer();
  const q = must(t.api.create(ADMIN, "resourcequotas", "default", quota(hard)));
  must(t.api.update(ADMIN, "resourcequotas", "default", { ...q, status: { hard, used } } as ResourceQuota, "status"));
  return t;
}

const web = (resources: Container["resources"], name = "web-x"): ReturnType<typeof pod> => pod(name, { containers: [{ name: "web", image: "nginx:1.27", resources }] });

describe("ResourceQuota admission", () => {
  it.each<[string, Record<string, string>, Record<string, string>, Container["resources"], string]>([
    [
      "exceeded",
      { "requests.cpu": "2" },
      { "requests.cpu": "1" },
      { requests: { cpu: "2" } },
      'pods "web-x" is forbidden: exceeded quota: compute, requested: requests.cpu=2, used: requests.cpu=1, limited: requests.cpu=2',
    ],
    [
      "exceeded on two resources",
      { pods: "1", "requests.memory": "1Gi" },
      { pods: "1", "requests.memory": "0" },
      { requests: { memory: "2Gi" } },
      'pods "web-x" is forbidden: exceeded quota: compute, requested: pods=1,requests.memory=2Gi, used: pods=1,requests.memory=0, limited: pods=1,requests.memory=1Gi',
    ],
    ["missing a request", { "requests.cpu": "2" }, { "requests.cpu": "0" }, {}, 'pods "web-x" is forbidden: failed quota: compute: must specify requests.cpu for: web'],
    [
      "missing limits",
      { "limits.cpu": "2", "limits.memory": "1Gi" },
      { "limits.cpu": "0", "limits.memory": "0" },
      { limits: { cpu: "1" } },
      'pods "web-x" is forbidden: failed quota: compute: must specify limits.memory for: web',
    ],
    ["status not yet known", { "requests.cpu": "2" }, {}, { requests: { cpu: "1" } }, 'pods "web-x" is forbidden: status unknown for quota: compute, resources: requests.cpu'],
  ])("refuses a pod: %s", (_name, hard, used, resources, message) => {
    const { api } = setup(hard, used);
    const r = api.create(ADMIN, "pods", "default", web(resources));
    expect(r.ok ? "admitted" : r.status.message).toBe(message);
  });

  it("charges usage at once, so a second create cannot squeeze under the limit", () => {
    const { api } = setup({ pods: "2", "requests.cpu": "1" }, { pods: "0", "requests.cpu": "0" });
    must(api.create(ADMIN, "pods", "default", web({ requests: { cpu: "600m" } }, "a")));
    expect(must(api.get(ADMIN, "resourcequotas", "default", "compute")).status?.used).toEqual({ pods: "1", "requests.cpu": "600m" });
    const r = api.create(ADMIN, "pods", "default", web({ requests: { cpu: "600m" } }, "b"));
    expect(r.ok ? "admitted" : r.status.message).toBe('pods "b" is forbidden: exceeded quota: compute, requested: requests.cpu=600m, used: requests.cpu=600m, limited: requests.cpu=1');
  });

  it("charges nothing on a dry run, and counts other kinds by count/<resource>", () => {
    const { api } = setup({ "count/deployments.apps": "1", pods: "5" }, { "count/deployments.apps": "0", pods: "0" });
    expect(api.request(ADMIN, { verb: "create", resource: "pods", namespace: "default", body: web({}), dryRun: true }).ok).toBe(true);
    expect(must(api.get(ADMIN, "resourcequotas", "default", "compute")).status?.used).toEqual({ "count/deployments.apps": "0", pods: "0" });
    const deploy = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" }, spec: { selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "nginx" }] } } } };
    must(api.create(ADMIN, "deployments", "default", deploy as never));
    const r = api.create(ADMIN, "deployments", "default", { ...deploy, metadata: { name: "web2" } } as never);
    expect(r.ok ? "admitted" : r.status.message).toBe('deployments.apps "web2" is forbidden: exceeded quota: compute, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1');
  });
});
