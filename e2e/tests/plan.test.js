// Targets and the action plan: drafted from the gaps by the stated rules
// (the drafts the domain makes are in e2e/fixtures/results.json), edited by
// the person and kept with the answers; and the printed report, which shows
// the plan as a table without any of the controls.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTandem } from '../harness.js';
import { HORIZONS, OWNERS, bank, levelLabel, sections } from '../bank.js';
import { draft, result } from '../fixtures.js';
import { Tandem, expectPrintView } from '../tandem.js';
import { cellRows } from '../workshop.js';

const tandem = useTandem();

// One quick dimension at each of levels 1 to 4 (scores 0, 25, 50, 75).
const RESULT = result('one-level-each');
const ANSWERS = RESULT.answers;
const NAMES = sections('quick').map((s) => s.dimension.name);
const REDRAFT = 'Redraft the plan from the targets (replaces your edits)';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December',
];
const today = () => {
  const d = new Date();
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
};

test('printing hides the controls and shows the report title and the plan as a table', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    await app.open();
    const dayBefore = today();
    await app.takeAssessment('quick', ANSWERS, { role: 'HR', team: 'Print room' });
    await app.expectResults('quick', RESULT);
    const plan = await app.readPlan();
    assert.deepEqual(plan, Tandem.planShown(draft(RESULT)));
    // The first action open for editing, so that its controls are there to
    // be hidden.
    await app.editAction(1);

    // The button asks the browser to print (counted rather than opened).
    await page.evaluate(() => {
      window.printCalls = 0;
      window.print = () => {
        window.printCalls += 1;
      };
    });
    await app.button('Print / save as PDF').click();
    assert.equal(await page.evaluate(() => window.printCalls), 1, 'window.print() was called once');

    const controls = {
      'Print / save as PDF': app.button('Print / save as PDF'),
      'Change my answers': app.button('Change my answers'),
      'Start again': app.button('Start again'),
      'Export JSON': app.button('Export JSON'),
      'Add an action': app.button('Add an action'),
      'Result code': app.textbox('Result code'),
      'Earlier result code or link': app.textbox('Earlier result code or link'),
      'target select': app.targetSelect(NAMES[0]),
      'action 1 owner': app.action(1).getByRole('combobox', { name: 'Owner', exact: true }),
      'action 1 text': app.action(1).getByRole('textbox', { name: 'What to do', exact: true }),
    };
    const titleText = page.getByText(/^Tandem report: /);
    const planTable = page.getByRole('table', { name: 'Action plan', exact: true });
    const kept = {
      heading: app.heading('Your result'),
      'scores table': app.resultsTable(),
    };
    const expectShown = (media, { controlsShown }) =>
      expectPrintView(media, controlsShown, { controls, kept, title: titleText, planTable });

    // On screen: the controls, no report title, the plan table only in the
    // document (hidden).
    await expectShown('screen', { controlsShown: true });
    assert.equal(await titleText.count(), 1, 'the report title is in the page');
    // Added once the results page has painted (components/action_plan.rs).
    const hiddenTable = page.getByRole('table', { name: 'Action plan', exact: true, includeHidden: true });
    await hiddenTable.waitFor({ state: 'attached' });
    assert.equal(await hiddenTable.count(), 1, 'the plan table is in the page');

    await page.emulateMedia({ media: 'print' });
    await expectShown('print', { controlsShown: false });
    const title = (await titleText.textContent()).trim();
    assert.ok(
      [dayBefore, today()].some((day) => title === `Tandem report: ${bank.title} · ${day}`),
      `report title with today's date: ${title}`,
    );
    // The printed plan is the plan, action by action.
    assert.deepEqual(
      await cellRows(page, planTable),
      plan.map((a, i) => [String(i + 1), a.text, a.dimension, a.owner, a.when]),
      'the printed plan table lists the actions',
    );

    await page.emulateMedia({ media: 'screen' });
    await expectShown('screen again', { controlsShown: true });
  });
});

test('targets redraft the plan until it is edited, and edits survive a reload', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    assert.deepEqual(RESULT.dimensions.map((e) => e.level), [1, 2, 3, 4]);
    await app.open();
    await app.takeAssessment('quick', ANSWERS, { role: 'Learning & Development (L&D)' });
    await app.expectResults('quick', RESULT);

    // Each target starts one level up; the choices run from the current level.
    await app.targetsTable().waitFor();
    for (const e of RESULT.targets) {
      const select = app.targetSelect(e.name);
      assert.equal(await select.inputValue(), e.default, `${e.name}: one level up`);
      const options = (await select.getByRole('option').allTextContents()).map((o) => o.trim());
      assert.deepEqual(options, e.options, `${e.name}: levels from the current one`);
      const row = app.targetsTable().getByRole('row').filter({
        has: page.getByRole('rowheader', { name: e.name, exact: true }),
      });
      assert.equal((await row.getByRole('cell').first().textContent()).trim(), e.current);
    }
    const first = draft(RESULT);
    await app.expectPlan(Tandem.planShown(first), 'the first draft');
    assert.equal(await app.button(REDRAFT).count(), 0, 'nothing to redraft while unedited');
    const countFor = (actions, name) => actions.filter((a) => a.dimension === name).length;

    // Raising a target by more levels brings in that dimension's later steps.
    await app.targetSelect(NAMES[0]).selectOption({ label: levelLabel(4) });
    const raised = draft(RESULT, { [NAMES[0]]: 4 });
    const textsFor = (actions, name) => actions.filter((a) => a.dimension === name).map((a) => a.text);
    assert.notDeepEqual(textsFor(raised, NAMES[0]), textsFor(first, NAMES[0]));
    await app.expectPlan(Tandem.planShown(raised), `the draft for ${NAMES[0]} at level 4`);
    assert.equal(countFor(await app.readPlan(), NAMES[0]), countFor(raised, NAMES[0]));
    assert.equal(await app.button(REDRAFT).count(), 0);

    // The person's edits; `mine` follows them.
    const mine = raised.map((a) => ({ ...a }));
    const field = (n, role, name) => app.action(n).getByRole(role, { name, exact: true });

    await app.editAction(1);
    const focused = (locator) => locator.evaluate((element) => element === document.activeElement);
    assert.ok(await focused(field(1, 'textbox', 'What to do')), '"Edit" takes focus to the text');
    await field(1, 'textbox', 'What to do').fill('Name our HR and L&D contacts this week.');
    await field(1, 'textbox', 'What to do').press('Tab');
    mine[0].text = 'Name our HR and L&D contacts this week.';
    await app.button(REDRAFT).waitFor();
    await app.expectPlan(Tandem.planShown(mine), 'text edited');

    await app.button('Move down action 1').click();
    // The open action moved with its editor.
    await app.action(2).getByRole('textbox', { name: 'What to do', exact: true }).waitFor();
    [mine[0], mine[1]] = [mine[1], mine[0]];
    await app.expectPlan(Tandem.planShown(mine), 'action 1 moved down');

    // Across a dimension boundary the legends change places too.
    const boundary = mine.findIndex((a, i) => i > 0 && a.dimension !== mine[i - 1].dimension);
    await app.editAction(boundary + 1);
    await app.button(`Move up action ${boundary + 1}`).click();
    [mine[boundary - 1], mine[boundary]] = [mine[boundary], mine[boundary - 1]];
    await app.expectPlan(Tandem.planShown(mine), `action ${boundary + 1} moved up`);

    await app.editAction(3);
    await app.button('Remove action 3').click();
    mine.splice(2, 1);
    await app.expectPlan(Tandem.planShown(mine), 'action 3 removed');

    // A new action: empty, for the top priority, jointly owned, within 90 days.
    await app.button('Add an action').click();
    mine.push({ ...RESULT.added });
    await app.expectPlan(Tandem.planShown(mine), 'an action added');
    const last = mine.length;
    await field(last, 'textbox', 'What to do').fill('Review the plan together each quarter.');
    await field(last, 'textbox', 'What to do').press('Tab');
    await field(last, 'combobox', 'Owner').selectOption({ label: OWNERS.leaders });
    await field(last, 'combobox', 'When').selectOption({ label: HORIZONS[1] });
    await field(last, 'combobox', 'Dimension').selectOption({ label: NAMES[3] });
    Object.assign(mine[last - 1], {
      text: 'Review the plan together each quarter.',
      owner: OWNERS.leaders,
      when: HORIZONS[1],
      dimension: NAMES[3],
    });
    await app.expectPlan(Tandem.planShown(mine), 'the new action filled in');
    assert.equal(await app.button(`Move down action ${last}`).isDisabled(), true);
    await app.button(`Done editing action ${last}`).click();
    assert.ok(await focused(app.button(`Edit action ${last}`)), '"Done" takes focus back to "Edit"');
    await app.editAction(1);
    assert.equal(await app.button('Move up action 1').isDisabled(), true);

    // An edited plan no longer follows the targets.
    await app.targetSelect(NAMES[1]).selectOption({ label: levelLabel(4) });
    await page.getByText('You have edited the plan, so changing a target no longer redrafts it.').waitFor();
    await app.expectPlan(Tandem.planShown(mine), 'unchanged by a new target');

    await app.reload();
    await app.expectResults('quick', RESULT);
    await app.expectPlan(Tandem.planShown(mine), 'the edited plan after a reload');
    assert.equal(await app.targetSelect(NAMES[0]).inputValue(), '4', 'target kept');
    assert.equal(await app.targetSelect(NAMES[1]).inputValue(), '4', 'target kept');
    assert.equal(await app.targetSelect(NAMES[2]).inputValue(), RESULT.targets[2].default);
    await app.button(REDRAFT).waitFor();

    // Redrafting replaces the edits with a draft from both targets.
    await app.button(REDRAFT).click();
    const both = draft(RESULT, { [NAMES[0]]: 4, [NAMES[1]]: 4 });
    await app.expectPlan(Tandem.planShown(both), 'redrafted from the targets');
    await app.button(REDRAFT).waitFor({ state: 'detached' });
    await app.reload();
    await app.expectPlan(Tandem.planShown(both), 'the redraft after a reload');
  });
});
