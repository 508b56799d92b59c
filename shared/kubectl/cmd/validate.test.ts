import { describe, expect, it } from "vitest";
import type { OutputChunk } from "../env.ts";
import { TestCluster } from "../test-fixture.ts";

const deployment = (spec: string, name = "web") => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
${spec}  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

const UNKNOWN = deployment("  replica: 3\n");
const WRONG_TYPE = deployment('  replicas: "3"\n  replica: 3\n');
const err = (text: string): OutputChunk => ({ stream: "stderr", text });
const out = (text: string): OutputChunk => ({ stream: "stdout", text });
const WARNING = err('Warning: unknown field "spec.replica"\n');
const STRICT_REFUSAL = 'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"\n';
const TYPE_REFUSAL =
  'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32\n';

describe("kubectl --validate: the fieldValidation a write asks for", () => {
  const cases: [string, string, OutputChunk[], number][] = [
    ["kubectl apply -f -", UNKNOWN, [err(STRICT_REFUSAL)], 1],
    ["kubectl apply --validate -f -", UNKNOWN, [err(STRICT_REFUSAL)], 1],
    ["kubectl apply --validate=true -f -", UNKNOWN, [err(STRICT_REFUSAL)], 1],
    ["kubectl apply --validate=warn -f -", UNKNOWN, [WARNING, out("deployment.apps/web created\n")], 0],
    ["kubectl apply --validate=false -f -", UNKNOWN, [out("deployment.apps/web created\n")], 0],
    ["kubectl apply --validate=ignore -f -", UNKNOWN, [out("deployment.apps/web created\n")], 0],
    ["kubectl create -f -", UNKNOWN, [err(STRICT_REFUSAL)], 1],
    ["kubectl create --validate=warn -f -", UNKNOWN, [WARNING, out("deployment.apps/web created\n")], 0],
    ["kubectl create --validate=ignore -f -", UNKNOWN, [out("deployment.apps/web created\n")], 0],
    // Nothing is sent under --dry-run=client, so nothing is validated.
    ["kubectl apply --dry-run=client -f -", UNKNOWN, [out("deployment.apps/web created (dry run)\n")], 0],
    ["kubectl apply --validate=warn --dry-run=server -f -", UNKNOWN, [WARNING, out("deployment.apps/web created (server dry run)\n")], 0],
    [
      "kubectl apply --validate=foo -f -",
      UNKNOWN,
      [err('error: invalid - validate option "foo"; must be one of: strict (or true), warn, ignore (or false)\n')],
      1,
    ],
    // The warning rides on a refusal from a later stage too, and is written before it.
    [
      "kubectl apply --validate=warn -f -",
      deployment("  replica: 3\n  strategy:\n    type: Bogus\n"),
      [err(`${WARNING.text}The Deployment "web" is invalid: spec.strategy: Unsupported value: {"Type":"Bogus","RollingUpdate":null}: supported values: "Recreate", "RollingUpdate"\n`)],
      1,
    ],
    // A type error is refused at every level.
    ["kubectl apply -f -", WRONG_TYPE, [err(TYPE_REFUSAL)], 1],
    ["kubectl apply --validate=warn -f -", WRONG_TYPE, [err(TYPE_REFUSAL)], 1],
    ["kubectl apply --validate=false -f -", WRONG_TYPE, [err(TYPE_REFUSAL)], 1],
  ];
  it.each(cases)("%s (case %#)", (line, stdin, output, exitCode) => {
    const c = new TestCluster();
    const r = c.runOrdered(line, stdin);
    expect(r.output).toEqual(output);
    expect(r.exitCode).toBe(exitCode);
  });

  it("drops the unknown field it warned about", () => {
    const c = new TestCluster();
    c.run("kubectl apply --validate=warn -f -", UNKNOWN);
    expect(c.run("kubectl get deployment web -o jsonpath={.spec}").stdout).not.toContain("replica\"");
  });

  it("writes a warning once per kubectl run, as the deduplicating warning writer does", () => {
    const c = new TestCluster();
    const r = c.runOrdered("kubectl apply --validate=warn -f -", `${UNKNOWN}---\n${deployment("  replica: 3\n", "api")}`);
    expect(r.output).toEqual([WARNING, out("deployment.apps/web created\ndeployment.apps/api created\n")]);
  });

  it("sends the level with an apply that patches, too", () => {
    const c = new TestCluster();
    c.run("kubectl apply -f -", deployment(""));
    const r = c.runOrdered("kubectl apply -f -", UNKNOWN);
    expect(r.exitCode).toBe(1);
    expect(r.output.map((o) => o.stream)).toEqual(["stderr"]);
    expect(r.stderr).toMatch(/^The request is invalid: patch: Invalid value: "\{.*\\"replica\\":3,.*\}": strict decoding error: unknown field "spec\.replica"\n$/);
  });

  it("replace sends Strict unless told otherwise", () => {
    const c = new TestCluster();
    c.run("kubectl apply -f -", deployment(""));
    expect(c.runOrdered("kubectl replace -f -", UNKNOWN).output).toEqual([
      err('Error from server (BadRequest): error when replacing "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"\n'),
    ]);
    expect(c.runOrdered("kubectl replace --validate=warn -f -", UNKNOWN).output).toEqual([WARNING, out("deployment.apps/web replaced\n")]);
  });
});

describe("commands without --validate get the server's default, Warn", () => {
  it("kubectl patch with an unknown field patches, with the warning first, and drops the field", () => {
    const c = new TestCluster();
    c.run("kubectl apply -f -", deployment(""));
    const r = c.runOrdered(`kubectl patch deployment web -p '{"spec":{"replica":2,"paused":true}}'`);
    expect(r.output).toEqual([WARNING, out("deployment.apps/web patched\n")]);
    expect(r.exitCode).toBe(0);
    expect(c.run("kubectl get deployment web -o jsonpath={.spec.paused},{.spec.replica}").stdout).toBe("true,");
  });

  it("kubectl patch with a type error is refused", () => {
    const c = new TestCluster();
    c.run("kubectl apply -f -", deployment(""));
    const r = c.runOrdered(`kubectl patch deployment web --type=merge -p '{"spec":{"replicas":"2"}}'`);
    expect(r.exitCode).toBe(1);
    expect(r.output.map((o) => o.stream)).toEqual(["stderr"]);
    expect(r.stderr).toMatch(/^The request is invalid: patch: Invalid value: .*: json: cannot unmarshal string into Go struct field DeploymentSpec\.spec\.replicas of type int32\n$/);
  });
});
