// axe-core audits every screen, in the light and the dark colour scheme, and
// finds no serious or critical violation (contrast included).

import { test } from 'node:test';
import { audit } from '../audit.js';
import { useTandem } from '../harness.js';
import { AGREEMENT, plan, sections } from '../bank.js';
import { result } from '../fixtures.js';
import { Tandem } from '../tandem.js';
import { participantsHeading } from '../workshop.js';

const tandem = useTandem();

test('every screen passes axe-core with no serious or critical violation', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    await app.open();
    await audit(page, 'landing');

    await app.start('quick');
    await audit(page, 'about you');
    await app.aboutYou({ role: 'HR', team: 'North' }, 'quick');
    await audit(page, 'first page of statements');
    // "Next" with nothing answered: the page with its alert.
    await app.button('Next').click();
    await page.getByRole('alert').waitFor();
    await audit(page, 'statements with the missing-answers alert');

    const answers = plan('quick', (_statement, index) => (index % 3 === 0 ? 'Agree' : 'Disagree'));
    await app.answerAll('quick', answers);
    await app.expectHeading('Your result');
    await audit(page, 'results with the action plan');
    await app.editAction(1);
    await audit(page, 'results with an action open for editing');
    const code = await app.resultCode();

    await page.goto(`${origin}/#workshop`);
    await app.expectHeading('Workshop');
    await audit(page, 'empty workshop');
    await page
      .getByRole('textbox', { name: 'Paste result codes or links', exact: true })
      .fill(`${code}\nT1-NOT-A-CODE`);
    await app.button('Add codes').click();
    await participantsHeading(page, 1).waitFor();
    await audit(page, 'workshop with a team view and a refused code');
    await app.button('Start presenter mode').click();
    await audit(page, 'presenter mode, before the reveal');
    await app.button("Reveal the team's results").click();
    await audit(page, 'presenter mode, revealed');

    await page.goto(`${origin}/#builder`);
    await app.expectHeading('Configuration builder');
    await audit(page, 'configuration builder');
    await app.button("Start from Tandem's questions").click();
    await audit(page, "configuration builder with Tandem's questions");
    const preview = page.getByRole('region', { name: 'Preview', exact: true });
    for (const screen of ['A statement', 'The result']) {
      await preview.getByRole('button', { name: screen, exact: true }).click();
      await audit(page, `configuration builder previewing ${screen.toLowerCase()}`);
    }
  });
});

test('the keyboard alone takes a person from the landing page to their result', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    const press = (key) => page.keyboard.press(key);
    const focusIs = (role, name) =>
      page.waitForFunction(
        ([r, n]) => {
          const el = document.activeElement;
          const kind = el?.tagName === 'BUTTON' ? 'button' : el?.getAttribute('type');
          return kind === r && el.textContent.trim() === n;
        },
        [role, name],
      );
    /** Tabs forward until the button named `name` has focus. */
    const tabTo = async (name) => {
      for (let tabs = 0; tabs < 40; tabs += 1) {
        const here = await page.evaluate(() => {
          const el = document.activeElement;
          return el?.tagName === 'BUTTON' ? el.textContent.trim() : null;
        });
        if (here === name) return;
        await press('Tab');
      }
      assert.fail(`no "${name}" button within 40 tabs`);
    };
    // Statement n of the questionnaire gets the nth answer of the scale,
    // round and round.
    const expected = result('scale-in-turn');
    const { answers } = expected;

    await app.open();
    await tabTo('Start the quick assessment');
    await press('Enter');
    await app.expectHeading('About you');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await press('Tab');
    await press('Space'); // the first role, HR
    await tabTo('Next');
    await press('Enter');

    const all = sections('quick');
    let index = 0;
    for (const [number, { dimension }] of all.entries()) {
      await app.expectSection('quick', number);
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      for (const statement of dimension.statements) {
        // Tab into the group, Space picks "Strongly disagree", arrows move on.
        await press('Tab');
        await press('Space');
        const steps = AGREEMENT.indexOf(answers.get(statement.id));
        for (let step = 0; step < steps; step += 1) await press('ArrowRight');
        index += 1;
        await app.expectAnswered('quick', index);
      }
      const last = number + 1 === all.length;
      await tabTo(last ? 'See my results' : 'Next');
      await focusIs('button', last ? 'See my results' : 'Next');
      await press('Enter');
    }
    await app.expectResults('quick', expected);
  });
});
