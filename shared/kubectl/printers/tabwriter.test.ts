import { describe, expect, it } from "vitest";
import { DESCRIBE_TABWRITER, TABLE_TABWRITER, tabwrite } from "./tabwriter.ts";

describe("tabwrite (Go text/tabwriter)", () => {
  it("pads table columns to the widest cell plus 3, at least 6, the last cell unpadded", () => {
    const text = "NAME\tREADY\tAGE\na\t1/1\t5s\nlonger-name\t10/10\t119s\n";
    expect(tabwrite(text, TABLE_TABWRITER)).toBe("NAME          READY   AGE\na             1/1     5s\nlonger-name   10/10   119s\n");
  });

  it("keeps the minimum width for narrow columns", () => {
    expect(tabwrite("A\tB\nx\ty\n", TABLE_TABWRITER)).toBe("A     B\nx     y\n");
  });

  it("aligns describe cells per block: a line without a tab ends the block", () => {
    const text = "Name:\tweb\nNamespace:\tdefault\nContainers:\n  nginx:\n    Image:\tnginx\n    Port:\t<none>\n";
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe("Name:       web\nNamespace:  default\nContainers:\n  nginx:\n    Image:  nginx\n    Port:   <none>\n");
  });

  it("pads empty cells and nested columns inside a block", () => {
    const text = "Labels:\ta=1\n\tb=2\nStatus:\tRunning\n";
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe("Labels:  a=1\n         b=2\nStatus:  Running\n");
  });

  it("counts runes, not UTF-16 units", () => {
    expect(tabwrite("é\tx\nab\ty\n", DESCRIBE_TABWRITER)).toBe("é   x\nab  y\n");
  });
});
