// Moving on needs answers: "Next" on an incomplete page says what is missing
// and stays; and the questionnaire can be answered with the keyboard alone.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTandem } from '../harness.js';
import { sections, statementCount } from '../bank.js';
import { Tandem } from '../tandem.js';

const tandem = useTandem();

const MISSING_MARK = 'Choose an answer, or "Don\'t know".';

/** The alert that a refused "Next" shows for `n` unanswered statements. */
function missingAlert(n) {
  return n === 1
    ? 'One statement on this page has no answer yet. Choose an answer, or "Don\'t know", to continue.'
    : `${n} statements on this page have no answer yet. Choose an answer, or "Don't know", for each to continue.`;
}

test('"Next" without answers shows how many are missing and does not advance', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    const { dimension, firstNumber } = sections('quick')[0];
    const alert = page.getByRole('alert');

    await app.open();
    await app.start('quick');
    // No role yet: refused, with a reason, on the same screen.
    await app.button('Next').click();
    await alert.filter({ hasText: 'Choose your role to continue.' }).waitFor();
    await app.expectHeading('About you');
    await app.roleGroup().getByRole('radio', { name: 'HR', exact: true }).check();
    await alert.waitFor({ state: 'detached' });
    await app.button('Next').click();
    await app.expectSection('quick', 0);

    // Nothing answered: all of the page's statements are missing.
    const total = dimension.statements.length;
    await app.button('Next').click();
    await alert.filter({ hasText: missingAlert(total) }).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'alert');
    await app.expectSection('quick', 0);
    assert.equal(await page.getByText(MISSING_MARK, { exact: true }).count(), total);

    // Answering one updates the count; "Next" is still refused.
    await app.option(dimension.statements[0], firstNumber, 'Disagree').check();
    await alert.filter({ hasText: missingAlert(total - 1) }).waitFor();
    await app.button('Next').click();
    await alert.filter({ hasText: missingAlert(total - 1) }).waitFor();
    await app.expectSection('quick', 0);
    assert.equal(await page.getByText(MISSING_MARK, { exact: true }).count(), total - 1);

    // All but one: the message says so in the singular.
    for (const [offset, statement] of dimension.statements.entries()) {
      if (offset === 0 || offset === total - 1) continue;
      await app.option(statement, firstNumber + offset, 'Neither agree nor disagree').check();
    }
    await app.button('Next').click();
    await alert.filter({ hasText: missingAlert(1) }).waitFor();
    await app.expectSection('quick', 0);
    await app.expectAnswered('quick', total - 1);

    // The last one clears the alert, and "Next" goes on.
    await app
      .option(dimension.statements[total - 1], firstNumber + total - 1, "Don't know")
      .check();
    await alert.waitFor({ state: 'detached' });
    assert.equal(await page.getByText(MISSING_MARK, { exact: true }).count(), 0);
    await app.next('quick', 0);
    await app.expectAnswered('quick', total);
  });
});

test('the questionnaire can be answered with the keyboard alone', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    const { dimension, firstNumber } = sections('quick')[0];
    const legend = (offset) => `${firstNumber + offset}. ${dimension.statements[offset].text}`;
    const press = (key) => page.keyboard.press(key);
    const expectFocus = async (expected, why) => {
      const actual = await app.focused();
      for (const [key, value] of Object.entries(expected)) {
        assert.equal(actual?.[key], value, `${why}: focus ${key} (focused: ${JSON.stringify(actual)})`);
      }
    };

    await app.open();
    await app.button('Start the quick assessment').focus();
    await press('Enter');
    await app.expectHeading('About you');

    // About you: Tab to the role group, Space picks the first role, arrows move.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await press('Tab');
    await expectFocus({ kind: 'radio', label: 'HR', checked: false }, 'first role');
    await press('Space');
    await expectFocus({ kind: 'radio', label: 'HR', checked: true }, 'Space chose HR');
    await press('ArrowDown');
    await expectFocus(
      { kind: 'radio', label: 'Learning & Development (L&D)', checked: true },
      'ArrowDown moved to the next role',
    );
    await press('Tab');
    await page.keyboard.type('Keyboard team');
    assert.equal(await app.teamField().inputValue(), 'Keyboard team');
    await press('Enter'); // submits the form, like "Next"
    await app.expectSection('quick', 0);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');

    // Statement 1: Tab into the group, Space, then ArrowRight changes the answer.
    await press('Tab');
    await expectFocus({ kind: 'radio', group: legend(0), label: 'Strongly disagree', checked: false }, 'into statement 1');
    await press('Space');
    await expectFocus({ label: 'Strongly disagree', checked: true }, 'Space answered statement 1');
    await app.expectAnswered('quick', 1);
    const s1 = (label) => app.option(dimension.statements[0], firstNumber, label);
    await press('ArrowRight');
    await expectFocus({ group: legend(0), label: 'Disagree', checked: true }, 'ArrowRight');
    await s1('Disagree').and(page.getByRole('radio', { checked: true })).waitFor();
    assert.equal(await s1('Strongly disagree').isChecked(), false);
    await press('ArrowRight');
    await press('ArrowRight');
    await expectFocus({ group: legend(0), label: 'Agree', checked: true }, 'two more ArrowRight');
    assert.equal(await s1('Agree').isChecked(), true);
    await app.expectAnswered('quick', 1);

    // Statement 2: ArrowLeft from the first option wraps round to the last.
    await press('Tab');
    await expectFocus({ group: legend(1), label: 'Strongly disagree', checked: false }, 'into statement 2');
    await press('ArrowLeft');
    await expectFocus({ group: legend(1), label: "Don't know", checked: true }, 'ArrowLeft wrapped');
    await app.expectAnswered('quick', 2);

    // Statements 3 and 4 left unanswered: Tab past them to "Next" and press Enter.
    await press('Tab');
    await press('Tab');
    await press('Tab');
    await expectFocus({ kind: 'button', label: 'Back' }, 'after the statements');
    await press('Tab');
    await expectFocus({ kind: 'button', label: 'Next' }, 'then Next');
    await press('Enter');
    await page.getByRole('alert').filter({ hasText: missingAlert(2) }).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'alert');
    await app.expectSection('quick', 0);

    // From the alert, Tab through the answered groups to the missing ones.
    await press('Tab');
    await expectFocus({ group: legend(0), label: 'Agree' }, 'the checked answer is the tab stop');
    await press('Tab');
    await expectFocus({ group: legend(1), label: "Don't know" }, 'statement 2');
    await press('Tab');
    await press('Space');
    await press('ArrowRight');
    await press('ArrowRight');
    await expectFocus({ group: legend(2), label: 'Neither agree nor disagree', checked: true }, 'statement 3');
    await press('Tab');
    await press('Space');
    for (let i = 0; i < 4; i += 1) await press('ArrowRight');
    await expectFocus({ group: legend(3), label: 'Strongly agree', checked: true }, 'statement 4');
    await page.getByRole('alert').waitFor({ state: 'detached' });
    await app.expectAnswered('quick', 4);

    await press('Tab');
    await press('Tab');
    await expectFocus({ kind: 'button', label: 'Next' }, 'Next again');
    await press('Enter');
    await app.expectSection('quick', 1);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await app.expectAnswered('quick', 4);
    assert.equal(statementCount('quick'), 16);

    // What the keyboard chose is what the app recorded.
    await press('Shift+Tab'); // nothing before the heading but the header's button
    await expectFocus({ kind: 'button', label: 'Start again' }, 'Shift+Tab from the heading');
    await app.button('Back').click();
    await app.expectSection('quick', 0);
    const chosen = ['Agree', "Don't know", 'Neither agree nor disagree', 'Strongly agree'];
    for (const [offset, label] of chosen.entries()) {
      assert.equal(
        await app.option(dimension.statements[offset], firstNumber + offset, label).isChecked(),
        true,
        `statement ${firstNumber + offset} is "${label}"`,
      );
    }
  });
});
