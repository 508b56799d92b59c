import { describe, expect, it } from "vitest";
import { webCluster } from "./test-fixture.ts";

describe("completeKubectl", () => {
  const { c } = webCluster();
  it.each<[string, string[]]>([
    ["kub", ["kubectl"]],
    ["kubectl ge", ["get"]],
    ["kubectl d", ["delete", "describe", "drain"]],
    ["kubectl get po", ["po", "pods"]],
    ["kubectl get de", ["deploy", "deployments"]],
    ["kubectl get pods web-7b9f6c5d48-a", ["web-7b9f6c5d48-ab3cd"]],
    ["kubectl get deploy/", ["deploy/web"]],
    ["kubectl cordon ", ["n1", "worker-2"]],
    ["kubectl drain w", ["worker-2"]],
    ["kubectl taint nodes n", ["n1"]],
    ["kubectl get pods -n ku", ["kube-node-lease", "kube-system"]],
    ["kubectl get pods -o ", ["json", "name", "wide", "yaml"]],
    ["kubectl scale deploy web --rep", ["--replicas"]],
    ["kubectl create ", ["clusterrole", "clusterrolebinding", "deployment", "namespace", "priorityclass", "quota", "role", "rolebinding", "serviceaccount"]],
    ["kubectl describe no ", ["n1", "worker-2"]],
    ["ls ", []],
    ["kubectl get pods web-7b9f6c5d48-x2kqp ", ["web-7b9f6c5d48-ab3cd"]],
    ["kubectl get pod/web-7b9f6c5d48-x2kqp p", ["pc/", "po/", "pods/", "priorityclasses/"]],
    ["kubectl get pod/web-7b9f6c5d48-x2kqp pod/", ["pod/web-7b9f6c5d48-ab3cd"]],
    ["kubectl rollout ", ["history", "pause", "restart", "resume", "status", "undo"]],
    ["kubectl rollout status ", ["deployment"]],
    ["kubectl rollout undo deployment ", ["web"]],
    ["kubectl rollout status pod/", []],
    ["kubectl rollout restart deploy/", ["deploy/web"]],
    ["kubectl set image deploy/", ["deploy/web"]],
  ])("%j", (line, expected) => {
    expect(c.complete(line)).toEqual(expected);
  });
});
