// What the tests know about Tandem: the question bank the build was made from
// (src/assessment/standard.json), the scoring rules stated on the results page
// recomputed independently, and a driver that uses the app the way a person
// does (roles, labels and visible text; no CSS selectors for interactions).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

export const bank = JSON.parse(
  readFileSync(new URL('../src/assessment/standard.json', import.meta.url), 'utf8'),
);

/** The agreement scale, most negative first, as labelled in the app. */
export const AGREEMENT = [
  'Strongly disagree',
  'Disagree',
  'Neither agree nor disagree',
  'Agree',
  'Strongly agree',
];
export const DONT_KNOW = "Don't know";
export const NOT_APPLICABLE = 'Not applicable';

export const MODES = {
  quick: { button: 'Start the quick assessment', label: 'Quick assessment' },
  full: { button: 'Start the full assessment', label: 'Full assessment' },
};

/**
 * The pages of statements a mode asks, in order: each dimension with the
 * questionnaire-wide number of its first statement.
 */
export function sections(mode) {
  const dimensions = bank.dimensions.filter((d) => mode === 'full' || d.core);
  let number = 1;
  return dimensions.map((dimension) => {
    const section = { dimension, firstNumber: number };
    number += dimension.statements.length;
    return section;
  });
}

/** How many statements a mode asks. */
export function statementCount(mode) {
  return sections(mode).reduce((n, s) => n + s.dimension.statements.length, 0);
}

/**
 * An answer for every statement of `mode`: `choose(statement, index, dimension)`
 * returns the label to pick, `index` counting through the whole questionnaire
 * from 0. Returns a Map from statement id to label.
 */
export function plan(mode, choose) {
  const answers = new Map();
  let index = 0;
  for (const { dimension } of sections(mode)) {
    for (const statement of dimension.statements) {
      answers.set(statement.id, choose(statement, index, dimension));
      index += 1;
    }
  }
  return answers;
}

/** `numerator / denominator` rounded half up, as the app documents. */
function roundedRatio(numerator, denominator) {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** Level 1 to 5 of a score: bands 0-19, 20-39, 40-59, 60-79, 80-100. */
export function levelOf(score) {
  return Math.min(Math.floor(score / 20) + 1, 5);
}

export function levelName(level) {
  return bank.levels[level - 1].name;
}

/**
 * The expected result of one dimension under the published rules: agreement
 * answers count 0, 25, 50, 75, 100 (reverse statements the other way round);
 * "Don't know" and "Not applicable" are left out; a score needs answers to at
 * least half of the statements.
 */
export function expectedDimension(dimension, answers) {
  let points = 0;
  let counted = 0;
  let dontKnow = 0;
  let notApplicable = 0;
  for (const statement of dimension.statements) {
    const answer = answers.get(statement.id);
    if (answer === DONT_KNOW) dontKnow += 1;
    else if (answer === NOT_APPLICABLE) notApplicable += 1;
    else if (answer !== undefined) {
      const value = AGREEMENT.indexOf(answer) * 25;
      assert.ok(value >= 0, `unknown answer ${answer}`);
      points += statement.reverse ? 100 - value : value;
      counted += 1;
    }
  }
  const total = dimension.statements.length;
  const score = counted > 0 && counted * 2 >= total ? roundedRatio(points, counted) : null;
  const unsure = [];
  if (dontKnow > 0) unsure.push(`${dontKnow} don't know`);
  if (notApplicable > 0) unsure.push(`${notApplicable} not applicable`);
  const coverage =
    `${counted} of ${total} statements` + (unsure.length > 0 ? ` (${unsure.join(', ')})` : '');
  return {
    name: dimension.name,
    score,
    level: score === null ? null : levelOf(score),
    counted,
    total,
    coverage,
  };
}

/** The expected results of every dimension of `mode`. */
export function expectedResults(mode, answers) {
  return sections(mode).map(({ dimension }) => expectedDimension(dimension, answers));
}

/**
 * The expected overall line: the mean of the scored dimensions (at least half
 * must be scored), its level held to one above the lowest dimension's level.
 */
export function expectedOverall(results) {
  const scored = results.filter((r) => r.score !== null);
  if (scored.length === 0 || scored.length * 2 < results.length) {
    return { line: 'Overall: not enough answers', level: null };
  }
  const score = roundedRatio(
    scored.reduce((sum, r) => sum + r.score, 0),
    scored.length,
  );
  const lowest = Math.min(...scored.map((r) => r.level));
  const level = Math.min(levelOf(score), Math.min(lowest + 1, 5));
  return { line: `Overall: level ${level}, ${levelName(level)}`, score, level };
}

/** The role labels, in the order the app lists roles. */
export const ROLES = [
  'HR',
  'Learning & Development (L&D)',
  'HR or L&D leadership',
  'Line manager or business leader',
  'Other',
];

/** `sum / n` in tenths, rounded half up from the exact fraction, as a number. */
function meanTenths(sum, n) {
  return Math.floor((20 * sum + n) / (2 * n)) / 10;
}

/**
 * The team figures a workshop shows for `members` (each `{ role, team,
 * answers }`, the role as labelled, the team '' for none), recomputed from
 * the rules src/assessment/workshop.rs states:
 *
 * - `dimensions`: per dimension of `mode`, over the members scored on it,
 *   `scored`, `mean` (one decimal, half up from the exact fraction), `score`
 *   (the mean rounded half up to a whole number) and its `level`, `median`,
 *   `min`, `max`, `stdDev` (population, rounded to one decimal) and
 *   `agreement` read from it (below 10 Agreed, below 20 Mixed, else Split);
 * - `roles` and `teams`: each group with members (roles in the app's order,
 *   teams by label ignoring case), `{ group, members, means }` where `means`
 *   (a mean per dimension, or null under `threshold` scores) is null when the
 *   group has fewer than `threshold` members;
 * - `gaps`: HR minus L&D per dimension where both groups have `threshold`
 *   scores, `{ name, hr, ld, gap }`, largest difference first, ties in bank
 *   order.
 */
export function expectedTeam(mode, members, threshold = 3) {
  const dims = sections(mode).map((s) => s.dimension);
  const scores = members.map((m) => dims.map((d) => expectedDimension(d, m.answers).score));
  const dimensions = dims.map((dimension, i) => {
    const values = scores.map((s) => s[i]).filter((v) => v !== null).sort((a, b) => a - b);
    const n = values.length;
    if (n === 0) return { name: dimension.name, scored: 0, mean: null };
    const sum = values.reduce((a, b) => a + b, 0);
    const squares = values.reduce((a, b) => a + b * b, 0);
    const stdDev = Math.round((Math.sqrt(n * squares - sum * sum) / n) * 10) / 10;
    const score = roundedRatio(sum, n);
    return {
      name: dimension.name,
      scored: n,
      mean: meanTenths(sum, n),
      score,
      level: levelOf(score),
      median: (values[Math.floor((n - 1) / 2)] + values[Math.floor(n / 2)]) / 2,
      min: values[0],
      max: values[n - 1],
      stdDev,
      agreement: n < 2 ? null : stdDev < 10 ? 'Agreed' : stdDev < 20 ? 'Mixed' : 'Split',
    };
  });

  const sums = (who) =>
    dims.map((_, i) => {
      const values = who.map((m) => scores[members.indexOf(m)][i]).filter((v) => v !== null);
      return { sum: values.reduce((a, b) => a + b, 0), n: values.length };
    });
  const group = (label, who) => ({
    group: label,
    members: who.length,
    means:
      who.length < threshold
        ? null
        : sums(who).map(({ sum, n }) => (n >= threshold ? meanTenths(sum, n) : null)),
  });
  const roles = ROLES.map((role) => group(role, members.filter((m) => m.role === role))).filter(
    (g) => g.members > 0,
  );
  const teamKeys = [...new Set(members.filter((m) => m.team).map((m) => m.team.toLowerCase()))]
    .sort();
  const teams = teamKeys.map((key) => {
    const who = members.filter((m) => m.team.toLowerCase() === key);
    const spelling = who.map((m) => m.team).sort()[0];
    return group(spelling, who);
  });

  const [hr, ld] = [ROLES[0], ROLES[1]].map((role) => sums(members.filter((m) => m.role === role)));
  const gaps = dims
    .map((dimension, i) => ({ dimension, i, hr: hr[i], ld: ld[i] }))
    .filter(({ hr: h, ld: l }) => h.n >= threshold && l.n >= threshold)
    .map(({ dimension, i, hr: h, ld: l }) => {
      // The exact difference as a fraction, for ordering and rounding.
      const numerator = h.sum * l.n - l.sum * h.n;
      const denominator = h.n * l.n;
      const magnitude = meanTenths(Math.abs(numerator), denominator);
      return {
        name: dimension.name,
        order: i,
        size: Math.abs(numerator) / denominator,
        hr: meanTenths(h.sum, h.n),
        ld: meanTenths(l.sum, l.n),
        gap: numerator < 0 ? -magnitude : magnitude,
      };
    })
    .sort((a, b) => b.size - a.size || a.order - b.order)
    .map(({ name, hr: h, ld: l, gap }) => ({ name, hr: h, ld: l, gap }));

  return { participants: members.length, dimensions, roles, teams, gaps };
}

/** "Level 3, Cooperating", as the target selects offer a level. */
export function levelLabel(level) {
  return `Level ${level}, ${levelName(level)}`;
}

/**
 * Answers giving every statement of dimension `i` of `mode` the value
 * `values[i]` (0, 25, 50, 75 or 100), reverse statements answered the other
 * way round, so that dimension scores exactly `values[i]`.
 */
export function answersScoring(mode, values) {
  const order = sections(mode).map((s) => s.dimension);
  return plan(mode, (statement, _index, dimension) => {
    const value = values[order.indexOf(dimension)];
    assert.ok(value % 25 === 0 && value >= 0 && value <= 100, `bad value ${value}`);
    return AGREEMENT[(statement.reverse ? 100 - value : value) / 25];
  });
}

/** The owner labels of the plan, by the bank's owner ids. */
export const OWNERS = {
  hr: 'HR',
  'learning-and-development': 'L&D',
  joint: 'HR and L&D jointly',
  leaders: 'Leaders',
};

/** The plan's "When" labels. */
export const HORIZONS = ['Within 30 days', 'Within 60 days', 'Within 90 days'];

/**
 * The plan Tandem drafts, recomputed from the rules it states: the default
 * target is one level up; `targets` (dimension name to level) overrides it.
 * For each dimension short of its target, the practices of every level from
 * the current one up to the target, most urgent first (largest gap, then
 * lowest score, then bank order); the first step of the top two within 30
 * days, other first steps within 60, later steps within 90. Each action is
 * `{ dimension, text, owner, when }` with the names and labels shown.
 */
export function expectedDraft(mode, answers, targets = {}) {
  return draftFrom(mode, (dimension) => expectedDimension(dimension, answers), targets);
}

/**
 * The same drafting rules for any result: `resultOf(dimension)` gives
 * `{ score, level }` (`score` null when unscored). A workshop drafts the team
 * plan from the team's rounded mean per dimension (see expectedTeam).
 */
export function draftFrom(mode, resultOf, targets = {}) {
  const gaps = [];
  for (const [order, { dimension }] of sections(mode).entries()) {
    const result = resultOf(dimension);
    if (result.score === null) continue;
    const chosen = targets[dimension.name];
    const target =
      chosen !== undefined && chosen >= result.level ? chosen : Math.min(result.level + 1, 5);
    if (target > result.level) {
      gaps.push({ dimension, order, current: result.level, target, score: result.score });
    }
  }
  gaps.sort(
    (a, b) =>
      b.target - b.current - (a.target - a.current) || a.score - b.score || a.order - b.order,
  );
  const actions = [];
  for (const [rank, gap] of gaps.entries()) {
    for (let level = gap.current; level < gap.target; level += 1) {
      const step = level - gap.current;
      const when = step > 0 ? HORIZONS[2] : rank < 2 ? HORIZONS[0] : HORIZONS[1];
      const guidance = gap.dimension.guidance.find((g) => g.level === level);
      for (const text of guidance.practices) {
        actions.push({
          dimension: gap.dimension.name,
          text,
          owner: OWNERS[gap.dimension.owner],
          when,
        });
      }
    }
  }
  return actions;
}

/**
 * `code` with one symbol changed for another valid one (the fourth symbol
 * after "T1-"): what a typo does, which the checksum must catch.
 */
export function withTypo(code) {
  const at = code.indexOf('-') + 4;
  const replacement = code[at] === '7' ? '8' : '7';
  return code.slice(0, at) + replacement + code.slice(at + 1);
}

/** What Tandem says of a code with a typo (CodeError::Checksum). */
export const TYPO_MESSAGE =
  'This code has a typo: a character was changed, added or left out. Check it against the original.';

/** Escapes `text` for use inside a RegExp. */
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A RegExp matching exactly `text`, ignoring surrounding whitespace. */
export function exactly(text) {
  return new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
}

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
/**
 * The localStorage key of `base` ('tandem.progress', 'tandem.workshop',
 * 'tandem.config') for Tandem served from `folder`, as src/storage.rs
 * documents its keys: the folder follows a `#`.
 */
export function savedKey(base, folder = '/') {
  return `${base}#${folder}`;
}

/**
 * Saves `text` under `key` as if an earlier visit had, before the app
 * starts: once per tab, so a reload finds what the app made of it.
 */
export async function savedBefore(context, key, text) {
  await context.addInitScript(
    ([key, value]) => {
      if (sessionStorage.getItem('tandem-test-seeded') === null) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('tandem-test-seeded', 'yes');
      }
    },
    [key, text],
  );
}

/**
 * The fragment (`config=…`) that carries `config`, an object, as the
 * builder makes it; `configLink` puts it after Tandem's address.
 */
export function configFragment(config) {
  return `config=${Buffer.from(JSON.stringify(config)).toString('base64url')}`;
}

export function configLink(origin, config) {
  return `${origin}/#${configFragment(config)}`;
}

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
   * Checks the whole results page against `expected` (from expectedResults):
   * the overall line, one table row per dimension with score, level and
   * coverage, and each dimension's card.
   */
  async expectResults(mode, expected) {
    await this.expectHeading('Your result');
    await this.page
      .getByRole('heading', { level: 2, name: 'How this result is worked out', exact: true })
      .waitFor();
    await this.page.getByRole('heading', { level: 2, name: 'Strengths', exact: true }).waitFor();
    await this.page
      .getByRole('heading', { level: 2, name: 'Top priorities', exact: true })
      .waitFor();
    await this.button('Change my answers').waitFor();

    await this.resultsTable().waitFor();
    assert.equal(
      await this.resultRows().count(),
      expected.length,
      `the results table has one row per dimension of the ${mode} assessment`,
    );
    const headers = await this.resultRows().getByRole('rowheader').allTextContents();
    assert.deepEqual(
      headers.map((h) => h.trim()),
      expected.map((e) => e.name),
      'rows are the dimensions, in order',
    );

    for (const e of expected) {
      const row = this.resultRow(e.name);
      assert.equal(await row.count(), 1, `one row for ${e.name}`);
      const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
      const want =
        e.score === null
          ? ['Not enough answers', '', e.coverage]
          : [String(e.score), `${e.level} ${levelName(e.level)}`, e.coverage];
      assert.deepEqual(cells, want, `row of ${e.name}: score, level, based on`);
      if (e.score !== null) {
        assert.match(cells[0], /^\d{1,3}$/, `${e.name} shows a numeric score`);
      }

      const card = this.card(e.name);
      assert.equal(await card.count(), 1, `one card for ${e.name}`);
      const cardText = e.score === null
        ? `Not enough answers: ${e.counted} of ${e.total} statements were answered on the agreement scale`
        : `Score ${e.score} out of 100 · level ${e.level}, ${levelName(e.level)} · based on ${e.coverage}`;
      assert.equal(
        await card.getByText(cardText).count(),
        1,
        `card of ${e.name} says "${cardText}"; it says: ${(await card.textContent()).trim()}`,
      );
    }

    // Read rather than waited for: the page renders in one go, and reading
    // gives a clear difference rather than a timeout.
    const overall = expectedOverall(expected);
    const line = await this.page.getByText(/^Overall: /).first().textContent();
    assert.equal(line.trim(), overall.line, 'the overall line');
    if (overall.score !== undefined) {
      const score = await this.page.getByText(/^Overall score /).first().textContent();
      assert.equal(score.trim(), `Overall score ${overall.score} out of 100`, 'the overall score');
    }
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

  /** The expected results-table rows for `expected` (from expectedResults). */
  static scoreRows(expected) {
    return expected.map((e) =>
      e.score === null
        ? [e.name, 'Not enough answers', '', e.coverage]
        : [e.name, String(e.score), `${e.level} ${levelName(e.level)}`, e.coverage],
    );
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

  /** How readPlan() shows `actions` (from expectedDraft). */
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

/** From the landing page, follows the link to the workshop. */
export async function openWorkshop(page, app) {
  await app.open();
  await page.getByRole('link', { name: "Open the facilitator's workshop", exact: true }).click();
  await app.expectHeading('Workshop');
}

/**
 * The room of e2e/fixtures/five-three-one.json (written from the domain by
 * tests/e2e_fixtures.rs): nine result codes of the standard bank, 5 HR, 3
 * L&D and one line manager, with the figures the workshop must show.
 */
export const FIVE_THREE_ONE = JSON.parse(
  readFileSync(new URL('./fixtures/five-three-one.json', import.meta.url), 'utf8'),
);

/** Pastes `codes` into the workshop and waits until it has `participants`. */
export async function pasteCodes(page, codes, participants) {
  await page.getByRole('textbox', { name: 'Paste result codes or links', exact: true }).fill(codes.join('\n'));
  await page.getByRole('button', { name: 'Add codes', exact: true }).click();
  await participantsHeading(page, participants).waitFor();
}

/** The workshop's "Participants: n" heading. */
export function participantsHeading(page, n) {
  return page.getByRole('heading', { level: 2, name: `Participants: ${n}`, exact: true });
}

/** The rows of `table` that hold cells, each as its trimmed cell texts. */
export async function cellRows(page, table) {
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
  const cells = [];
  for (const row of await rows.all()) {
    cells.push((await row.getByRole('cell').allTextContents()).map((c) => c.trim()));
  }
  return cells;
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
