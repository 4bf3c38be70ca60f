// Comparing with an earlier result, given as its code, its link or its JSON
// export: the scores table gains "Earlier" and "Change" columns and the chart
// a second series; a code that cannot be read says why.

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { useTandem } from '../harness.js';
import {
  AGREEMENT,
  DONT_KNOW,
  TYPO_MESSAGE,
  Tandem,
  expectedResults,
  plan,
  sections,
  withTypo,
} from '../tandem.js';

const tandem = useTandem();

const COLUMNS = ['Dimension', 'Score', 'Level', 'Based on'];

/** The "Earlier" and "Change" cells for a dimension, from the two results. */
function comparison(now, before) {
  const earlier = before.score === null ? 'Not enough answers' : String(before.score);
  if (now.score === null || before.score === null) return [earlier, ''];
  const change = now.score - before.score;
  return [earlier, change === 0 ? 'no change' : change > 0 ? `+${change}` : String(change)];
}

test('an earlier code, link or export adds "Earlier" and "Change" columns', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    const folder = await mkdtemp(path.join(os.tmpdir(), 'tandem-e2e-'));
    t.after(() => rm(folder, { recursive: true, force: true }));

    const earlierAnswers = plan('quick', (_statement, index) =>
      AGREEMENT[(index * 3 + 1) % AGREEMENT.length],
    );
    // Later: the second dimension one step more positive throughout, the
    // third one step less, the last "Don't know" throughout, the first as
    // before.
    const all = sections('quick');
    const laterAnswers = new Map(earlierAnswers);
    const shift = (dimension, by) => {
      for (const statement of dimension.statements) {
        const step = statement.reverse ? -by : by;
        const at = AGREEMENT.indexOf(earlierAnswers.get(statement.id));
        laterAnswers.set(statement.id, AGREEMENT[Math.max(0, Math.min(4, at + step))]);
      }
    };
    shift(all[1].dimension, 1);
    shift(all[2].dimension, -1);
    for (const statement of all[3].dimension.statements) {
      laterAnswers.set(statement.id, DONT_KNOW);
    }
    const before = expectedResults('quick', earlierAnswers);
    const now = expectedResults('quick', laterAnswers);
    const cells = now.map((e, i) => comparison(e, before[i]));
    assert.equal(cells[0][1], 'no change', 'an unchanged dimension');
    assert.match(cells[1][1], /^\+\d+$/, 'an improved dimension');
    assert.match(cells[2][1], /^-\d+$/, 'a dimension gone down');
    assert.deepEqual(cells[3], [before[3].score === null ? 'Not enough answers' : String(before[3].score), '']);

    await app.open();
    await app.takeAssessment('quick', earlierAnswers, { role: 'HR', team: 'Then' });
    await app.expectResults('quick', before);
    const code = await app.resultCode();
    const link = await app.resultLink();
    const { file } = await app.exportFile('Export JSON', folder);

    // Change the answers of the last three pages.
    await app.button('Change my answers').click();
    await app.expectSection('quick', 3);
    await app.answerSection('quick', 3, laterAnswers);
    await app.button('Back').click();
    await app.expectSection('quick', 2);
    await app.answerSection('quick', 2, laterAnswers);
    await app.button('Back').click();
    await app.expectSection('quick', 1);
    await app.answerSection('quick', 1, laterAnswers);
    await app.next('quick', 1);
    await app.next('quick', 2);
    await app.next('quick', 3);
    await app.expectResults('quick', now);
    assert.notEqual(await app.resultCode(), code, 'a new result, a new code');

    const codeField = app.textbox('Earlier result code or link');
    const expectCompared = async (how) => {
      await app.button('Stop comparing').waitFor();
      assert.deepEqual(
        await app.scoreTable(),
        {
          columns: [...COLUMNS, 'Earlier', 'Change'],
          rows: Tandem.scoreRows(now).map((row, i) => [...row, ...cells[i]]),
        },
        `compared with the earlier ${how}`,
      );
      await app.expectText('Earlier result');
      await app.expectText('This result');
      assert.equal(await page.getByRole('alert').count(), 0, 'no error');
    };
    const stopComparing = async () => {
      await app.button('Stop comparing').click();
      await codeField.waitFor();
      assert.deepEqual(
        await app.scoreTable(),
        { columns: COLUMNS, rows: Tandem.scoreRows(now) },
        'back to the plain table',
      );
      assert.equal(await page.getByText('Earlier result', { exact: true }).count(), 0);
    };

    await codeField.fill(code);
    await app.button('Compare').click();
    await expectCompared('code');
    await stopComparing();

    // A code that cannot be read says why, and nothing is compared.
    const alert = page.getByRole('alert');
    await codeField.fill('hello');
    await app.button('Compare').click();
    await alert
      .filter({
        hasText:
          'This is not a Tandem result code: those start with T and a digit, such as T1. Check that you copied the right text.',
      })
      .waitFor();
    await codeField.fill(withTypo(code));
    await codeField.press('Enter');
    await alert.filter({ hasText: TYPO_MESSAGE }).waitFor();
    assert.deepEqual((await app.scoreTable()).columns, COLUMNS, 'still not comparing');

    // The whole link works as well as the code, and so does the export.
    await codeField.fill(link);
    await app.button('Compare').click();
    await expectCompared('link');
    await stopComparing();

    await page.getByLabel('Or an earlier JSON export', { exact: true }).setInputFiles(file);
    await expectCompared('export');
  });
});

// Known app bug (see e2e/README.md): a code from the other assessment is
// accepted, and the page says the table shows it, but nothing is compared.
test('an earlier result from the other assessment is compared or refused, not claimed', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    const fullAnswers = plan('full', () => 'Agree');
    const quickAnswers = plan('quick', () => 'Disagree');

    await app.open();
    await app.takeAssessment('full', fullAnswers, { role: 'HR' });
    const fullCode = await app.resultCode();
    await app.button('Start again').click();
    await app.button('Forget my answers').click();
    await app.expectLanding();
    await app.takeAssessment('quick', quickAnswers, { role: 'HR' });
    const now = expectedResults('quick', quickAnswers);

    await app.textbox('Earlier result code or link').fill(fullCode);
    await app.button('Compare').click();
    const stop = app.button('Stop comparing');
    await page.getByRole('alert').or(stop).first().waitFor();
    if ((await stop.count()) === 0) {
      // Refused: the alert says why; fine.
      return;
    }
    // Accepted: then the quick dimensions, all part of the full assessment,
    // must be compared, as the page says they are.
    await page
      .getByText('The chart and the table above show the earlier result beside this one.')
      .waitFor();
    const table = await app.scoreTable();
    assert.deepEqual(
      table.columns,
      [...COLUMNS, 'Earlier', 'Change'],
      'the page says the earlier (full) result is beside this (quick) one, but the table has no "Earlier" column',
    );
    const before = new Map(expectedResults('full', fullAnswers).map((e) => [e.name, e]));
    assert.deepEqual(
      table.rows,
      Tandem.scoreRows(now).map((row, i) => [
        ...row,
        ...comparison(now[i], before.get(now[i].name)),
      ]),
      'the quick dimensions compared with the same dimensions of the full result',
    );
  });
});

// Known app bug (see e2e/README.md): "Start again" keeps the comparison and
// the last import's message, and shows them with the next result.
test('"Start again" forgets the comparison and the last import message too', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    const first = plan('quick', () => 'Agree');
    const second = plan('quick', () => 'Neither agree nor disagree');

    await app.open();
    await app.takeAssessment('quick', first, { role: 'HR', team: 'Before' });
    await app.textbox('Earlier result code or link').fill(await app.resultCode());
    await app.button('Compare').click();
    await app.button('Stop comparing').waitFor();
    await app.importFile({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
    await page.getByRole('alert').filter({ hasText: '"notes.json" was not imported:' }).waitFor();

    await app.button('Start again').click();
    await app.button('Forget my answers').click();
    await app.expectLanding();
    await app.takeAssessment('quick', second, { role: 'Other' });

    assert.deepEqual(
      await page.getByRole('alert').allTextContents(),
      [],
      'no message about a file imported before starting again',
    );
    assert.equal(
      await app.button('Stop comparing').count(),
      0,
      'not comparing with a result chosen before starting again',
    );
    assert.deepEqual((await app.scoreTable()).columns, COLUMNS);
    await app.expectResults('quick', expectedResults('quick', second));
  });
});
