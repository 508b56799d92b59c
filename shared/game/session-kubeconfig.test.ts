import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../server/scenarios.ts";
import { Session } from "./session.ts";

const ALICE = { name: "alice", groups: ["system:masters", "system:authenticated"] };
const BOB = { name: "bob", groups: ["system:masters", "system:authenticated"] };

describe("each player's kubeconfig", () => {
  it("is their own, kept across lines, and sets where their commands act", () => {
    const session = new Session(loadCatalog().get("sandbox")!, 1);
    expect(session.kubectl(ALICE, "kubectl config current-context").stdout).toBe("alice@kubernetes\n");
    expect(session.kubectl(ALICE, "kubectl create namespace team-a").stdout).toBe("namespace/team-a created\n");
    expect(session.kubectl(ALICE, "kubectl config set-context --current --namespace=team-a").stdout).toBe('Context "alice@kubernetes" modified.\n');
    expect(session.kubectl(ALICE, "kubectl create deployment api --image=nginx").stdout).toBe("deployment.apps/api created\n");
    expect(session.kubectl(ALICE, "kubectl get deployment api -o jsonpath={.metadata.namespace}").stdout).toBe("team-a");
    // Bob's context is untouched.
    expect(session.kubectl(BOB, "kubectl config get-contexts --no-headers").stdout).toBe("*     bob@kubernetes   kubernetes   bob   \n");
    expect(session.kubectl(BOB, "kubectl get deployment api").stderr).toBe('Error from server (NotFound): deployments.apps "api" not found\n');
  });
});
