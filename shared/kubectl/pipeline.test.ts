import { describe, expect, it } from "vitest";
import { runFilter, splitPipeline } from "./pipeline.ts";

const TABLE = "NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          5m\nweb-2   0/1     Pending   0          5m\napi-1   1/1     Running   2          9m\n";

describe("splitPipeline", () => {
  it("splits at bare pipes only", () => {
    expect(splitPipeline("kubectl get pods | grep web | wc -l")).toEqual(["kubectl get pods ", " grep web ", " wc -l"]);
    expect(splitPipeline(`kubectl get pods -l 'a|b' | head`)).toEqual([`kubectl get pods -l 'a|b' `, " head"]);
    expect(splitPipeline(`grep "x\\"|y" | head`)).toEqual([`grep "x\\"|y" `, " head"]);
    expect(splitPipeline("kubectl get pods # | head")).toEqual(["kubectl get pods # | head"]);
    expect(splitPipeline("echo a\\|b")).toEqual(["echo a\\|b"]);
  });
});

describe("filters", () => {
  it("grep matches, inverts, ignores case, counts, and exits 1 on no match", () => {
    expect(runFilter("grep Running", TABLE)).toEqual({ stdout: "web-1   1/1     Running   0          5m\napi-1   1/1     Running   2          9m\n", stderr: "", exitCode: 0 });
    expect(runFilter("grep -v Running", TABLE).stdout).toBe("NAME    READY   STATUS    RESTARTS   AGE\nweb-2   0/1     Pending   0          5m\n");
    expect(runFilter("grep -ic running", TABLE).stdout).toBe("2\n");
    expect(runFilter("grep -e web -e api", TABLE).stdout.split("\n")).toHaveLength(4);
    expect(runFilter("grep nope", TABLE)).toEqual({ stdout: "", stderr: "", exitCode: 1 });
    expect(runFilter("grep -m1 Running", TABLE).stdout).toBe("web-1   1/1     Running   0          5m\n");
    expect(runFilter("grep -m 1 -n Pending", TABLE).stdout).toBe("3:web-2   0/1     Pending   0          5m\n");
    expect(runFilter("grep -z x", TABLE)).toEqual({ stdout: "", stderr: "grep: invalid option -- 'z'\n", exitCode: 2 });
  });

  it("head and tail take -n N, -N and default to 10", () => {
    expect(runFilter("head -n 2", TABLE).stdout).toBe("NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          5m\n");
    expect(runFilter("head -1", TABLE).stdout).toBe("NAME    READY   STATUS    RESTARTS   AGE\n");
    expect(runFilter("tail -n 1", TABLE).stdout).toBe("api-1   1/1     Running   2          9m\n");
    expect(runFilter("tail -n 0", TABLE).stdout).toBe("");
    expect(runFilter("head", TABLE).stdout).toBe(TABLE);
  });

  it("wc -l, sort and awk print", () => {
    expect(runFilter("wc -l", TABLE).stdout).toBe("4\n");
    expect(runFilter("wc -l", "").stdout).toBe("0\n");
    expect(runFilter("sort", "b\na\nc\n").stdout).toBe("a\nb\nc\n");
    expect(runFilter("sort -r", "b\na\nc\n").stdout).toBe("c\nb\na\n");
    expect(runFilter("awk '{print $1, $3}'", TABLE).stdout).toBe("NAME STATUS\nweb-1 Running\nweb-2 Pending\napi-1 Running\n");
  });

  it("names what is not available", () => {
    expect(runFilter("less", TABLE)).toEqual({ stdout: "", stderr: "less: not available after a pipe here (grep, head, tail, wc -l, sort, awk '{print $N}' are)\n", exitCode: 127 });
    expect(runFilter("awk -F: '{print $1}'", TABLE).exitCode).toBe(2);
    expect(runFilter("", TABLE).stderr).toBe("bash: syntax error near unexpected token `|'\n");
  });
});
