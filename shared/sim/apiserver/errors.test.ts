import { describe, expect, it } from "vitest";
import { RESOURCES } from "../api/resources.ts";
import { alreadyExists, conflict, expired, field, forbidden, formatFieldError, invalid, notFound, OPTIMISTIC_LOCK_ERROR_MSG, tooManyRequests } from "./errors.ts";

describe("Status builders", () => {
  it("name resources as API errors do", () => {
    expect(notFound(RESOURCES.deployments, "web").message).toBe('deployments.apps "web" not found');
    expect(notFound(RESOURCES.leases, "node-1").message).toBe('leases.coordination.k8s.io "node-1" not found');
    expect(alreadyExists(RESOURCES.pods, "web")).toMatchObject({ code: 409, reason: "AlreadyExists", message: 'pods "web" already exists' });
    expect(conflict("deployments.apps", "web", OPTIMISTIC_LOCK_ERROR_MSG).message).toBe(
      'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it("build Forbidden with and without a name", () => {
    expect(forbidden("pods", "web", "exceeded quota: compute").message).toBe('pods "web" is forbidden: exceeded quota: compute');
    expect(forbidden("pods", undefined, "x").message).toBe("pods is forbidden: x");
    expect(forbidden("pods", "", "x")).toMatchObject({ code: 403, reason: "Forbidden" });
  });

  it("build Expired and TooManyRequests", () => {
    expect(expired("too old resource version: 3 (4)")).toMatchObject({ code: 410, reason: "Expired" });
    expect(tooManyRequests("Cannot evict pod as it would violate the pod's disruption budget.")).toMatchObject({ code: 429, reason: "TooManyRequests" });
  });
});

describe("field errors", () => {
  it("print as field.Error.Error() does, value by type", () => {
    expect(formatFieldError(field.invalid("spec.replicas", -1, "must be greater than or equal to 0"))).toBe("spec.replicas: Invalid value: -1: must be greater than or equal to 0");
    expect(formatFieldError(field.invalid("metadata.name", "Web", "bad"))).toBe('metadata.name: Invalid value: "Web": bad');
    expect(formatFieldError(field.invalid("spec.paused", true, "x"))).toBe("spec.paused: Invalid value: true: x");
    expect(formatFieldError(field.required("spec.containers"))).toBe("spec.containers: Required value");
    expect(formatFieldError(field.required("metadata.name", "name or generateName is required"))).toBe("metadata.name: Required value: name or generateName is required");
    expect(formatFieldError(field.forbidden("spec", "nope"))).toBe("spec: Forbidden: nope");
    expect(formatFieldError(field.duplicate("spec.containers[1].name", "web"))).toBe('spec.containers[1].name: Duplicate value: "web"');
    expect(formatFieldError(field.notFound("spec.x", "y"))).toBe('spec.x: Not found: "y"');
    expect(formatFieldError(field.notSupported("spec.restartPolicy", "Sometimes", ["Always", "OnFailure", "Never"]))).toBe(
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    );
    expect(formatFieldError(field.tooLong("metadata.annotations", 262144))).toBe("metadata.annotations: Too long: may not be more than 262144 bytes");
  });

  it("become one Invalid Status, with metav1 cause types and repeated messages dropped", () => {
    const errs = [field.invalid("spec.replicas", -1, "must be greater than or equal to 0"), field.required("spec.selector"), field.required("spec.selector")];
    const s = invalid(RESOURCES.deployments, "web", errs);
    expect(s).toEqual({
      apiVersion: "v1",
      kind: "Status",
      status: "Failure",
      code: 422,
      reason: "Invalid",
      message: 'Deployment.apps "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.selector: Required value]',
      details: {
        name: "web",
        group: "apps",
        kind: "Deployment",
        causes: [
          { reason: "FieldValueInvalid", message: "Invalid value: -1: must be greater than or equal to 0", field: "spec.replicas" },
          { reason: "FieldValueRequired", message: "Required value", field: "spec.selector" },
          { reason: "FieldValueRequired", message: "Required value", field: "spec.selector" },
        ],
      },
    });
  });

  it("name core kinds without a group", () => {
    expect(invalid(RESOURCES.pods, "a", [field.forbidden("spec", "x")]).message).toBe('Pod "a" is invalid: spec: Forbidden: x');
    expect(invalid(RESOURCES.pods, "a", [field.forbidden("spec", "x")]).details?.causes?.[0]?.reason).toBe("FieldValueForbidden");
  });
});
