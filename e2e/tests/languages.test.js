// Tandem in the reader's language: a browser that prefers German gets German
// from the first screen, an Arabic reader a mirrored page, a choice made with
// the switcher is kept and keeps every answer, `?lang=` serves consultants'
// links, and a language file that is not the build's is never used. Every
// word expected comes from e2e/fixtures/languages.json, written from the
// shipped files by tests/e2e_fixtures/.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { audit } from '../audit.js';
import { useTandem } from '../harness.js';
import { sections } from '../bank.js';
import { printed } from '../print.js';

const LANGUAGES = JSON.parse(readFileSync(new URL('../fixtures/languages.json', import.meta.url), 'utf8'));

const tandem = useTandem();

/** The words of `code`: `t(key)` is a message, `bank` the standard questions in it. */
function words(code) {
  const language = LANGUAGES[code];
  assert.ok(language, `no language ${code}`);
  return { ...language, t: (key) => language.messages[key] ?? assert.fail(`no message ${key}`) };
}

/** The page's `<html lang dir>`. */
async function documentLanguage(page) {
  return page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
}

/** The quick assessment's first page of statements, in `code`. */
function firstSection(code) {
  const id = sections('quick')[0].dimension.id;
  return words(code).bank.dimensions.find((d) => d.id === id);
}

/**
 * English messages of at least a few words that `code` words otherwise, found
 * in the page's text: what a screen in that language must not show.
 */
async function englishLeft(page, code) {
  return englishIn(await page.evaluate(() => document.body.innerText), code);
}

test('a browser that prefers German gets Tandem in German from the first screen, and a switch of language keeps every answer', async (t) => {
  await tandem.journey(
    t,
    async ({ page, origin }) => {
      const de = words('de');
      await page.goto(`${origin}/`);
      await page.getByRole('heading', { level: 1, name: de.bank.title, exact: true }).waitFor();
      assert.deepEqual(await documentLanguage(page), ['de', 'ltr']);
      assert.deepEqual(await englishLeft(page, 'de'), [], 'no English on the German landing page');
      // The switcher names each language in itself, in its own language.
      const switcher = page.getByRole('combobox', { name: de.t('language.label'), exact: true });
      const options = await switcher.locator('option').evaluateAll((all) => all.map((o) => [o.textContent, o.lang]));
      assert.deepEqual(options, [
        ['English', 'en'],
        ['Deutsch', 'de'],
        ['Français', 'fr'],
        ['Español', 'es'],
        ['العربية', 'ar'],
      ]);

      await page.getByRole('button', { name: de.t('mode.quick.start'), exact: true }).click();
      await page.getByRole('heading', { level: 1, name: de.t('about.heading'), exact: true }).waitFor();
      await page
        .getByRole('group', { name: de.t('about.role'), exact: true })
        .getByRole('radio', { name: de.t('role.hr'), exact: true })
        .check();
      await page.getByRole('button', { name: de.t('nav.next'), exact: true }).click();

      const section = firstSection('de');
      await page.getByRole('heading', { level: 1, name: section.name, exact: true }).waitFor();
      for (const statement of section.statements) {
        await page
          .getByRole('group', { name: new RegExp(`${escape(statement.text)}$`) })
          .getByRole('radio', { name: de.t('answer.agree'), exact: true })
          .check();
      }
      assert.deepEqual(await englishLeft(page, 'de'), [], 'no English on the German statements');

      // Into English and back into Arabic, mid-page: every answer stays.
      await switcher.selectOption('en');
      const en = firstSection('en');
      await page.getByRole('heading', { level: 1, name: en.name, exact: true }).waitFor();
      assert.deepEqual(await documentLanguage(page), ['en', 'ltr']);
      const agreed = () => page.getByRole('radio', { name: LANGUAGES.en.messages['answer.agree'], exact: true, checked: true });
      assert.equal(await agreed().count(), section.statements.length);

      const ar = words('ar');
      await page.getByRole('combobox', { name: LANGUAGES.en.messages['language.label'] }).selectOption('ar');
      await page.getByRole('heading', { level: 1, name: firstSection('ar').name, exact: true }).waitFor();
      assert.deepEqual(await documentLanguage(page), ['ar', 'rtl']);
      assert.equal(
        await page.getByRole('radio', { name: ar.t('answer.agree'), exact: true, checked: true }).count(),
        section.statements.length,
      );
      // The choice outlives a reload, and the answers with it.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: firstSection('ar').name, exact: true }).waitFor();
      assert.equal(
        await page.getByRole('radio', { name: ar.t('answer.agree'), exact: true, checked: true }).count(),
        section.statements.length,
      );
    },
    { locale: 'de-DE' },
  );
});

test('an Arabic reader gets a mirrored page: Next on the left, nothing wider than a phone, and no accessibility fault', async (t) => {
  await tandem.journey(
    t,
    async ({ page, origin }) => {
      const ar = words('ar');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${origin}/`);
      await page.getByRole('heading', { level: 1, name: ar.bank.title, exact: true }).waitFor();
      assert.deepEqual(await documentLanguage(page), ['ar', 'rtl']);
      const width = () => page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      const [landing, viewport] = await width();
      assert.ok(landing <= viewport, `the Arabic landing page is ${landing} px wide in ${viewport} px`);
      assert.deepEqual(await englishLeft(page, 'ar'), []);
      await audit(page, 'the landing page in Arabic');

      await page.getByRole('button', { name: ar.t('mode.quick.start'), exact: true }).click();
      await page.getByRole('heading', { level: 1, name: ar.t('about.heading'), exact: true }).waitFor();
      await page.getByRole('radio', { name: ar.t('role.ld'), exact: true }).check();
      await page.getByRole('button', { name: ar.t('nav.next'), exact: true }).click();
      await page.getByRole('heading', { level: 1, name: firstSection('ar').name, exact: true }).waitFor();

      const next = await page.getByRole('button', { name: ar.t('nav.next'), exact: true }).boundingBox();
      const back = await page.getByRole('button', { name: ar.t('nav.back'), exact: true }).boundingBox();
      assert.ok(next.x + next.width <= back.x, `Next (${next.x}) sits left of Back (${back.x})`);
      // On a phone each answer is a row: its radio button at the right,
      // where a right-to-left reader starts, its label to the left of it.
      const group = page.getByRole('group').filter({ has: page.getByRole('radio') }).first();
      const agree = group.getByRole('radio', { name: ar.t('answer.agree'), exact: true });
      const radio = await agree.boundingBox();
      const label = await group.getByText(ar.t('answer.agree'), { exact: true }).boundingBox();
      assert.ok(radio.x >= label.x + label.width - 1, `the radio (${radio.x}) sits right of its label (${label.x}+${label.width})`);
      const [statements] = await width();
      assert.ok(statements <= viewport, `the Arabic statements page is ${statements} px wide in ${viewport} px`);
      assert.deepEqual(await englishLeft(page, 'ar'), []);
      await audit(page, 'a page of statements in Arabic');

      // On a wide screen the scale is one row, read from the right: its
      // first answer is rightmost.
      await page.setViewportSize({ width: 1280, height: 800 });
      const first = await group.getByRole('radio', { name: ar.t('answer.strongly-disagree'), exact: true }).boundingBox();
      const last = await group.getByRole('radio', { name: ar.t('answer.strongly-agree'), exact: true }).boundingBox();
      assert.ok(first.x > last.x + last.width, `the scale runs from right to left (${first.x} then ${last.x})`);
    },
    { locale: 'ar' },
  );
});

/**
 * The radar chart `chart`'s labels drawn back over the chart instead of
 * beyond it: those that cover a point inside its outer ring, a little in
 * from a corner (a label beside a corner may touch the corner itself).
 */
async function labelsOverTheRing(chart) {
  return chart.evaluate((svg) => {
    const rings = [...svg.querySelectorAll('.radar-chart__ring')];
    const outer = rings.reduce((a, b) => (b.getBBox().width > a.getBBox().width ? b : a));
    const matrix = outer.getScreenCTM();
    const corners = [...outer.points].map((p) => new DOMPoint(p.x, p.y).matrixTransform(matrix));
    const centre = {
      x: corners.reduce((sum, c) => sum + c.x, 0) / corners.length,
      y: corners.reduce((sum, c) => sum + c.y, 0) / corners.length,
    };
    const inside = corners.map((c) => ({ x: c.x + 0.15 * (centre.x - c.x), y: c.y + 0.15 * (centre.y - c.y) }));
    return [...svg.querySelectorAll('text')]
      .filter((t) => t.querySelector('tspan'))
      .filter((t) => {
        const r = t.getBoundingClientRect();
        return inside.some((p) => p.x > r.left && p.x < r.right && p.y > r.top && p.y < r.bottom);
      })
      .map((t) => t.textContent);
  });
}

/**
 * English messages of at least a few words that `code` words otherwise, found
 * in `text`: what a screen or a printed page in that language must not show.
 */
function englishIn(text, code) {
  const english = LANGUAGES.en.messages;
  const own = LANGUAGES[code].messages;
  return Object.entries(english)
    .filter(([key, phrase]) => phrase !== own[key] && phrase.split(' ').length >= 3 && !phrase.includes('{'))
    .filter(([, phrase]) => text.includes(phrase))
    .map(([key]) => key);
}

test('a German reader takes the quick assessment to its result and prints it: German on the screen and on every printed page', async (t) => {
  await tandem.journey(
    t,
    async ({ page, origin }) => {
      const de = words('de');
      await page.goto(`${origin}/`);
      await answerQuick(page, 'de', 'hr', 'agree');
      await page.getByRole('heading', { level: 1, name: de.t('results.own'), exact: true }).waitFor();
      assert.deepEqual(await englishLeft(page, 'de'), [], 'no English on the German result');
      await page.emulateMedia({ media: 'print' });
      const pages = await printed(page, 'result-de');
      assert.ok(pages.length >= 2, `${pages.length} pages`);
      assert.ok(pages[0].text.includes(de.bank.title), `the title page names the German questions: ${pages[0].text}`);
      for (const { n, text } of pages) {
        assert.deepEqual(englishIn(text, 'de'), [], `no English on printed page ${n}`);
      }
    },
    { locale: 'de-DE' },
  );
});

test('an Arabic reader answers the whole quick assessment in Arabic and reads a mirrored result on a phone', async (t) => {
  await tandem.journey(
    t,
    async ({ page, origin }) => {
      const ar = words('ar');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${origin}/`);
      await answerQuick(page, 'ar', 'ld', 'neutral');
      await page.getByRole('heading', { level: 1, name: ar.t('results.own'), exact: true }).waitFor();
      assert.deepEqual(await documentLanguage(page), ['ar', 'rtl']);
      assert.deepEqual(await englishLeft(page, 'ar'), [], 'no English on the Arabic result');
      const [wide, viewport] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(wide <= viewport, `the Arabic result is ${wide} px wide in ${viewport} px`);
      const chart = page.getByRole('img', { name: ar.t('results.radar'), exact: true });
      assert.deepEqual(await labelsOverTheRing(chart), [], 'every label lies beyond the chart, as in English');
      await audit(page, 'the result in Arabic');
    },
    { locale: 'ar' },
  );
});

test("lang= in the address serves a consultant's link until the person chooses, and the person's choice wins after", async (t) => {
  await tandem.journey(t, async ({ page, origin, freshContext }) => {
    const fr = words('fr');
    await page.goto(`${origin}/?lang=fr`);
    await page.getByRole('heading', { level: 1, name: fr.bank.title, exact: true }).waitFor();
    assert.deepEqual(await documentLanguage(page), ['fr', 'ltr']);
    const es = words('es');
    await page.getByRole('combobox', { name: fr.t('language.label'), exact: true }).selectOption('es');
    await page.getByRole('heading', { level: 1, name: es.bank.title, exact: true }).waitFor();
    await page.goto(`${origin}/?lang=fr`);
    await page.getByRole('heading', { level: 1, name: es.bank.title, exact: true }).waitFor();
    assert.deepEqual(await documentLanguage(page), ['es', 'ltr']);
    // Without `lang=` and without a choice, the browser's British English.
    const { page: other } = await freshContext();
    await other.goto(`${origin}/`);
    await other.getByRole('heading', { level: 1, name: LANGUAGES.en.bank.title, exact: true }).waitFor();
    assert.deepEqual(await documentLanguage(other), ['en', 'ltr']);
  });
});

test("a language file that is not the one the build shipped is never used: Tandem stays in English and says why", async (t) => {
  await tandem.journey(
    t,
    async ({ page, origin }) => {
      await page.route('**/lang/de.json', async (route) => {
        const response = await route.fetch();
        const file = await response.json();
        file.messages['nav.next'] = 'Weiter <img src=x onerror=alert(1)>';
        await route.fulfill({ response, body: JSON.stringify(file) });
      });
      await page.goto(`${origin}/`);
      await page.getByRole('heading', { level: 1, name: LANGUAGES.en.bank.title, exact: true }).waitFor();
      const notice = LANGUAGES.en.messages['language.failed']
        .replace('{language}', 'Deutsch')
        .replace('{reason}', 'the file is not the one this build shipped');
      await page.getByRole('status').filter({ hasText: notice }).waitFor();
      assert.deepEqual(await documentLanguage(page), ['en', 'ltr']);
      await page.getByRole('button', { name: LANGUAGES.en.messages['mode.quick.start'], exact: true }).waitFor();
    },
    { locale: 'de-DE' },
  );
});

/**
 * Takes the quick assessment on `page` in `code`, as `role`, giving `answer`
 * to every statement, and returns the result code the page hands in.
 */
async function answerQuick(page, code, role, answer) {
  const { t, bank } = words(code);
  await page.getByRole('button', { name: t('mode.quick.start'), exact: true }).click();
  await page.getByRole('radio', { name: t(`role.${role}`), exact: true }).check();
  await page.getByRole('button', { name: t('nav.next'), exact: true }).click();
  const pages = sections('quick');
  for (const [i, section] of pages.entries()) {
    const dimension = bank.dimensions.find((d) => d.id === section.dimension.id);
    await page.getByRole('heading', { level: 1, name: dimension.name, exact: true }).waitFor();
    for (const statement of dimension.statements) {
      await page
        .getByRole('group', { name: new RegExp(`${escape(statement.text)}$`) })
        .getByRole('radio', { name: t(`answer.${answer}`), exact: true })
        .check();
    }
    const last = i === pages.length - 1;
    await page.getByRole('button', { name: t(last ? 'nav.results' : 'nav.next'), exact: true }).click();
  }
  return page.getByRole('textbox', { name: t('share.code'), exact: true }).inputValue();
}

/** A figure as written, whatever the language's decimal mark and spacing. */
const figure = (text) => text.replace(/[\s\u00a0\u202f%٪]/g, '').replace(',', '.');

test('a German facilitator merges codes made in French, German and Arabic into one team picture in German', async (t) => {
  await tandem.journey(
    t,
    async ({ page, origin, freshContext }) => {
      // Each participant answers on their own device, in their own language.
      const codes = [];
      for (const { language, role, answer } of LANGUAGES.room) {
        const { page: device } = await freshContext({ locale: language });
        await device.goto(`${origin}/`);
        await device.getByRole('heading', { level: 1, name: LANGUAGES[language].bank.title, exact: true }).waitFor();
        assert.deepEqual((await documentLanguage(device))[0], language);
        codes.push(await answerQuick(device, language, role, answer));
      }

      const de = words('de');
      await page.goto(`${origin}/`);
      await page.getByRole('link', { name: de.t('landing.workshop.open'), exact: true }).click();
      await page.getByRole('heading', { level: 1, name: de.t('workshop.heading'), exact: true }).waitFor();
      await page.getByRole('textbox', { name: de.t('gather.paste'), exact: true }).fill(codes.join('\n'));
      await page.getByRole('button', { name: de.t('gather.paste.add'), exact: true }).click();

      const team = LANGUAGES.de.team;
      await page.getByRole('heading', { level: 2, name: team.headline, exact: true }).waitFor();
      await page.getByText(team.headcount, { exact: true }).waitFor();
      const table = page.getByRole('table', { name: de.t('team.stats'), exact: true });
      const rows = await table.locator('tbody tr').evaluateAll((all) =>
        all.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent.trim())),
      );
      assert.equal(rows.length, team.rows.length);
      for (const [shown, expected] of rows.map((row, i) => [row, team.rows[i]])) {
        // Names, levels and agreement in German; every figure the same as
        // the domain works it out, in the way German writes numbers.
        assert.deepEqual([shown[0], shown[2], shown[6]], [expected[0], expected[2], expected[6]]);
        assert.deepEqual([1, 3, 4, 5, 7].map((i) => figure(shown[i])), [1, 3, 4, 5, 7].map((i) => figure(expected[i])));
      }
      assert.deepEqual(await documentLanguage(page), ['de', 'ltr']);
      assert.deepEqual(await englishLeft(page, 'de'), [], 'no English on the German workshop');
    },
    { locale: 'de-DE' },
  );
});

/** `text` for a regular expression, matched literally. */
function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A download's text, without the byte order mark a spreadsheet wants. */
async function downloaded(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '') };
}

test("a consultant's bank in several languages: the builder names what each language lacks, a translator's sheet comes back, and a German reader gets German field by field", async (t) => {
  await tandem.journey(t, async ({ page, origin, freshContext }) => {
    // The builder is a consultant's screen, in English here.
    await page.goto(`${origin}/`);
    await page.getByRole('link', { name: 'Build a configuration', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Configuration builder', exact: true }).waitFor();
    const status = page.getByRole('status').filter({ hasText: /ready to use|to fix/ });
    const bankBox = page.getByRole('textbox', { name: 'Question bank (JSON)', exact: true });
    await page.getByRole('button', { name: "Start from Tandem's questions", exact: true }).click();
    const bankJson = JSON.parse(await bankBox.inputValue());
    bankJson.id = 'northwind';
    const first = bankJson.dimensions[0].statements[0];
    const second = bankJson.dimensions[0].statements[1];
    const GERMAN = 'HR und Personalentwicklung planen jeden Monat gemeinsam.';
    first.text = { default: first.text, de: GERMAN, it: 'Pianifichiamo insieme.' };
    await bankBox.fill(JSON.stringify(bankJson, null, 2));
    await status
      .getByText('bank.dimensions[0].statements[0].text.it: is not a language Tandem speaks', { exact: false })
      .waitFor();
    delete first.text.it;
    await bankBox.fill(JSON.stringify(bankJson, null, 2));
    await status.getByText('The configuration is ready to use.', { exact: true }).waitFor();

    // The sheet for a translator: a row per text, the German one filled in.
    const sheet = await downloaded(page, () =>
      page.getByRole('button', { name: "Download the questions' text for translators (CSV)", exact: true }).click(),
    );
    assert.equal(sheet.name, 'tandem-questions-text.csv');
    const rows = sheet.text.trimEnd().split('\r\n');
    assert.equal(rows[0], 'field,default,en,de,fr,es,ar');
    const texts = rows.length - 1;
    const row = rows.find((r) => r.startsWith(`statements.${first.id},`));
    assert.ok(row?.endsWith(`,,${GERMAN},,,`), row);
    const languages = page.getByRole('list', { name: 'Languages', exact: true });
    await languages
      .getByText(`Deutsch (de): 1 of ${texts} texts translated; ${texts - 1} missing, shown in the bank's own words.`, { exact: true })
      .waitFor();
    await languages.getByText("Français (fr): not translated; readers of this language see the bank's own words.", { exact: true }).waitFor();

    // A sheet with a mistake is refused by row and column, and changes nothing.
    const before = await bankBox.inputValue();
    const sheetInput = page.getByLabel('Bring back a translated CSV', { exact: true });
    const TITLE_FR = 'Partenariat RH et formation';
    const broken = `field;fr\r\ntitle;${TITLE_FR}\r\nstatements.nowhere;Nulle part\r\n`;
    await sheetInput.setInputFiles({ name: 'fr.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    const alert = page.getByRole('alert').filter({ hasText: 'fr.csv' });
    await alert.getByText('row 3, column 1 (field): `statements.nowhere` is no text of this bank', { exact: false }).waitFor();
    assert.equal(await bankBox.inputValue(), before, 'the bank is as it was');
    // The translator's sheet, semicolons and all, comes back.
    const good = `\uFEFFfield;fr\r\ntitle;${TITLE_FR}\r\n`;
    await sheetInput.setInputFiles({ name: 'fr.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('status').getByText('Read \u201cfr.csv\u201d; the question bank now holds its translations (texts per language: de 1, fr 1).', { exact: true }).waitFor();
    await languages.getByText(`Français (fr): 1 of ${texts} texts translated; ${texts - 1} missing, shown in the bank's own words.`, { exact: true }).waitFor();
    assert.deepEqual(JSON.parse(await bankBox.inputValue()).title, { default: bankJson.title, fr: TITLE_FR });
    const link = await page.getByRole('textbox', { name: 'Link that carries this configuration', exact: true }).inputValue();

    // A respondent whose browser prefers German: the German statement, and
    // the bank's own words where it has no German, with nothing said.
    const { page: reader } = await freshContext({ locale: 'de-DE' });
    const de = words('de');
    await reader.goto(link);
    await reader.getByRole('heading', { level: 1, name: de.t('offer.heading'), exact: true }).waitFor();
    await reader.getByRole('button', { name: de.t('offer.use'), exact: true }).click();
    // No German title: the bank's own. In French, the French one.
    await reader.getByRole('heading', { level: 1, name: bankJson.title, exact: true }).waitFor();
    const switcher = reader.getByRole('combobox', { name: de.t('language.label'), exact: true });
    await switcher.selectOption('fr');
    await reader.getByRole('heading', { level: 1, name: TITLE_FR, exact: true }).waitFor();
    await reader.getByRole('combobox', { name: words('fr').t('language.label'), exact: true }).selectOption('de');
    await reader.getByRole('heading', { level: 1, name: bankJson.title, exact: true }).waitFor();
    await reader.getByRole('button', { name: de.t('mode.quick.start'), exact: true }).click();
    await reader
      .getByRole('group', { name: de.t('about.role'), exact: true })
      .getByRole('radio', { name: de.t('role.hr'), exact: true })
      .check();
    await reader.getByRole('button', { name: de.t('nav.next'), exact: true }).click();
    await reader.getByRole('group', { name: new RegExp(`${escape(GERMAN)}$`) }).waitFor();
    await reader.getByRole('group', { name: new RegExp(`${escape(second.text)}$`) }).waitFor();
    // In French, which the bank's statements are not in: its own words.
    await switcher.selectOption('fr');
    await reader.getByRole('group', { name: new RegExp(`${escape(first.text.default)}$`) }).waitFor();
  });
});
