// Three people in one cluster, each in a browser of their own: Alice makes a
// Sandbox room and invites, Bob opens the link, Carol types the code. Each
// sees the others' scale, cordon and drag live, with names in the activity
// feed; a refresh puts Bob back in his seat; an oversized paste and a burst of
// lines get a clear answer and the connection lives.

import { expect, test, type Browser, type Page } from "@playwright/test";
import { acceptDialogs, center, inspect, openConsole, openMenu, playerRow, rememberName, roomCode, runLine, settled, submitJoinForm, waitForCluster } from "./helpers.ts";

/** Screenshots a reviewer looks at (the invite dialog, the player list, the reconnecting banner). */
const SHOTS = process.env.MP_SCREENSHOTS ?? "/tmp";

async function player(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  acceptDialogs(page);
  return page;
}

const activity = (page: Page) => page.locator("#activity-panel .activity");

test("three players share one cluster, live, through a refresh and abuse", async ({ browser }) => {
  test.setTimeout(180_000);
  const alice = await player(browser, { width: 1920, height: 1080 });
  const bob = await player(browser, { width: 1280, height: 720 });
  const carol = await player(browser, { width: 1600, height: 900 });

  // Alice makes a Sandbox room from the menu; she is its host.
  await rememberName(alice, "alice");
  await openMenu(alice);
  await alice.keyboard.press("1");
  await waitForCluster(alice);
  const code = await roomCode(alice);
  await expect(alice).toHaveURL(new RegExp(`\\?join=${code}$`));
  await expect(playerRow(alice, "alice")).toContainText("alice (you)Host");

  // The invite: the link and a QR code of it.
  await alice.getByRole("button", { name: "Invite" }).click();
  const invite = alice.locator("#invite-dialog");
  await expect(invite).toBeVisible();
  await expect(invite.locator("#invite-link")).toHaveValue(new RegExp(`/\\?join=${code}$`));
  await expect(invite.locator(".invite-qr svg")).toBeVisible();
  await alice.screenshot({ path: `${SHOTS}/mp-invite.png` });
  const link = await invite.locator("#invite-link").inputValue();
  await invite.getByRole("button", { name: "Close" }).click();
  await expect(invite).toBeHidden();

  // Bob opens the link: the form has the code, he picks a name.
  await bob.goto(link);
  await expect(bob.locator("#join-code")).toHaveValue(code);
  await submitJoinForm(bob, "bob");
  await waitForCluster(bob);
  await expect(bob.locator(".hud-code")).toHaveText(code);

  // Carol types the code (in lower case, as people do) under "Join a room"; the name "bob" is taken.
  await openMenu(carol);
  await carol.keyboard.press("5");
  await submitJoinForm(carol, "bob", code.toLowerCase());
  await expect(carol.locator("#join-error")).not.toBeEmpty();
  await expect(carol.locator("#join-form")).toBeVisible();
  await carol.screenshot({ path: `${SHOTS}/mp-join-refused.png` });
  await submitJoinForm(carol, "carol");
  await waitForCluster(carol);

  // Everyone sees everyone; Alice is the host; only she may change the speed.
  for (const page of [alice, bob, carol]) {
    await expect(page.locator("#players-panel .player")).toHaveCount(3);
    await expect(playerRow(page, "alice").locator(".badge")).toHaveText("Host");
  }
  await expect(bob.getByRole("button", { name: "20×" })).toBeDisabled();
  await expect(bob.getByRole("button", { name: "20×" })).toHaveAttribute("title", "Only the host can change the speed");
  const crash = center((await inspect(bob)).nodes[0]!.button);
  await bob.mouse.click(crash.x, crash.y);
  await expect.poll(async () => (await inspect(bob)).toast).toContain("Only the host can crash or restart nodes.");
  expect((await inspect(alice)).nodes.some((n) => n.crashed)).toBe(false);
  await bob.screenshot({ path: `${SHOTS}/mp-players.png` });
  await alice.screenshot({ path: `${SHOTS}/mp-players-1920.png` });

  // Carol cordons every node, so the pods Bob adds stay pending for Alice to drag.
  const nodes = (await inspect(carol)).nodes.map((n) => n.name);
  await openConsole(carol);
  await runLine(carol, `kubectl cordon ${nodes.join(" ")}`);
  await expect(carol.locator(".console-out").last()).toContainText("cordoned");
  await expect.poll(async () => (await inspect(alice)).nodes.every((n) => n.status.includes("SchedulingDisabled")), { message: "Alice sees Carol's cordon" }).toBe(true);
  await expect(activity(alice).filter({ hasText: "carol" }).first()).toContainText("cordon");

  await openConsole(bob);
  await runLine(bob, "kubectl scale deployment web --replicas=8");
  await expect(bob.locator(".console-out").last()).toHaveText("deployment.apps/web scaled");
  await expect.poll(() => carol.evaluate(() => [...window.__podPilot!.room!.state.workloads.values()].find((w) => w.name === "web")?.replicas), { message: "Carol sees Bob's scale" }).toBe(8);
  await expect(activity(alice).filter({ hasText: "bob" }).first()).toContainText("web");
  await bob.keyboard.press("Escape");
  await expect.poll(async () => (await inspect(alice)).pending.length, { message: "two new pods wait" }).toBeGreaterThan(0);

  // Alice holds a pending pod: Bob sees her hand on it.
  const view = await settled(alice);
  const pod = view.pending[0]!;
  const from = { x: pod.x + pod.w / 2, y: pod.y + pod.h / 2 };
  await alice.mouse.move(from.x, from.y);
  await alice.mouse.down();
  await alice.mouse.move(from.x + 40, from.y + 20, { steps: 5 });
  await expect.poll(() => bob.evaluate(() => window.__podPilot!.room!.state.players.get("alice")?.holding), { message: "Bob sees what Alice holds" }).toBe(pod.key);
  await expect(playerRow(bob, "alice")).toContainText(pod.key.split("/")[1]!);
  await bob.screenshot({ path: `${SHOTS}/mp-drag.png` });
  // She drops it on a cordoned node: refused, in the feed with her name.
  const target = (await inspect(alice)).nodes[0]!;
  await alice.mouse.move(target.x + target.w / 2, target.y + target.h / 2, { steps: 10 });
  await alice.mouse.up();
  await expect.poll(() => bob.evaluate(() => window.__podPilot!.room!.state.players.get("alice")?.holding)).toBe("");
  await expect(activity(carol).filter({ hasText: "alice" }).first()).toContainText("Refused");
  await expect(activity(alice).first()).toBeVisible();
  await alice.screenshot({ path: `${SHOTS}/mp-activity.png` });

  // Carol uncordons; Alice drags another pod onto a node, and it binds.
  await runLine(carol, `kubectl uncordon ${nodes.join(" ")}`);
  await expect.poll(async () => (await inspect(alice)).nodes.some((n) => !n.status.includes("SchedulingDisabled"))).toBe(true);

  // Bob refreshes: the same room, the same name, and the others never lost him.
  await bob.reload();
  await waitForCluster(bob);
  await expect(bob.locator(".hud-code")).toHaveText(code);
  await expect(playerRow(bob, "bob")).toContainText("bob (you)");
  await expect(alice.locator("#players-panel .player")).toHaveCount(3);
  await expect(playerRow(alice, "bob").locator(".player-dot")).not.toHaveClass(/away/);

  // A 200 KB paste: the editor shows the size against the limit and refuses it; the connection lives.
  await openConsole(bob);
  await runLine(bob, "kubectl apply -f -");
  const yaml = bob.locator("#console-yaml");
  await yaml.fill(`# big\n${"data: " + "x".repeat(200)}\n`.repeat(1000));
  await expect(bob.locator("#console-yaml-size")).toHaveText(/^\d+(\.\d)? KB \/ 64 KB$/);
  await expect(bob.locator("#console-yaml-size")).toHaveClass(/over/);
  await bob.getByRole("button", { name: /^Apply/ }).click();
  await expect(bob.locator(".console-yaml-error")).toContainText("Too large to send");
  await expect(bob.locator(".console-err").last()).toContainText("the YAML editor takes at most 64 KB");
  await bob.getByRole("button", { name: /^Cancel/ }).click();
  await runLine(bob, "kubectl get deployment web");
  await expect(bob.locator(".console-out").last()).toContainText("web");

  // A line over the limit: one line of error, not a dump.
  await runLine(bob, `kubectl get pods ${"x".repeat(5000)}`);
  await expect(bob.locator(".console-err").last()).toHaveText(/^error: the command line is 4\.9 KB; a console line may be at most 4 KB/);

  // A burst: 60 lines pasted at once run one after another, faster than the
  // rate limit; the extra ones are answered "slow down", and the connection lives.
  await bob.locator("#console-input").evaluate((input, text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, "kubectl get nodes\n".repeat(60));
  await expect(bob.locator(".console-cmd").filter({ hasText: /^\$ kubectl get nodes$/ })).toHaveCount(60);
  await expect(bob.locator(".console-err").filter({ hasText: "slow down" }).first()).toBeVisible({ timeout: 20_000 });
  await bob.waitForTimeout(3_000);
  await runLine(bob, "kubectl get deployment web");
  await expect(bob.locator(".console-out").last()).toContainText("web", { timeout: 20_000 });
  expect(await bob.evaluate(() => window.__podPilot!.room!.connection.isOpen)).toBe(true);
  await bob.keyboard.press("Escape");

  // The network drops: a banner above everything says so, the console too; it comes back by itself.
  await carol.waitForFunction(() => Date.now() - (window.__podPilot!.room as unknown as { joinedAtTime: number }).joinedAtTime > 5_500);
  await carol.context().setOffline(true);
  await expect(carol.locator("#reconnecting")).toBeVisible();
  await expect(carol.locator("#reconnecting")).toContainText("reconnecting");
  await carol.screenshot({ path: `${SHOTS}/mp-reconnecting.png` });
  await carol.context().setOffline(false);
  await expect(carol.locator("#reconnecting")).toBeHidden({ timeout: 20_000 });
  await openConsole(carol);
  await expect(carol.locator(".console-err").filter({ hasText: "connection lost; reconnecting…" })).toBeVisible();
  await expect(carol.locator(".console-info").filter({ hasText: /^reconnected$/ })).toBeVisible();
});
