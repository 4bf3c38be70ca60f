// The fixtures in e2e/fixtures/, which tests/e2e_fixtures/ writes from the
// domain (`TANDEM_WRITE_FIXTURES=1 cargo test --test e2e_fixtures`) and
// checks on every native test run: the answers the journeys give, and what
// the screen must then show. The scoring, the levels, the overall rule, the
// plan's drafting and the team's figures live only in Rust; a journey
// compares the page with these.

import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { readFileSync } from 'node:fs';

/** The parsed fixture `name`. */
function fixture(name) {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
}

/** Answers as a fixture writes them (statement id to label), as a Map. */
function answersOf(written) {
  return new Map(Object.entries(written));
}

const RESULTS = fixture('results.json');

/**
 * The answer set `name` of e2e/fixtures/results.json with what its results
 * page shows: `{ name, mode, answers, dimensions, overall }`, `answers` a
 * Map from statement id to label. Each of `dimensions` has `name`, `score`,
 * `level` and `level_name` (null when not scored), `counted`, `total`,
 * `row` (the cells of its row in the results table: score, level, based
 * on) and `card` (its card's line); `overall` has `line`, `score_line`
 * (null without an overall score), `score`, `level`, `level_name`,
 * `basis` (what it rests on) and `tentative` (the note on a result that
 * rests on too little, or null). The
 * plan journey's set also has `drafts` (see draft()), `targets` (per
 * dimension `name`, `current`, the `default` target and the `options`
 * offered) and `added`, the action "Add an action" adds.
 */
/** How the note on a tentative result begins (rule 6 of the scoring). */
export const TENTATIVE = RESULTS.tentative;

export function result(name) {
  const written = RESULTS.results[name];
  assert.ok(written, `e2e/fixtures/results.json has no answer set "${name}"`);
  return { name, ...written, answers: answersOf(written.answers) };
}

/**
 * The plan drafted for `result` with `targets` (dimension name to level)
 * chosen: its actions, `{ dimension, text, owner, when }` as the editor
 * shows them.
 */
export function draft(result, targets = {}) {
  const found = (result.drafts ?? []).find((d) => isDeepStrictEqual(d.targets, targets));
  assert.ok(found, `the fixture drafts ${result.name} for targets ${JSON.stringify(targets)}`);
  return found.actions;
}

/**
 * The "Earlier" and "Change" cells, per dimension of `now`, of the result
 * `now` compared with the result `earlier` (both names of answer sets).
 */
export function comparison(now, earlier) {
  const found = RESULTS.comparisons.find((c) => c.now === now && c.earlier === earlier);
  assert.ok(found, `the fixture compares ${now} with ${earlier}`);
  return found.cells;
}

/** A room whose people's answers become Maps. */
function room(name) {
  const written = fixture(name);
  return {
    ...written,
    people: written.people.map((person) => ({ ...person, answers: answersOf(person.answers) })),
  };
}

/**
 * Nine result codes of the standard bank, 5 HR, 3 L&D and one line manager,
 * with the figures the workshop must show (e2e/fixtures/five-three-one.json).
 */
export const FIVE_THREE_ONE = fixture('five-three-one.json');

/**
 * The facilitator's room of six (e2e/fixtures/room-of-six.json): `people`
 * (`file`, `role`, `team`, `answers`) and their result `codes`, and per dimension what presenter
 * mode, the targets table, the team CSV and the team JSON show; the HR and
 * L&D `gaps` and the groups as the team JSON writes them; the `divided`
 * statements as listed, with HR's and L&D's answers; the team `plan`; and
 * `of_three`, the team table of three of them.
 */
export const ROOM_OF_SIX = room('room-of-six.json');

/**
 * Two HR answering high and two L&D answering low
 * (e2e/fixtures/hr-above-ld.json): `people` (`role`, `answers`), their
 * result `codes`, and the
 * rows of the HR and L&D comparison at `threshold`.
 */
export const HR_ABOVE_LD = room('hr-above-ld.json');
