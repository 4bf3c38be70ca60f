// A consultant's tandem.config.json beside the app, here the complete example
// from examples/: the client's name, logo, colours and words, and a question
// bank of their own that changes the questions asked and the result.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CONFIG_FILE, useTandem } from '../harness.js';
import { AGREEMENT } from '../bank.js';
import { Tandem } from '../tandem.js';

const example = readFileSync(new URL('../../examples/tandem.config.json', import.meta.url), 'utf8');
const config = JSON.parse(example);
/** A 1×1 PNG, standing in for the client's logo. */
const LOGO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const tandem = useTandem({
  files: { [CONFIG_FILE]: example, [`/${config.logo}`]: LOGO },
});

test('tandem.config.json beside the app brands it and asks its own questions', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    await page.goto(`${origin}/`);
    await app.expectHeading(config.title);

    const banner = page.getByRole('banner');
    await banner.getByText(config.organisation, { exact: true }).waitFor();
    const logo = banner.locator('img');
    assert.equal(await logo.getAttribute('src'), config.logo);
    await page.waitForFunction(() => document.querySelector('header img')?.complete);
    assert.equal(await logo.evaluate((img) => img.naturalWidth), 1, 'the logo loaded from beside the app');

    for (const paragraph of config.intro.split('\n\n')) {
      await app.expectText(paragraph);
    }
    const contact = page.getByRole('link', { name: 'sam.patel@northwind-health.example', exact: true });
    assert.equal(await contact.getAttribute('href'), config.contact);
    const [linkColour, brandColour] = await contact.evaluate((a) => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--colour-primary)';
      document.body.append(probe);
      const brand = getComputedStyle(probe).color;
      probe.remove();
      return [getComputedStyle(a).color, brand];
    });
    assert.equal(linkColour, brandColour, 'links take the brand colour');
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    assert.equal(background, 'rgb(246, 248, 247)', 'the configured background');
    // The client's respondents see the client, not the consultant's tools.
    for (const tool of [
      page.getByRole('heading', { name: 'Running Tandem for a client?', exact: true }),
      page.getByRole('link', { name: 'Build a configuration', exact: true }),
      page.getByLabel('Use a configuration file (.json)', { exact: true }),
    ]) {
      assert.equal(await tool.count(), 0, 'no consultant tool on the landing page');
    }

    // The bank's own questions: one core dimension of three statements.
    const [core] = config.bank.dimensions;
    await app.expectText(`${core.statements.length} statements on 1 dimensions, about 1 minutes.`);
    await app.button('Start the quick assessment').click();
    await app.expectHeading('About you');
    await app.roleGroup().getByRole('radio', { name: 'HR', exact: true }).check();
    await app.button('Next').click();
    await app.expectHeading(core.name);
    // As docs/configuration.md works it out: Agree on the weighted statement
    // (75, twice), Disagree on the reversed one (75), Strongly agree on the
    // last (100): (2 × 75 + 75 + 100) / 4 = 81.25, shown as 81.
    const picks = [AGREEMENT[3], AGREEMENT[1], AGREEMENT[4]];
    for (const [i, statement] of core.statements.entries()) {
      await page
        .getByRole('group', { name: `${i + 1}. ${statement.text}`, exact: true })
        .getByRole('radio', { name: picks[i], exact: true })
        .check();
    }
    await app.button('See my results').click();
    await app.expectHeading('Your result');
    const { rows } = await app.scoreTable();
    assert.deepEqual(rows, [[core.name, '81', '5 One team', '3 of 3 statements']]);
    await app.expectText('Overall: level 5, One team');
    await app.openRule();
    await page
      .getByText('Some statements count more than others', { exact: false })
      .first()
      .waitFor();
    for (const paragraph of config.closing.split('\n\n')) {
      await app.expectText(paragraph);
    }
  });
});
