import { describe, expect, it } from "vitest";
import { webCluster } from "../test-fixture.ts";

const ok = (stdout: string) => ({ stdout, stderr: "", exitCode: 0 });
const err = (stderr: string) => ({ stdout: "", stderr, exitCode: 1 });
const POD = "web-7b9f6c5d48-x2kqp";

describe("kubectl annotate", () => {
  it("adds, overwrites, removes and lists annotations", () => {
    const { c } = webCluster();
    expect(c.run(`kubectl annotate pod ${POD} team=web owner=ops`)).toEqual(ok(`pod/${POD} annotated\n`));
    expect(c.run(`kubectl annotate pod ${POD} team=db --overwrite owner-`)).toEqual(ok(`pod/${POD} annotated\n`));
    const p = c.client.get("pods", "default", POD);
    expect(p.ok && p.object.metadata.annotations).toEqual({ team: "db" });
    expect(c.run(`kubectl annotate pod/${POD} gone-`)).toEqual(ok(`pod/${POD} annotated\n`));
    expect(c.run(`kubectl annotate pod ${POD} --list`)).toEqual(ok("team=db\n"));
    expect(c.run("kubectl annotate pods --all --list")).toEqual(
      ok(`Listing annotations for Pod./web-7b9f6c5d48-ab3cd:\nListing annotations for Pod./${POD}:\n team=db\n`),
    );
    expect(c.run("kubectl annotate deploy web a=b=c -o name")).toEqual(ok("deployment.apps/web\n"));
    const d = c.client.get("deployments", "default", "web");
    expect(d.ok && d.object.metadata.annotations).toEqual({ a: "b=c" });
    expect(c.run("kubectl annotate deploy web x=y --dry-run=client")).toEqual(ok("deployment.apps/web annotated (dry run)\n"));
  });

  it("refuses to overwrite a declared annotation, even with the same value", () => {
    const { c } = webCluster();
    c.run(`kubectl annotate pod ${POD} team=web owner=ops`);
    expect(c.run(`kubectl annotate pod ${POD} team=web owner=x`)).toEqual(
      err("error: --overwrite is false but found the following declared annotation(s): 'team' already has a value (web); 'owner' already has a value (ops)\n"),
    );
  });

  it.each([
    [`kubectl annotate pod ${POD}`, "error: at least one annotation update is required\n"],
    ["kubectl annotate a=b", "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n"],
    [`kubectl annotate pod ${POD} a=b a-`, "error: can not both modify and remove the following annotation(s) in the same command: a\n"],
    [`kubectl annotate pod a=b ${POD}`, `error: all resources must be specified before annotation changes: ${POD}\n`],
    [`kubectl annotate pod ${POD} --list -o yaml`, "error: --list and --output may not be specified together\n"],
    ["kubectl annotate pods --all -l app=web a=b", "error: cannot set --all and --selector at the same time\n"],
    ["kubectl annotate pod nope a=b", 'Error from server (NotFound): pods "nope" not found\n'],
    ["kubectl annotate --local --dry-run=server a=b", "error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?\n"],
    [`kubectl annotate --local pod ${POD} a=b`, "error: can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set\n"],
    ["kubectl annotate --local a=b", "error: one or more files must be specified as -f pod.yaml or --filename=pod.json\n"],
    [`kubectl annotate pod ${POD} a=b -o wide`, 'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n'],
    [`kubectl annotate pod ${POD} a=b --template={{.kind}}`, 'error: output format "go-template" is not available in the Pod Pilot console; use -o yaml, -o json, -o name or -o wide\n'],
    [`kubectl annotate pod ${POD} 'bad key=v'`, `The Pod "${POD}" is invalid: metadata.annotations: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n`],
  ])("%s", (line, stderr) => {
    const { c } = webCluster();
    expect(c.run(line)).toEqual(err(stderr));
  });
});

describe("kubectl annotate -o", () => {
  it("prints the patched object for -o yaml|json, the object as it would be under a client dry run", () => {
    const { c } = webCluster();
    expect(c.run("kubectl annotate deploy web team=web -o yaml").stdout).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n  annotations:\n(.*\n)*    team: web\n/);
    const dry = JSON.parse(c.run("kubectl annotate deploy web owner=ops -o json --dry-run=client").stdout);
    expect(dry.metadata.annotations.owner).toBe("ops");
    const d = c.client.get("deployments", "default", "web");
    expect(d.ok && d.object.metadata.annotations?.owner).toBeUndefined();
  });
});
