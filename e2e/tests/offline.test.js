// Offline use: after the first visit Tandem loads and works with no network,
// from what its service worker keeps (the host's tandem.config.json too); a
// new deploy is offered, taken only when the person says so, and then
// replaces what was kept; and a page of an older Tandem never reads or
// writes over answers a newer one saved.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { audit } from '../audit.js';
import { CONFIG_FILE, distFolder, useTandem } from '../harness.js';
import { writeServiceWorker } from '../../tools/offline/build.mjs';
import { sections } from '../bank.js';
import { result } from '../fixtures.js';
import { savedKey } from '../storage.js';
import { Tandem } from '../tandem.js';

// The host's configuration: only a name, so the questions stay the standard ones.
const ORGANISATION = 'Northwind Health';
const tandem = useTandem({
  files: { [CONFIG_FILE]: JSON.stringify({ version: 1, organisation: ORGANISATION }) },
});
const dist = distFolder();
const scratch = mkdtempSync(path.join(tmpdir(), 'tandem-offline-'));
after(() => {
  tandem.server.serve(dist);
  rmSync(scratch, { recursive: true, force: true });
});

const expected = result('offline');
const { answers } = expected;
const firstPage = sections('quick')[0].dimension.statements.length;

/** Waits until Tandem's worker is active and in charge of `page`. */
async function workerInCharge(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The names of the caches Tandem's worker keeps, and the files in each. */
function kept(page) {
  return page.evaluate(async () => {
    const all = {};
    for (const name of await caches.keys()) {
      const requests = await (await caches.open(name)).keys();
      all[name] = requests.map((r) => r.url).sort();
    }
    return all;
  });
}

/** What the page gets for index.html: from the worker in charge of it. */
const indexHtml = (page) => page.evaluate(() => fetch('./index.html').then((r) => r.text()));

/** "A new version of Tandem is ready", with its Reload button. */
const updateNotice = (page) =>
  page.getByRole('status').filter({ hasText: 'A new version of Tandem is ready.' });

/** A copy of the release build as a later deploy: index.html changed, sw.js rewritten. */
function laterDeploy(name) {
  const folder = path.join(scratch, name);
  cpSync(dist, folder, { recursive: true });
  writeFileSync(path.join(folder, 'index.html'), `${readFileSync(path.join(dist, 'index.html'), 'utf8')}<!-- ${name} -->`);
  return { folder, worker: writeServiceWorker(folder) };
}

test('after the first visit Tandem loads and works with no network', async (t) => {
  await tandem.journey(
    t,
    async ({ page, context, origin }) => {
      const app = new Tandem(page, origin);
      const banner = page.getByRole('banner').getByText(ORGANISATION, { exact: true });
      await app.open();
      await banner.waitFor();
      await workerInCharge(page);

      // One cache, holding exactly the build's files and the host's
      // configuration, all from Tandem's own origin.
      const caches = await kept(page);
      const site = CONFIG_FILE.slice(1);
      const files = readdirSync(dist, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(dist, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
      const build = [...files.filter((file) => file !== 'sw.js' && file !== site), site].sort();
      assert.deepEqual(Object.values(caches), [build.map((file) => `${origin}/${file}`)]);
      assert.match(Object.keys(caches)[0], new RegExp(`^tandem:${origin}/:[0-9a-f]{16}$`));

      await app.start('quick');
      await app.aboutYou({ role: 'Learning & Development (L&D)', team: 'Offline' }, 'quick');
      await app.answerSection('quick', 0, answers);
      await app.next('quick', 0);
      await app.answerSection('quick', 1, answers, 2);
      await app.expectAnswered('quick', firstPage + 2);

      // No network at all from here on: the browser is offline, and the
      // server answers nothing.
      await context.setOffline(true);
      tandem.server.unreachable(true);
      t.after(() => tandem.server.unreachable(false));
      const asked = tandem.server.requests.length;
      await app.reload();
      await app.expectSection('quick', 1);
      await banner.waitFor();
      await app.expectChecked('quick', 1, answers, 2);
      await app.expectAnswered('quick', firstPage + 2);
      await app.answerAll('quick', answers, 1);
      await app.expectResults('quick', expected);
      // The page asks for nothing; the worker, which asks the server for the
      // site's configuration first (the site may have changed it), may try,
      // and gets no answer: what it kept is used.
      assert.deepEqual(
        tandem.server.requests.slice(asked).filter((asked) => asked !== CONFIG_FILE),
        [],
        'nothing but the site configuration was asked of the server',
      );
      assert.equal(await updateNotice(page).count(), 0);
      await context.setOffline(false);
    },
    { serviceWorkers: 'allow' },
  );
});

test('a new deploy is offered, taken only on Reload, and then replaces the kept build', async (t) => {
  const { folder, worker } = laterDeploy('second-deploy');
  try {
    await tandem.journey(
      t,
      async ({ page, origin }) => {
        const app = new Tandem(page, origin);
        await app.open();
        await workerInCharge(page);
        const [first] = Object.keys(await kept(page));
        await app.start('quick');
        await app.aboutYou({ role: 'HR' }, 'quick');
        await app.answerSection('quick', 0, answers, 3);

        // The new deploy is found (browsers look on every visit; this asks
        // now) and waits: the page goes on with the build it started with.
        tandem.server.serve(folder);
        await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
        await updateNotice(page).waitFor();
        await audit(page, 'a new version is ready');
        const second = `tandem:${origin}/:${worker.version}`;
        assert.deepEqual(Object.keys(await kept(page)).sort(), [first, second].sort());
        assert.doesNotMatch(await indexHtml(page), /second-deploy/);

        // A reload alone keeps the running build, and offers the new one again.
        await app.reload();
        await app.expectSection('quick', 0);
        await updateNotice(page).waitFor();
        assert.doesNotMatch(await indexHtml(page), /second-deploy/);

        // Reload on the notice: the new build takes over, the old cache goes,
        // and the answers are where they were.
        await Promise.all([
          page.waitForEvent('load'),
          updateNotice(page).getByRole('button', { name: 'Reload', exact: true }).click(),
        ]);
        await app.expectSection('quick', 0);
        await app.expectChecked('quick', 0, answers, 3);
        await workerInCharge(page);
        assert.match(await indexHtml(page), /second-deploy/);
        assert.deepEqual(Object.keys(await kept(page)), [second]);
        assert.equal(await updateNotice(page).count(), 0);
      },
      { serviceWorkers: 'allow' },
    );
  } finally {
    tandem.server.serve(dist);
  }
});

test('a build served without offline use retires the worker an earlier build left', async (t) => {
  const folder = path.join(scratch, 'served');
  cpSync(dist, folder, { recursive: true });
  writeServiceWorker(folder, { offline: false });
  try {
    await tandem.journey(
      t,
      async ({ page, origin }) => {
        const app = new Tandem(page, origin);
        await app.open();
        await workerInCharge(page);
        tandem.server.serve(folder);
        await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
        // The open page is told to reload, once the retiring worker has
        // taken over; when it has finished, nothing is kept any more.
        await updateNotice(page).waitFor();
        await page.evaluate(
          () =>
            new Promise((resolve) => {
              const worker = navigator.serviceWorker.controller;
              const done = () => worker.state === 'activated' && resolve();
              worker.addEventListener('statechange', done);
              done();
            }),
        );
        // The registration goes once the browser has finished uninstalling
        // it, which can come a moment after the retiring worker is active.
        await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration()) === undefined);
        assert.deepEqual(await kept(page), {});
      },
      { serviceWorkers: 'allow' },
    );
  } finally {
    tandem.server.serve(dist);
  }
});

test('an older page that meets answers a newer Tandem saved writes nothing over them', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    const newer = JSON.stringify({ schema: 99, bank: 'tandem-standard', revision: 4, progress: { mode: 'later' } });
    const key = savedKey('tandem.progress');
    const setSaved = (text) => page.evaluate(([key, text]) => localStorage.setItem(key, text), [key, text]);

    // Found on opening: held, with the way to the newer version.
    await app.open();
    await setSaved(newer);
    await app.reload();
    const held = page.getByRole('status').filter({ hasText: 'Answers saved earlier on this device' });
    await held.waitFor();
    assert.match(
      await held.innerText(),
      /could not be read: they were saved by a newer version of Tandem \(format 99, this one reads up to \d+\); to use them, reload the page to get the newer version\./,
    );
    await audit(page, 'answers from a newer version');
    assert.equal(await app.saved(), newer, 'nothing was written over them');

    // Saved by a newer Tandem in another tab while this page was open: the
    // next answer is not saved over them.
    await page.evaluate((key) => localStorage.removeItem(key), key);
    await app.reload();
    await app.start('quick');
    await app.aboutYou({ role: 'Other' }, 'quick');
    await app.answerSection('quick', 0, answers, 1);
    await page.waitForFunction((key) => localStorage.getItem(key)?.includes('"revision":'), key);
    await setSaved(newer);
    await app.answerSection('quick', 0, answers, 2);
    await page
      .getByRole('status')
      .filter({ hasText: 'Tandem is open in another tab or window, which saved answers after this page loaded.' })
      .waitFor();
    assert.equal(await app.saved(), newer, 'the newer answers are still there');
  });
});
