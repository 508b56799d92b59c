import { describe, expect, it } from "vitest";
import { webCluster } from "../test-fixture.ts";

const ok = (stdout: string) => ({ stdout, stderr: "", exitCode: 0 });
const err = (stderr: string) => ({ stdout: "", stderr, exitCode: 1 });
const POD = "web-7b9f6c5d48-x2kqp";

describe("kubectl label: Validate's refusals", () => {
  it.each([
    ["--list with -o", `kubectl label pod ${POD} --list -o name`, "error: --list and --output may not be specified together\n"],
    ["--all with -l", "kubectl label pods --all -l app=web a=b", "error: cannot set --all and --selector at the same time\n"],
    ["--all with --field-selector", "kubectl label pods --all --field-selector metadata.name=x a=b", "error: cannot set --all and --field-selector at the same time\n"],
    ["--local with --dry-run=server", "kubectl label --local --dry-run=server a=b", "error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?\n"],
    ["--local with resources", `kubectl label --local pod ${POD} a=b`, "error: can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set\n"],
    ["--local without -f", "kubectl label --local a=b", "error: one or more files must be specified as -f pod.yaml or --filename=pod.json\n"],
    ["--resource-version on many objects", "kubectl label pods --all a=b --resource-version=1", "error: --resource-version may only be used with a single resource\n"],
  ])("%s", (_name, line, stderr) => {
    const { c } = webCluster();
    expect(c.run(line)).toEqual(err(stderr));
  });
});

describe("kubectl label --resource-version and --list", () => {
  it("sends the resource version, so a stale one conflicts", () => {
    const { c } = webCluster();
    const p = c.client.get("pods", "default", POD);
    const rv = p.ok ? p.object.metadata.resourceVersion! : "";
    expect(c.run(`kubectl label pod ${POD} a=b --resource-version=${rv}`)).toEqual(ok(`pod/${POD} labeled\n`));
    expect(c.run(`kubectl label pod ${POD} c=d --resource-version=${rv}`)).toEqual(
      err(`Error from server (Conflict): Operation cannot be fulfilled on pods "${POD}": the object has been modified; please apply your changes to the latest version and try again\n`),
    );
  });

  it("lists one object bare and several under a header", () => {
    const { c } = webCluster();
    const one = c.run(`kubectl label pod ${POD} --list`);
    expect(one.stdout).toMatch(/^app=web\n/);
    expect(c.run("kubectl label pods --all --list").stdout).toMatch(/^Listing labels for Pod\.\/web-7b9f6c5d48-ab3cd:\n app=web\n/);
  });
});
