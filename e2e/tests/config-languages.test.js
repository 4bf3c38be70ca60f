// A consultant's configuration whose own words (title, intro, closing) come
// in several languages: each reader gets their language's words where the
// configuration gives them, and its default words where not, field by
// field; switching language changes them in place.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONFIG_FILE, useTandem } from '../harness.js';
import { Tandem } from '../tandem.js';

const CONFIG = {
  version: 1,
  organisation: 'Northwind',
  title: { default: 'Partnership check', de: 'Partnerschafts-Check' },
  intro: {
    default: 'Welcome to the check.\n\nIt takes ten minutes.',
    de: 'Willkommen zum Check.\n\nEr dauert zehn Minuten.',
    fr: 'Bienvenue.',
  },
};

const tandem = useTandem({ files: { [CONFIG_FILE]: JSON.stringify(CONFIG) } });

test("a configuration's own words in several languages: each reader gets theirs field by field, and a switch changes them", async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    await page.goto(`${origin}/?lang=de`);
    await app.expectHeading('Partnerschafts-Check');
    await app.expectText('Willkommen zum Check.');
    await app.expectText('Er dauert zehn Minuten.');
    assert.match(await page.title(), /Partnerschafts-Check/, 'the tab says it too');

    // French: its own intro, and the default title, which has no French.
    await page.getByRole('combobox', { name: 'Sprache', exact: true }).selectOption('fr');
    await app.expectHeading('Partnership check');
    await app.expectText('Bienvenue.');
    assert.equal(await page.getByText('Willkommen zum Check.', { exact: true }).count(), 0);

    // Spanish has none: the configuration's own words throughout.
    await page.getByRole('combobox', { name: 'Langue', exact: true }).selectOption('es');
    await app.expectHeading('Partnership check');
    await app.expectText('Welcome to the check.');
    await app.expectText('It takes ten minutes.');
  });
});
