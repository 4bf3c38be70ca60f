// The printed reports, checked as the PDF pages a person hands over: the
// browser prints the page (page.pdf), pdf.js reads each page's text and
// draws it as a PNG (kept in e2e/artifacts/print/). A report opens on a
// title page of its own; no table, card or action is cut by a page break;
// nothing is drawn past the page's margins; and the team report explains
// its terms once.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTandem } from '../harness.js';
import { printed, squeeze } from '../print.js';
import { ROOM_OF_SIX, result } from '../fixtures.js';
import { Tandem } from '../tandem.js';
import { openWorkshop, pasteCodes } from '../workshop.js';

const tandem = useTandem();

/**
 * The texts of the elements `selector` picks, as printed: the parts only a
 * printed report has (its title page, summary and terms) have no role of
 * their own to find them by.
 */
function textsOf(page, selector) {
  return page.locator(selector).allInnerTexts();
}

/** Asserts each text lies whole on one page. */
function assertWholeOnOnePage(pages, texts, what) {
  for (const text of texts.map(squeeze)) {
    const on = pages.filter((p) => p.text.includes(text)).map((p) => p.n);
    assert.equal(on.length, 1, `${what} "${text.slice(0, 60)}…" lies whole on one page (found on ${JSON.stringify(on)})`);
  }
}

/** Asserts every page has something on it and nothing in its edge band. */
function assertWithinMargins(pages) {
  for (const p of pages) {
    assert.ok(p.ink > 0, `page ${p.n} is not blank`);
    assert.equal(p.edgeInk, 0, `page ${p.n}: nothing is drawn past the margins`);
  }
}

test('a printed result opens on a title page, and no table, card or action is cut by a page break', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    const expected = result('full-varied');
    await app.open();
    await app.takeAssessment('full', expected.answers, { role: 'HR' });
    await app.expectResults('full', expected);
    await page.emulateMedia({ media: 'print' });

    const [cover] = await textsOf(page, '.report-cover');
    const pages = await printed(page, 'result');
    assert.ok(pages.length >= 3, `${pages.length} pages`);
    assert.equal(pages[0].text, squeeze(cover), 'the first page is the title page, alone');
    assert.match(pages[0].text, /Full assessment result · Role: HR/);
    assert.match(pages[0].text, /Printed on \d{1,2} \w+ \d{4}/);
    // A paragraph in words opens the report, after the title page.
    const [summary] = await textsOf(page, '.results__summary');
    assert.ok(pages[1].text.includes(squeeze(summary)), 'the summary opens the report');

    assertWholeOnOnePage(pages, await app.resultsTable().allInnerTexts(), 'the scores table');
    assertWholeOnOnePage(pages, await page.getByRole('article').allInnerTexts(), 'the card');
    const plan = page.getByRole('table', { name: 'Action plan', exact: true });
    assertWholeOnOnePage(pages, await plan.getByRole('row').allInnerTexts(), 'the action');
    // The rule, folded on the screen, is printed.
    assert.ok(pages.some((p) => p.text.includes('Each dimension\'s score is the average')), 'the rule is printed');
    assertWithinMargins(pages);
  });
});

test('a printed team report opens on a title page, explains its terms once and keeps its tables whole', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    await openWorkshop(page, app);
    await pasteCodes(page, ROOM_OF_SIX.codes, ROOM_OF_SIX.codes.length);
    await page.emulateMedia({ media: 'print' });

    const [cover] = await textsOf(page, '.report-cover');
    const pages = await printed(page, 'team');
    assert.equal(pages[0].text, squeeze(cover), 'the first page is the title page, alone');
    assert.match(pages[0].text, new RegExp(`${ROOM_OF_SIX.codes.length} participants`));
    assertWholeOnOnePage(pages, await page.getByRole('table').allInnerTexts(), 'the table');
    const [terms] = await textsOf(page, '.workshop__terms');
    assertWholeOnOnePage(pages, [terms], 'the terms');
    const spread = pages.flatMap((p) => p.text.match(/Spread How far a typical score/g) ?? []);
    assert.equal(spread.length, 1, 'Spread is explained once');
    assertWithinMargins(pages);
  });
});
