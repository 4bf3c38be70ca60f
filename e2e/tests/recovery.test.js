// When Tandem itself fails (a panic), a recovery screen outside the app says
// so, nothing more is written, the saved data can be downloaded, and a reload
// picks up from what was saved.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { useTandem } from '../harness.js';
import { plan } from '../bank.js';
import { savedKey } from '../storage.js';
import { Tandem } from '../tandem.js';

const tandem = useTandem();

test('a failure shows the recovery screen, writes nothing more and offers the saved data', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    const answers = plan('quick', () => 'Agree');
    await app.open();
    await app.start('quick');
    await app.aboutYou({ role: 'HR', team: 'North' }, 'quick');
    await app.answerSection('quick', 0, answers, 2);
    await app.expectAnswered('quick', 2);
    const saved = () => app.saved();
    const before = await saved();
    assert.ok(before, 'the answers were saved before the failure');

    // The drill panics inside the module, as a bug would.
    const failed = await page.evaluate(() => {
      try {
        window.wasmBindings.failureDrill();
        return null;
      } catch (error) {
        return String(error);
      }
    });
    assert.ok(failed, 'the drill stops the module with an error');

    const screen = page.getByRole('alert');
    await screen.getByRole('heading', { level: 1, name: 'Tandem stopped' }).waitFor();
    assert.match(await screen.innerText(), /Nothing more will be saved/);
    assert.equal(await page.title(), 'Tandem stopped');
    // The app's screen is gone with its controls.
    assert.equal(await page.getByRole('button', { name: 'Next' }).count(), 0);
    assert.equal(await saved(), before);

    const downloading = page.waitForEvent('download');
    await screen.getByRole('link', { name: 'Download a copy of the saved data' }).click();
    const download = await downloading;
    assert.equal(download.suggestedFilename(), 'tandem-saved-data.json');
    const copy = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(copy[savedKey('tandem.progress')], before);

    // A reload starts Tandem again from what was saved.
    await app.reload();
    await app.expectSection('quick', 0);
    await app.expectAnswered('quick', 2);
  });
});

test('the recovery screen speaks the language the person was reading', async (t) => {
  const { de } = JSON.parse(await readFile(new URL('../fixtures/languages.json', import.meta.url), 'utf8'));
  await tandem.journey(t, async ({ page, origin }) => {
    await page.goto(`${origin}/?lang=de`);
    await page.getByRole('heading', { level: 1, name: de.bank.title, exact: true }).waitFor();
    await page.evaluate(() => {
      try {
        window.wasmBindings.failureDrill();
      } catch {
        // The drill stops the module, as a bug would.
      }
    });
    const screen = page.getByRole('alert');
    await screen.getByRole('heading', { level: 1, name: de.messages['recovery.title'], exact: true }).waitFor();
    await screen.getByText(de.messages['recovery.what'], { exact: true }).waitFor();
    assert.equal(await page.title(), de.messages['recovery.title']);
    assert.deepEqual(await page.evaluate(() => document.documentElement.lang), 'de');
  });
});
