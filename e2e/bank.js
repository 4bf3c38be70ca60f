// The question bank the build was made from (src/assessment/standard.json),
// the labels the app gives its answers, roles, modes, owners and horizons,
// and the pages of statements each mode asks. Which dimensions a mode asks
// comes from e2e/fixtures/modes.json, written from the domain by
// tests/e2e_fixtures/; nothing here works out a score, a level or a plan.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

export const bank = JSON.parse(
  readFileSync(new URL('../src/assessment/standard.json', import.meta.url), 'utf8'),
);

/** The dimension ids each mode asks, in order (e2e/fixtures/modes.json). */
const MODE_DIMENSIONS = JSON.parse(
  readFileSync(new URL('./fixtures/modes.json', import.meta.url), 'utf8'),
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

/** The role labels, in the order the app lists roles. */
export const ROLES = [
  'HR',
  'Learning & Development (L&D)',
  'HR or L&D leadership',
  'Line manager or business leader',
  'Other',
];

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
 * The pages of statements a mode asks, in order: each dimension with the
 * questionnaire-wide number of its first statement.
 */
export function sections(mode) {
  const ids = MODE_DIMENSIONS[mode];
  assert.ok(ids, `no mode "${mode}"`);
  let number = 1;
  return ids.map((id) => {
    const dimension = bank.dimensions.find((d) => d.id === id);
    assert.ok(dimension, `the bank has the dimension ${id}`);
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
 * An answer for every statement of `mode`, for journeys that click answers
 * without checking a result: `choose(statement, index, dimension)` returns
 * the label to pick, `index` counting through the whole questionnaire from
 * 0. Returns a Map from statement id to label. A journey that checks what
 * its answers score takes a set from e2e/fixtures/results.json instead (see
 * result() in fixtures.js).
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

/** "Level 3, Cooperating": a level as the target selects offer it. */
export function levelLabel(level) {
  return `Level ${level}, ${bank.levels[level - 1].name}`;
}
