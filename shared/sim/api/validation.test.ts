import { describe, expect, it } from "vitest";
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from "./validation.ts";

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe("isDNS1123Subdomain", () => {
  it("accepts lower-case names with dashes and dots", () => {
    for (const ok of ["web", "web-1", "a.b.c", "0", "x".repeat(253)]) expect(isDNS1123Subdomain(ok)).toEqual([]);
  });

  it("gives apimachinery's message (the reference quotes it)", () => {
    expect(isDNS1123Subdomain("Web_1")).toEqual([SUBDOMAIN]);
    expect(isDNS1123Subdomain("-web")).toEqual([SUBDOMAIN]);
    expect(isDNS1123Subdomain("")).toEqual([SUBDOMAIN]);
    expect(isDNS1123Subdomain("x".repeat(254))).toEqual(["must be no more than 253 characters"]);
  });
});

describe("isDNS1123Label", () => {
  it("accepts labels", () => {
    expect(isDNS1123Label("kube-system")).toEqual([]);
  });

  it("explains dots separately from other characters", () => {
    expect(isDNS1123Label("a.b")).toEqual(["must not contain dots"]);
    expect(isDNS1123Label("A")).toEqual([LABEL]);
    expect(isDNS1123Label("x".repeat(64))).toEqual(["must be no more than 63 characters"]);
  });
});

describe("isDNS1035Label", () => {
  it("needs a leading letter, with two spaces before 'or' in the message", () => {
    expect(isDNS1035Label("web")).toEqual([]);
    expect(isDNS1035Label("1web")).toEqual([DNS1035]);
  });
});

describe("isQualifiedName", () => {
  it("accepts keys with and without a prefix", () => {
    for (const ok of ["app", "app.kubernetes.io/name", "node-role.kubernetes.io/control-plane", "A_b.C"]) expect(isQualifiedName(ok)).toEqual([]);
  });

  it("checks the prefix and the name part", () => {
    expect(isQualifiedName("app$")).toEqual([NAME_PART]);
    expect(isQualifiedName("/app")).toEqual(["prefix part must be non-empty"]);
    expect(isQualifiedName("Example.com/app")).toEqual([`prefix part ${SUBDOMAIN}`]);
    expect(isQualifiedName("x".repeat(64))).toEqual(["name part must be no more than 63 characters"]);
  });

  it("reports an empty name part twice, as apimachinery does", () => {
    expect(isQualifiedName("")).toEqual(["name part must be non-empty", NAME_PART]);
    expect(isQualifiedName("example.com/")).toEqual(["name part must be non-empty", NAME_PART]);
  });

  it("refuses more than one slash", () => {
    expect(isQualifiedName("a/b/c")).toEqual([
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
  });
});

describe("isValidLabelValue", () => {
  it("accepts empty and qualified values", () => {
    for (const ok of ["", "web", "v1.2_3-x"]) expect(isValidLabelValue(ok)).toEqual([]);
  });

  it("quotes the label value pattern, optional group and all", () => {
    expect(isValidLabelValue("web$")).toEqual([LABEL_VALUE]);
    expect(isValidLabelValue("-x")).toEqual([LABEL_VALUE]);
    expect(isValidLabelValue("x".repeat(64))).toEqual(["must be no more than 63 characters"]);
  });
});
