import { describe, expect, it } from "vitest";
import { isReadOnlyLine } from "./read-only.ts";

describe("isReadOnlyLine", () => {
  const cases: [string, boolean][] = [
    ["kubectl get pods -A -o yaml", true],
    ["kubectl -n kube-system get pods", true],
    ["k get po --all-namespaces | grep web", true],
    ["kubectl describe nodes", true],
    ["kubectl explain pod.spec", true],
    ["kubectl logs web-abc", true],
    ["kubectl top node", true],
    ["kubectl api-resources --namespaced", true],
    ["kubectl api-versions", true],
    ["kubectl version", true],
    ["kubectl cluster-info", true],
    ["kubectl auth can-i delete pods --as bob", true],
    ["kubectl auth whoami", true],
    ["kubectl rollout status deployment/web", true],
    ["kubectl rollout history deployment/web", true],
    ["kubectl get pods --as alice --context other", true],
    // Writes, and anything unsure, run where writes run.
    ["kubectl scale deployment web --replicas=3", false],
    ["kubectl rollout undo deployment/web", false],
    ["kubectl rollout restart deployment/web", false],
    ["kubectl delete pod web-abc", false],
    ["kubectl apply -f -", false],
    ["kubectl create deployment x --image=nginx --dry-run=client", false],
    ["kubectl config use-context alice@kubernetes", false],
    ["kubectl config view", false],
    ["kubectl get pods --dry-run", false],
    ["kubectl get pods --no-such-flag", false],
    ["kubectl gett pods", false],
    ["kubectl exec web -- ls", false],
    ["kubectl", false],
    ["ls -l", false],
    ["kubectl get pods 'unclosed", false],
    ["kubectl cordon node-1 | grep get", false],
  ];
  it.each(cases)("%s → %s", (line, readOnly) => {
    expect(isReadOnlyLine(line)).toBe(readOnly);
  });
});
