// The driver: Tandem in one page, used the way a person does (roles, labels
// and visible text; no CSS selectors for interactions). What a journey
// expects to see comes from the fixtures (fixtures.js), never from rules
// worked out here.

import assert from 'node:assert/strict';
import { MODES, bank, sections, statementCount } from './bank.js';
import { savedKey } from './storage.js';
import { TENTATIVE } from './fixtures.js';

/**
 * One action of the plan as its fieldset shows it, fields found by their
 * labels (runs in the browser).
 */
function readAction(group) {
  const control = (name) =>
    [...group.querySelectorAll('label')].find((l) => l.textContent.trim() === name)?.control;
  const chosen = (name) => control(name)?.selectedOptions[0]?.textContent.trim();
  const legend = group.querySelector(':scope > legend, :scope > h3')?.textContent.trim();
  if (control('What to do')) {
    return {
      legend,
      text: control('What to do').value,
      owner: chosen('Owner'),
      when: chosen('When'),
      dimension: chosen('Dimension'),
    };
  }
  // An action that is not being edited reads as text: its title, what to do
  // (or "Not written yet"), and "Owner: … · When: …".
  const text = group.querySelector('.action-plan__text');
  const meta = /^Owner: (.*) · When: (.*)$/.exec(group.querySelector('.action-plan__meta')?.textContent.trim());
  return {
    legend,
    text: text?.classList.contains('action-plan__text--empty') ? '' : text?.textContent.trim(),
    owner: meta?.[1],
    when: meta?.[2],
    dimension: legend?.replace(/^Action \d+: /, ''),
  };
}

/**
 * Whether the page's plan reads as `expected` (JSON of planShown), for
 * waitForFunction. A function, not a string: Playwright polls a string with
 * eval, which the app's Content Security Policy refuses, and the refusal
 * counts as an error in the page. Built here so that it can carry
 * readAction's code, since a page function can use nothing from this file.
 */
const PLAN_SHOWS = new Function(
  'expected',
  `const readAction = ${readAction};\n` +
    "return JSON.stringify([...document.querySelectorAll('fieldset, [role=group]')].map(readAction)" +
    ".filter((a) => /^Action \\d+: /.test(a.legend ?? ''))) === expected;",
);

/**
 * Drives Tandem in one page, as a person would. Every step waits for what it
 * needs with Playwright's auto-waiting locators; nothing sleeps.
 */
export class Tandem {
  constructor(page, origin) {
    this.page = page;
    this.origin = origin;
  }

  /** Opens the app and waits for the landing page. */
  async open() {
    await this.page.goto(`${this.origin}/`);
    await this.expectLanding();
  }

  /** Opens the configuration builder from the landing page, as a consultant would. */
  async openBuilder() {
    await this.open();
    await this.page.getByRole('link', { name: 'Build a configuration', exact: true }).click();
    await this.expectHeading('Configuration builder');
  }

  async reload() {
    await this.page.reload();
  }

  heading(name) {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  /** Waits until the page's main heading is `name`. */
  async expectHeading(name) {
    await this.heading(name).waitFor();
    const headings = await this.page.getByRole('heading', { level: 1 }).allTextContents();
    assert.deepEqual(
      headings.map((h) => h.trim()),
      [name],
      'exactly one main heading, the expected one',
    );
  }

  async expectLanding() {
    await this.expectHeading(bank.title);
    await this.button(MODES.quick.button).waitFor();
    await this.button(MODES.full.button).waitFor();
  }

  button(name) {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Waits for a piece of text, matched exactly. */
  async expectText(text) {
    await this.page.getByText(text, { exact: true }).waitFor();
  }

  /** Chooses quick or full on the landing page; arrives on "About you". */
  async start(mode) {
    await this.button(MODES[mode].button).click();
    await this.expectHeading('About you');
  }

  roleGroup() {
    return this.page.getByRole('group', { name: 'Your role', exact: true });
  }

  teamField() {
    return this.page.getByLabel('Team label (optional)', { exact: true });
  }

  /** Fills in "About you" and goes on to the first page of statements. */
  async aboutYou({ role, team }, mode) {
    await this.roleGroup().getByRole('radio', { name: role, exact: true }).check();
    if (team !== undefined) {
      await this.teamField().fill(team);
    }
    await this.button('Next').click();
    await this.expectSection(mode, 0);
  }

  /** The radio group of one statement, found by its numbered legend. */
  statement(statement, number) {
    return this.page.getByRole('group', { name: `${number}. ${statement.text}`, exact: true });
  }

  option(statement, number, label) {
    return this.statement(statement, number).getByRole('radio', { name: label, exact: true });
  }

  /** Waits until page `index` of `mode` is showing, with its progress line. */
  async expectSection(mode, index) {
    const all = sections(mode);
    const { dimension } = all[index];
    await this.expectHeading(dimension.name);
    await this.expectText(`Section ${index + 1} of ${all.length}: ${dimension.name}`);
  }

  /** Waits until the progress count reads `answered` of the mode's total. */
  async expectAnswered(mode, answered) {
    const text = `${answered} of ${statementCount(mode)} statements answered`;
    await this.expectText(text);
    await this.page.getByRole('progressbar', { name: text, exact: true }).waitFor();
  }

  /**
   * Answers the statements of page `index` from `answers` (id to label);
   * `only` limits it to the first few statements of the page.
   */
  async answerSection(mode, index, answers, only = Infinity) {
    const { dimension, firstNumber } = sections(mode)[index];
    const statements = dimension.statements.slice(0, only);
    for (const [offset, statement] of statements.entries()) {
      const label = answers.get(statement.id);
      await this.option(statement, firstNumber + offset, label).check();
    }
  }

  /** Asserts the answers of page `index` are checked (after a reload, say). */
  async expectChecked(mode, index, answers, only = Infinity) {
    const { dimension, firstNumber } = sections(mode)[index];
    for (const [offset, statement] of dimension.statements.slice(0, only).entries()) {
      const number = firstNumber + offset;
      const label = answers.get(statement.id);
      const chosen = this.option(statement, number, label);
      await chosen.waitFor();
      assert.equal(
        await chosen.isChecked(),
        true,
        `statement ${number} should still have "${label}" checked`,
      );
      const checked = this.statement(statement, number).getByRole('radio', { checked: true });
      assert.equal(await checked.count(), 1, `statement ${number} has exactly one answer checked`);
    }
  }

  /** Asserts no answer is checked on the statements of page `index` after `from`. */
  async expectUnanswered(mode, index, from) {
    const { dimension, firstNumber } = sections(mode)[index];
    for (const [offset, statement] of dimension.statements.entries()) {
      if (offset < from) continue;
      const checked = this.statement(statement, firstNumber + offset).getByRole('radio', {
        checked: true,
      });
      assert.equal(await checked.count(), 0, `statement ${firstNumber + offset} has no answer`);
    }
  }

  /** Presses Next (or "See my results" on the last page) and waits to move on. */
  async next(mode, index) {
    const all = sections(mode);
    const last = index + 1 === all.length;
    await this.button(last ? 'See my results' : 'Next').click();
    if (last) {
      await this.expectHeading('Your result');
    } else {
      await this.expectSection(mode, index + 1);
    }
  }

  /** Answers every page of `mode` from `answers` and reaches the results. */
  async answerAll(mode, answers, fromIndex = 0) {
    const all = sections(mode);
    for (let index = fromIndex; index < all.length; index += 1) {
      await this.answerSection(mode, index, answers);
      await this.expectAnswered(
        mode,
        all
          .slice(0, index + 1)
          .reduce((n, s) => n + s.dimension.statements.length, 0),
      );
      await this.next(mode, index);
    }
  }

  resultsTable() {
    return this.page.getByRole('table', {
      name: 'Score out of 100, level and how many statements each score is based on',
      exact: true,
    });
  }

  /** The body rows of the results table: those with a row header. */
  resultRows() {
    return this.resultsTable()
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader') });
  }

  resultRow(name) {
    return this.resultRows().filter({
      has: this.page.getByRole('rowheader', { name, exact: true }),
    });
  }

  /** The guidance card of one dimension: the article headed by its name. */
  card(name) {
    return this.page
      .getByRole('article')
      .filter({ has: this.page.getByRole('heading', { level: 3, name, exact: true }) });
  }

  /**
   * Checks the whole results page against `expected`, an answer set's
   * result from the fixtures (see result() in fixtures.js): the overall
   * line, one table row per dimension with score, level and coverage, and
   * each dimension's card.
   */
  async expectResults(mode, expected) {
    assert.equal(expected.mode, mode, `the answers "${expected.name}" are for the ${mode} assessment`);
    await this.expectHeading('Your result');
    await this.ruleHeading().waitFor();
    await this.page.getByRole('heading', { level: 2, name: 'Strengths', exact: true }).waitFor();
    await this.page
      .getByRole('heading', { level: 2, name: 'Top priorities', exact: true })
      .waitFor();
    await this.button('Change my answers').waitFor();

    await this.resultsTable().waitFor();
    const dimensions = expected.dimensions;
    assert.equal(
      await this.resultRows().count(),
      dimensions.length,
      `the results table has one row per dimension of the ${mode} assessment`,
    );
    const headers = await this.resultRows().getByRole('rowheader').allTextContents();
    assert.deepEqual(
      headers.map((h) => h.trim()),
      dimensions.map((e) => e.name),
      'rows are the dimensions, in order',
    );

    for (const e of dimensions) {
      const row = this.resultRow(e.name);
      assert.equal(await row.count(), 1, `one row for ${e.name}`);
      const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
      assert.deepEqual(cells, e.row, `row of ${e.name}: score, level, based on`);
      if (e.score !== null) {
        assert.match(cells[0], /^\d{1,3}$/, `${e.name} shows a numeric score`);
      }

      const card = this.card(e.name);
      assert.equal(await card.count(), 1, `one card for ${e.name}`);
      assert.equal(
        await card.getByText(e.card).count(),
        1,
        `card of ${e.name} says "${e.card}"; it says: ${(await card.textContent()).trim()}`,
      );
    }

    // Read rather than waited for: the page renders in one go, and reading
    // gives a clear difference rather than a timeout.
    const { overall } = expected;
    const line = await this.page.getByText(/^Overall: /).first().textContent();
    assert.equal(line.trim(), overall.line, 'the overall line');
    if (overall.score_line !== null) {
      const score = await this.page.getByText(/^Overall score /).first().textContent();
      assert.equal(score.trim(), overall.score_line, 'the overall score');
    }
    assert.equal(
      await this.page.getByText(overall.basis, { exact: true }).count(),
      1,
      `the headline says what it rests on: "${overall.basis}"`,
    );
    const notes = (await this.page.getByRole('note').allTextContents()).filter((n) =>
      n.trim().startsWith(TENTATIVE),
    );
    assert.deepEqual(
      notes.map((n) => n.trim()),
      overall.tentative === null ? [] : [overall.tentative],
      'a tentative result says so, and only a tentative one',
    );
  }

  /** "How this result is worked out", a disclosure on the results page. */
  ruleHeading() {
    return this.page.getByRole('heading', { level: 2, name: 'How this result is worked out', exact: true });
  }

  /** Opens the disclosure that says how the result is worked out. */
  async openRule() {
    await this.ruleHeading().click();
  }

  /** The mode, role and team line at the top of the results. */
  async expectAboutLine(mode, role, team) {
    const parts = [MODES[mode].label, `Role: ${role}`];
    if (team) parts.push(`Team: ${team}`);
    await this.expectText(parts.join(' · '));
  }

  /** What currently has focus, described for assertions. */
  focused() {
    return this.page.evaluate(() => {
      const element = document.activeElement;
      if (!element) return null;
      if (element instanceof HTMLInputElement && element.type === 'radio') {
        const legend = element.closest('fieldset')?.querySelector('legend');
        return {
          kind: 'radio',
          label: element.closest('label')?.textContent.trim(),
          group: legend?.textContent.trim(),
          checked: element.checked,
        };
      }
      return {
        kind: element.tagName.toLowerCase(),
        role: element.getAttribute('role'),
        label: element.textContent.trim(),
      };
    });
  }

  /** From the landing page: starts `mode`, fills in "About you", answers all. */
  async takeAssessment(mode, answers, about) {
    await this.start(mode);
    await this.aboutYou(about, mode);
    await this.answerAll(mode, answers);
  }

  /** The results table as text: `{ columns, rows }`, each row its header then cells. */
  async scoreTable() {
    await this.resultsTable().waitFor();
    const columns = (await this.resultsTable().getByRole('columnheader').allTextContents()).map(
      (c) => c.trim(),
    );
    const rows = [];
    for (const row of await this.resultRows().all()) {
      const header = await row.getByRole('rowheader').textContent();
      const cells = await row.getByRole('cell').allTextContents();
      rows.push([header, ...cells].map((c) => c.trim()));
    }
    return { columns, rows };
  }

  /** The results-table rows of `expected`, a result from the fixtures. */
  static scoreRows(expected) {
    return expected.dimensions.map((e) => [e.name, ...e.row]);
  }

  textbox(name) {
    return this.page.getByRole('textbox', { name, exact: true });
  }

  /** The result code shown under "Share or keep this result". */
  resultCode() {
    return this.textbox('Result code').inputValue();
  }

  resultLink() {
    return this.textbox('Result link').inputValue();
  }

  /**
   * Presses an export button and saves the download in `folder`; resolves to
   * `{ file, name }` (the path saved to, the name the app suggested).
   */
  async exportFile(button, folder) {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.button(button).click(),
    ]);
    const name = download.suggestedFilename();
    const file = `${folder}/${name}`;
    await download.saveAs(file);
    assert.equal(await download.failure(), null, `the download of ${name} succeeded`);
    return { file, name };
  }

  importInput() {
    return this.page.getByLabel(
      'Import a JSON export (replaces the answers and plan on this device)',
      { exact: true },
    );
  }

  /** Chooses a file (a path, or `{ name, mimeType, buffer }`) to import. */
  async importFile(file) {
    await this.importInput().setInputFiles(file);
  }

  targetsTable() {
    return this.page.getByRole('table', { name: 'Target level per dimension', exact: true });
  }

  /** The target select of a dimension, labelled by its name. */
  targetSelect(dimension) {
    return this.targetsTable().getByRole('combobox', { name: dimension, exact: true });
  }

  /** The fieldsets of the plan, "Action N: <dimension>", in order. */
  actionGroups() {
    return this.page.getByRole('group', { name: /^Action \d+: / });
  }

  /** The fieldset of action `number`. */
  action(number) {
    return this.page.getByRole('group', { name: new RegExp(`^Action ${number}: `) });
  }

  /**
   * Opens action `number` for editing, as a person would with its "Edit"
   * button (unless it is open already), and returns its fieldset.
   */
  async editAction(number) {
    const action = this.action(number);
    const text = action.getByRole('textbox', { name: 'What to do', exact: true });
    if ((await text.count()) === 0) {
      await this.button(`Edit action ${number}`).click();
    }
    await text.waitFor();
    return action;
  }

  /**
   * The plan as the editor shows it: for each action, its legend, text and
   * the chosen owner, horizon and dimension. Each fieldset is read in one go,
   * its fields found by their labels: a role query per field is slow.
   */
  async readPlan() {
    await this.button('Add an action').waitFor();
    const groups = await this.actionGroups().all();
    return Promise.all(groups.map((group) => group.evaluate(readAction)));
  }

  /**
   * Waits until the plan shows `shown` (see planShown), then checks it with
   * readPlan(), whose difference is clearer than a timeout.
   */
  async expectPlan(shown, why) {
    await this.page
      .waitForFunction(PLAN_SHOWS, JSON.stringify(shown), { timeout: 5_000 })
      .catch(() => {});
    assert.deepEqual(await this.readPlan(), shown, why);
  }

  /** How readPlan() shows `actions` (as the fixtures write a plan). */
  static planShown(actions) {
    return actions.map((a, i) => ({
      legend: `Action ${i + 1}: ${a.dimension}`,
      text: a.text,
      owner: a.owner,
      when: a.when,
      dimension: a.dimension,
    }));
  }

  /**
   * Opens `link`, which carries a configuration, and chooses to use it on
   * the screen that shows it first.
   */
  async useConfigLink(link) {
    await this.page.goto(link);
    await this.expectHeading('Use this configuration?');
    await this.button('Use this configuration').click();
  }

  /** The saved progress in localStorage, or null. */
  saved() {
    return this.page.evaluate((key) => window.localStorage.getItem(key), savedKey('tandem.progress'));
  }
}

/**
 * Checks what a printable screen shows in `media`: each of `controls` is
 * visible exactly when `controlsShown`, the report `title` and `planTable`
 * exactly when it is not (they are for print), and each of `kept` always.
 */
export async function expectPrintView(media, controlsShown, { controls, kept, title, planTable }) {
  for (const [name, locator] of Object.entries(controls)) {
    assert.equal(await locator.isVisible(), controlsShown, `${media}: ${name} visible?`);
  }
  assert.equal(await title.isVisible(), !controlsShown, `${media}: report title visible?`);
  assert.equal(await planTable.isVisible(), !controlsShown, `${media}: plan table visible?`);
  for (const [name, locator] of Object.entries(kept)) {
    assert.equal(await locator.isVisible(), true, `${media}: ${name} visible`);
  }
}
