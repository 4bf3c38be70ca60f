// A consultant's configuration from a link or an imported file: hostile text
// is shown as text and runs nothing, a hostile link is refused with its
// reasons, the builder makes a link that brands the app, and answers to other
// questions are kept untouched.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTandem } from '../harness.js';
import { AGREEMENT, bank, plan } from '../bank.js';
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
      'logo: must be the path of an image beside the app, such as branding/logo.png, not a web address or a data: or javascript: URL',
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
      'colors: unknown field `colors`; a configuration has only version, organisation, title, logo, colours, intro, closing, contact, anonymity_threshold, host_messages, consultant_tools, bank, dimensions',
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
    await app.open();
    await page.getByRole('link', { name: 'Build a configuration', exact: true }).click();
    await app.expectHeading('Configuration builder');
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
