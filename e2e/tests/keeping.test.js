// Nothing saved is lost: two copies of Tandem on one host keep their own
// data, data saved before keys had a folder is found again, two tabs on one
// workshop keep both tabs' codes, and a workshop that could not be read is
// kept when a new one starts.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTandem } from '../harness.js';
import { plan } from '../bank.js';
import { FIVE_THREE_ONE } from '../fixtures.js';
import { savedBefore, savedKey } from '../storage.js';
import { Tandem } from '../tandem.js';
import { openWorkshop, participantsHeading, pasteCodes } from '../workshop.js';

const tandem = useTandem({ folders: ['/tandem-a/', '/tandem-b/'] });
const CODES = FIVE_THREE_ONE.codes;
const PROGRESS = savedKey('tandem.progress');
const WORKSHOP = savedKey('tandem.workshop');

const stored = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);

test('two copies of Tandem on one host never share progress or workshops', async (t) => {
  await tandem.journey(t, async ({ page, context, origin }) => {
    const a = new Tandem(page, `${origin}/tandem-a`);
    await a.open();
    await a.start('quick');
    await a.aboutYou({ role: 'HR' }, 'quick');
    await a.answerSection('quick', 0, plan('quick', () => 'Agree'), 2);
    await a.expectAnswered('quick', 2);

    // The other copy, in the same browser, starts from nothing.
    const other = await context.newPage();
    const b = new Tandem(other, `${origin}/tandem-b`);
    await b.open();
    await openWorkshop(other, b);
    await pasteCodes(other, CODES.slice(0, 2), 2);

    // And the first copy still has its own answers, and no workshop.
    await a.reload();
    await a.expectAnswered('quick', 2);
    const keys = await page.evaluate(() => Object.keys(localStorage).sort());
    assert.deepEqual(keys, [
      savedKey('tandem.progress', '/tandem-a/'),
      savedKey('tandem.workshop', '/tandem-b/'),
    ]);
    await other.close();
  });
});

test('progress saved before keys had a folder is found again, and moved', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    await app.open();
    await app.start('quick');
    await app.aboutYou({ role: 'HR' }, 'quick');
    await app.answerSection('quick', 0, plan('quick', () => 'Agree'), 3);
    await app.expectAnswered('quick', 3);
    // As an earlier Tandem kept it: under the key without a folder.
    const text = await app.saved();
    await page.evaluate(([key, text]) => {
      localStorage.removeItem(key);
      localStorage.setItem('tandem.progress', text);
    }, [PROGRESS, text]);

    await app.reload();
    await app.expectAnswered('quick', 3);
    assert.equal(await app.saved(), text);
    assert.equal(await stored(page, 'tandem.progress'), null, 'moved, not copied');
  });
});

test('two tabs gathering codes on one workshop lose neither tab\'s codes', async (t) => {
  await tandem.journey(t, async ({ page, context, origin }) => {
    const app = new Tandem(page, origin);
    await openWorkshop(page, app);
    // The second tab opens the same workshop, say on the projector.
    const projector = await context.newPage();
    const shown = new Tandem(projector, origin);
    await openWorkshop(projector, shown);

    await pasteCodes(page, CODES.slice(0, 3), 3);
    // The second tab has not seen those, and gathers two of its own.
    await pasteCodes(projector, CODES.slice(3, 5), 5);
    const told = projector
      .getByRole('status')
      .filter({ hasText: 'Another tab or window saved this workshop while it was open here.' });
    await told.waitFor();
    assert.match(await told.innerText(), /The 3 codes gathered there and not here were added/);

    // Saved together: the first tab, reloaded, has all five.
    await app.reload();
    await participantsHeading(page, 5).waitFor();
    const saved = JSON.parse(await stored(page, WORKSHOP));
    assert.equal(saved.workshop.codes.length, 5);
    // And a copy of what the first tab had saved is kept.
    const kept = JSON.parse(await stored(page, `${WORKSHOP}.replaced.1`));
    assert.equal(kept.workshop.codes.length, 3);
    await projector.close();
  });
});

test('a workshop that could not be read is kept when a new one starts', async (t) => {
  await tandem.journey(t, async ({ page, context, origin }) => {
    const damaged = '{"schema":2,"bank":"tandem-standard","workshop":{"name":';
    await savedBefore(context, WORKSHOP, damaged);
    const app = new Tandem(page, origin);
    await openWorkshop(page, app);
    const held = page
      .getByRole('status')
      .filter({ hasText: 'A workshop saved earlier on this device could not be read' });
    await held.waitFor();
    assert.equal(await stored(page, WORKSHOP), damaged, 'nothing was written over it');

    await app.button('Start a new workshop').click();
    await app.button('Forget the workshop').click();
    await held.waitFor({ state: 'detached' });
    await pasteCodes(page, CODES.slice(0, 1), 1);
    await page.waitForFunction((key) => localStorage.getItem(key)?.includes('"revision"'), WORKSHOP);
    assert.equal(await stored(page, `${WORKSHOP}.unreadable.1`), damaged);
  });
});
