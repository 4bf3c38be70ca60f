// Screens designed for their device, measured as a person sees them: on a
// phone the result comes first (the headline, the chart, where to start)
// and the result code is on the second screen at the latest; the way the
// result is worked out waits behind a disclosure; the radar chart fits
// every label at every width, and a dimension without a score is a gap in
// the shape, not a point at zero. Presenter mode fits one slide to a
// laptop's screen, even zoomed, and a presentation clicker's keys drive it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTandem } from '../harness.js';
import { Tandem } from '../tandem.js';
import { HR_ABOVE_LD, ROOM_OF_SIX, result } from '../fixtures.js';
import { cellRows, dividedStatements, openWorkshop, pasteCodes } from '../workshop.js';

const tandem = useTandem();

/** Takes the assessment in `mode` with the answer set `name`. */
async function resultOf(page, origin, mode, name) {
  const app = new Tandem(page, origin);
  const expected = result(name);
  await app.open();
  await app.start(mode);
  await app.aboutYou({ role: 'HR' }, mode);
  await app.answerAll(mode, expected.answers);
  await app.expectResults(mode, expected);
  return { app, expected };
}

/** Where `locator` sits on the page, in CSS pixels from the top. */
async function box(locator) {
  return locator.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right };
  });
}

/**
 * The boxes of the radar chart `chart` (an img) and of each of its labels,
 * with the labels' size on screen.
 */
async function radar(chart) {
  return chart.evaluate((svg) => {
    const outer = svg.getBoundingClientRect();
    const scale = outer.width / svg.viewBox.baseVal.width;
    const labels = [...svg.querySelectorAll('text')]
      .filter((t) => t.querySelector('tspan'))
      .map((t) => {
        const r = t.getBoundingClientRect();
        return {
          text: [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' '),
          left: r.left - outer.left,
          right: outer.right - r.right,
          top: r.top - outer.top,
          bottom: outer.bottom - r.bottom,
          px: parseFloat(getComputedStyle(t).fontSize) * scale,
        };
      });
    // The axes start at the centre; the shapes are the series' areas.
    const axis = svg.querySelector('line');
    const centre = { x: axis.x1.baseVal.value, y: axis.y1.baseVal.value };
    const corners = [...svg.querySelectorAll('g polygon')].flatMap((p) =>
      [...p.points].map((q) => Math.hypot(q.x - centre.x, q.y - centre.y)),
    );
    const dots = [...svg.querySelectorAll('g circle')].map((c) =>
      Math.hypot(c.cx.baseVal.value - centre.x, c.cy.baseVal.value - centre.y),
    );
    return { width: outer.width, labels, dots, corners };
  });
}

for (const [mode, name] of [
  ['quick', 'varied'],
  ['full', 'full-varied'],
  ['quick', 'mostly-dont-know'],
]) {
  test(`on a phone the ${name} result comes first and its code is on the second screen`, async (t) => {
    await tandem.journey(t, async ({ page, origin }) => {
      await page.setViewportSize({ width: 390, height: 740 });
      const { app, expected } = await resultOf(page, origin, mode, name);
      const screen = 740;

      const headline = await box(page.getByText(expected.overall.line, { exact: true }));
      assert.ok(headline.bottom <= screen, `the headline is on the first screen (${headline.bottom} px)`);
      const chart = await box(page.getByRole('img', { name: /^Radar chart of the scores/ }));
      assert.ok(chart.top < screen, `the chart starts on the first screen (${chart.top} px)`);
      const start = await box(page.getByRole('heading', { level: 2, name: 'Where to start', exact: true }));
      assert.ok(start.top > chart.top, 'where to start follows the chart');

      const code = app.textbox('Result code');
      const field = await box(code);
      assert.ok(
        field.bottom <= 2 * screen,
        `the result code ends ${Math.round(field.bottom)} px down, within two screens (${2 * screen} px)`,
      );
      // The whole code is in view: nothing scrolls inside its box.
      const hidden = await code.evaluate((e) => ({
        across: e.scrollWidth - e.clientWidth,
        down: e.scrollHeight - e.clientHeight,
      }));
      assert.deepEqual(hidden, { across: 0, down: 0 }, 'the result code shows whole');

      // How the result is worked out: folded away until asked for.
      const rule = page.getByText(/^Each dimension's score is the average/);
      assert.equal(await rule.isVisible(), false, 'the rule waits behind its disclosure');
      await app.openRule();
      await rule.waitFor();
    });
  });
}

for (const width of [320, 390, 1366]) {
  test(`at ${width} px every radar label lies inside the chart, at a size that can be read`, async (t) => {
    await tandem.journey(t, async ({ page, origin }) => {
      await page.setViewportSize({ width, height: 800 });
      const { expected } = await resultOf(page, origin, 'full', 'full-varied');
      const chart = await radar(page.getByRole('img', { name: /^Radar chart of the scores/ }));
      assert.equal(chart.labels.length, expected.dimensions.length, 'a label per dimension');
      for (const label of chart.labels) {
        for (const side of ['left', 'right', 'top', 'bottom']) {
          assert.ok(label[side] >= 0, `"${label.text}" is ${-label[side].toFixed(1)} px outside the chart's ${side}`);
        }
        assert.ok(label.px >= (width < 390 ? 11 : 12), `"${label.text}" is ${label.px.toFixed(1)} px high on a ${width} px screen`);
      }
    });
  });
}

test('a dimension without a score is a gap in the chart, not a point at zero', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    await page.setViewportSize({ width: 390, height: 740 });
    const { expected } = await resultOf(page, origin, 'quick', 'mostly-dont-know');
    const scored = expected.dimensions.filter((d) => d.score !== null);
    assert.ok(scored.length < expected.dimensions.length, 'some dimension has no score');
    const chart = await radar(page.getByRole('img', { name: /^Radar chart of the scores/ }));
    assert.equal(chart.dots.length, scored.length, 'a point for each score, none for a missing one');
    // The shape runs through the scores alone: no corner of it is drawn at
    // the centre, where a zero would be.
    assert.ok(chart.corners.length >= scored.length, 'the shape is drawn');
    for (const distance of [...chart.corners, ...chart.dots]) {
      assert.ok(distance > 2, `a corner of the shape lies ${distance.toFixed(1)} units from the centre`);
    }
    // Its label says so, inside the chart like every other.
    for (const label of chart.labels) {
      for (const side of ['left', 'right', 'top', 'bottom']) {
        assert.ok(label[side] >= 0, `"${label.text}" is ${-label[side].toFixed(1)} px outside the chart's ${side}`);
      }
    }
  });
});

/** The room of six gathered, in presenter mode on its first slide. */
async function presenting(page, origin) {
  const app = new Tandem(page, origin);
  await openWorkshop(page, app);
  await pasteCodes(page, ROOM_OF_SIX.codes, ROOM_OF_SIX.codes.length);
  await app.button('Start presenter mode').click();
  await app.expectHeading(ROOM_OF_SIX.dimensions[0].name);
  return app;
}

/** What of the slide lies outside the window, in CSS pixels. */
async function overflow(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const buttons = [...document.querySelectorAll('button')].filter((b) => b.getBoundingClientRect().bottom > innerHeight);
    return {
      down: doc.scrollHeight - doc.clientHeight,
      across: doc.scrollWidth - doc.clientWidth,
      buttonsBelow: buttons.map((b) => b.textContent),
    };
  });
}

// A 1366 x 768 laptop, as is and at 150 % zoom (the window then has 911 x
// 512 CSS pixels), and a 1080p projector.
for (const [width, height] of [[1366, 768], [911, 512], [1920, 1080]]) {
  test(`at ${width} x ${height} every slide of presenter mode fits the screen, revealed or not`, async (t) => {
    await tandem.journey(t, async ({ page, origin }) => {
      await page.setViewportSize({ width, height });
      const app = await presenting(page, origin);
      const slides = ROOM_OF_SIX.dimensions.length + 2;
      for (let slide = 0; slide < slides; slide += 1) {
        const dimension = ROOM_OF_SIX.dimensions[slide];
        if (dimension) {
          assert.deepEqual(await overflow(page), { down: 0, across: 0, buttonsBelow: [] }, `${dimension.name}, before the reveal`);
          await app.button("Reveal the team's results").click();
          await page.getByRole('status').waitFor();
        }
        const name = dimension?.name ?? (await page.getByRole('heading', { level: 1 }).textContent());
        assert.deepEqual(await overflow(page), { down: 0, across: 0, buttonsBelow: [] }, `${name}, all of it on one screen`);
        if (slide + 1 < slides) await app.button('Next').click();
      }
    });
  });
}

test('a presentation clicker drives presenter mode: Right or Space reveals, then moves on; Left and Page Up go back', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const app = await presenting(page, origin);
    const [first, second] = ROOM_OF_SIX.dimensions;
    const figures = page.getByRole('status');
    // Nothing has focus yet, as when the facilitator picks up the clicker.
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('ArrowRight');
    await figures.waitFor();
    assert.deepEqual(
      (await figures.innerText()).split('\n').map((l) => l.trim()).filter(Boolean),
      first.presenter,
      'the first press reveals the figures',
    );
    await page.keyboard.press('Space');
    await app.expectHeading(second.name);
    assert.equal(await figures.count(), 0, 'the next dimension holds its figures back');
    await page.keyboard.press('PageDown');
    await figures.waitFor();
    await page.keyboard.press('ArrowLeft');
    await app.expectHeading(first.name);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await app.expectHeading(second.name);
    await page.keyboard.press('PageUp');
    await app.expectHeading(first.name);
    await page.keyboard.press('Escape');
    await app.expectHeading('Workshop');
  });
});

for (const [width, height] of [[1920, 1080], [1366, 768]]) {
  test(`at ${width} x ${height} the team picture leads once codes are in, its chart above the fold`, async (t) => {
    await tandem.journey(t, async ({ page, origin }) => {
      await page.setViewportSize({ width, height });
      const app = new Tandem(page, origin);
      await openWorkshop(page, app);
      await pasteCodes(page, ROOM_OF_SIX.codes, ROOM_OF_SIX.codes.length);
      const chart = page.getByRole('img', { name: /^Radar chart of the team's mean score/ });
      const headline = await box(page.getByRole('heading', { level: 2, name: /^Team: / }));
      const drawn = await box(chart);
      const gather = await box(page.getByRole('textbox', { name: 'Paste result codes or links', exact: true }));
      assert.ok(headline.top < drawn.top, 'the team headline comes first');
      assert.ok(drawn.top < gather.top, 'the chart comes before gathering');
      if (width === 1920) {
        assert.ok(drawn.bottom <= height, `the team chart ends ${Math.round(drawn.bottom)} px down, above the fold (${height} px)`);
      }
      // The chart and how HR and L&D see it share the width.
      const comparison = await box(page.getByRole('table', { name: 'HR minus L&D mean score, largest difference first', exact: true }));
      assert.ok(comparison.left >= drawn.right - 1, 'the comparison sits beside the chart');

      const labels = await radar(chart);
      for (const label of labels.labels) {
        for (const side of ['left', 'right', 'top', 'bottom']) {
          assert.ok(label[side] >= 0, `"${label.text}" is outside the team chart's ${side}`);
        }
      }

      // Where the team is divided, a bar for the room and, since three HR
      // and three L&D leave nobody to subtract back, one for each.
      assert.deepEqual(await dividedStatements(page), ROOM_OF_SIX.divided);

      // Opened again with the room gathered, gathering is folded away.
      await app.reload();
      await app.expectHeading('Workshop');
      await chart.waitFor();
      assert.equal(
        await page.getByRole('textbox', { name: 'Paste result codes or links', exact: true }).isVisible(),
        false,
        'gathering waits behind its disclosure',
      );
    });
  });
}

test('a small room that agrees to it becomes an open workshop, and every view of it says so', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const app = new Tandem(page, origin);
    await openWorkshop(page, app);
    await pasteCodes(page, HR_ABOVE_LD.codes, HR_ABOVE_LD.codes.length);
    const gaps = page.getByRole('table', { name: 'HR minus L&D mean score, largest difference first', exact: true });
    const anonymous = page.getByRole('note').filter({ hasText: /^Anonymous workshop: / });
    const open = page.getByRole('note').filter({ hasText: /^Open workshop: / });
    // Two HR and two L&D: anonymous, the comparison held back, and the
    // open workshop offered where the comparison would be.
    await anonymous.waitFor();
    assert.equal(await gaps.count(), 0, 'no comparison of groups of two');
    await app.button('The room agrees: make this an open workshop').click();
    await open.waitFor();
    assert.equal(await anonymous.count(), 0, 'the view says which mode it is in');
    assert.deepEqual(
      await cellRows(page, gaps),
      HR_ABOVE_LD.gaps.map(([, ...cells]) => cells),
      'groups of two are compared',
    );
    assert.equal(await app.button('The room agrees: make this an open workshop').count(), 0, 'offered no more');

    // Projected: presenter mode says so on every slide.
    await app.button('Start presenter mode').click();
    for (let slide = 0; slide < ROOM_OF_SIX.dimensions.length + 2; slide += 1) {
      await open.waitFor();
      await page.keyboard.press('PageDown');
    }
    await page.keyboard.press('Escape');
    await app.expectHeading('Workshop');

    // Printed: the report says so too.
    await page.emulateMedia({ media: 'print' });
    assert.ok(await open.isVisible(), 'the printed report says it is an open workshop');
  });
});

for (const [width, height] of [[1920, 1080], [1366, 768], [390, 740]]) {
  test(`at ${width} x ${height} the join screen shows the room how to join, all on one screen`, async (t) => {
    await tandem.journey(t, async ({ page, origin }) => {
      await page.setViewportSize({ width, height });
      const app = new Tandem(page, origin);
      await openWorkshop(page, app);
      await app.button('Show the join screen').click();
      await app.expectHeading('Join the workshop');
      const link = `${origin}/`;
      await app.expectText(link);
      const qr = await box(page.getByRole('img', { name: `QR code of the link to the assessment, ${link}`, exact: true }));
      if (width > 400) {
        assert.ok(qr.bottom - qr.top >= height * 0.5, `the QR code is ${Math.round(qr.bottom - qr.top)} px, large for the room`);
        assert.deepEqual(await overflow(page), { down: 0, across: 0, buttonsBelow: [] }, 'all on one screen');
      }
      await page.keyboard.press('Escape');
      await app.expectHeading('Workshop');
    });
  });
}

test('on a phone no statement card has its border drawn through its text', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    await page.setViewportSize({ width: 390, height: 740 });
    const app = new Tandem(page, origin);
    await app.open();
    await app.start('quick');
    await app.aboutYou({ role: 'HR' }, 'quick');
    const cards = page.getByRole('group');
    await cards.first().waitFor();
    const crossed = await cards.evaluateAll((groups) =>
      groups
        .map((group) => {
          const legend = group.querySelector(':scope > legend');
          const inner = group.getBoundingClientRect().top + parseFloat(getComputedStyle(group).borderTopWidth);
          return { text: legend?.textContent ?? '', by: inner - (legend?.getBoundingClientRect().top ?? inner) };
        })
        .filter((c) => c.by > 0.5),
    );
    assert.deepEqual(crossed, [], 'every statement lies inside its card');
  });
});

test('in dark mode the browser draws fields and menus dark too', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const { app, expected } = await resultOf(page, origin, 'quick', 'varied');
    // Brightness of a computed colour, 0 (black) to 255 (white).
    const brightness = (locator) =>
      locator.evaluate((e) => {
        const [r, g, b] = getComputedStyle(e).backgroundColor.match(/\d+/g).map(Number);
        return Math.round(0.299 * r + 0.587 * g + 0.114 * b);
      });
    for (const [name, field] of [
      ['the result code', app.textbox('Result code')],
      ['the result link', app.textbox('Result link')],
      ['a target menu', app.targetSelect(expected.dimensions[0].name)],
    ]) {
      const shade = await brightness(field);
      assert.ok(shade < 128, `${name} is drawn dark (brightness ${shade} of 255)`);
    }
  });
});

test('the builder keeps its check and preview beside the form, says each problem at its field, and picks colours', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const app = new Tandem(page, origin);
    await app.openBuilder();
    await app.textbox('Organisation').fill('Northwind Health');
    const preview = page.getByRole('region', { name: 'Preview', exact: true });
    await preview.getByText('Northwind Health', { exact: true }).waitFor();

    // Beside the form, and still in view at the form's end.
    const form = await box(app.textbox('Organisation'));
    assert.ok((await box(preview)).left >= form.right, 'the preview sits beside the form');
    await app.textbox('Question bank (JSON)').scrollIntoViewIfNeeded();
    const shown = await preview.evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    });
    assert.ok(shown.top >= 0 && shown.top < 768, `the preview is in view at the form's end (top ${Math.round(shown.top)} px)`);

    // A colour picked from the picker lands in its hex field.
    await page.getByLabel('Accent: pick a colour', { exact: true }).fill('#0b5d4b');
    assert.equal(await app.textbox('Accent').inputValue(), '#0b5d4b');

    // A problem is said beside its field, in words with what to do; the
    // preview stays, saying it is the last version without problems.
    const onAccent = app.textbox('Text on the accent');
    await onAccent.fill('#2a6b5c');
    await page.getByText('The last version without problems, until the ones above are fixed.', { exact: true }).waitFor();
    await preview.getByText('Northwind Health', { exact: true }).waitFor();
    assert.equal(await onAccent.getAttribute('aria-invalid'), 'true');
    const described = (await onAccent.getAttribute('aria-describedby')).split(' ');
    const said = await page.locator(`[id="${described[0]}"]`).innerText();
    assert.match(said, /^Has too little contrast with accent \(\d\.\d:1; at least 4\.5:1 keeps text readable\): choose a (lighter colour, or white|darker colour, or black)$/);
    await onAccent.fill('#ffffff');
    await page.getByRole('status').getByText('The configuration is ready to use.', { exact: true }).waitFor();
    assert.equal(await onAccent.getAttribute('aria-invalid'), null, 'fixed');
    await page.getByRole('heading', { level: 2, name: 'Send to your client', exact: true }).waitFor();
  });
});
