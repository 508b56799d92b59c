// Level 2, played the way a person plays it: the third menu entry, the console,
// `kubectl auth can-i` as Dana, then a Role and RoleBinding written in the YAML
// editor; the checklist ticks and the level is won with three stars.

import { expect, test } from "@playwright/test";
import { ROLE_AND_BINDING } from "../fixtures/least-privilege-grant.ts";
import { SCREENSHOTS, openMenu, waitForCluster } from "./helpers.ts";

test("level 2: grant a team exactly what it needs and win", async ({ page }) => {
  await openMenu(page);
  await page.screenshot({ path: `${SCREENSHOTS}/level2-menu.png` });
  await page.keyboard.press("3");
  await waitForCluster(page);
  await expect(page.locator(".hud-title")).toHaveText("Level 2: Least privilege");
  const checks = page.getByTestId("access-check");
  await expect(checks).toHaveCount(8);
  await expect(checks.first()).toHaveAttribute("data-passed", "false");
  await expect(checks.first()).toContainText("can create, update, patch, delete, get, list, watch deployments in team-a");
  await expect(page.getByTestId("placed")).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/level2-start.png` });

  // Ask as Dana first: nothing is granted yet.
  await page.keyboard.press("`");
  const line = page.locator("#console-input");
  await expect(line).toBeFocused();
  await line.fill("kubectl auth can-i create deployments -n team-a --as dana --as-group team-a-devs");
  await line.press("Enter");
  const output = page.locator(".console-output");
  await expect(output.locator(".console-out").last()).toHaveText("no");

  // The Role and RoleBinding, in the YAML editor.
  await page.getByRole("button", { name: "YAML editor" }).click();
  const yaml = page.locator("#console-yaml");
  await expect(yaml).toBeFocused();
  await yaml.fill(ROLE_AND_BINDING);
  await page.getByRole("button", { name: /^Apply/ }).click();
  await expect(output).toContainText("role.rbac.authorization.k8s.io/deployer created");
  await expect(output).toContainText("rolebinding.rbac.authorization.k8s.io/team-a-devs created");

  await line.fill("kubectl auth can-i --list -n team-a --as dana --as-group team-a-devs");
  await line.press("Enter");
  await expect(output).toContainText(/deployments\.apps\s+\[\]\s+\[\]\s+\[get list watch create update patch delete\]/);
  await page.screenshot({ path: `${SCREENSHOTS}/level2-console.png` });
  await line.press("`");

  await expect(page.locator(".level-banner.won")).toContainText("Level complete!");
  await expect(page.locator(".stars").first()).toHaveAttribute("aria-label", "3 of 3 stars");
  for (const check of await checks.all()) await expect(check).toHaveAttribute("data-passed", "true");
  await expect(page.getByTestId("star-rule")).toHaveCount(2);
  await page.screenshot({ path: `${SCREENSHOTS}/level2-won.png` });
});
