// A consultant's configuration from a link or an imported file: hostile text
// is shown as text and runs nothing, a hostile link is refused with its
// reasons, the builder makes a link that brands the app, and answers to other
// questions are kept untouched.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTandem } from '../harness.js';
import { AGREEMENT, bank, plan, sections } from '../bank.js';
import { configLink } from '../links.js';
import { Tandem } from '../tandem.js';

const tandem = useTandem();

/** Markup that would run if Tandem ever read text as HTML. */
const IMG = '<img src=x onerror="window.__tandemPwned = 1; alert(1)">';
const SCRIPT = '<script>window.__tandemPwned = 2</script>';

/**
 * Records every dialog the page opens (an `alert` from injected markup would
 * be one) and dismisses it; `check()` asserts there were none and that no
 * injected script set its flag.
 */
function watchForScript(page) {
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  return {
    async check() {
      assert.deepEqual(dialogs, [], 'no dialog opened');
      assert.equal(await page.evaluate(() => window.__tandemPwned), undefined, 'no injected script ran');
      assert.equal(await page.locator('img[src="x"]').count(), 0, 'no image element was made from text');
      assert.equal(await page.locator('main script').count(), 0, 'no script element was made from text');
    },
  };
}

test('markup in a configuration is shown as the literal text it is, and nothing runs', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    const watch = watchForScript(page);
    const config = {
      organisation: IMG,
      title: `Partnership check ${SCRIPT}`,
      intro: `${IMG}\n\nSecond paragraph ${SCRIPT}`,
      closing: `Thanks ${IMG}`,
      contact: 'https://consultant.example/contact?a=<b>',
    };
    // Shown first, as text, before anything of it is used.
    await page.goto(configLink(origin, config));
    await app.expectHeading('Use this configuration?');
    await page.getByRole('main').getByText(`It names the organisation \u201c${IMG}\u201d`, { exact: false }).waitFor();
    await page.getByText(`Its contact link goes to ${config.contact}.`, { exact: true }).waitFor();
    await watch.check();
    await app.button('Use this configuration').click();
    await app.expectHeading(config.title);
    // The organisation, in the header, as text.
    await page.getByRole('banner').getByText(IMG, { exact: true }).waitFor();
    await page.getByRole('main').getByText(IMG, { exact: true }).waitFor();
    await app.expectText(`Second paragraph ${SCRIPT}`);
    const contact = page.getByRole('link', { name: config.contact, exact: true });
    assert.equal(await contact.getAttribute('href'), config.contact);
    // The link's configuration is kept, and taken out of the address.
    assert.equal(new URL(page.url()).hash, '');
    await watch.check();

    // The results carry the closing words, as text too.
    const answers = plan('quick', () => AGREEMENT[3]);
    await app.takeAssessment('quick', answers, { role: 'HR' });
    await app.expectText(`Thanks ${IMG}`);
    await watch.check();

    // A reload keeps the configuration, which now comes from storage.
    await app.reload();
    await app.expectHeading('Your result');
    await page.getByRole('banner').getByText(IMG, { exact: true }).waitFor();
    await watch.check();
  });
});

test('a configuration with a javascript: contact link is refused with its reasons, and no link is made', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    const watch = watchForScript(page);
    await page.goto(
      configLink(origin, {
        organisation: 'Hostile Ltd',
        contact: 'javascript:window.__tandemPwned=3',
        logo: 'https://evil.example/logo.svg',
        colours: { accent: 'red; background:url(https://evil.example/x)', accent_text: '#fff' },
      }),
    );
    const notice = page.getByRole('alert').filter({ hasText: 'The configuration from the link was not used' });
    await notice.waitFor();
    await app.expectLanding();
    const problems = (await notice.getByRole('listitem').allTextContents()).map((p) => p.trim());
    assert.deepEqual(problems, [
      'logo: must be the path of an image beside the app, such as branding/logo.png, or an embedded image, not a web address or a javascript: URL',
      'colours.accent: must be a hex colour: # and 3 or 6 hex digits, such as #1f5fa8',
      'contact: must start with https:// or mailto: (no other kind of link is allowed)',
    ]);
    await notice.getByText('Tandem is running with its standard questions and look instead.', { exact: false }).waitFor();
    // Nothing of it was applied: no organisation, no link, no image, no colour.
    assert.equal(await page.getByText('Hostile Ltd', { exact: true }).count(), 0);
    assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0);
    assert.equal(await page.locator('img').count(), 0);
    const accent = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--colour-primary').trim(),
    );
    assert.equal(accent, '#1f5fa8');
    await watch.check();

    await notice.getByRole('button', { name: 'Dismiss', exact: true }).click();
    assert.equal(await notice.count(), 0);
  });
});

test('an imported configuration file with mistakes lists each one and changes nothing', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    await app.open();
    await page.getByLabel('Use a configuration file (.json)', { exact: true }).setInputFiles({
      name: 'client.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ organisation: 'Acme', logo: 'logo.svg', colors: {} })),
    });
    const notice = page.getByRole('alert').filter({ hasText: 'The configuration from "client.json" was not used' });
    await notice.waitFor();
    const problems = (await notice.getByRole('listitem').allTextContents()).map((p) => p.trim());
    assert.deepEqual(problems, [
      'colors: is not a field Tandem knows here; the fields here are version, organisation, title, logo, colours, intro, closing, contact, anonymity_threshold, host_messages, consultant_tools, language, bank, dimensions',
      'logo: must not be an SVG image, which can carry script; use PNG, JPEG or WebP',
    ]);
    await app.expectLanding();
    assert.equal(await page.getByText('Acme', { exact: true }).count(), 0);
  });
});

test('answers to the standard questions are kept while a configuration asks others, and come back', async (t) => {
  await tandem.journey(t, async ({ page, origin }) => {
    const app = new Tandem(page, origin);
    const answers = plan('quick', () => AGREEMENT[4]);
    await app.open();
    await app.start('quick');
    await app.aboutYou({ role: 'HR', team: 'North' }, 'quick');
    await app.answerSection('quick', 0, answers);

    // A configuration asking only two of the standard dimensions.
    await app.useConfigLink(
      configLink(origin, { organisation: 'Northwind', dimensions: ['communication', 'mutual-recognition'] }),
    );
    await app.expectHeading(bank.title);
    await app.expectText(
      'Answers you gave to another set of questions are kept on this device, untouched. They come back when Tandem is opened with those questions again.',
    );
    await app.button('Start the quick assessment').click();
    await app.expectHeading('About you');
    assert.equal(await app.teamField().inputValue(), '', 'a fresh start for these questions');

    await app.button('Back').click();
    await app.button("Use this site's own configuration").click();
    // Back to the standard questions, where the person left off.
    await app.expectSection('quick', 0);
    assert.equal(await page.getByText('Northwind', { exact: true }).count(), 0);
    assert.equal(
      await app.option(bank.dimensions[0].statements[0], 1, AGREEMENT[4]).isChecked(),
      true,
    );
  });
});

test('the builder checks as the consultant types and makes a link that brands the app', async (t) => {
  await tandem.journey(t, async ({ page, origin, freshContext }) => {
    const app = new Tandem(page, origin);
    await app.openBuilder();
    const status = page.getByRole('status').filter({ hasText: /ready to use|to fix/ });
    await status.getByText('The configuration is ready to use.', { exact: true }).waitFor();

    await app.textbox('Organisation').fill('Northwind Health');
    await app.textbox('Accent').fill('red; background:url(x)');
    await app.textbox('Text on the accent').fill('#ffffff');
    await status
      .getByText(
        'colours.accent: must be a hex colour: # and 3 or 6 hex digits, such as #1f5fa8',
        { exact: true },
      )
      .waitFor();
    assert.equal(await app.textbox('Link that carries this configuration').count(), 0, 'no link while wrong');

    await app.textbox('Accent').fill('#0b5d4b');
    await app.textbox('Introduction').fill('Welcome, Northwind.\n\nIt takes five minutes.');
    await app.textbox('Contact link').fill('mailto:sam@northwind.example');
    await status.getByText('The configuration is ready to use.', { exact: true }).waitFor();

    // The questions too: a problem in the bank is reported at its place.
    await app.button("Start from Tandem's questions").click();
    const bankText = JSON.parse(await app.textbox('Question bank (JSON)').inputValue());
    assert.equal(bankText.id, 'tandem-standard');
    bankText.id = 'northwind';
    bankText.dimensions[0].statements[0].text = 'HR and Learning meet every month.';
    bankText.dimensions[0].statements[1].weight = 9;
    await app.textbox('Question bank (JSON)').fill(JSON.stringify(bankText, null, 2));
    await status
      .getByText('bank.dimensions[0].statements[1].weight: must be a whole number from 1 to 5', {
        exact: true,
      })
      .waitFor();
    bankText.dimensions[0].statements[1].weight = 2;
    await app.textbox('Question bank (JSON)').fill(JSON.stringify(bankText, null, 2));
    await status.getByText('The configuration is ready to use.', { exact: true }).waitFor();

    const preview = page.getByRole('region', { name: 'Preview', exact: true });
    await preview.getByText('Welcome, Northwind.', { exact: true }).waitFor();
    const link = await app.textbox('Link that carries this configuration').inputValue();
    assert.ok(link.startsWith(`${origin}/#config=`), link);

    // The file to put beside the app.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      app.button('Download tandem.config.json').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'tandem.config.json');
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    const file = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    assert.equal(file.organisation, 'Northwind Health');
    assert.deepEqual(file.colours, { accent: '#0b5d4b', accent_text: '#ffffff' });
    assert.equal(file.bank.dimensions[0].statements[1].weight, 2);

    // Another device opens the link.
    const other = await freshContext();
    const respondent = new Tandem(other.page, origin);
    await respondent.useConfigLink(link);
    await respondent.expectHeading(bank.title);
    await other.page.getByRole('banner').getByText('Northwind Health', { exact: true }).waitFor();
    await respondent.expectText('Welcome, Northwind.');
    await respondent.expectText('It takes five minutes.');
    const mail = other.page.getByRole('link', { name: 'sam@northwind.example', exact: true });
    assert.equal(await mail.getAttribute('href'), 'mailto:sam@northwind.example');
    const colours = await other.page.evaluate(() => {
      const root = getComputedStyle(document.documentElement);
      return {
        accent: root.getPropertyValue('--colour-primary').trim(),
        accentText: root.getPropertyValue('--colour-primary-text').trim(),
      };
    });
    assert.deepEqual(colours, { accent: '#0b5d4b', accentText: '#ffffff' });
    const start = respondent.button('Start the quick assessment');
    assert.equal(
      await start.evaluate((button) => getComputedStyle(button).backgroundColor),
      'rgb(11, 93, 75)',
    );
    // The edited questions are asked.
    await start.click();
    await respondent.aboutYou({ role: 'HR' }, 'quick');
    await other.page
      .getByRole('group', { name: '1. HR and Learning meet every month.', exact: true })
      .waitFor();
  });
});

/** A PNG of `width` × `height` drawn by the browser, as a client's logo. */
async function drawnLogo(page, width, height) {
  const url = await page.evaluate(
    ([w, h]) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const pen = canvas.getContext('2d');
      pen.fillStyle = '#0b5d4b';
      pen.fillRect(0, 0, w, h);
      return canvas.toDataURL('image/png');
    },
    [width, height],
  );
  return Buffer.from(url.split(',')[1], 'base64');
}

test('the builder previews a statement and a result, and embeds a logo that travels in the link', async (t) => {
  await tandem.journey(t, async ({ page, origin, freshContext }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const app = new Tandem(page, origin);
    await app.openBuilder();
    await app.textbox('Organisation').fill('Northwind Health');
    await app.textbox('Closing words').fill('Send your code to Sam.');
    const preview = page.getByRole('region', { name: 'Preview', exact: true });
    const screen = (name) => preview.getByRole('button', { name, exact: true });
    assert.equal(await screen('First page').getAttribute('aria-pressed'), 'true');

    // A statement, as the first page of statements asks it, and answerable.
    await screen('A statement').click();
    assert.equal(await screen('A statement').getAttribute('aria-pressed'), 'true');
    const [first] = sections('quick');
    const statement = preview.getByRole('group', {
      name: `1. ${first.dimension.statements[0].text}`,
      exact: true,
    });
    await statement.getByRole('radio', { name: AGREEMENT[3], exact: true }).check();
    assert.ok(await statement.getByRole('radio', { name: AGREEMENT[3], exact: true }).isChecked());
    await preview.getByText(first.dimension.name, { exact: true }).first().waitFor();

    // A result from made-up answers, its chart inside the preview.
    await screen('The result').click();
    await preview.getByText('An example result, from made-up answers.', { exact: true }).waitFor();
    await preview.getByText('Send your code to Sam.', { exact: true }).waitFor();
    const chart = preview.getByRole('img', { name: "Radar chart of the example result's scores by dimension.", exact: true });
    const frame = await preview.boundingBox();
    const drawn = await chart.boundingBox();
    assert.ok(drawn.width > 200, `the chart is ${Math.round(drawn.width)} px wide`);
    assert.ok(
      drawn.x >= frame.x && drawn.x + drawn.width <= frame.x + frame.width + 0.5,
      'the chart fits the preview',
    );
    await preview.getByRole('heading', { name: 'Where to start', exact: true }).waitFor();

    // A logo embedded from a file: shown in the preview, described, and
    // neither a file too large nor one that is not an image loses it.
    const logo = await drawnLogo(page, 120, 40);
    const chooser = page.getByLabel('Embed an image file', { exact: true });
    await chooser.setInputFiles({ name: 'northwind.png', mimeType: 'image/png', buffer: logo });
    await page.getByText('An image of 1 KB, embedded: the link carries it too.', { exact: true }).waitFor();
    const previewLogo = preview.locator('img.brand__logo');
    assert.match(await previewLogo.getAttribute('src'), /^data:image\/png;base64,/);
    assert.equal(await previewLogo.evaluate((img) => img.naturalWidth), 120);
    const another = page.getByLabel('Embed another image file', { exact: true });
    const big = Buffer.concat([logo, Buffer.alloc(20 * 1024)]);
    await another.setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: big });
    await page
      .getByRole('alert')
      .getByText(
        '"big.png" is an image of 21 KB, larger than a logo carried in the configuration may be (16 KB at most); make it smaller, or put it beside the app and give its path.',
        { exact: true },
      )
      .waitFor();
    await another.setInputFiles({
      name: 'logo.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    });
    await page
      .getByRole('alert')
      .getByText('"logo.svg" must be a PNG, JPEG or WebP image (.png, .jpg, .jpeg or .webp).', { exact: true })
      .waitFor();
    assert.equal(await previewLogo.evaluate((img) => img.naturalWidth), 120, 'the embedded logo is kept');

    // The link carries it: another device shows it with no file beside the app.
    const link = await app.textbox('Link that carries this configuration').inputValue();
    const other = await freshContext();
    const respondent = new Tandem(other.page, origin);
    await respondent.useConfigLink(link);
    await respondent.expectHeading(bank.title);
    const banner = other.page.getByRole('banner');
    await banner.getByText('Northwind Health', { exact: true }).waitFor();
    const shown = banner.locator('img');
    await shown.waitFor();
    assert.equal(await shown.evaluate((img) => img.complete && img.naturalWidth), 120);

    // Removed, the path field is back.
    await app.button('Remove the embedded logo').click();
    assert.equal(await app.textbox('Logo').inputValue(), '');
  });
});
