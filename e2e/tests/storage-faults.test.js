// Storage that fails the app: damaged saved data, data from a newer Tandem,
// a full storage, storage that throws on access, and two tabs saving the same
// assessment. In each case Tandem keeps working, says so plainly, loses
// nothing it could not read, and offers the data as a file.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { useTandem } from '../harness.js';
import { plan, sections } from '../bank.js';
import { savedBefore, savedKey } from '../storage.js';
import { Tandem } from '../tandem.js';

const tandem = useTandem();
const LANGUAGES = JSON.parse(readFileSync(new URL('../fixtures/languages.json', import.meta.url), 'utf8'));
const PROGRESS = savedKey('tandem.progress');

const stored = (page, key = PROGRESS) => page.evaluate((k) => localStorage.getItem(k), key);

/** The notice about saving, once it says `text`. */
function notice(page, text) {
  return page.getByRole('status').filter({ hasText: text });
}

/** Clicks `button` and resolves to the downloaded file's name and text. */
async function download(page, button) {
  const downloading = page.waitForEvent('download');
  await button.click();
  const file = await downloading;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

for (const [what, text, reason] of [
  ['damaged', '{"schema":2,"bank":"tandem-standard","progress":{"mode":', 'the saved data is damaged'],
  ['newer', '{"schema":99,"bank":"tandem-standard","revision":4,"progress":{"mode":"someday"}}', 'saved by a newer version of Tandem'],
  // Well-formed JSON, in this Tandem's format and with a revision, that
  // still cannot be used: copied aside like damaged data, never taken for
  // another tab's save.
  ['unusable', '{"schema":2,"bank":"tandem-standard","revision":3,"progress":{"mode":"someday"}}', 'the saved data is damaged'],
]) {
  test(`${what} saved data is left untouched, offered as a file, and kept when a new assessment starts`, async (t) => {
    await tandem.journey(t, async ({ page, context, origin }) => {
      await savedBefore(context, PROGRESS, text);
      const app = new Tandem(page, origin);
      await app.open();
      const told = notice(page, 'Answers saved earlier on this device could not be read');
      await told.waitFor();
      assert.match(await told.innerText(), new RegExp(reason));
      assert.equal(await stored(page), text, 'nothing was written over it');

      const file = await download(page, told.getByRole('button', { name: 'Download the saved data' }));
      assert.equal(file.name, 'tandem-saved-data.json');
      assert.equal(JSON.parse(file.text)[PROGRESS], text);

      // A new assessment saves, and the unreadable data stays beside it.
      await app.start('quick');
      await app.aboutYou({ role: 'HR' }, 'quick');
      await app.answerSection('quick', 0, plan('quick', () => 'Agree'), 1);
      await app.expectAnswered('quick', 1);
      await page.waitForFunction((key) => localStorage.getItem(key)?.includes('"revision"'), PROGRESS);
      assert.equal(await stored(page, `${PROGRESS}.unreadable.1`), text);
      await told.waitFor({ state: 'detached' });
    });
  });
}

test('a full storage: answering goes on, the notice says why, and the answers can be downloaded', async (t) => {
  await tandem.journey(t, async ({ page, context, origin }) => {
    await context.addInitScript(() => {
      Storage.prototype.setItem = function refuse() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const app = new Tandem(page, origin);
    await app.open();
    await app.start('quick');
    const told = notice(page, "this browser's storage for the page is full");
    await told.waitFor();
    await app.aboutYou({ role: 'HR', team: 'Full' }, 'quick');
    await app.answerSection('quick', 0, plan('quick', () => 'Disagree'), 2);
    await app.expectAnswered('quick', 2);
    const file = await download(page, told.getByRole('button', { name: 'Download my answers' }));
    assert.equal(file.name, 'tandem-result.json');
    const exported = JSON.parse(file.text);
    assert.equal(Object.keys(exported.progress.answers).length, 2, file.text);

    // The reason is Tandem's own, so a German reader reads it in German.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
    const german = LANGUAGES.de.messages;
    const inGerman = notice(page, german['problem.storage.full']);
    await inGerman.waitFor();
    const text = await inGerman.textContent();
    assert.ok(text.startsWith(german['saving.failed'].split('{reason}')[0]), text);
    assert.ok(!text.includes('storage for the page is full'), text);
  });
});

test('storage that throws on access: Tandem works in memory and says progress will not be kept', async (t) => {
  await tandem.journey(t, async ({ page, context, origin }) => {
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    });
    const app = new Tandem(page, origin);
    await app.open();
    await app.start('quick');
    const told = notice(page, 'your progress will not be kept');
    await told.waitFor();
    await app.aboutYou({ role: 'HR' }, 'quick');
    await app.answerSection('quick', 0, plan('quick', () => 'Agree'));
    await app.next('quick', 0);
    await app.expectSection('quick', 1);
    const file = await download(page, told.getByRole('button', { name: 'Download my answers' }));
    assert.equal(
      Object.keys(JSON.parse(file.text).progress.answers).length,
      sections('quick')[0].dimension.statements.length,
    );
  });
});

test('two tabs on one assessment never save over each other unawares', async (t) => {
  await tandem.journey(t, async ({ page, context, origin }) => {
    const first = new Tandem(page, origin);
    await first.open();
    await first.start('quick');
    await first.aboutYou({ role: 'HR' }, 'quick');
    await first.answerSection('quick', 0, plan('quick', () => 'Agree'), 1);
    await first.expectAnswered('quick', 1);

    const other = await context.newPage();
    const second = new Tandem(other, origin);
    await other.goto(`${origin}/`);
    await second.expectAnswered('quick', 1);

    // The first tab goes on; the second, unaware, changes an answer.
    await first.answerSection('quick', 0, plan('quick', () => 'Agree'), 2);
    await first.expectAnswered('quick', 2);
    const firstSaved = await stored(page);
    await second.answerSection('quick', 0, plan('quick', () => 'Strongly disagree'), 1);
    const conflict = notice(other, 'Tandem is open in another tab or window');
    await conflict.waitFor();
    assert.equal(await stored(page), firstSaved, "the first tab's answers are still what is saved");

    // The second tab keeps its own answers: now those are saved.
    await conflict.getByRole('button', { name: 'Keep the answers on this page' }).click();
    await conflict.waitFor({ state: 'detached' });
    await page.waitForFunction(([key, before]) => localStorage.getItem(key) !== before, [PROGRESS, firstSaved]);
    assert.match(await stored(page), /"strongly-disagree"/);

    // The first tab, answering next, is told in turn, and takes them.
    await first.answerSection('quick', 0, plan('quick', () => 'Agree'), 3);
    const told = notice(page, 'Tandem is open in another tab or window');
    await told.waitFor();
    await told.getByRole('button', { name: "Use the other tab's answers" }).click();
    await first.expectSection('quick', 0);
    await first.expectAnswered('quick', 1);
    await other.close();
  });
});
