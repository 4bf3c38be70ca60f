// A stranger's link cannot take over a deployment: a site serves its own
// configuration ("Harbour Trust"); a link to the same address carrying
// another ("Payroll Verification Desk", a contact link of its own and a
// threshold of 2) is shown first and used only when the person chooses it;
// a kept one never hides a change to the site's file; and the site can
// refuse links or set a floor for the threshold.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONFIG_FILE, useTandem } from '../harness.js';
import { FIVE_THREE_ONE } from '../fixtures.js';
import { configLink } from '../links.js';
import { Tandem } from '../tandem.js';
import { pasteCodes } from '../workshop.js';

const HARBOUR = { organisation: 'Harbour Trust', contact: 'https://harbour.example/people' };
// Served beside the app; a test changes it as a host redeploying would.
const files = { [CONFIG_FILE]: JSON.stringify(HARBOUR) };
const tandem = useTandem({ files });

const STRANGER = {
  organisation: 'Payroll Verification Desk',
  contact: 'https://payroll-check.example/verify',
  anonymity_threshold: 2,
};

/** The landing page's sentence on the configuration in use. */
const IN_USE = {
  site: (name) => `This site runs Tandem with its own configuration, for \u201c${name}\u201d.`,
  chosen: (name) =>
    `Tandem is using a configuration you chose from a link or a file, for \u201c${name}\u201d, not this site's own.`,
};

test("a stranger's link is shown with what it changes, and used only when chosen", async (t) => {
  files[CONFIG_FILE] = JSON.stringify(HARBOUR);
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    await page.goto(configLink(origin, STRANGER));
    await app.expectHeading('Use this configuration?');
    // Asked first: the question has the focus, and Tandem underneath is out
    // of sight and out of reach.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'offer-heading');
    assert.equal(await page.getByRole('main').count(), 1);
    const offer = page.getByRole('main');
    await offer
      .getByText('It names the organisation \u201cPayroll Verification Desk\u201d', { exact: false })
      .waitFor();
    await offer.getByText('Its contact link goes to https://payroll-check.example/verify.', { exact: true }).waitFor();
    const changes = (await offer.getByRole('listitem').allTextContents()).map((c) => c.trim());
    assert.equal(changes.length, 2, changes.join(' | '));
    assert.match(changes[0], /^Branding: .*Payroll Verification Desk/);
    assert.equal(
      changes[1],
      "The workshop's anonymity threshold: groups of fewer than 2 are hidden (this site's is 3).",
    );
    await offer.getByText('If you do not use it, Tandem goes on with this site\'s configuration for \u201cHarbour Trust\u201d.', { exact: true }).waitFor();
    // Nothing of it is in use yet, and it is not a link anyone can follow.
    assert.equal(await page.getByRole('link', { name: /payroll-check/ }).count(), 0);

    await app.button("Keep this site's configuration").click();
    await app.expectLanding();
    await app.expectText(IN_USE.site('Harbour Trust'));
    assert.equal(await page.getByText('Payroll Verification Desk', { exact: false }).count(), 0);
    // A plain visit later: the site's own, and nothing kept.
    await page.goto(`${origin}/`);
    await app.expectText(IN_USE.site('Harbour Trust'));
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tandem.config')).length), 0);

    // Chosen: used, said plainly on the landing page, with the way back.
    await app.useConfigLink(configLink(origin, STRANGER));
    await app.expectLanding();
    await app.expectText(IN_USE.chosen('Payroll Verification Desk'));
    await app.reload();
    await app.expectText(IN_USE.chosen('Payroll Verification Desk'));
    await app.button("Use this site's own configuration").click();
    await app.expectText(IN_USE.site('Harbour Trust'));
  });
});

test("a configuration kept from a link never hides a change to the site's own file", async (t) => {
  files[CONFIG_FILE] = JSON.stringify(HARBOUR);
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    await app.useConfigLink(configLink(origin, STRANGER));
    await app.expectText(IN_USE.chosen('Payroll Verification Desk'));

    // The host redeploys its file: the kept configuration is asked about
    // again, and the site's new one is what runs until then.
    files[CONFIG_FILE] = JSON.stringify({ ...HARBOUR, organisation: 'Harbour Trust Group' });
    await app.reload();
    await app.expectHeading('Use this configuration?');
    await app.expectText(
      "You chose this configuration on an earlier visit, from a link or a file. This site's own configuration has changed since, so Tandem asks again before using it.",
    );
    await app.button("Keep this site's configuration").click();
    await app.expectText(IN_USE.site('Harbour Trust Group'));
    await app.reload();
    await app.expectText(IN_USE.site('Harbour Trust Group'));
  });
});

test('a site can refuse links, and set a floor no link or file goes below', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    files[CONFIG_FILE] = JSON.stringify({ ...HARBOUR, links: 'refuse' });
    await page.goto(configLink(origin, STRANGER));
    const refused = page.getByRole('alert').filter({ hasText: 'The configuration from the link was not used' });
    await refused.waitFor();
    await refused.getByText('this site does not take configurations from links', { exact: false }).waitFor();
    await app.expectText(IN_USE.site('Harbour Trust'));

    // A site that keeps the consultant's tools on its landing page.
    files[CONFIG_FILE] = JSON.stringify({ ...HARBOUR, anonymity_floor: 4, consultant_tools: true });
    // A new page load (the address loses its fragment), which reads the
    // site's file again.
    await page.goto(`${origin}/`);
    await app.expectLanding();
    await page.getByLabel('Use a configuration file (.json)', { exact: true }).setInputFiles({
      name: 'low.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ organisation: 'Low', anonymity_threshold: 3 })),
    });
    const low = page.getByRole('alert').filter({ hasText: 'The configuration from "low.json" was not used' });
    await low.waitFor();
    await low.getByText("anonymity_threshold: is 3, below this site's smallest of 4", { exact: false }).waitFor();
    // The workshop offers nothing below the floor.
    await page.getByRole('link', { name: "Open the facilitator's workshop", exact: true }).click();
    await pasteCodes(page, FIVE_THREE_ONE.codes, FIVE_THREE_ONE.codes.length);
    const threshold = page.getByLabel('Smallest group shown on its own', { exact: true });
    assert.equal(await threshold.inputValue(), '4');
    const offered = await threshold.locator('option').allTextContents();
    assert.equal(offered[0], '4 people');
  });
});
