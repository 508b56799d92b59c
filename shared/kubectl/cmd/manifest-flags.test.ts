import { describe, expect, it } from "vitest";
import { TestCluster } from "../test-fixture.ts";

const TWO = `apiVersion: v1
kind: Namespace
metadata:
  name: team-a
  labels: {tier: front}
---
apiVersion: v1
kind: Namespace
metadata:
  name: team-b
  labels: {tier: back}
`;

const fail = (stderr: string) => ({ stdout: "", stderr, exitCode: 1 });
const GO_TEMPLATE = 'error: output format "go-template" is not available in the Pod Pilot console; use -o yaml, -o json, -o name or -o wide\n';

describe("apply, replace and create flags: kubectl's checks, or a plain refusal", () => {
  const cases: [string, string, { stdout: string; stderr: string; exitCode: number }][] = [
    ["apply --force-conflicts without --server-side", "kubectl apply -f - --force-conflicts", fail("error: --force-conflicts only works with --server-side\n")],
    ["apply --server-side with client dry run", "kubectl apply -f - --server-side --dry-run=client", fail("error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)\n")],
    ["apply --server-side with --force", "kubectl apply -f - --server-side --force", fail("error: --force cannot be used with --server-side\n")],
    ["apply --force with server dry run", "kubectl apply -f - --force --dry-run=server", fail("error: --dry-run=server cannot be used with --force\n")],
    ["apply --all with -l", "kubectl apply -f - --all -l tier=front", fail("error: cannot set --all and --selector at the same time\n")],
    ["apply --prune alone", "kubectl apply -f - --prune", fail("error: all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector\n")],
    ["apply --server-side", "kubectl apply -f - --server-side", fail('error: "kubectl apply --server-side" is not available in the Pod Pilot console\n')],
    ["apply --prune --all", "kubectl apply -f - --prune --all", fail('error: "kubectl apply --prune" is not available in the Pod Pilot console\n')],
    ["apply --force", "kubectl apply -f - --force --wait", fail('error: "kubectl apply --force" is not available in the Pod Pilot console\n')],
    ["apply --overwrite=false", "kubectl apply -f - --overwrite=false", fail('error: "kubectl apply --overwrite=false" is not available in the Pod Pilot console\n')],
    ["apply --overwrite is the default", "kubectl apply -f - --overwrite -l tier=front", { stdout: "namespace/team-a created\n", stderr: "", exitCode: 0 }],
    ["apply --template without -o", "kubectl apply -f - --template={{.kind}}", fail(GO_TEMPLATE)],
    ["apply -l keeps the matching objects", "kubectl apply -f - -l tier!=front", { stdout: "namespace/team-b created\n", stderr: "", exitCode: 0 }],
    ["apply -l matching nothing", "kubectl apply -f - -l tier=middle", fail("error: no objects passed to apply\n")],
    ["apply -l that does not parse", "kubectl apply -f - -l a=b=c", fail(expect.stringMatching(/^error: the provided selector "a=b=c" is not valid: /) as unknown as string)],
    ["create -l keeps the matching objects", "kubectl create -f - -l tier=back", { stdout: "namespace/team-b created\n", stderr: "", exitCode: 0 }],
    ["create --raw", "kubectl create -f - --raw=/api/v1/namespaces", fail('error: "kubectl create --raw" is not available in the Pod Pilot console\n')],
    ["create --template without -o", "kubectl create -f - --template={{.kind}}", fail(GO_TEMPLATE)],
    ["create namespace --template without -o", "kubectl create namespace x --template={{.kind}}", fail(GO_TEMPLATE)],
    ["replace --grace-period without --force", "kubectl replace -f - --grace-period=0", fail("error: --grace-period must have --force specified\n")],
    ["replace --timeout without --force", "kubectl replace -f - --timeout=10s", fail("error: --timeout must have --force specified\n")],
    ["replace --force with a dry run", "kubectl replace -f - --force --dry-run=server", fail("error: --dry-run can not be used when --force is set\n")],
    ["replace --force with its delete options", "kubectl replace -f - --force --cascade=foreground --grace-period=5 --wait", fail('error: "kubectl replace --force" is not available in the Pod Pilot console\n')],
    ["replace --template without -o", "kubectl replace -f - --template={{.kind}}", fail(GO_TEMPLATE)],
  ];
  for (const [name, line, want] of cases) {
    it(name, () => {
      expect(new TestCluster().run(line, TWO)).toEqual(want);
    });
  }
});
