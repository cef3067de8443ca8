import type { Browser } from "playwright-core";
import type { TestApp } from "../support/app.ts";
import { advanceAndStep, ManualClock } from "../support/clock.ts";
import { newImage } from "../support/fixtures.ts";
import { requireService } from "../support/services.ts";
import { beforeAll, describe, expect, it, useServer } from "../support/test.ts";

/** A Chromium on this machine (.ci/run installs Debian's); never a browser download. */
const CHROMIUM = requireService("chromium", "test/browser/graphiql.test.ts (GraphiQL in a browser)");

const clock = new ManualClock();
let app: TestApp;
let browser: Browser;

useServer({ clock, config: { progressIntervalMs: 3_600_000 } });
beforeAll(({ server, browser: chromium }) => {
  app = server;
  browser = chromium;
});

const tick = (ms: number) => advanceAndStep(app, clock, ms);

describe.skipIf(!CHROMIUM)("GraphiQL, as a developer uses it", () => {
  it("watches an image's snapshots advance live until the image is AVAILABLE", async () => {
    const created = await newImage(
      app.origin,
      { name: "browser-image" },
      {
        name: "browser-vm",
        dataDisks: [{ sizeGiB: 40 }, { sizeGiB: 100 }],
      },
    );
    const imageId = created.id;

    const page = await browser.newPage();
    const subscription = `subscription Watch { imageProgress(imageId: "${imageId}") { sequence done image { status progress } snapshot { device progress } } }`;
    await page.goto(`${app.origin}/graphql?query=${encodeURIComponent(subscription)}`);
    // The demo key is preset in the Headers tab.
    await expect
      .poll(() => page.getByText("Bearer demo-key").count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await page.locator(".graphiql-execute-button").click();
    // The result pane renders spaces as no-break spaces: compare with white space folded.
    const response = {
      text: async () => ((await page.locator(".graphiql-response").textContent()) ?? "").replace(/\s+/g, " "),
    };
    await expect.poll(() => response.text(), { timeout: 15_000 }).toContain('"sequence": 1');

    await tick(1_000);
    await expect.poll(() => response.text(), { timeout: 15_000 }).toContain('"device": "/dev/vdc"');
    await tick(12_000);
    await expect.poll(() => response.text(), { timeout: 15_000 }).toContain('"done": true');
    const text = await response.text();
    expect(text).toContain('"status": "AVAILABLE"');
    await page.close();
  });
});
