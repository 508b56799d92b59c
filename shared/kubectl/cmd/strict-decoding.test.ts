import { describe, expect, it } from "vitest";
import { TestCluster } from "../test-fixture.ts";

const deployment = (spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
${spec}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

describe("kubectl -f - meets the API server's decoding", () => {
  const cases: [string, string, string][] = [
    [
      "kubectl apply -f -",
      deployment("  replica: 3\n"),
      'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"\n',
    ],
    [
      "kubectl create -f -",
      deployment("  replicas: 2147483648\n"),
      'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 2147483648 into Go struct field DeploymentSpec.spec.replicas of type int32\n',
    ],
    [
      "kubectl create -f -",
      deployment('  paused: "yes"\n'),
      'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool\n',
    ],
    [
      "kubectl apply -f -",
      deployment("  strategy:\n    type: Bogus\n"),
      'The Deployment "web" is invalid: spec.strategy: Unsupported value: {"Type":"Bogus","RollingUpdate":null}: supported values: "Recreate", "RollingUpdate"\n',
    ],
    ["kubectl apply -f -", "a: *nope\n", "error: error parsing STDIN: error converting YAML to JSON: yaml: unknown anchor 'nope' referenced\n"],
    ["kubectl create -f -", "a: &a [*a]\n", "error: error parsing STDIN: error converting YAML to JSON: yaml: anchor 'a' value contains itself\n"],
  ];
  it.each(cases)("%s: %j", (line, stdin, stderr) => {
    const c = new TestCluster();
    expect(c.run(line, stdin)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });

  it("refuses an argument longer than the shell passes", () => {
    const c = new TestCluster();
    expect(c.run(`kubectl get pods ${"x".repeat(200_000)}`)).toEqual({ stdout: "", stderr: "bash: /usr/local/bin/kubectl: Argument list too long\n", exitCode: 126 });
  });
});
