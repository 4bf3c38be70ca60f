// Complete assessments: every page answered, the results checked against
// what the domain scores those answers (e2e/fixtures/results.json).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTandem } from '../harness.js';
import { sections, statementCount } from '../bank.js';
import { result } from '../fixtures.js';
import { Tandem } from '../tandem.js';

const tandem = useTandem();

test('quick assessment answered "Agree" throughout shows 4 scored dimensions', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    assert.equal(sections('quick').length, 4, 'the quick assessment has 4 dimensions');
    assert.equal(statementCount('quick'), 16, 'the quick assessment has 16 statements');
    const app = new Tandem(page, origin);
    const expected = result('agree-throughout');
    const { answers } = expected;
    // The bank has reverse-scored statements, so "Agree" throughout is not a flat 75.
    assert.ok(expected.dimensions.some((e) => e.score !== 75), 'some dimension has a reverse statement');

    await app.open();
    await app.start('quick');
    await app.aboutYou({ role: 'HR', team: 'Northern region' }, 'quick');
    await app.expectAnswered('quick', 0);
    await app.answerAll('quick', answers);

    await app.expectResults('quick', expected);
    await page.getByText(/^Overall: level [1-5], [A-Z][a-z]+$/).waitFor();
    await app.expectAboutLine('quick', 'HR', 'Northern region');

    // "Change my answers" goes back to the last page with the answers kept.
    await app.button('Change my answers').click();
    await app.expectSection('quick', 3);
    await app.expectChecked('quick', 3, answers);
    await app.button('See my results').click();
    await app.expectResults('quick', expected);
  });
});

test('full assessment with varied answers shows 8 dimensions scored by the rules', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    assert.equal(sections('full').length, 8, 'the full assessment has 8 dimensions');
    assert.equal(statementCount('full'), 36, 'the full assessment has 36 statements');
    const app = new Tandem(page, origin);
    // Cycle through the agreement scale; one "Not applicable" (on the first
    // statement that offers it) and one "Don't know" show that neither counts.
    const expected = result('full-varied');
    const { answers } = expected;
    const coverage = expected.dimensions.map((e) => e.row[2]);
    assert.ok(
      coverage.some((c) => c.includes('not applicable')) &&
        coverage.some((c) => c.includes("don't know")),
      'the plan exercises both answers that do not count',
    );

    await app.open();
    await app.start('full');
    await app.aboutYou({ role: 'Learning & Development (L&D)' }, 'full');
    await app.answerAll('full', answers);

    await app.expectResults('full', expected);
    await app.expectAboutLine('full', 'Learning & Development (L&D)');
  });
});

test('"Don\'t know" to a whole dimension leaves it unscored, the others scored', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    const unsure = sections('quick')[1].dimension;
    const expected = result('second-dimension-dont-know');
    const { answers } = expected;

    await app.open();
    await app.start('quick');
    await app.aboutYou({ role: 'Line manager or business leader' }, 'quick');
    await app.answerAll('quick', answers);

    // The row and card of each dimension, the unscored one's included, are
    // the fixture's, worded by the domain (tests/e2e_fixtures).
    await app.expectResults('quick', expected);
    const unscored = expected.dimensions.filter((e) => e.score === null).map((e) => e.name);
    assert.deepEqual(unscored, [unsure.name], 'only the dimension answered "Don\'t know" has no score');
    // Three of four dimensions scored is enough for an overall level.
    await page.getByText(/^Overall: level [1-5], [A-Z][a-z]+$/).waitFor();
  });
});
