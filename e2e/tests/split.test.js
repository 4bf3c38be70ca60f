// Tandem's code comes in two modules (tools/wasm-split): a first visit
// downloads the first screen's code, and the rest follows once the first
// screen is showing. A screen that needs the rest before it has arrived
// loads it there and then.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTandem } from '../harness.js';
import { AGREEMENT, MODES, plan } from '../bank.js';
import { Tandem } from '../tandem.js';

const tandem = useTandem();

const REST = /^\/rest-[0-9a-f]{16}\.wasm$/;
const MAIN = /^\/tandem-[0-9a-f]+_bg\.wasm$/;

/** The names of the page's performance marks that the loader sets. */
const restMarks = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .map((mark) => mark.name)
      .filter((name) => name.startsWith('tandem:rest-')),
  );

test('the landing page runs from the first module, and the rest arrives after it', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const asked = tandem.server.requests.length;
    const app = new Tandem(page, origin);
    await app.open();
    await page.waitForFunction(() => performance.getEntriesByName('tandem:rest-linked').length > 0);
    assert.deepEqual(
      await restMarks(page),
      ['tandem:rest-linked'],
      'the landing page needed code from the rest module before it arrived: run ' +
        '`cargo xtask profile` and commit tools/first-screen.txt',
    );

    const requests = tandem.server.requests.slice(asked);
    const main = requests.findIndex((path) => MAIN.test(path));
    const rest = requests.findIndex((path) => REST.test(path));
    assert.ok(main >= 0 && rest > main, `the rest is asked for after the first module: ${requests}`);
    assert.equal(requests.filter((path) => REST.test(path)).length, 1, 'the rest is asked for once');

    // The rest works: the questionnaire, which the landing page did not run.
    await app.start('quick');
    await app.expectHeading('About you');
  });
});

test('the landing page shows whole words and links before the rest arrives, alone and embedded', async (t) => {
  // The split moves data as well as code: a first screen that read a
  // string the rest brings would show its bytes as zeros until then.
  // Zeroed text can also show as nothing at all, and a zeroed number as a
  // wrong one: so the page is also read again once the rest has arrived,
  // and must read the same.
  await tandem.journey(t, async ({ page, origin }) => {
    const held = [];
    await page.route((url) => REST.test(url.pathname), (route) => held.push(route));
    const app = new Tandem(page, origin);
    const read = () =>
      page.evaluate(() => ({
        title: document.title,
        text: document.body.innerText,
        links: [...document.links].map((link) => `${link.textContent.trim()} ${link.getAttribute('href')}`),
        labels: [...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')),
      }));
    for (const address of ['/', '/?embed=1']) {
      await page.goto(`${origin}${address}`);
      await app.expectLanding();
      const shown = await page.evaluate(() => document.title + document.documentElement.outerHTML);
      assert.ok(!shown.includes('\u0000'), `${address}: the page shows a zero byte before the rest arrives`);
      assert.equal((await restMarks(page)).length, 0, `${address}: the rest arrived, so the check proves nothing`);
      const before = await read();
      assert.ok(before.links.length > 0 && before.text.length > 200, `${address}: ${before.text}`);
      for (const route of held.splice(0)) await route.continue();
      await page.waitForFunction(() => performance.getEntriesByName('tandem:rest-linked').length > 0);
      // Away and back, so that the landing page is drawn again from data
      // that the rest has now filled in.
      await page.evaluate(() => { location.hash = '#builder'; });
      await app.expectHeading('Configuration builder');
      await page.goBack();
      await app.expectLanding();
      assert.deepEqual(await read(), before, `${address}: the page reads otherwise once the rest has arrived`);
    }
  });
});

test('a result link, whose first screen needs the rest, fetches it alongside the first module', async (t) => {
  await tandem.journey(t, async ({ page, origin, freshContext, problems }) => {
    const app = new Tandem(page, origin);
    await app.open();
    await app.takeAssessment(
      'quick',
      plan('quick', (_, index) => AGREEMENT[index % AGREEMENT.length]),
      { role: 'HR' },
    );
    const link = await app.resultLink();

    const other = await freshContext();
    await other.page.goto(link);
    await other.page.getByRole('heading', { level: 1, name: 'Shared result', exact: true }).waitFor();
    // Asked for alongside the first module, since the page opened at a
    // fragment, and linked before the app started: never on demand.
    assert.deepEqual(await restMarks(other.page), ['tandem:rest-early', 'tandem:rest-linked']);

    // The same link while the rest cannot be fetched: the page says why
    // and how to go on, instead of failing silently.
    const offline = await freshContext();
    await offline.context.route(/\/rest-[0-9a-f]+\.wasm$/, (route) => route.abort('internetdisconnected'));
    await offline.page.goto(link);
    const alert = offline.page.getByRole('alert').filter({ hasText: 'Tandem could not load the rest of its code' });
    await alert.waitFor();
    assert.match(
      await alert.textContent(),
      /Your answers so far are kept on this device: check the connection, then reload\./,
    );
    await alert.getByRole('button', { name: 'Reload', exact: true }).waitFor();
    // The error that stopped the screen, and the browser's note of the
    // failed request, are this journey's to expect.
    const expected = (text) => /could not load .*rest-|Failed to load/.test(text);
    assert.ok(problems.pageErrors.some(expected), `the stopped screen: ${problems.pageErrors}`);
    problems.pageErrors = problems.pageErrors.filter((text) => !expected(text));
    problems.consoleErrors = problems.consoleErrors.filter((text) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(text));
  });
});

test('a rest module that is not this build\'s is refused, fetched on demand or in the background', async (t) => {
  await tandem.journey(t, async ({ page, origin, freshContext, problems }) => {
    const app = new Tandem(page, origin);
    await app.open();
    await app.takeAssessment('quick', plan('quick', () => AGREEMENT[3]), { role: 'HR' });
    const link = await app.resultLink();

    // What a tampering proxy or a mixed-up deploy might serve: this build's
    // rest with a custom section added, still a valid module.
    const other = await freshContext();
    await other.context.route(/\/rest-[0-9a-f]+\.wasm$/, async (route) => {
      const response = await route.fetch();
      const body = Buffer.concat([await response.body(), Buffer.from([0, 4, 3, 0x78, 0x79, 0x7a])]);
      await route.fulfill({ response, body, headers: { ...response.headers(), 'content-length': String(body.length) } });
    });
    await other.page.goto(link);
    const alert = other.page.getByRole('alert').filter({ hasText: 'Tandem could not load the rest of its code' });
    await alert.waitFor();
    assert.match(await alert.textContent(), /what arrived is not the code of this version of Tandem/);
    assert.equal(
      await other.page.getByRole('heading', { level: 1, name: 'Shared result', exact: true }).count(),
      0,
      'nothing of it ran',
    );

    // From the landing page: the background fetch is refused by the
    // browser's integrity check, and the screen that then needs the rest
    // refuses it too.
    const landing = await freshContext();
    await landing.context.route(/\/rest-[0-9a-f]+\.wasm$/, async (route) => {
      const response = await route.fetch();
      const body = Buffer.concat([await response.body(), Buffer.from([0, 4, 3, 0x78, 0x79, 0x7a])]);
      await route.fulfill({ response, body, headers: { ...response.headers(), 'content-length': String(body.length) } });
    });
    const refusedInBackground = landing.page.waitForEvent('console', {
      predicate: (message) => message.text().startsWith('Tandem will fetch the rest of its code when it needs it'),
    });
    const later = new Tandem(landing.page, origin);
    await later.open();
    await refusedInBackground;
    await later.button(MODES.quick.button).click();
    await landing.page
      .getByRole('alert')
      .filter({ hasText: 'what arrived is not the code of this version of Tandem' })
      .waitFor();

    const expected = (text) => /could not load .*rest-|integrity|not the code of this version/i.test(text);
    assert.ok(problems.pageErrors.some(expected), `the stopped screen: ${problems.pageErrors}`);
    problems.pageErrors = problems.pageErrors.filter((text) => !expected(text));
    problems.consoleErrors = problems.consoleErrors.filter((text) => !expected(text));
  });
});
