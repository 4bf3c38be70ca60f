// A result travels: exported to a JSON file and restored from it, exported
// as CSV for spreadsheets, and opened from its link in another browser. A
// file or link that cannot be used says why and changes nothing.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { useTandem } from '../harness.js';
import { bank, sections } from '../bank.js';
import { result } from '../fixtures.js';
import { TYPO_MESSAGE, withTypo } from '../links.js';
import { Tandem } from '../tandem.js';

const tandem = useTandem();

/** A folder for downloads, removed when the test ends. */
async function downloadFolder(t) {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'tandem-e2e-'));
  t.after(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

/** Varied answers: the agreement scale in turn, one "Don't know". */
const VARIED = result('varied');

test('a JSON export, imported after starting again, restores the result and the edited plan', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    const folder = await downloadFolder(t);
    const about = { role: 'Learning & Development (L&D)', team: 'Export team' };
    const expected = VARIED;

    await app.open();
    await app.takeAssessment('quick', VARIED.answers, about);
    await app.expectResults('quick', expected);

    // Make the plan the person's own: new text and owner for action 1.
    const first = await app.editAction(1);
    const ownText = 'Agree one shared list of projects with L&D by the end of the month.';
    await first.getByRole('textbox', { name: 'What to do', exact: true }).fill(ownText);
    await first.getByRole('textbox', { name: 'What to do', exact: true }).press('Tab');
    await first.getByRole('combobox', { name: 'Owner', exact: true }).selectOption({ label: 'Leaders' });
    await app.button('Redraft the plan from the targets (replaces your edits)').waitFor();
    const planBefore = await app.readPlan();
    assert.equal(planBefore[0].text, ownText, 'the text edit took');
    assert.equal(planBefore[0].owner, 'Leaders', 'the owner edit took');
    const tableBefore = await app.scoreTable();
    assert.deepEqual(tableBefore.rows, Tandem.scoreRows(expected));

    const { file, name } = await app.exportFile('Export JSON', folder);
    assert.equal(name, 'tandem-result.json');
    const exported = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(exported.format, 'tandem-result');
    assert.equal(exported.version, 2);
    assert.equal(exported.bank.id, bank.id);
    assert.deepEqual(
      exported.scores.map((s) => [s.name, s.score]),
      expected.dimensions.map((e) => [e.name, e.score]),
      'the file states the same scores',
    );

    // Forget everything and take the assessment again, differently.
    await app.button('Start again').click();
    await app.button('Forget my answers').click();
    await app.expectLanding();
    assert.equal(await app.saved(), null);
    const other = result('strongly-disagree-throughout');
    await app.takeAssessment('quick', other.answers, { role: 'Other' });
    await app.expectResults('quick', other);
    assert.notDeepEqual((await app.scoreTable()).rows, tableBefore.rows);

    await app.importFile(file);
    await page
      .getByRole('status')
      .filter({ hasText: 'Restored the answers and action plan from "tandem-result.json".' })
      .waitFor();
    await app.expectResults('quick', expected);
    await app.expectAboutLine('quick', about.role, about.team);
    assert.deepEqual(await app.scoreTable(), tableBefore, 'the same scores table');
    assert.deepEqual(await app.readPlan(), planBefore, 'the same plan, edits included');
    await app.button('Redraft the plan from the targets (replaces your edits)').waitFor();
    assert.equal(await page.getByRole('alert').count(), 0, 'no error');

    // The restored result is the one now saved on this device.
    await app.reload();
    await app.expectResults('quick', expected);
    assert.deepEqual(await app.readPlan(), planBefore, 'the plan survives a reload');
  });
});

test('a damaged, foreign, newer or huge import says why and keeps the answers', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    const folder = await downloadFolder(t);
    const expected = VARIED;

    await app.open();
    await app.takeAssessment('quick', VARIED.answers, { role: 'HR', team: 'Keepers' });
    await app.expectResults('quick', expected);
    const table = await app.scoreTable();
    const saved = await app.saved();
    const planBefore = await app.readPlan();
    const { file } = await app.exportFile('Export JSON', folder);
    const good = await readFile(file, 'utf8');

    const newer = JSON.parse(good);
    newer.version = 99;
    const json = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    const refused = (name, reason) =>
      `"${name}" was not imported: ${reason} Your current answers are unchanged.`;
    const cases = [
      {
        file: json('cut-short.json', good.slice(0, Math.floor(good.length / 2))),
        message: new RegExp(
          '^"cut-short\\.json" was not imported: This file is damaged or is not a JSON file ' +
            '\\(reading stopped at line \\d+, column \\d+\\)\\. Choose the \\.json file Tandem ' +
            'exported, or export it again\\. Your current answers are unchanged\\.$',
        ),
      },
      {
        // Whole JSON, but with a value no Tandem writes: the reason names it
        // and its place, in Tandem's words, not the JSON reader's.
        file: json('sideways.json', good.replace(/"mode": "[a-z]+"/, '"mode": "sideways"')),
        message: new RegExp(
          '^"sideways\\.json" was not imported: This Tandem export is damaged \\(line \\d+, ' +
            'column \\d+: `sideways` is not a value Tandem knows here\\)\\. Export it again from ' +
            'Tandem, or choose another copy of the file\\. Your current answers are unchanged\\.$',
        ),
      },
      {
        file: json('other-format.json', '{"format":"something-else"}'),
        message: refused(
          'other-format.json',
          'This file is JSON but not a Tandem export. Choose the .json file Tandem exported with "Export JSON".',
        ),
      },
      {
        file: json('from-the-future.json', JSON.stringify(newer, null, 2)),
        message: refused(
          'from-the-future.json',
          'This file was made by a newer version of Tandem (export format 99; this copy reads ' +
            'up to 2). Update this copy of Tandem, or export again from the newer one.',
        ),
      },
      {
        file: json('huge.json', 'x'.repeat(2 * 1024 * 1024)),
        message: refused(
          'huge.json',
          '"huge.json" is 2,048 KB, far larger than a Tandem export (a few KB). Choose the .json file Tandem saved.',
        ),
      },
    ];

    for (const { file: chosen, message } of cases) {
      await app.importFile(chosen);
      const alert = page.getByRole('alert').filter({ hasText: `"${chosen.name}" was not imported:` });
      await alert.waitFor();
      const text = (await alert.textContent()).trim();
      if (message instanceof RegExp) {
        assert.match(text, message, chosen.name);
      } else {
        assert.equal(text, message, chosen.name);
      }
      assert.equal(await page.getByText(/^Restored the answers/).count(), 0, 'nothing restored');
      await app.expectAboutLine('quick', 'HR', 'Keepers');
      assert.deepEqual(await app.scoreTable(), table, `scores unchanged after ${chosen.name}`);
      assert.deepEqual(await app.readPlan(), planBefore, `plan unchanged after ${chosen.name}`);
      assert.equal(await app.saved(), saved, `saved progress unchanged after ${chosen.name}`);
    }

    await app.reload();
    await app.expectResults('quick', expected);
    await app.expectAboutLine('quick', 'HR', 'Keepers');
    assert.deepEqual(await app.scoreTable(), table);
  });
});

/** Parses RFC 4180 CSV: records of fields, quotes undone. */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else {
      assert.notEqual(c, '\n', 'a line ends in CRLF, not a bare LF');
      field += c;
    }
  }
  assert.equal(field, '', 'the file ends with a complete line');
  assert.deepEqual(record, [], 'the file ends with a complete line');
  return records;
}

test('the CSV export has a row per dimension and statement and neutralises formulas', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    const folder = await downloadFolder(t);
    const team = '=HYPERLINK("x")';
    const role = 'HR or L&D leadership';
    // The varied answers with one "Not applicable", on the first statement
    // that offers it.
    const expected = result('varied-not-applicable');
    const { answers } = expected;

    await app.open();
    await app.takeAssessment('quick', answers, { role, team });
    await app.expectResults('quick', expected);
    // On screen the label is plain text.
    await app.expectAboutLine('quick', role, team);

    const { file, name } = await app.exportFile('Export CSV', folder);
    assert.equal(name, 'tandem-result.csv');
    const raw = await readFile(file, 'utf8');
    assert.ok(raw.startsWith('\uFEFF'), 'a UTF-8 byte-order mark for spreadsheets');
    const text = raw.slice(1);
    const records = parseCsv(text);

    assert.deepEqual(records[0], [
      'row',
      'dimension',
      'statement_id',
      'statement',
      'answer',
      'score',
      'level',
      'coverage',
      'role',
      'team',
    ]);
    const want = [];
    const neutralised = `'${team}`;
    for (const [i, { dimension }] of sections('quick').entries()) {
      const e = expected.dimensions[i];
      want.push([
        'dimension',
        dimension.name,
        '',
        '',
        '',
        e.score === null ? 'not enough answers' : String(e.score),
        e.score === null ? '' : `${e.level} ${e.level_name}`,
        `${e.counted} of ${e.total}`,
        role,
        neutralised,
      ]);
      for (const statement of dimension.statements) {
        want.push([
          'statement',
          dimension.name,
          statement.id,
          statement.text,
          answers.get(statement.id),
          '',
          '',
          '',
          role,
          neutralised,
        ]);
      }
    }
    const { overall } = expected;
    want.push([
      'overall',
      '',
      '',
      '',
      '',
      String(overall.score),
      `${overall.level} ${overall.level_name}`,
      `${expected.dimensions.filter((e) => e.score !== null).length} of ${expected.dimensions.length}`,
      role,
      neutralised,
    ]);
    assert.deepEqual(records.slice(1), want, 'one row per dimension, per statement, and overall');
    assert.equal(
      records.length,
      1 + sections('quick').reduce((n, s) => n + 1 + s.dimension.statements.length, 0) + 1,
    );

    // The label is quoted, its quotes doubled, behind a leading apostrophe.
    const lines = text.split('\r\n').filter((line) => line !== '');
    for (const line of lines.slice(1)) {
      assert.ok(line.endsWith(`,"'=HYPERLINK(""x"")"`), `the team cell is neutralised: ${line}`);
    }
    for (const record of records) {
      for (const cell of record) {
        assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `no cell a spreadsheet would run: ${cell}`);
      }
    }
  });
});

test('the result link opens the same result, read-only, in a fresh browser profile', async (t) => {
  await tandem.journey(t, async ({ page, context, origin, freshContext }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const app = new Tandem(page, origin);
    const about = { role: 'Line manager or business leader', team: 'Link team' };
    const expected = VARIED;

    await app.open();
    await app.takeAssessment('quick', VARIED.answers, about);
    await app.expectResults('quick', expected);
    const table = await app.scoreTable();
    const code = await app.resultCode();
    const link = await app.resultLink();
    assert.match(code, /^T1(-[0-9A-HJKMNP-TV-Z]{1,5})+$/, 'a Tandem code');
    assert.equal(link, `${origin}/#r=${code}`, 'the link is the address with the code');
    // The copy buttons put each on the clipboard.
    const copied = page.getByRole('status').filter({ hasText: /^Copied\.$/ });
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await page.getByRole('button', { name: 'Copy the result code', exact: true }).click();
    await copied.waitFor();
    assert.equal(await clipboard(), code);
    await page.getByRole('button', { name: 'Copy the result link', exact: true }).click();
    await copied.nth(1).waitFor();
    assert.equal(await clipboard(), link);

    // Another browser, nothing saved: the link alone carries the result.
    const other = await freshContext();
    const viewer = new Tandem(other.page, origin);
    await other.page.goto(link);
    await viewer.expectHeading('Shared result');
    await other.page
      .getByRole('status')
      .filter({ hasText: /^This result was opened from a link\./ })
      .waitFor();
    assert.deepEqual(await viewer.scoreTable(), table, 'the same scores table');
    await viewer.expectAboutLine('quick', about.role, about.team);
    // Only to look at: no plan editor, sharing, files or comparison; nothing saved.
    for (const name of ['Export JSON', 'Add an action', 'Compare', 'Change my answers', 'Start again']) {
      assert.equal(await viewer.button(name).count(), 0, `no "${name}" on a shared result`);
    }
    assert.equal(await viewer.textbox('Result code').count(), 0);
    assert.equal(await viewer.saved(), null, 'viewing saved nothing on this device');

    await viewer.button('Close the shared result').click();
    await viewer.expectLanding();
    assert.equal(other.page.url(), `${origin}/`, 'the address has no fragment any more');
    assert.equal(await viewer.saved(), null);
    await viewer.reload();
    await viewer.expectLanding();

    // In the person's own browser the link shows it too, and closing it
    // returns to their own result, untouched.
    const saved = await app.saved();
    await page.goto(link);
    await app.expectHeading('Shared result');
    assert.equal(await app.button('Start again').count(), 0);
    await app.button('Close the shared result').click();
    await app.expectHeading('Your result');
    assert.equal(page.url(), `${origin}/`);
    assert.deepEqual(await app.scoreTable(), table);
    assert.equal(await app.saved(), saved, 'own progress untouched');
  });
});

test('a link whose code has a typo says so and continues to Tandem', async (t) => {
  await tandem.journey(t, async ({ page, origin, freshContext }) => {
    const app = new Tandem(page, origin);
    await app.open();
    await app.takeAssessment('quick', VARIED.answers, { role: 'Other' });
    const code = await app.resultCode();
    const damaged = withTypo(code);
    assert.notEqual(damaged, code);
    assert.equal(damaged.length, code.length);

    const other = await freshContext();
    const viewer = new Tandem(other.page, origin);
    await other.page.goto(`${origin}/#r=${damaged}`);
    await viewer.expectHeading("This link's result could not be opened");
    const alert = other.page.getByRole('alert');
    assert.equal((await alert.textContent()).trim(), TYPO_MESSAGE);
    await viewer.button('Continue to Tandem').click();
    await viewer.expectLanding();
    assert.equal(other.page.url(), `${origin}/`, 'the address has no fragment any more');
    assert.equal(await viewer.saved(), null);
  });
});
