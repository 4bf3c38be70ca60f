// axe-core audits every screen, in the light and the dark colour scheme, and
// finds no serious or critical violation (contrast included).

import { test } from 'node:test';
import { audit } from '../audit.js';
import { useTandem } from '../harness.js';
import { Tandem, participantsHeading, plan } from '../tandem.js';

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
  });
});
