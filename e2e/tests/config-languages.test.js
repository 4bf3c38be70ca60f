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

test("the builder writes the configuration's own words in each language, each field checked where it is typed", async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    // The site's configuration hides the consultant's tools; the builder's
    // address still opens it.
    await page.goto(`${origin}/#builder`);
    await app.expectHeading('Configuration builder');
    const status = page.getByRole('status').filter({ hasText: /ready to use|to fix/ });
    await status.getByText('The configuration is ready to use.', { exact: true }).waitFor();

    // The site's words in other languages are there to edit, per language.
    const german = page.locator('details').filter({ hasText: 'Deutsch (de): 2 of 3 given' });
    await german.locator('summary').click();
    const germanTitle = app.textbox('Assessment title (Deutsch)');
    assert.equal(await germanTitle.inputValue(), 'Partnerschafts-Check');
    assert.equal(await app.textbox('Introduction (Deutsch)').inputValue(), 'Willkommen zum Check.\n\nEr dauert zehn Minuten.');
    assert.deepEqual(await germanTitle.evaluate((input) => [input.lang, input.dir]), ['de', 'ltr']);

    // Arabic is typed right to left.
    await page.locator('details').filter({ hasText: /\(ar\): 0 of 3 given/ }).locator('summary').click();
    const arabicTitle = app.textbox('Assessment title (العربية)');
    assert.deepEqual(await arabicTitle.evaluate((input) => [input.lang, input.dir]), ['ar', 'rtl']);

    // A hostile Spanish title is named beside its field and in the check.
    const spanish = page.locator('details').filter({ hasText: /\(es\): \d of 3 given/ });
    await spanish.locator('summary').click();
    const spanishTitle = app.textbox('Assessment title (Español)');
    await spanishTitle.fill('Revisión\u202e');
    await status
      .getByText(
        'title.es: character 9 is a direction control (U+202E); Tandem sets each language\'s direction itself',
        { exact: true },
      )
      .waitFor();
    assert.equal(await spanishTitle.getAttribute('aria-invalid'), 'true');
    await spanish.getByText('1 problem to fix', { exact: true }).waitFor();
    const beside = await page.locator(`#${await spanishTitle.getAttribute('aria-describedby')}`).textContent();
    assert.match(beside, /^Character 9 is a direction control/);
    assert.equal(await app.textbox('Link that carries this configuration').count(), 0, 'no link while wrong');

    await spanishTitle.fill('Revisión de la colaboración');
    await status.getByText('The configuration is ready to use.', { exact: true }).waitFor();
    await spanish.getByText(/\(es\): 1 of 3 given/).waitFor();

    // The file has each language where it was typed.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      app.button('Download tandem.config.json').click(),
    ]);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    const file = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    assert.deepEqual(file.title, {
      default: 'Partnership check',
      de: 'Partnerschafts-Check',
      es: 'Revisión de la colaboración',
    });
    assert.deepEqual(file.intro, CONFIG.intro);

    // A Spanish reader of the preview gets the Spanish title.
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('es');
    const preview = page.getByRole('region', { name: 'Vista previa', exact: true });
    await preview.getByText('Revisión de la colaboración', { exact: true }).waitFor();
  });
});
