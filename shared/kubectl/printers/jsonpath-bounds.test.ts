import { describe, expect, it } from "vitest";
import { webCluster } from "../test-fixture.ts";
import { JsonPath, outputTooLarge, rangesTooDeep, tooManySteps } from "./jsonpath.ts";

/** The output, or "ERR <message>", as the jsonpath tests read a run. */
function run(template: string, data: unknown): string {
  const j = JsonPath.parse(template);
  if (typeof j === "string") return `ERR ${j}`;
  const r = j.execute(data);
  return r.ok ? r.text : `ERR ${r.error}`;
}

const POD = {
  kind: "Pod",
  metadata: { name: "web-1", labels: { app: "web", tier: "front" }, annotations: { a: "x".repeat(64) } },
  spec: { containers: [{ name: "web", image: "nginx:1.27", ports: [{ containerPort: 80 }] }] },
  status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }] },
};
const LIST = { kind: "List", items: Array.from({ length: 500 }, () => POD) };
const BIG = { kind: "List", items: Array.from({ length: 300 }, () => ({ a: "x".repeat(20_000) })) };

describe("jsonpath work is bounded", () => {
  it.each<[string, string, unknown, string]>([
    // Upstream's parser refuses a "{" inside an action, before any range runs.
    ["26 nested unclosed {range", "{range".repeat(26), POD, "ERR unrecognized character in action: U+007B '{'"],
    ["26 unclosed {range ..}: each re-walks all below it", "{range ..}".repeat(26), POD, `ERR ${tooManySteps}`],
    ["26 unclosed {range .items[*]}{range ..}", "{range .items[*]}" + "{range ..}".repeat(25), LIST, `ERR ${tooManySteps}`],
    ["ranges nested deeper than the bound", "{range}".repeat(200), POD, `ERR ${rangesTooDeep}`],
    ["an output larger than the bound", "{range .items[*]}{.a}{end}", BIG, `ERR ${outputTooLarge}`],
    ["a closed nested range still runs", "{range .items[0:2]}{range .spec.containers[*]}{.name}:{.image} {end}{end}", LIST, "web:nginx:1.27 web:nginx:1.27 "],
  ])("%s", (_, template, data, want) => {
    expect(run(template, data)).toBe(want);
  });

  it.each<[string, string]>([
    ["a long path", `{${".a".repeat(30_000)}}`],
    ["many actions", "{.kind}".repeat(20_000)],
    ["many unclosed ranges", "{range .x}".repeat(3_000)],
  ])("parses %s without exhausting the stack", (_, template) => {
    expect(typeof JsonPath.parse(template)).not.toBe("string");
  });

  it("is ready for the next object after running out of budget", () => {
    const j = JsonPath.parse("{range ..}{range ..}{range ..}{end}{end}{end}{.kind}") as JsonPath;
    expect(j.execute(LIST)).toEqual({ ok: false, error: tooManySteps });
    expect(j.execute(POD)).toEqual({ ok: true, text: "Pod" });
  });

  it("answers kubectl with upstream's parse error and a bounded execution error", () => {
    const { c } = webCluster();
    expect(c.run(`kubectl get pods -o jsonpath='${"{range".repeat(26)}'`)).toEqual({
      stdout: "",
      stderr: `error: error parsing jsonpath ${"{range".repeat(26)}, unrecognized character in action: U+007B '{'\n`,
      exitCode: 1,
    });
    const r = c.run(`kubectl get pods -o jsonpath='${"{range ..}".repeat(26)}'`);
    expect([r.stdout, r.stderr.split("\n")[0], r.exitCode]).toEqual([
      "",
      `error: error executing jsonpath "${"{range ..}".repeat(26)}": Error executing template: ${tooManySteps}. Printing more information for debugging the template:`,
      1,
    ]);
  });
});
