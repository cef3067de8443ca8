import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import type { TestApp } from "../support/app.ts";
import { advanceAndStep, ManualClock } from "../support/clock.ts";
import { newInstance } from "../support/fixtures.ts";
import { requireService } from "../support/services.ts";
import { afterEach, beforeAll, describe, expect, it, useServer } from "../support/test.ts";

const CHROMIUM = requireService("chromium", "test/browser/console.test.ts (the console in a browser)");

/** Screenshots of each step, for a person to look at (test-artifacts/ is gitignored). */
const SHOTS =
  process.env.CONSOLE_SCREENSHOTS ?? join(import.meta.dirname, "..", "..", "test-artifacts", "console");
const WAIT = 15_000;

const clock = new ManualClock();
let app: TestApp;
let page: Page;
let step = 0;

async function shot(name: string): Promise<void> {
  step += 1;
  await page.screenshot({
    path: join(SHOTS, `${String(step).padStart(2, "0")}-${name}.png`),
    fullPage: true,
  });
}

/** Moves simulated time; the engine publishes progress on its ticks (its own timer is parked). */
const tick = (ms: number) => advanceAndStep(app, clock, ms);

const visible = (locator: Locator) => locator.first().waitFor({ state: "visible", timeout: WAIT });
const row = (text: string) => page.getByRole("row").filter({ hasText: text });
/** The instance's row lists these disks, in order. */
async function expectDisks(instance: string, disks: string[]): Promise<void> {
  const list = row(instance).getByRole("list", { name: `Disks of ${instance}` });
  await visible(list);
  expect((await list.getByRole("listitem").allTextContents()).map((t) => t.replace(/\s+/g, " "))).toEqual(
    disks,
  );
}
const bar = (scope: Locator, name: string) => scope.getByRole("progressbar", { name, exact: true });
const value = async (locator: Locator) =>
  Number(await locator.getAttribute("aria-valuenow", { timeout: WAIT }));
const dialog = (name: string) => page.getByRole("dialog", { name, exact: true });
const button = (scope: Page | Locator, name: string) => scope.getByRole("button", { name, exact: true });

// Progress moves only when the test ticks: 10 GiB/s takes the 100 GiB disk 10 simulated seconds.
useServer({
  clock,
  config: { progressIntervalMs: 3_600_000, snapshotGibPerSecond: 10, copyGibPerSecond: 10 },
});
beforeAll(async ({ server, browser }) => {
  app = server;
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  page = await browser.newPage({ viewport: { width: 1360, height: 860 }, reducedMotion: "reduce" });
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") browserLog.push(message.text());
  });
  page.on("pageerror", (error) => browserLog.push(String(error)));
});
// What the page saw, for a failing step: its screenshot and the browser's errors.
const browserLog: string[] = [];
afterEach(async ({ task }) => {
  if (task.result?.state !== "fail" || !page) return;
  await shot(`FAILED-${task.name.slice(0, 40).replace(/\W+/g, "-")}`);
  if (browserLog.length) console.log(`browser console:\n${browserLog.join("\n")}`);
});

describe.skipIf(!CHROMIUM)("the web console, as a console user works through the seed's procedure", () => {
  it("signs in with the demo key it offers, and offers the six regions", async () => {
    await page.goto(`${app.origin}/console`);
    await visible(page.getByRole("textbox", { name: "API key" }));
    await shot("sign-in");
    // A wrong key is refused next to the field.
    await page.getByRole("textbox", { name: "API key" }).fill("not-a-key");
    await button(page, "Sign in").click();
    await visible(page.getByText("The gateway does not accept this API key."));
    await button(page, "Use the demo key").click();
    expect(await page.getByRole("textbox", { name: "API key" }).inputValue()).toBe("demo-key");
    await button(page, "Sign in").click();
    await visible(page.getByRole("heading", { name: "Instances" }));
    const region = page.getByRole("combobox", { name: "Region" });
    expect(await region.inputValue()).toBe("cn-hangzhou");
    expect(await region.locator("option").count()).toBe(6);
    for (const name of ["Instances", "Images", "Snapshots"]) {
      await visible(page.getByRole("link", { name, exact: true }));
    }
    await visible(page.getByText("No instances in this region yet."));
    expect(page.url()).toContain("/console/instances?region=cn-hangzhou");
    await shot("instances-empty");
  });

  it("creates an instance with two data disks", async () => {
    await button(page, "Create Instance").click();
    const create = dialog("Create Instance");
    await visible(create);
    await create.getByRole("textbox", { name: "Name" }).fill("web-1");
    await create.getByRole("combobox", { name: "Image" }).selectOption("ubuntu_22_04_x64_20G_alibase");
    await button(create, "Add data disk").click();
    await button(create, "Add data disk").click();
    await create.getByRole("spinbutton", { name: "Data disk 1 size (GiB)" }).fill("40");
    await create.getByRole("spinbutton", { name: "Data disk 2 size (GiB)" }).fill("100");
    await shot("create-instance-dialog");
    await button(create, "Create").click();
    await create.waitFor({ state: "hidden", timeout: WAIT });
    await expectDisks("web-1", ["/dev/vda 20 GiB System", "/dev/vdb 40 GiB Data", "/dev/vdc 100 GiB Data"]);
    await visible(row("web-1").getByText("Running"));
    await shot("instance-created");
  });

  it("Actions > More > Disk and Image > Create Custom Image, with the pre-checks shown before and after", async () => {
    await button(row("web-1"), "More").click();
    await page.getByRole("menuitem", { name: "Disk and Image", exact: true }).hover();
    await visible(page.getByRole("menuitem", { name: "Create Custom Image", exact: true }));
    await shot("more-menu");
    await page.getByRole("menuitem", { name: "Create Custom Image", exact: true }).click();
    const create = dialog("Create Custom Image");
    await visible(create);
    // The always-WARN reminder; nothing FAILs on this guest, so there is nothing to ignore.
    await visible(create.getByRole("region", { name: "Pre-check results" }).getByText("Confidential data"));
    expect(await create.getByRole("checkbox", { name: "Ignore check failures" }).count()).toBe(0);
    // A userError shows next to its field.
    await create.getByRole("textbox", { name: "Name" }).fill("1-bad");
    await button(create, "Create").click();
    const name = create.getByRole("textbox", { name: "Name" });
    await expect.poll(() => name.getAttribute("aria-invalid"), { timeout: WAIT }).toBe("true");
    const describedBy = (await name.getAttribute("aria-describedby")) ?? "";
    const nameError = create.locator(".field-error");
    expect(describedBy).toContain(await nameError.getAttribute("id"));
    expect(await nameError.textContent()).toMatch(/letter/i);

    await name.fill("web-image");
    await create.getByRole("textbox", { name: "Description" }).fill("web tier, three disks");
    await button(create, "Create").click();
    await visible(create.getByText("is being created"));
    await visible(create.getByRole("region", { name: "Pre-check results" }).getByText("Confidential data"));
    await shot("custom-image-created");
    await button(create, "Close").click();
    await visible(row("web-1").getByText("Locked: creating image web-image"));
  });

  it("refuses a stop while the instance is locked, and says why", async () => {
    await button(row("web-1"), "More").click();
    const stop = page.getByRole("menuitem", { name: "Stop", exact: true });
    // The menu explains the lock before the user tries.
    const hintId = (await stop.getAttribute("aria-describedby")) ?? "";
    expect(await page.locator(`[id="${hintId}"]`).textContent()).toContain("Locked");
    await stop.click();
    const alert = page.getByRole("alert").filter({ hasText: "Stop web-1" });
    await visible(alert);
    expect(await alert.textContent()).toMatch(/image/i);
    await shot("stop-refused");
    await visible(row("web-1").getByText("Running"));
  });

  it("shows three disk bars and the image's bar moving live until the image is Available", async () => {
    await page.getByRole("link", { name: "Images", exact: true }).click();
    const image = row("web-image");
    await visible(bar(image, "/dev/vdc"));
    expect(await image.getByRole("progressbar").count()).toBe(4);
    const devices = ["/dev/vda", "/dev/vdb", "/dev/vdc"];
    const read = () =>
      Promise.all([...devices.map((d) => value(bar(image, d))), value(bar(image, "Whole image"))]);
    await visible(image.getByText("Creating"));

    await tick(1_000);
    await expect.poll(() => value(bar(image, "/dev/vdc")), { timeout: WAIT }).toBe(10);
    const first = await read();
    expect(first).toEqual([50, 25, 10, expect.any(Number)]);
    await tick(1_000);
    await expect.poll(() => value(bar(image, "/dev/vdc")), { timeout: WAIT }).toBe(20);
    const second = await read();
    // Every bar moved, none finished yet; the remaining time is announced with the percentage.
    for (let i = 0; i < 4; i++) expect(second[i]).toBeGreaterThan(first[i]!);
    expect(await bar(image, "/dev/vdc").getAttribute("aria-valuetext")).toBe("20%, 8 s left");
    await shot("images-live-bars");
    await page.screenshot({
      path: join(SHOTS, "images-live.png"),
      clip: { x: 0, y: 0, width: 1360, height: 420 },
    });

    await tick(1_000);
    await expect.poll(() => value(bar(image, "/dev/vda")), { timeout: WAIT }).toBe(100);
    await tick(8_000);
    await visible(image.getByText("Available"));
    expect(await image.getByRole("progressbar").count()).toBe(0);
    await shot("image-available");
  });

  it("refuses a duplicate name in the Create Custom Image dialog, next to the Name field (by keyboard)", async () => {
    await page.getByRole("link", { name: "Instances", exact: true }).click();
    // The lock lifted when the image was done.
    await row("web-1").getByText("Locked").waitFor({ state: "detached", timeout: WAIT });
    await button(row("web-1"), "More").focus();
    await page.keyboard.press("Enter");
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowDown");
    const submenu = page.getByRole("menuitem", { name: "Disk and Image", exact: true });
    await expect
      .poll(() => submenu.evaluate((item) => item === document.activeElement), { timeout: WAIT })
      .toBe(true);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    const create = dialog("Create Custom Image");
    await visible(create);
    await page.keyboard.type("web-image");
    await page.keyboard.press("Enter");
    const name = create.getByRole("textbox", { name: "Name" });
    await expect.poll(() => name.getAttribute("aria-invalid"), { timeout: WAIT }).toBe("true");
    expect(await create.locator(".field-error").textContent()).toContain("web-image");
    await shot("duplicate-name");
    await page.keyboard.press("Escape");
    await create.waitFor({ state: "hidden", timeout: WAIT });
  });

  it("shows a FAILing pre-check before submitting and offers to ignore it", async () => {
    // The guest reports a renamed root login (through the API, as the guest agent would).
    await newInstance(app.origin, {
      name: "legacy-vm",
      guest: { rootUsername: "admin" },
    });
    await page.reload();
    await button(row("legacy-vm"), "More").click();
    await page.getByRole("menuitem", { name: "Disk and Image", exact: true }).click();
    await page.getByRole("menuitem", { name: "Create Custom Image", exact: true }).click();
    const create = dialog("Create Custom Image");
    const checks = create.getByRole("region", { name: "Pre-check results" });
    await visible(checks.getByText("Root login"));
    expect(await checks.textContent()).toContain('renamed to "admin"');
    await create.getByRole("textbox", { name: "Name" }).fill("legacy-image");
    await button(create, "Create").click();
    await visible(create.getByRole("alert").filter({ hasText: "Pre-checks failed" }));
    await shot("precheck-failed");
    await create.getByRole("checkbox", { name: "Ignore check failures" }).check();
    await button(create, "Create").click();
    await visible(create.getByText("is being created"));
    await button(create, "Close").click();
    await visible(row("legacy-vm").getByText("Locked: creating image legacy-image"));
  });

  it("copies the image to cn-shanghai and watches the copy finish there", async () => {
    await page.getByRole("link", { name: "Images", exact: true }).click();
    await button(row("web-image"), "Copy Image").click();
    const copy = dialog("Copy Image");
    await visible(copy);
    await copy.getByRole("combobox", { name: "Destination region" }).selectOption("cn-shanghai");
    expect(await copy.getByRole("textbox", { name: "Name" }).inputValue()).toBe("web-image");
    await copy.getByRole("textbox", { name: "Description" }).fill("web tier, copied");
    await shot("copy-dialog");
    await button(copy, "Copy").click();
    await copy.waitFor({ state: "hidden", timeout: WAIT });
    await button(page, "View in cn-shanghai").click();
    expect(await page.getByRole("combobox", { name: "Region" }).inputValue()).toBe("cn-shanghai");
    const image = row("web-image");
    await visible(bar(image, "/dev/vdc"));
    await visible(image.getByText("Copy of web-image"));

    await tick(2_000);
    await expect.poll(() => value(bar(image, "/dev/vdc")), { timeout: WAIT }).toBeGreaterThan(0);
    expect(await value(bar(image, "/dev/vdc"))).toBeLessThan(100);
    await shot("copy-progress");
    await tick(10_000);
    await tick(1_000);
    await visible(image.getByText("Available"));
    await shot("copy-available");
  });

  it("creates an instance from the copy, with its data disks on the same devices", async () => {
    await button(row("web-image"), "Create Instance").click();
    const create = dialog("Create Instance");
    await visible(create);
    await visible(create.getByText("Data disk from the image, 40 GiB"));
    await create.getByRole("textbox", { name: "Name" }).fill("web-2");
    await button(create, "Create").click();
    await create.waitFor({ state: "hidden", timeout: WAIT });
    await button(page, "View in Instances").click();
    await expectDisks("web-2", ["/dev/vda 20 GiB System", "/dev/vdb 40 GiB Data", "/dev/vdc 100 GiB Data"]);
    await shot("instance-from-copy");
  });

  it("keeps everything across a browser refresh", async () => {
    await page.reload();
    await visible(row("web-2"));
    expect(await page.getByRole("combobox", { name: "Region" }).inputValue()).toBe("cn-shanghai");
  });

  it("refuses to delete an image in use and offers force", async () => {
    await page.getByRole("link", { name: "Images", exact: true }).click();
    await button(row("web-image"), "Delete").click();
    const remove = dialog("Delete Image");
    await visible(remove);
    await button(remove, "Delete").click();
    const alert = remove.getByRole("alert");
    await visible(alert);
    expect(await alert.textContent()).toMatch(/instance\(s\) not yet released were created from image/);
    const force = remove.getByRole("checkbox", { name: /force/i });
    await visible(force);
    await shot("delete-in-use");
    await force.check();
    await button(remove, "Delete").click();
    await remove.waitFor({ state: "hidden", timeout: WAIT });
    await visible(page.getByText("No custom images in this region."));
    await page.getByRole("combobox", { name: "Region" }).selectOption("cn-hangzhou");
    await page.getByRole("link", { name: "Snapshots", exact: true }).click();
    await visible(page.getByRole("heading", { name: "Snapshots" }));
    await visible(bar(row("/dev/vdc"), "/dev/vdc"));
    await shot("snapshots");
  });

  it("releases an instance after asking", async () => {
    await page.getByRole("link", { name: "Instances", exact: true }).click();
    await row("legacy-vm").getByText("Locked").waitFor({ state: "detached", timeout: WAIT });
    await button(row("legacy-vm"), "More").click();
    await page.getByRole("menuitem", { name: "Release", exact: true }).click();
    const release = dialog("Release Instance");
    await visible(release);
    await button(release, "Release").click();
    await row("legacy-vm").waitFor({ state: "detached", timeout: WAIT });
    await visible(page.getByRole("status").filter({ hasText: "legacy-vm released." }));
  });

  it("says so in a banner when the gateway cannot be reached, and clears it when it can", async () => {
    await page.route("**/graphql**", (route) => route.abort("internetdisconnected"));
    await page.getByRole("link", { name: "Snapshots", exact: true }).click();
    const banner = page.getByRole("alert").filter({ hasText: "The gateway could not be reached" });
    await visible(banner);
    await shot("network-banner");
    await page.unroute("**/graphql**");
    await page.getByRole("link", { name: "Images", exact: true }).click();
    await banner.waitFor({ state: "detached", timeout: WAIT });
  });

  it("signs out and forgets the key", async () => {
    await button(page, "Sign out").click();
    await visible(page.getByRole("textbox", { name: "API key" }));
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });
});
