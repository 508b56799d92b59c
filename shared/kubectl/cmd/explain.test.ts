import { describe, expect, it } from "vitest";
import { TestCluster } from "../test-fixture.ts";

const lines = (...l: string[]): string => l.join("\n");

const API_VERSION = [
  "  apiVersion\t<string>",
  "    APIVersion defines the versioned schema of this representation of an object.",
  "    Servers should convert recognized schemas to the latest internal value, and",
  "    may reject unrecognized values. More info:",
  "    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources",
  "",
];
const KIND = [
  "  kind\t<string>",
  "    Kind is a string value representing the REST resource this object",
  "    represents. Servers may infer this from the endpoint the client submits",
  "    requests to. Cannot be updated. In CamelCase. More info:",
  "    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds",
  "",
];
const METADATA = [
  "  metadata\t<ObjectMeta>",
  "    Standard object's metadata. More info:",
  "    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
  "",
];

describe("kubectl explain", () => {
  const c = new TestCluster();

  it("prints a kind's description and its fields, sorted, with their types and descriptions", () => {
    expect(c.run("kubectl explain deployment")).toEqual({
      stdout: lines(
        "GROUP:      apps",
        "KIND:       Deployment",
        "VERSION:    v1",
        "",
        "DESCRIPTION:",
        "    Deployment enables declarative updates for Pods and ReplicaSets.",
        "    ",
        "FIELDS:",
        ...API_VERSION,
        ...KIND,
        ...METADATA,
        "  spec\t<DeploymentSpec>",
        "    Specification of the desired behavior of the Deployment.",
        "",
        "  status\t<DeploymentStatus>",
        "    Most recently observed status of the Deployment.",
        "",
        "",
        "",
      ),
      stderr: "",
      exitCode: 0,
    });
  });

  it("prints one field: its name and type, then its description", () => {
    const out = lines(
      "GROUP:      apps",
      "KIND:       Deployment",
      "VERSION:    v1",
      "",
      "FIELD: replicas <integer>",
      "",
      "",
      "DESCRIPTION:",
      "    Number of desired pods. This is a pointer to distinguish between explicit",
      "    zero and not specified. Defaults to 1.",
      "    ",
      "",
      "",
    );
    expect(c.run("kubectl explain deployment.spec.replicas").stdout).toBe(out);
    // The group may be named before the fields; a trailing dot is ignored.
    expect(c.run("kubectl explain deployments.apps.spec.replicas.").stdout).toBe(out);
  });

  it("follows arrays into their items, and describes an object field with its type's description", () => {
    expect(c.run("kubectl explain pods.spec.containers.resources").stdout).toBe(
      lines(
        "KIND:       Pod",
        "VERSION:    v1",
        "",
        "FIELD: resources <ResourceRequirements>",
        "",
        "",
        "DESCRIPTION:",
        "    Compute Resources required by this container. Cannot be updated. More info:",
        "    https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/",
        "    ResourceRequirements describes the compute resource requirements.",
        "    ",
        "FIELDS:",
        "  claims\t<[]ResourceClaim>",
        "    Claims lists the names of resources, defined in spec.resourceClaims, that",
        "    are used by this container.",
        "    ",
        "    This field depends on the DynamicResourceAllocation feature gate.",
        "    ",
        "    This field is immutable. It can only be set for containers.",
        "",
        "  limits\t<map[string]Quantity>",
        "    Limits describes the maximum amount of compute resources allowed. More info:",
        "    https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/",
        "",
        "  requests\t<map[string]Quantity>",
        "    Requests describes the minimum amount of compute resources required. If",
        "    Requests is omitted for a container, it defaults to Limits if that is",
        "    explicitly specified, otherwise to an implementation-defined value. Requests",
        "    cannot exceed Limits. More info:",
        "    https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/",
        "",
        "",
        "",
      ),
    );
  });

  it("lists an enum's values, and marks required fields", () => {
    expect(c.run("kubectl explain po.spec.containers.imagePullPolicy").stdout).toBe(
      lines(
        "KIND:       Pod",
        "VERSION:    v1",
        "",
        "FIELD: imagePullPolicy <string>",
        "ENUM:",
        "    Always",
        "    IfNotPresent",
        "    Never",
        "",
        "DESCRIPTION:",
        "    Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if",
        "    :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More",
        "    info: https://kubernetes.io/docs/concepts/containers/images#updating-images",
        "    ",
        "    Possible enum values:",
        '     - `"Always"` means that kubelet always attempts to pull the latest image.',
        "    Container will fail If the pull fails.",
        '     - `"IfNotPresent"` means that kubelet pulls if the image isn\'t present on',
        "    disk. Container will fail if the image isn't present and the pull fails.",
        '     - `"Never"` means that kubelet never pulls an image, but only uses a local',
        "    image. Container will fail if the image isn't present",
        "    ",
        "",
        "",
      ),
    );
    const pc = c.run("kubectl explain pc").stdout;
    expect(pc).toContain("  preemptionPolicy\t<string>\n  enum: Never, PreemptLowerPriority\n    preemptionPolicy is the Policy");
    expect(pc).toContain("  value\t<integer> -required-\n");
  });

  it("--recursive prints the fields of fields, without descriptions", () => {
    expect(c.run("kubectl explain deploy.spec.strategy --recursive").stdout).toBe(
      lines(
        "GROUP:      apps",
        "KIND:       Deployment",
        "VERSION:    v1",
        "",
        "FIELD: strategy <DeploymentStrategy>",
        "",
        "",
        "DESCRIPTION:",
        "    The deployment strategy to use to replace existing pods with new ones.",
        "    DeploymentStrategy describes how to replace existing pods with new ones.",
        "    ",
        "FIELDS:",
        "  rollingUpdate\t<RollingUpdateDeployment>",
        "    maxSurge\t<IntOrString>",
        "    maxUnavailable\t<IntOrString>",
        "  type\t<string>",
        "  enum: Recreate, RollingUpdate",
        "",
        "",
      ),
    );
  });

  it.each([
    ["a missing field", "kubectl explain deployment.spec.replica", 'error: field "replica" does not exist\n'],
    ["a field under a map value", "kubectl explain pods.metadata.labels.app", 'error: field "app" does not exist\n'],
    ["an unknown type", "kubectl explain foo", 'error: the server doesn\'t have a resource type "foo"\n'],
    ["no type", "kubectl explain", 'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n'],
    ["two arguments", "kubectl explain pods nodes", "error: We accept only this format: explain RESOURCE\n"],
    ["a group version the server lacks", "kubectl explain deployments --api-version=apps/v1beta1", 'error: couldn\'t find resource for "apps/v1beta1, Resource=deployments"\n'],
    ["a group version without the resource", "kubectl explain deployments --api-version=v1", "error: GVR (/v1, Resource=deployments) not found in OpenAPI schema\n"],
    ["an unknown format", "kubectl explain pods -o yaml", "error: unrecognized format: yaml\n"],
  ])("fails on %s", (_name, line, stderr) => {
    expect(c.run(line)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });

  it("--api-version names the version to explain, and then the group is not part of the path", () => {
    expect(c.run("kubectl explain deployments.spec.paused --api-version=apps/v1").stdout).toContain("FIELD: paused <boolean>\n");
    expect(c.run("kubectl explain deployments.apps --api-version=apps/v1").stderr).toBe('error: field "apps" does not exist\n');
  });
});
