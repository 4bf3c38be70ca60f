// Tandem embedded in another site's page with the README's snippet, word for
// word: the frame fits Tandem's content as it changes, the page hears the
// overall level when an assessment is completed (and nothing else), the
// snippet ignores messages from anyone but Tandem's frame, and where the
// browser blocks a cross-site frame's storage Tandem says progress will not
// be kept. The page of another site is served from 127.0.0.2, Tandem from
// 127.0.0.1. Also the demo page the build ships, served beside Tandem.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { useTandem } from '../harness.js';
import { ROLES, plan, sections } from '../bank.js';
import { result } from '../fixtures.js';
import { configFragment } from '../links.js';
import { Tandem } from '../tandem.js';

/** Where Tandem is hosted, as the README's snippet writes it. */
const PLACEHOLDER = 'https://YOUR-HOST/tandem/';

/** The ```html block of the README's "Embed Tandem in a page" section. */
function readmeSnippet() {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split('\n## Embed Tandem in a page\n')[1];
  assert.ok(section, 'the README has an "Embed Tandem in a page" section');
  const block = /```html\n([\s\S]*?)\n```/.exec(section);
  assert.ok(block, 'the section has an ```html block');
  assert.equal(block[1].split(PLACEHOLDER).length, 2, "one placeholder for Tandem's address");
  return block[1];
}

const SNIPPET = readmeSnippet();

/** A blog post on another site with the snippet pasted in, Tandem at `origin`. */
function blogPost(origin) {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>How well do HR and L&amp;D work together?</title>
</head>
<body>
<h1>How well do HR and L&amp;D work together?</h1>
<p>Take the assessment below; your answers stay in your browser.</p>
${SNIPPET.replace(PLACEHOLDER, `${origin}/`)}
<p>Thanks for reading.</p>
</body>
</html>
`;
}

const tandem = useTandem({ hostPages: (origin) => ({ 'blog.html': blogPost(origin) }) });

const FRAME = '#tandem-frame';

/** The frame (Playwright's `Frame`) of the `<iframe>` that `selector` finds. */
async function frameOf(page, selector) {
  const element = await page.locator(selector).elementHandle();
  return element.contentFrame();
}

/** What Tandem says under the assessment when it is embedded. */
const HOST_LEARNS =
  'Tandem runs in your browser and never sends your answers anywhere. When you finish, the ' +
  'page around Tandem is told your overall level, nothing else.';

/** The landing page's promise, made only where progress is kept. */
const COME_BACK = /Your progress is saved on this device so you can stop and come back\./;

const NOT_KEPT =
  'This browser is not letting Tandem store anything here, so your progress will not be ' +
  'kept: your answers will be lost if you close or reload the page.';

/**
 * Opens `address` (a page that embeds Tandem) and waits for Tandem's landing
 * page inside its frame; resolves to a driver for Tandem in the frame. Also
 * starts recording, on the host page, every message it receives (`heard`)
 * and every `tandem-completed` event the snippet dispatches (`completions`).
 */
async function openEmbedded(page, origin, address) {
  await page.goto(address);
  const app = new Tandem(await frameOf(page, FRAME), origin);
  await app.expectLanding();
  // Registered after the snippet's listener, so by the time a message is
  // recorded here the snippet has already dealt with it.
  await page.evaluate((selector) => {
    const element = document.querySelector(selector);
    window.heard = [];
    window.completions = [];
    window.addEventListener('message', (event) => {
      window.heard.push({ fromTandem: event.source === element.contentWindow, data: event.data });
    });
    element.addEventListener('tandem-completed', (event) => window.completions.push(event.detail));
  }, FRAME);
  return app;
}

/**
 * Waits until the frame is exactly as tall as Tandem's content, so nothing
 * in it scrolls either way, and resolves to that height in CSS pixels.
 */
async function expectFitted(page, app) {
  await app.page.waitForFunction(() => {
    const root = document.documentElement;
    const content = Math.ceil(root.getBoundingClientRect().height);
    return (
      content === window.innerHeight &&
      root.scrollHeight <= window.innerHeight &&
      root.scrollWidth <= window.innerWidth
    );
  });
  const inside = await app.page.evaluate(() => window.innerHeight);
  const frame = await page.locator(FRAME).evaluate((element) => ({
    styled: element.style.height,
    inner: element.clientHeight,
    width: element.getBoundingClientRect().width,
    column: element.parentElement.clientWidth,
  }));
  assert.equal(frame.styled, `${inside}px`, 'the snippet set the height Tandem reported');
  assert.equal(frame.inner, inside, 'the frame has no border or padding taking room');
  assert.equal(frame.width, frame.column, "the frame fills the width of the page's column");
  return inside;
}

/** The colour `[r, g, b]` of a 1 by 1 pixel PNG screenshot. */
function onlyPixel(png) {
  // Chunks follow the 8-byte signature: length, type, data, checksum.
  const chunks = {};
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    chunks[type] = Buffer.concat([chunks[type] ?? Buffer.alloc(0), data]);
    at += 12 + length;
  }
  const { IHDR, IDAT } = chunks;
  const [width, height, depth] = [IHDR.readUInt32BE(0), IHDR.readUInt32BE(4), IHDR[8]];
  assert.deepEqual([width, height, depth], [1, 1, 8], 'one 8-bit pixel');
  assert.ok([2, 6].includes(IHDR[9]), 'RGB or RGBA');
  // A filter byte, then the pixel: with nothing to its left or above, every
  // filter leaves it as it is.
  return [...inflateSync(IDAT).subarray(1, 4)];
}

/**
 * The colour at the frame's bottom right corner, inside the note's padding
 * where Tandem draws nothing: what shows behind Tandem's content.
 */
async function backdrop(page) {
  // Just inside the frame's top right corner, where Tandem draws nothing of
  // its own (its content is narrower and starts lower), in the window: a
  // full-page screenshot would resize the window, and the frame with it.
  const box = await page.locator(FRAME).evaluate((element) => {
    element.scrollIntoView({ block: 'start' });
    const rect = element.getBoundingClientRect();
    return { right: rect.right, top: rect.top };
  });
  const clip = { x: Math.floor(box.right) - 3, y: Math.floor(box.top) + 2 };
  return onlyPixel(await page.screenshot({ clip: { ...clip, width: 1, height: 1 } }));
}

/** What the host page has recorded so far (see openEmbedded). */
function recorded(page) {
  return page.evaluate(() => ({ heard: window.heard, completions: window.completions }));
}

test("the snippet on another site's page fits the frame to Tandem and hears the level, not the answers", async (t) => {
  await tandem.journey(t, async ({ page, origin, hostOrigin }) => {
    const app = await openEmbedded(page, origin, `${hostOrigin}/blog.html`);
    // Embed mode: no banner or footer of Tandem's own, a word on what the page
    // around it learns, and the host page showing through.
    assert.equal(await app.page.getByRole('banner').count(), 0, 'no header of its own');
    assert.equal(await app.page.getByRole('contentinfo').count(), 0, 'no footer of its own');
    await app.expectText(HOST_LEARNS);
    // The landing page's privacy promise says so too, instead of "Nothing is
    // sent anywhere".
    const promise = app.page
      .getByRole('paragraph')
      .filter({ hasText: 'Your answers stay in this browser.' });
    assert.match(
      await promise.textContent(),
      /Your answers are never sent anywhere: .* When you finish, the page around Tandem is told your overall level, nothing else\./,
    );
    assert.doesNotMatch(await promise.textContent(), /Nothing is sent anywhere/);
    assert.deepEqual(
      await app.page.evaluate(() =>
        [document.documentElement, document.body].map((e) => getComputedStyle(e).backgroundColor),
      ),
      ['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'],
      'a transparent background',
    );

    const landing = await expectFitted(page, app);
    await app.start('quick');
    const aboutYou = await expectFitted(page, app);
    assert.notEqual(aboutYou, landing, 'the frame follows the new screen');

    const expected = result('embedded');
    const { answers } = expected;
    const role = ROLES[1];
    await app.aboutYou({ role, team: 'Site B' }, 'quick');
    await expectFitted(page, app);
    await app.answerAll('quick', answers);
    await app.expectResults('quick', expected);
    const results = await expectFitted(page, app);
    assert.ok(results > aboutYou, `the results (${results}px) are taller than "About you"`);

    // A narrower column: the content wraps, the frame grows; back to the
    // wide column, it shrinks again.
    await page.setViewportSize({ width: 560, height: 740 });
    const narrow = await expectFitted(page, app);
    assert.ok(narrow > results, `narrower and taller: ${narrow}px after ${results}px`);
    await page.setViewportSize({ width: 1024, height: 800 });
    const wide = await expectFitted(page, app);
    assert.ok(wide < narrow, `wider and shorter again: ${wide}px after ${narrow}px`);

    // The page heard the overall level once, and nothing about the answers.
    const { overall } = expected;
    assert.ok(overall.level !== null, 'these answers give an overall level');
    await page.waitForFunction(() => window.completions.length > 0);
    const { heard, completions } = await recorded(page);
    assert.deepEqual(completions, [
      {
        source: 'tandem',
        version: 1,
        type: 'completed',
        level: overall.level,
        levelName: overall.level_name,
      },
    ]);
    const fromTandem = heard.filter((m) => m.fromTandem).map((m) => m.data);
    assert.ok(fromTandem.length > 1, 'heights and the completion came from the frame');
    for (const message of fromTandem) {
      if (message.type === 'height') {
        assert.deepEqual(Object.keys(message), ['source', 'version', 'type', 'height']);
        assert.ok(Number.isInteger(message.height) && message.height > 0, message.height);
      } else {
        assert.deepEqual(message, completions[0], 'the only other message is the completion');
      }
    }
    const everything = JSON.stringify(fromTandem);
    for (const secret of ['Site B', role, ...answers.keys()]) {
      assert.ok(!everything.includes(secret), `no message carries "${secret}"`);
    }
  });
});

test('on a light page, Tandem shows the page through, or a dark backdrop for a reader who prefers dark', async (t) => {
  await tandem.journey(t, async ({ page, origin, hostOrigin }) => {
    const app = await openEmbedded(page, origin, `${hostOrigin}/blog.html`);
    await expectFitted(page, app);
    assert.deepEqual(await backdrop(page), [255, 255, 255], "the blog's white shows through");

    // Tandem's text turns light; the browser puts a dark backdrop behind it.
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.page.waitForFunction(() => matchMedia('(prefers-color-scheme: dark)').matches);
    await expectFitted(page, app);
    const [r, g, b] = await backdrop(page);
    assert.ok(Math.max(r, g, b) < 64, `a dark backdrop behind light text, not rgb(${r}, ${g}, ${b})`);
  });
});

test("the snippet ignores messages from anyone but Tandem's frame, and malformed ones", async (t) => {
  await tandem.journey(t, async ({ page, origin, hostOrigin }) => {
    const app = await openEmbedded(page, origin, `${hostOrigin}/blog.html`);
    const fitted = await expectFitted(page, app);
    const frameHeight = () => page.locator(FRAME).evaluate((element) => element.style.height);

    // Another frame of the page, with a document from Tandem's own origin:
    // the right origin, the wrong sender.
    await page.evaluate((src) => {
      const other = document.createElement('iframe');
      other.id = 'other-frame';
      other.title = 'Another frame';
      other.src = src;
      document.body.append(other);
    }, `${origin}/embed-demo.js`);
    const otherFrame = await frameOf(page, '#other-frame');
    await otherFrame.waitForLoadState();

    const height = (h) => ({ source: 'tandem', version: 1, type: 'height', height: h });
    const completed = { source: 'tandem', version: 1, type: 'completed', level: 5, levelName: 'Integrated' };
    const post = (sender) => (message) =>
      sender.evaluate((m) => window.parent.postMessage(m, '*'), message);
    const fromHostPage = (message) => page.evaluate((m) => window.postMessage(m, '*'), message);
    const fromOtherFrame = post(otherFrame);
    const fromTandemsFrame = post(app.page);

    const ignored = [
      [fromHostPage, height(123)],
      [fromHostPage, completed],
      [fromOtherFrame, height(124)],
      [fromOtherFrame, completed],
      // From Tandem's frame, but not a message the snippet knows.
      [fromTandemsFrame, { ...height(125), version: 2 }],
      [fromTandemsFrame, { ...height(126), source: 'other' }],
      [fromTandemsFrame, height('127')],
      [fromTandemsFrame, height(-128)],
      [fromTandemsFrame, height(129.5)],
      [fromTandemsFrame, { ...completed, version: 2 }],
      [fromTandemsFrame, 'tandem'],
      [fromTandemsFrame, null],
    ];
    for (const [send, message] of ignored) {
      const before = (await recorded(page)).heard.length;
      await send(message);
      await page.waitForFunction((n) => window.heard.length > n, before);
      assert.equal(await frameHeight(), `${fitted}px`, `${JSON.stringify(message)} is ignored`);
    }
    assert.deepEqual((await recorded(page)).completions, [], 'no completion was passed on');

    // The same checks let a well-formed message from Tandem's frame through.
    await fromTandemsFrame(height(321));
    await page.waitForFunction((selector) => document.querySelector(selector).style.height === '321px', FRAME);
    await fromTandemsFrame(completed);
    await page.waitForFunction(() => window.completions.length === 1);
  });
});

test("where the browser blocks a cross-site frame's storage, Tandem works in memory and says so", async (t) => {
  await tandem.journey(t, async ({ page, origin, hostOrigin }) => {
    const app = await openEmbedded(page, origin, `${hostOrigin}/blog.html`);
    // A fresh browser context is a private window, and Chromium's private
    // windows block third-party storage.
    const blocked = await app.page.evaluate(() => {
      try {
        return window.localStorage === null;
      } catch (error) {
        return error.name === 'SecurityError';
      }
    });
    assert.ok(blocked, "this browser blocks the cross-site frame's storage, as the test needs");
    await app.page.getByRole('status').filter({ hasText: NOT_KEPT }).waitFor();
    assert.equal(await app.page.getByText(COME_BACK).count(), 0, 'no promise to keep progress');

    await app.start('quick');
    await app.page.getByRole('status').filter({ hasText: NOT_KEPT }).waitFor();
    await expectFitted(page, app);

    // Answering still works, in memory.
    const answers = plan('quick', () => 'Agree');
    await app.aboutYou({ role: ROLES[0], team: '' }, 'quick');
    await app.answerSection('quick', 0, answers);
    await app.expectAnswered('quick', sections('quick')[0].dimension.statements.length);
    await app.next('quick', 0);
    await app.page.getByRole('status').filter({ hasText: NOT_KEPT }).waitFor();
  });
});

test('the demo page the build ships embeds Tandem with the snippet, saving progress', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const demo = `${origin}/embed-demo.html`;
    let app = await openEmbedded(page, origin, demo);
    await app.expectText(HOST_LEARNS);
    await app.page.getByText(COME_BACK).waitFor();
    await expectFitted(page, app);

    // Beside Tandem, on its own origin, the frame may store: no notice, and
    // a reload resumes.
    const expected = result('strongly-agree-throughout');
    const { answers } = expected;
    await app.start('quick');
    await app.aboutYou({ role: ROLES[2], team: 'Demo' }, 'quick');
    await app.answerSection('quick', 0, answers, 2);
    await app.expectAnswered('quick', 2);
    assert.equal(await app.page.getByText(NOT_KEPT).count(), 0, 'no notice about saving');
    await page.reload();
    app = new Tandem(await frameOf(page, FRAME), origin);
    await app.expectSection('quick', 0);
    await app.expectChecked('quick', 0, answers, 2);

    await app.answerAll('quick', answers);
    await app.expectResults('quick', expected);
    await expectFitted(page, app);
    // A result link opens Tandem as a page of its own, not in embed mode.
    const link = await app.resultLink();
    assert.ok(link.startsWith(`${origin}/index.html#r=`), link);
  });
});

test('a page that embeds Tandem cannot reconfigure it by changing its address', async (t) => {
  await tandem.journey(t, async ({ page, origin, hostOrigin }) => {
    const app = await openEmbedded(page, origin, `${hostOrigin}/blog.html`);
    const config = configFragment({ organisation: 'Framed Ltd' });
    await page.evaluate(
      ([selector, config]) => {
        const frame = document.querySelector(selector);
        frame.src = `${frame.src.split('#')[0]}#${config}`;
      },
      [FRAME, config],
    );
    const frame = await frameOf(page, FRAME);
    await frame
      .getByRole('alert')
      .filter({ hasText: 'The configuration from the address of this embedded Tandem was not used' })
      .waitFor();
    await app.expectLanding();
    assert.equal(await frame.getByText('Framed Ltd', { exact: false }).count(), 0);
    assert.equal(await frame.getByRole('heading', { name: 'Use this configuration?' }).count(), 0);
  });
});
