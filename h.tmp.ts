import { TestCluster } from "./shared/kubectl/test-fixture.ts";
const c = new TestCluster();
for (const l of process.argv.slice(2)) { const r = c.run(l); console.log("$ " + l + "\n" + r.stdout + (r.stderr ? "[stderr]" + r.stderr : "") + (r.exitCode ? `[exit ${r.exitCode}]` : "")); }
