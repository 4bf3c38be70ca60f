// Answers are kept on this device: a reload resumes where the person was, and
// "Start again" forgets everything.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTandem } from '../harness.js';
import { plan, sections } from '../bank.js';
import { result } from '../fixtures.js';
import { Tandem } from '../tandem.js';

const tandem = useTandem();

test('a reload midway resumes on the same page with the answers still checked', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    const expected = result('resumed');
    const { answers } = expected;
    const firstPage = sections('quick')[0].dimension.statements.length;
    const partly = 2;

    await app.open();
    await app.start('quick');
    await app.aboutYou({ role: 'HR or L&D leadership', team: 'Site B' }, 'quick');
    await app.answerSection('quick', 0, answers);
    await app.next('quick', 0);
    await app.answerSection('quick', 1, answers, partly);
    await app.expectAnswered('quick', firstPage + partly);

    await app.reload();
    await app.expectSection('quick', 1);
    await app.expectAnswered('quick', firstPage + partly);
    await app.expectChecked('quick', 1, answers, partly);
    await app.expectUnanswered('quick', 1, partly);

    // The earlier page kept its answers too.
    await app.button('Back').click();
    await app.expectSection('quick', 0);
    await app.expectChecked('quick', 0, answers);
    await app.next('quick', 0);

    await app.answerAll('quick', answers, 1);
    await app.expectResults('quick', expected);
    await app.expectAboutLine('quick', 'HR or L&D leadership', 'Site B');

    // The result itself survives a reload.
    await app.reload();
    await app.expectResults('quick', expected);
  });
});

test('"Start again" asks first, then forgets the answers for good', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    const answers = plan('quick', () => 'Strongly agree');

    await app.open();
    // Nothing to start again from on the landing page.
    assert.equal(await app.button('Start again').count(), 0);
    await app.start('quick');
    await app.aboutYou({ role: 'Other', team: 'Workshop 3' }, 'quick');
    await app.answerSection('quick', 0, answers, 2);
    await app.expectAnswered('quick', 2);

    // Asking is not yet forgetting: "Keep my answers" changes nothing.
    await app.button('Start again').click();
    const confirm = page.getByRole('group', {
      name: 'Forget all your answers on this device and start again?',
      exact: true,
    });
    await confirm.waitFor();
    await page.waitForFunction(
      () => document.activeElement?.textContent.trim() === 'Forget my answers',
    );
    await confirm.getByRole('button', { name: 'Keep my answers', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    await app.expectSection('quick', 0);
    await app.expectChecked('quick', 0, answers, 2);
    await app.expectAnswered('quick', 2);

    await app.button('Start again').click();
    await confirm.getByRole('button', { name: 'Forget my answers', exact: true }).click();
    await app.expectLanding();
    assert.equal(await app.button('Start again').count(), 0);
    assert.equal(await app.saved(), null, 'nothing is left in localStorage');

    await app.reload();
    await app.expectLanding();
    assert.equal(await app.saved(), null, 'still nothing saved after a reload');

    // A new start is a blank one.
    await app.start('quick');
    const roles = app.roleGroup().getByRole('radio');
    assert.equal(await roles.count(), 5);
    assert.equal(await app.roleGroup().getByRole('radio', { checked: true }).count(), 0);
    assert.equal(await app.teamField().inputValue(), '');
  });
});
