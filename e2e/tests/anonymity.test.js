// Anonymity against subtraction: a room of 5 HR, 3 L&D and 1 line manager at
// the default threshold of 3. Hiding the line manager alone would leave
// 9 × team − 5 × HR − 3 × L&D, the line manager's own scores; so L&D is
// hidden too, the screen says why, and neither the HR vs L&D comparison,
// presenter mode, the printed report nor the exports give it back.
//
// The codes and the figures the screen must show come from the domain
// (tests/e2e_fixtures/ writes e2e/fixtures/five-three-one.json), so this
// file works out no figure and applies no rule of its own.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTandem } from '../harness.js';
import { FIVE_THREE_ONE } from '../fixtures.js';
import { Tandem } from '../tandem.js';
import { cellRows, dividedStatements, openWorkshop, pasteCodes } from '../workshop.js';

const tandem = useTandem();

const ROOM = FIVE_THREE_ONE;
const LD = 'Learning & Development (L&D)';
const LINE_MANAGER = 'Line manager or business leader';

/** Opens the workshop and pastes the room's codes. */
async function gather(page, app) {
  await openWorkshop(page, app);
  await pasteCodes(page, ROOM.codes, ROOM.codes.length);
}

/** The "By role" table's rows: the group, then its cells. */
async function roleRows(page) {
  const table = page.getByRole('table', { name: /^By role: mean score per dimension/ });
  const rows = [];
  for (const row of await table.getByRole('row').all()) {
    const header = await row.getByRole('rowheader').allTextContents();
    if (header.length === 0) continue;
    const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
    rows.push({ group: header[0].trim(), people: cells[0], cells: cells.slice(1) });
  }
  return rows;
}

test('a lone line manager beside 5 HR and 3 L&D cannot be worked out: L&D is hidden too, and the screen says why', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    await gather(page, app);

    // The team's figures are shown, as the domain worked them out.
    const team = page.getByRole('table', { name: 'Team scores by dimension (0 to 100)', exact: true });
    const means = (await cellRows(page, team)).map((cells) => cells[0]);
    assert.deepEqual(means, ROOM.team_means, 'the team means');

    // HR shown; L&D hidden on every dimension although three strong; the
    // line manager hidden as too few. No number in either hidden row.
    const rows = await roleRows(page);
    const byGroup = Object.fromEntries(rows.map((row) => [row.group, row]));
    for (const expected of ROOM.roles) {
      const shown = byGroup[expected.group];
      assert.ok(shown, `a row for ${expected.group}`);
      const cells = shown.cells.length ? shown.cells : [shown.people];
      assert.deepEqual(cells, expected.cells, `${expected.group}'s cells`);
    }
    assert.equal(byGroup[LD].people, '3', 'L&D is large enough to be listed with its count');
    assert.ok(byGroup[LINE_MANAGER], 'the line manager is listed, hidden');

    // In plain words, on the screen.
    await page.getByText(ROOM.protection, { exact: true }).waitFor();
    await app.expectText(
      "Not compared here: HR's or L&D's figures are hidden, so that a smaller group's answers cannot be worked out from them.",
    );
    assert.equal(
      await page.getByRole('table', { name: 'HR minus L&D mean score, largest difference first', exact: true }).count(),
      0,
      'no HR vs L&D table',
    );
    assert.equal(ROOM.gaps, 0);
    // Nor how HR and L&D answered a divided statement: the room's answers
    // less theirs would be the line manager's.
    assert.deepEqual(await dividedStatements(page), ROOM.divided, 'divided statements, no split');

    // The printed report keeps the sentence.
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.getByText(ROOM.protection, { exact: true }).isVisible(), 'printed: the protection sentence');
    await page.emulateMedia({ media: 'screen' });

    // The exports hold what the screen holds: L&D's means are empty, and
    // there is no HR vs L&D gap.
    const [download] = await Promise.all([page.waitForEvent('download'), app.button('Export team JSON').click()]);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    const report = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const ld = report.by_role_groups.find((g) => g.group === LD);
    assert.ok(ld.figures.means.every((m) => m === null), `L&D's exported means are empty: ${ld.figures.means}`);
    assert.deepEqual(report.hr_ld_gaps, [], 'no exported gap');

    // Presenter mode shows the team and no L&D figure either.
    await app.button('Start presenter mode').click();
    await app.button("Reveal the team's results").click();
    const figures = page.locator('.presenter__figures');
    await figures.waitFor();
    assert.doesNotMatch(await figures.textContent(), /L&D/, 'presenter mode: no L&D figure');
  });
});

test('an open workshop says on the team picture and in presenter mode that small groups show', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    await gather(page, app);
    const open = /^Open workshop: groups of 1 or more are shown/;
    assert.equal(await page.getByText(open).count(), 0, 'not open at the default threshold');
    await page.getByLabel('Smallest group shown on its own', { exact: true }).selectOption('1');
    await page.getByText(open).first().waitFor();
    await app.expectText(/^Below 3, small groups show/);
    // Every group shows now, and so does the comparison.
    const rows = await roleRows(page);
    assert.ok(rows.every((row) => row.cells.length > 0 && row.cells.every((c) => /^\d+$/.test(c))), 'every group shown');
    await page.getByRole('table', { name: 'HR minus L&D mean score, largest difference first', exact: true }).waitFor();
    await app.button('Start presenter mode').click();
    await page.getByText(open).first().waitFor();
  });
});
