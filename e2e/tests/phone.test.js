// No screen is wider than the screen, from the landing page through the
// questionnaire and the result to the workshop and the builder: at the
// narrowest width a phone has (320 px), a common phone (390 px) and a
// laptop (1366 px). Measured as a person meets it: the page scrolls
// sideways when the document is wider than the window, and a table whose
// columns do not fit scrolls inside its box.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTandem } from '../harness.js';
import { Tandem } from '../tandem.js';
import { FIVE_THREE_ONE, result } from '../fixtures.js';
import { openWorkshop, pasteCodes } from '../workshop.js';

const tandem = useTandem();

/** Fails, naming the widest elements, when `page` scrolls sideways. */
async function assertFits(page, screen) {
  const { scrollWidth, width, widest, cut } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const widest = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5)
      .slice(0, 4)
      .map((e) => `<${e.tagName.toLowerCase()} class="${e.className}"> to ${Math.round(e.getBoundingClientRect().right)} px`);
    const cut = [...document.querySelectorAll('table')]
      .filter((t) => t.scrollWidth > t.clientWidth + 0.5)
      .map((t) => `"${t.caption?.textContent}" needs ${t.scrollWidth} px of ${t.clientWidth}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, widest, cut };
  });
  assert.ok(
    scrollWidth <= width,
    `${screen} is ${scrollWidth} px wide on a ${width} px screen: ${widest.join('; ')}`,
  );
  assert.deepEqual(cut, [], `${screen}: every table's columns fit its width`);
}

for (const width of [320, 390, 1366]) {
  test(`at ${width} px no screen of the assessment scrolls sideways`, async (t) => {
    await tandem.journey(t, async ({ page, origin }) => {
      await page.setViewportSize({ width, height: 740 });
      const app = new Tandem(page, origin);
      // "Don't know" throughout one dimension: the longest cells the
      // results table has ("Not enough answers", "0 of 4 statements (4
      // don't know)").
      const expected = result('second-dimension-dont-know');
      await app.open();
      await assertFits(page, 'the landing page');
      await app.start('quick');
      await assertFits(page, 'About you');
      await app.aboutYou({ role: 'Line manager or business leader' }, 'quick');
      await assertFits(page, 'the first statements');
      await app.answerAll('quick', expected.answers);
      await app.expectResults('quick', expected);
      await assertFits(page, 'the results page');
      // Editing an action: its text box and menus within the screen, each
      // at a size a finger can use.
      const action = await app.editAction(1);
      await assertFits(page, 'an action being edited');
      const small = await action.evaluate((group) =>
        [...group.querySelectorAll('textarea, select, button')]
          .filter((c) => c.getBoundingClientRect().height < 40)
          .map((c) => `${c.tagName.toLowerCase()} ${c.id || c.textContent.trim()} ${Math.round(c.getBoundingClientRect().height)} px`),
      );
      assert.deepEqual(small, [], 'every control of the action is at least 40 px high');
    });
  });

  test(`at ${width} px the workshop and the builder fit the screen`, async (t) => {
    await tandem.journey(t, async ({ page, origin }) => {
      await page.setViewportSize({ width, height: 740 });
      const app = new Tandem(page, origin);
      await openWorkshop(page, app);
      await assertFits(page, 'the empty workshop');
      await pasteCodes(page, FIVE_THREE_ONE.codes, FIVE_THREE_ONE.codes.length);
      await assertFits(page, 'the team picture');
      await app.openBuilder();
      await assertFits(page, 'the builder');
    });
  });
}
