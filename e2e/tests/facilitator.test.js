// The facilitator's side of a workshop, with a room of six (three HR, three
// L&D; three of them share a team label, one has a team label of their own):
// presenter mode, one dimension at a time with its figures held back until
// revealed; the team CSV and JSON exports, aggregates only; the printed team
// report; the team plan, whose edits are kept over a reload; a participant
// added from their result link; and several exported files imported at once.
//
// The six take the quick assessment once, in the first journey that needs
// them, and every journey reuses their codes and exports. Their answers, and
// every figure the team view must show for them, are in
// e2e/fixtures/room-of-six.json, written from the domain.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTandem } from '../harness.js';
import { bank, sections } from '../bank.js';
import { ROOM_OF_SIX } from '../fixtures.js';
import { withTypo } from '../links.js';
import { Tandem, expectPrintView } from '../tandem.js';
import { cellRows, gatheringBox, openWorkshop, participantsHeading } from '../workshop.js';

const tandem = useTandem();

const HR = 'HR';
const LD = 'Learning & Development (L&D)';
const NAMES = sections('quick').map((s) => s.dimension.name);
const WORKSHOP_NAME = 'Spring offsite';

/**
 * The room: three HR and three L&D. "North" has three members, so it is
 * shown; "Solo" has one, so it is hidden. North is the three HR people: had
 * it held two of them and one L&D person, HR minus North would be one HR
 * person's score minus one L&D person's, which either of them could solve
 * for the other, so the disclosure rule would hide a group more
 * (e2e/tests/anonymity.test.js shows such a room).
 */
const ROOM = ROOM_OF_SIX.people;

/** What the team view shows of the room, per dimension (see fixtures.js). */
const TEAM = ROOM_OF_SIX.dimensions;

/** The team plan Tandem drafts: from the team's rounded mean per dimension. */
const TEAM_DRAFT = ROOM_OF_SIX.plan;

let roomOnce = null;

/**
 * The room's results, each person's code and JSON export added, taken once
 * for the whole file: every person takes the quick assessment in a fresh
 * profile of their own, all at the same time.
 */
function room(freshContext, origin) {
  roomOnce ??= Promise.all(
    ROOM.map(async (person) => {
      const { page, context } = await freshContext();
      const app = new Tandem(page, origin);
      await app.open();
      await app.takeAssessment('quick', person.answers, {
        role: person.role,
        team: person.team || undefined,
      });
      const code = await app.resultCode();
      assert.match(code, /^T1-/, 'a result code');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        app.button('Export JSON').click(),
      ]);
      const json = await downloaded(download);
      await context.close();
      return { ...person, code, json };
    }),
  );
  return roomOnce;
}

/** The text of a finished download. */
async function downloaded(download) {
  assert.equal(await download.failure(), null, `the download of ${download.suggestedFilename()}`);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Waits for the gathering message. */
async function expectGathered(page, text) {
  await page.getByRole('status').filter({ hasText: text }).waitFor();
}

/** Opens the workshop, names it, and pastes the whole room's codes. */
async function gatherRoom(page, app, people) {
  await openWorkshop(page, app);
  await page.getByRole('textbox', { name: 'Workshop name', exact: true }).fill(WORKSHOP_NAME);
  await (await gatheringBox(page)).fill(people.map((p) => p.code).join('\n'));
  await app.button('Add codes').click();
  await expectGathered(page, `Added ${people.length} participants.`);
  await participantsHeading(page, people.length).waitFor();
  await app.expectText(`By role: HR 3 · ${LD} 3`);
}

/** Parses CSV as the app writes it (RFC 4180, CRLF); drops the BOM. */
function parseCsv(text) {
  assert.ok(text.startsWith('\u{feff}'), 'the CSV starts with a byte-order mark');
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 1; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  assert.equal(field, '', 'the CSV ends with a line break');
  assert.equal(row.length, 0, 'the CSV ends with a line break');
  return rows;
}

/** Every key anywhere in a parsed JSON value. */
function keysOf(value, keys = new Set()) {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, keys));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      keys.add(key);
      keysOf(v, keys);
    }
  }
  return keys;
}

test('presenter mode holds the figures back until revealed, steps through the dimensions with prompts to discuss, and returns to the team view', async (t) => {
  await tandem.journey(t, async ({ page, origin, freshContext }) => {
    const people = await room(freshContext, origin);
    const app = new Tandem(page, origin);
    await gatherRoom(page, app, people);

    await app.button('Start presenter mode').click();
    const previous = app.button('Previous');
    const next = app.button('Next');
    const reveal = app.button("Reveal the team's results");
    const figures = page.getByText(/^Team mean /);

    for (const [index, dimension] of TEAM.entries()) {
      await app.expectHeading(dimension.name);
      await app.expectText(`Dimension ${index + 1} of ${TEAM.length}`);
      await app.expectText(dimension.summary);
      assert.equal(
        await previous.isDisabled(),
        index === 0,
        `${dimension.name}: Previous disabled?`,
      );
      assert.equal(await next.isDisabled(), false, `${dimension.name}: more slides follow`);
      // The team view is out of the way while presenting.
      assert.equal(await app.button('Start presenter mode').count(), 0, 'no team view');

      // Before the reveal: the question for the room, no figures, no prompts.
      await app.expectText('Before the figures: where do you think we stand on this, and why?');
      await reveal.waitFor();
      assert.equal(await figures.count(), 0, `${dimension.name}: figures held back`);
      assert.equal(await page.getByRole('status').count(), 0, `${dimension.name}: no figures`);
      assert.equal(
        await page.getByRole('heading', { name: 'To discuss', exact: true }).count(),
        0,
        `${dimension.name}: no prompts before the reveal`,
      );

      await reveal.click();
      await figures.waitFor();
      assert.equal(await reveal.count(), 0, 'the reveal button has gone');
      const lines = (await page.getByRole('status').innerText())
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      assert.deepEqual(lines, dimension.presenter, `${dimension.name}: the revealed figures`);

      // The prompts are the bank's guidance for the team's level.
      const { prompts } = dimension;
      await page.getByRole('heading', { level: 2, name: 'To discuss', exact: true }).waitFor();
      await app.expectText(prompts.next);
      assert.deepEqual(
        (await page.getByRole('listitem').allTextContents()).map((l) => l.trim()),
        prompts.questions,
        `${dimension.name}: a question per practice of level ${dimension.level}`,
      );

      await next.click();
    }
    // After the dimensions: the most divided statements, then the plan.
    await app.expectHeading('Where the team is most divided');
    await next.click();
    await app.expectHeading('Our plan');
    assert.equal(await next.isDisabled(), true, 'the plan closes the presentation');
    await previous.click();
    await previous.click();
    assert.ok(
      new Set(TEAM.map((d) => d.level)).size > 1,
      'the room sits at different levels, so the prompts differ by level',
    );

    // Back one: the figures are held back again.
    await previous.click();
    await app.expectHeading(NAMES[NAMES.length - 2]);
    await reveal.waitFor();
    assert.equal(await figures.count(), 0, 'figures held back again after moving');

    await app.button('Leave presenter mode').click();
    await app.expectHeading('Workshop');
    await participantsHeading(page, ROOM.length).waitFor();
    await page
      .getByRole('table', { name: 'Team scores by dimension (0 to 100)', exact: true })
      .waitFor();
    await app.button('Start presenter mode').waitFor();
  });
});

test('the team CSV and JSON hold the team figures, matching the answers, and nobody on their own', async (t) => {
  await tandem.journey(t, async ({ page, origin, freshContext }) => {
    const people = await room(freshContext, origin);
    const app = new Tandem(page, origin);
    await gatherRoom(page, app, people);
    await app.button('Add an action').waitFor();
    const plan = await app.readPlan();
    assert.deepEqual(plan, Tandem.planShown(TEAM_DRAFT), 'the drafted team plan');

    const save = async (button, name) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        app.button(button).click(),
      ]);
      assert.equal(download.suggestedFilename(), name);
      return downloaded(download);
    };
    const csvText = await save('Export team CSV', 'tandem-team-report.csv');
    const jsonText = await save('Export team JSON', 'tandem-team-report.json');

    // Nothing that belongs to one person: no code, no answers, no label of
    // a team too small to show.
    for (const [format, text] of [['CSV', csvText], ['JSON', jsonText]]) {
      for (const person of people) {
        assert.ok(!text.includes(person.code), `${format}: no participant's code`);
      }
      assert.doesNotMatch(text, /T1-/, `${format}: no result code at all`);
      for (const label of ['Strongly agree', 'Strongly disagree', "Don't know"]) {
        assert.ok(!text.includes(label), `${format}: no answer ("${label}")`);
      }
    }
    assert.ok(!csvText.includes('Solo') && !csvText.includes('North'), 'CSV: no team label');

    // CSV: a row per dimension, then a row per action of the team plan.
    const rows = parseCsv(csvText);
    assert.deepEqual(rows[0], [
      'row', 'dimension', 'participants', 'mean', 'level', 'median', 'min', 'max',
      'std_dev', 'agreement', 'dont_know_percent', 'action', 'owner', 'when',
    ]);
    assert.deepEqual(
      rows.slice(1, 1 + TEAM.length),
      TEAM.map((d) => d.csv),
      'CSV: the team figures per dimension',
    );
    assert.deepEqual(
      rows.slice(1 + TEAM.length),
      TEAM_DRAFT.map((a) => [
        'action', a.dimension, '', '', '', '', '', '', '', '', '', a.text, a.owner, a.when,
      ]),
      'CSV: the team plan, and no other rows',
    );

    // JSON: the same figures, the counts and the groups large enough.
    const report = JSON.parse(jsonText);
    assert.equal(report.format, 'tandem-team-report');
    assert.equal(report.workshop, WORKSHOP_NAME);
    assert.equal(report.participants, ROOM.length);
    assert.equal(report.anonymity_threshold, 3);
    assert.deepEqual(
      report.by_role.filter((r) => r.count > 0),
      [{ role: HR, count: 3 }, { role: LD, count: 3 }],
    );
    assert.deepEqual(
      report.dimensions.map((d) => ({
        name: d.name,
        asked: d.asked,
        scored: d.scored,
        ...d.figures,
        dont_know: d.dont_know,
      })),
      TEAM.map((d) => d.json),
      'JSON: the team figures per dimension',
    );
    assert.deepEqual(
      report.hr_ld_gaps.map((g) => ({
        name: bank.dimensions.find((b) => b.id === g.dimension).name,
        hr: g.hr,
        ld: g.ld,
        gap: g.gap,
      })),
      ROOM_OF_SIX.gaps,
      'JSON: HR minus L&D, largest first',
    );
    // A hidden group has no figures at all: not even how many it has.
    const groups = (list) =>
      list.map((g) => ({
        group: g.group,
        members: g.figures?.members ?? null,
        means: g.figures?.means ?? null,
      }));
    assert.deepEqual(groups(report.by_role_groups), ROOM_OF_SIX.by_role_groups, 'JSON: by role');
    assert.deepEqual(groups(report.by_team_groups), ROOM_OF_SIX.by_team_groups, 'JSON: by team label');
    const solo = report.by_team_groups.find((g) => g.figures === null);
    assert.ok(solo, 'the team of one is there, without figures');
    for (const group of [...report.by_role_groups, ...report.by_team_groups]) {
      if (group.figures) assert.ok(group.figures.members >= 3, `${group.group}: at least 3`);
    }
    assert.deepEqual(
      report.plan.actions.map((a) => a.text),
      TEAM_DRAFT.map((a) => a.text),
      'JSON: the team plan',
    );
    const keys = keysOf(report);
    for (const key of ['answers', 'progress', 'codes', 'code', 'team']) {
      assert.ok(!keys.has(key), `JSON: no "${key}" anywhere`);
    }
  });
});

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December',
];
const today = () => {
  const d = new Date();
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
};

test('printing the team report shows its title, figures and plan, and hides the controls', async (t) => {
  await tandem.journey(t, async ({ page, origin, freshContext }) => {
    const people = await room(freshContext, origin);
    const app = new Tandem(page, origin);
    const dayBefore = today();
    await gatherRoom(page, app, people);
    // The first action open for editing, so that its controls are there to
    // be hidden.
    await app.editAction(1);

    await page.evaluate(() => {
      window.printCalls = 0;
      window.print = () => {
        window.printCalls += 1;
      };
    });
    await app.button('Print / save as PDF').click();
    assert.equal(await page.evaluate(() => window.printCalls), 1, 'window.print() was called once');

    const controls = {
      'Workshop name': app.textbox('Workshop name'),
      'paste box': page.getByRole('textbox', { name: 'Paste result codes or links', exact: true }),
      'Add codes': app.button('Add codes'),
      'file input': page.getByLabel('Import exported result files (JSON, several at once)', {
        exact: true,
      }),
      'Start the camera': app.button('Start the camera'),
      threshold: page.getByLabel('Smallest group shown on its own', { exact: true }),
      'Start presenter mode': app.button('Start presenter mode'),
      'Print / save as PDF': app.button('Print / save as PDF'),
      'Export team CSV': app.button('Export team CSV'),
      'Export team JSON': app.button('Export team JSON'),
      'Add an action': app.button('Add an action'),
      'action 1 text': app.action(1).getByRole('textbox', { name: 'What to do', exact: true }),
      'Start a new workshop': app.button('Start a new workshop'),
      'list of participants': page.getByText('List of participants (role and team only)', {
        exact: true,
      }),
    };
    const title = page.getByText(/^Tandem team report: /);
    const planTable = page.getByRole('table', { name: 'Action plan', exact: true });
    const kept = {
      heading: app.heading('Workshop'),
      participants: participantsHeading(page, ROOM.length),
      'team scores': page.getByRole('table', {
        name: 'Team scores by dimension (0 to 100)',
        exact: true,
      }),
      'HR and L&D': page.getByRole('table', {
        name: 'HR minus L&D mean score, largest difference first',
        exact: true,
      }),
    };
    const expectShown = (media, { controlsShown }) =>
      expectPrintView(media, controlsShown, { controls, kept, title, planTable });

    await expectShown('screen', { controlsShown: true });
    await page.emulateMedia({ media: 'print' });
    await expectShown('print', { controlsShown: false });
    const printed = (await title.textContent()).trim();
    assert.ok(
      [dayBefore, today()].some((day) => printed === `Tandem team report: ${WORKSHOP_NAME} · ${day}`),
      `the team report's title with the workshop's name and today's date: ${printed}`,
    );
    assert.deepEqual(
      await cellRows(page, planTable),
      TEAM_DRAFT.map((a, i) => [String(i + 1), a.text, a.dimension, a.owner, a.when]),
      'the printed team plan',
    );

    await page.emulateMedia({ media: 'screen' });
    await expectShown('screen again', { controlsShown: true });
  });
});

test('the team plan is drafted from the team, and an edit is kept over a reload and a new threshold', async (t) => {
  await tandem.journey(t, async ({ page, origin, freshContext }) => {
    const people = await room(freshContext, origin);
    const app = new Tandem(page, origin);
    await gatherRoom(page, app, people);

    const drafted = Tandem.planShown(TEAM_DRAFT);
    await app.expectPlan(drafted, 'the team plan drafted from the team means');
    const targets = app.targetsTable();
    for (const d of TEAM) {
      const row = targets.getByRole('row').filter({
        has: page.getByRole('rowheader', { name: d.name, exact: true }),
      });
      const now = (await row.getByRole('cell').first().textContent()).trim();
      assert.equal(now, d.level_label, `${d.name}: the team's level`);
    }

    const edited = drafted.map((a) => ({ ...a }));
    const text = (await app.editAction(1)).getByRole('textbox', { name: 'What to do', exact: true });
    await text.fill('Agree our two named contacts before the next team meeting.');
    await text.press('Tab');
    edited[0].text = 'Agree our two named contacts before the next team meeting.';
    await app.editAction(2);
    await app.button('Remove action 2').click();
    edited.splice(1, 1);
    edited.forEach((a, i) => (a.legend = `Action ${i + 1}: ${a.dimension}`));
    await app.expectPlan(edited, 'text edited and action 2 removed');

    await app.reload();
    await app.expectHeading('Workshop');
    await participantsHeading(page, ROOM.length).waitFor();
    await app.expectPlan(edited, 'the edited team plan after a reload');
    await app.expectText('You have edited the plan, so changing a target no longer redrafts it.');

    // A new threshold works the figures out again but leaves an edited plan.
    const threshold = page.getByLabel('Smallest group shown on its own', { exact: true });
    await threshold.selectOption('4');
    await app.expectText('The comparison appears once there are at least 4 HR and 4 L&D participants.');
    await app.expectPlan(edited, 'the edited plan after a new threshold');
    await app.reload();
    await app.expectHeading('Workshop');
    assert.equal(await threshold.inputValue(), '4', 'the threshold is kept too');
    await app.expectPlan(edited, 'the edited plan after a second reload');
  });
});

test("a result link opened on the facilitator's device adds that participant once", async (t) => {
  await tandem.journey(t, async ({ page, origin, freshContext }) => {
    const [first, , , second] = await room(freshContext, origin);
    const app = new Tandem(page, origin);
    await openWorkshop(page, app);
    await (await gatheringBox(page)).fill(first.code);
    await app.button('Add codes').click();
    await participantsHeading(page, 1).waitFor();

    const addFromLink = async (person) => {
      await page.goto(`${origin}/#r=${person.code}`);
      await app.expectHeading('Shared result');
      await app.button('Add to the workshop on this device').click();
      await app.expectHeading('Workshop');
      assert.equal(new URL(page.url()).hash, '#workshop', 'the address names the workshop');
    };

    await addFromLink(second);
    await expectGathered(page, 'Added 1 participant.');
    await participantsHeading(page, 2).waitFor();
    await app.expectText(`By role: HR 1 · ${LD} 1`);

    // The same link again: still two, and the screen says why.
    await addFromLink(second);
    await expectGathered(page, 'Added 0 participants. 1 duplicate was counted once.');
    await participantsHeading(page, 2).waitFor();
    await app.expectText(`By role: HR 1 · ${LD} 1`);
    await page.getByText('List of participants (role and team only)', { exact: true }).click();
    const participants = page.getByRole('region', { name: 'Participants: 2', exact: true });
    // The list is built once it is opened.
    await participants.getByRole('listitem').nth(1).waitFor();
    assert.deepEqual(
      (await participants.getByRole('listitem').allTextContents()).map((l) => l.trim()),
      [first, second].map((p) => `${p.role}${p.team ? `, ${p.team}` : ''} Remove`),
      'the list names roles and teams only',
    );

    // Pasting the code the link carried confirms it is the same person.
    await (await gatheringBox(page)).fill(second.code);
    await app.button('Add codes').click();
    await expectGathered(page, 'Added 0 participants. 1 duplicate was counted once.');
    await participantsHeading(page, 2).waitFor();

    // A link whose code has a typo offers nothing to add.
    await page.goto(`${origin}/#r=${withTypo(second.code)}`);
    await app.expectHeading("This link's result could not be opened");
    assert.equal(await app.button('Add to the workshop on this device').count(), 0);
  });
});

test('several exported files imported at once: good ones added, a duplicate counted once, a damaged and a foreign file listed with their reasons', async (t) => {
  await tandem.journey(t, async ({ page, origin, freshContext }) => {
    const people = await room(freshContext, origin);
    const [hr1, hr2, , ld1, , ld3] = people;
    const app = new Tandem(page, origin);
    await openWorkshop(page, app);
    await (await gatheringBox(page)).fill(hr2.code);
    await app.button('Add codes').click();
    await participantsHeading(page, 1).waitFor();

    const file = (name, text) => ({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    const cut = ld3.json.slice(0, Math.floor(ld3.json.length / 2));
    await page
      .getByLabel('Import exported result files (JSON, several at once)', { exact: true })
      .setInputFiles([
        file(hr1.file, hr1.json),
        file('damaged.json', cut),
        file(hr2.file, hr2.json),
        file('notes.json', '{"meeting": "Spring offsite", "room": 4}'),
        file(ld1.file, ld1.json),
      ]);

    await expectGathered(page, 'Added 2 participants. 1 duplicate was counted once.');
    const alert = page.getByRole('alert');
    await alert
      .getByText('2 entries could not be added; everything gathered before is kept:', {
        exact: true,
      })
      .waitFor();
    const rejected = (await alert.getByRole('listitem').allTextContents()).map((l) => l.trim());
    assert.equal(rejected.length, 2, `two files refused: ${rejected.join(' | ')}`);
    assert.match(
      rejected[0],
      new RegExp(
        '^damaged\\.json: This file is damaged or is not a JSON file ' +
          '\\(reading stopped at line \\d+, column \\d+\\)\\. ' +
          'Choose the \\.json file Tandem exported, or export it again\\.$',
      ),
    );
    assert.equal(
      rejected[1],
      'notes.json: This file is JSON but not a Tandem export. ' +
        'Choose the .json file Tandem exported with "Export JSON".',
    );
    await participantsHeading(page, 3).waitFor();
    await app.expectText(`By role: HR 2 · ${LD} 1`);

    // The three are the people whose files were read: the same team figures.
    const three = ROOM_OF_SIX.of_three;
    assert.deepEqual(three.people, [hr2, hr1, ld1].map((p) => p.file), 'the fixture has these three');
    const table = page.getByRole('table', {
      name: 'Team scores by dimension (0 to 100)',
      exact: true,
    });
    for (const d of three.table) {
      const row = table.getByRole('row').filter({
        has: page.getByRole('rowheader', { name: d.name, exact: true }),
      });
      const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
      assert.deepEqual(cells.slice(0, 4), d.cells, `${d.name}: mean, level, median and range of the three`);
    }

    // Kept over a reload.
    await app.reload();
    await app.expectHeading('Workshop');
    await participantsHeading(page, 3).waitFor();
  });
});
