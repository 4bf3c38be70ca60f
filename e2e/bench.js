// The browser half of `cargo xtask bench`: sizes of the release build and
// timings in headless Chromium, printed as tables. It measures; it asserts
// nothing about budgets (docs/benchmarks.md, which `cargo xtask bench
// --write` writes from these figures, sets them beside their budgets).
//
// Environment:
//   TANDEM_DIST   the release build folder (required)
//   TANDEM_CODES  folder with codes-1000.txt and codes-10000.txt, written by
//                 `cargo bench --bench workshop -- --write-codes DIR`
//   CHROMIUM      the Chromium binary (default /usr/bin/chromium)
//   TANDEM_RUNS   cold loads to time (default 10)
//   TANDEM_BENCH  which parts to run, comma-separated, from sizes, load,
//                 answering, languages, workshop, hostile, lighthouse
//                 (default all)
//   TANDEM_BENCH_JSON  a file to write the figures to as well, as JSON (one
//                 key per part run: see `record`), for `cargo xtask bench
//                 --write`; the printed tables stay as they are
//
// Cold loads and the workshop's paste are timed inside the page: an input
// event's own timestamp (or navigation start) to the first task after the
// next frame (requestAnimationFrame, then a message), which is when the
// browser has painted the change. Frames come every 16.7 ms, so such a
// figure includes the wait for the next frame, and any of the benchmark's
// own tasks queued before that message. Answers and the results page are
// read from Chromium's trace instead (see clickToFrame): the driver's own
// tasks between quick answers would otherwise be counted as the app's.

import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { distFolder, launchBrowser, serveStatic } from './harness.js';
import { MODES, sections } from './bank.js';
import { result } from './fixtures.js';
import { Tandem } from './tandem.js';
import { FIRST_SCREEN_BUDGET, measure, report, table } from '../tools/sizes.mjs';

const RUNS = Number.parseInt(process.env.TANDEM_RUNS ?? '10', 10);
const ASSESSMENT_RUNS = 5;
const AGGREGATION_RUNS = 5;
const ROOMS = [1_000, 10_000];
const PARTS = ['sizes', 'load', 'answering', 'languages', 'workshop', 'hostile', 'lighthouse'];
const LIGHTHOUSE_RUNS = 3;
const SWITCH_RUNS = 3;
const parts = new Set((process.env.TANDEM_BENCH ?? PARTS.join(',')).split(',').map((p) => p.trim()));

/**
 * The figures of this run, as TANDEM_BENCH_JSON receives them: `browser`
 * (Chromium's version) and one key per part run, each part's durations in
 * milliseconds as `durations` gives them and sizes in bytes.
 */
const record = {};

/** Installed in every page before the app: records what the figures need. */
function pageProbe(startButton) {
  const probe = {
    firstControl: null,
    firstStatement: null,
    paints: [],
    wasm: null,
  };
  window.__tandemBench = probe;
  addEventListener('TrunkApplicationStarted', (event) => {
    probe.wasm = event.detail.wasm;
  });
  // When `then` runs, the frame after now has been painted.
  const afterPaint = (then) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => then(performance.now());
      channel.port2.postMessage(null);
    });
  const observer = new MutationObserver(() => {
    if (probe.firstControl === null) {
      const start = [...document.querySelectorAll('button')].find(
        (b) => b.textContent.trim() === startButton && !b.disabled,
      );
      if (start) {
        probe.firstControl = -1;
        afterPaint((t) => (probe.firstControl = t));
      }
    }
    if (probe.firstStatement === null && document.querySelector('fieldset input[type=radio]')) {
      const legend = document.querySelector('fieldset legend');
      if (legend && /^\d+\. /.test(legend.textContent.trim())) {
        probe.firstStatement = -1;
        afterPaint((t) => (probe.firstStatement = t));
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  // Every click on an answer or a button: from the input event to the paint.
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target;
      const kind =
        target instanceof HTMLInputElement && target.type === 'radio'
          ? 'answer'
          : target.closest?.('button')?.textContent.trim();
      if (!kind) return;
      const started = event.timeStamp;
      // In the browser's own timeline too, for the figures read from a trace.
      performance.mark(`tandem-bench:${kind}`);
      afterPaint((t) => probe.paints.push({ kind, ms: t - started }));
    },
    true,
  );
}

// ---------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The nearest-rank percentile `p` (0 to 100). */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (value) => `${value.toFixed(1)} ms`;

function summary(values) {
  return `median ${ms(median(values))}, min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))} (${values.length} runs)`;
}

/** Durations for the JSON record: median, spread and count (`null` for none). */
function durations(values) {
  if (values.length === 0) return null;
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    p95: percentile(values, 95),
    count: values.length,
  };
}


// ---------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------

async function sizes(dist) {
  const measured = await measure(dist);
  console.log(`\n${report(measured)}`);
  record.sizes = { budget: FIRST_SCREEN_BUDGET, ...measured };
}

/**
 * A browser of its own, with the probe installed. Each launch starts from a
 * new, empty temporary profile (Playwright's), so nothing is cached.
 */
async function freshBrowser(origin) {
  const browser = await launchBrowser();
  const context = await browser.newContext({
    viewport: { width: 1024, height: 800 },
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(30_000);
  await context.addInitScript(pageProbe, MODES.quick.button);
  await context.route('**/*', (route) =>
    new URL(route.request().url()).origin === origin
      ? route.continue()
      : route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  return { browser, page, close: () => browser.close() };
}

const probe = (page) => page.evaluate(() => {
  const { firstControl, firstStatement, paints } = window.__tandemBench;
  return { firstControl, firstStatement, paints };
});

async function coldLoads(origin) {
  const toControl = [];
  const toStatement = [];
  const toRest = [];
  let onDemand = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const browser = await freshBrowser(origin);
    try {
      const app = new Tandem(browser.page, origin);
      await app.open();
      await browser.page.waitForFunction(() => window.__tandemBench.firstControl > 0);
      await app.start('quick');
      await app.aboutYou({ role: 'HR' }, 'quick');
      await browser.page.waitForFunction(() => window.__tandemBench.firstStatement > 0);
      const figures = await probe(browser.page);
      toControl.push(figures.firstControl);
      toStatement.push(figures.firstStatement);
      const marks = await browser.page.evaluate(() =>
        Object.fromEntries(
          ['tandem:rest-linked', 'tandem:rest-on-demand'].map((name) => [
            name,
            performance.getEntriesByName(name)[0]?.startTime ?? null,
          ]),
        ),
      );
      if (marks['tandem:rest-linked'] !== null) toRest.push(marks['tandem:rest-linked']);
      if (marks['tandem:rest-on-demand'] !== null) onDemand += 1;
    } finally {
      await browser.close();
    }
  }
  console.log('\nCold load in a fresh profile, from navigation start:');
  console.log(`  first interactive control ("${MODES.quick.button}") painted: ${summary(toControl)}`);
  console.log(
    `  first statement painted (the bench clicks Start, a role and Next as fast as it can): ${summary(toStatement)}`,
  );
  console.log(
    `  rest of the code fetched, compiled and linked (tools/split/loader.js): ${summary(toRest)}; ` +
      `loaded on demand, before it had arrived, in ${onDemand} of ${RUNS} runs`,
  );
  record.load = {
    runs: RUNS,
    firstControl: durations(toControl),
    firstStatement: durations(toStatement),
    restLinked: durations(toRest),
    onDemand,
  };
}

/**
 * From Chromium's trace of the main thread: for each click the probe marked
 * as `kind`, the time from the start of the click's dispatch to the end of
 * the first frame committed after the app has handled it (the frame that
 * shows the change). Read from the browser's own timeline, so the figures
 * leave out the benchmark's own tasks, which an in-page timer would count.
 */
function clickToFrame(traceEvents, kind) {
  const marks = traceEvents.filter((e) => e.name === `tandem-bench:${kind}`);
  const dispatches = traceEvents.filter(
    (e) => e.name === 'EventDispatch' && e.ph === 'X' && e.args?.data?.type === 'click',
  );
  const commits = traceEvents
    .filter((e) => e.name === 'Commit' && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  const figures = [];
  for (const mark of marks) {
    const click = dispatches.find((d) => d.ts <= mark.ts && mark.ts <= d.ts + d.dur);
    const handled = click && click.ts + click.dur;
    const frame = click && commits.find((c) => c.tid === click.tid && c.ts >= handled);
    if (frame) figures.push((frame.ts + frame.dur - click.ts) / 1000);
  }
  return figures;
}

async function answering(origin) {
  const answers = [];
  const results = [];
  let marked = 0;
  for (let run = 0; run < ASSESSMENT_RUNS; run += 1) {
    const fresh = await freshBrowser(origin);
    try {
      const app = new Tandem(fresh.page, origin);
      await app.open();
      await fresh.browser.startTracing(fresh.page, {
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
      });
      await app.start('full');
      await app.aboutYou({ role: 'HR' }, 'full');
      const chosen = result('full-spread').answers;
      const pages = sections('full');
      for (const index of pages.keys()) {
        await app.answerSection('full', index, chosen);
        if (index + 1 < pages.length) await app.next('full', index);
      }
      // Nothing of the driver's runs in the page between this click and its
      // frame: a query by role there (as waiting for the heading would be)
      // computes style and layout inside the very frame being timed.
      await app.button('See my results').click();
      await fresh.page.waitForFunction(
        () => window.__tandemBench.paints.some((p) => p.kind === 'See my results'),
        null,
        { polling: 100 },
      );
      await app.resultsTable().waitFor();
      marked += (await probe(fresh.page)).paints.filter((p) => p.kind === 'answer').length;
      const { traceEvents } = JSON.parse((await fresh.browser.stopTracing()).toString());
      answers.push(...clickToFrame(traceEvents, 'answer'));
      results.push(...clickToFrame(traceEvents, 'See my results'));
    } finally {
      await fresh.close();
    }
  }
  if (answers.length !== marked || results.length !== ASSESSMENT_RUNS) {
    throw new Error(
      `the trace showed ${answers.length} of ${marked} answers and ${results.length} of ${ASSESSMENT_RUNS} results pages`,
    );
  }
  const statements = sections('full').reduce((n, s) => n + s.dimension.statements.length, 0);
  console.log(
    `\nAnswering the full assessment (${statements} statements, ${ASSESSMENT_RUNS} runs; from Chromium's trace, click dispatched to its frame committed):`,
  );
  console.log(
    `  answer to next paint: median ${ms(median(answers))}, 95th percentile ${ms(percentile(answers, 95))}, max ${ms(Math.max(...answers))} (${answers.length} answers)`,
  );
  console.log(`  "See my results" to the results page painted: ${summary(results)}`);
  record.answering = {
    runs: ASSESSMENT_RUNS,
    statements,
    answers: durations(answers),
    results: durations(results),
  };
}

/**
 * Switching language on the landing page of a fresh browser: from the
 * switcher's change event to the frame painted with the landing page's
 * heading in the chosen language. The first switch to a language fetches its
 * file (and the rest module, which reads it); the switch back to English
 * has both at hand.
 */
async function languageSwitches(origin, dist) {
  const fixtures = JSON.parse(readFileSync(new URL('./fixtures/languages.json', import.meta.url), 'utf8'));
  const codes = Object.keys(fixtures).filter((code) => code !== 'en' && fixtures[code].bank);
  const sizes = Object.fromEntries(
    (await measure(dist)).files
      .filter((file) => file.part === 'language')
      .map((file) => [path.basename(file.name, '.json'), file.sizes]),
  );
  const timeSwitch = (page, code, title) =>
    page.evaluate(
      ([code, title]) =>
        new Promise((resolve) => {
          // The switcher (src/app/components/language_switcher.rs).
          const select = document.getElementById('language');
          let started = null;
          document.addEventListener('change', (event) => (started ??= event.timeStamp), { capture: true, once: true });
          const done = () => {
            const heading = document.querySelector('h1');
            return document.documentElement.lang === code && heading?.textContent.trim() === title;
          };
          const observer = new MutationObserver(() => {
            if (!done()) return;
            observer.disconnect();
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve(performance.now() - started);
              channel.port2.postMessage(null);
            });
          });
          observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
          select.value = code;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }),
      [code, title],
    );
  const rows = [['language', 'file (gzip -9)', 'first switch to it', 'back to English']];
  record.languages = { runs: SWITCH_RUNS, files: [] };
  for (const code of codes) {
    const first = [];
    const back = [];
    for (let run = 0; run < SWITCH_RUNS; run += 1) {
      const fresh = await freshBrowser(origin);
      try {
        const app = new Tandem(fresh.page, origin);
        await app.open();
        first.push(await timeSwitch(fresh.page, code, fixtures[code].bank.title));
        back.push(await timeSwitch(fresh.page, 'en', fixtures.en.bank.title));
      } finally {
        await fresh.close();
      }
    }
    const [raw, gzip] = sizes[code] ?? [0, 0];
    rows.push([code, `${gzip.toLocaleString('en-GB')} B of ${raw.toLocaleString('en-GB')} B`, summary(first), summary(back)]);
    record.languages.files.push({ code, raw, gzip, first: durations(first), back: durations(back) });
  }
  console.log('\nSwitching language on the landing page (a fresh browser each run; change event to the frame painted in that language):');
  console.log(table(rows));
}

/**
 * Lighthouse's mobile preset (simulated slow 4G, 4x CPU slowdown) on the
 * landing page and on a result link, served gzip -9, LIGHTHOUSE_RUNS times each in a fresh
 * Chromium: performance, FCP, LCP, TBT, CLS, accessibility and the errors
 * in the console, the way people who judge web pages measure them.
 * Lighthouse is installed in tools/lighthouse (`cargo xtask bench` runs
 * `npm ci` there), apart from the tests, which do not need it.
 */
async function lighthouseRuns(dist, codesFolder) {
  // Compressed, as a web host sends the files: Lighthouse's slow 4G is
  // simulated from the bytes that cross the wire.
  const server = await serveStatic(dist, { compress: true });
  try {
    await lighthousePages(server.origin, codesFolder);
  } finally {
    await server.close();
  }
}

async function lighthousePages(origin, codesFolder) {
  const modules = new URL('../tools/lighthouse/node_modules/', import.meta.url);
  const { default: lighthouse } = await import(new URL('lighthouse/core/index.js', modules));
  const { launch } = await import(new URL('chrome-launcher/dist/index.js', modules));
  const [code] = (await readFile(path.join(codesFolder, 'codes-1000.txt'), 'utf8')).split('\n');
  const pages = [
    ['landing page', '/'],
    ['result link', `/#r=${code.trim()}`],
  ];
  const rows = [['page', 'performance', 'FCP', 'LCP', 'TBT', 'CLS', 'accessibility', 'console errors']];
  record.lighthouse = { runs: LIGHTHOUSE_RUNS, pages: [] };
  for (const [name, address] of pages) {
    const runs = [];
    for (let run = 0; run < LIGHTHOUSE_RUNS; run += 1) {
      const chrome = await launch({
        chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
      });
      try {
        const { lhr } = await lighthouse(`${origin}${address}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
        });
        if (lhr.runtimeError) throw new Error(`Lighthouse on ${address}: ${lhr.runtimeError.message}`);
        const audit = (id) => lhr.audits[id].numericValue;
        record.lighthouse.version = lhr.lighthouseVersion;
        runs.push({
          performance: lhr.categories.performance.score * 100,
          fcp: audit('first-contentful-paint'),
          lcp: audit('largest-contentful-paint'),
          tbt: audit('total-blocking-time'),
          cls: audit('cumulative-layout-shift'),
          accessibility: lhr.categories.accessibility.score * 100,
          consoleErrors: lhr.audits['errors-in-console'].details?.items?.length ?? 0,
        });
      } finally {
        await chrome.kill();
      }
    }
    const of = (key) => median(runs.map((r) => r[key]));
    const figures = Object.fromEntries(Object.keys(runs[0]).map((key) => [key, of(key)]));
    figures.worstPerformance = Math.min(...runs.map((r) => r.performance));
    figures.mostConsoleErrors = Math.max(...runs.map((r) => r.consoleErrors));
    record.lighthouse.pages.push({ name, address: address.replace(/r=.*/, 'r=…'), ...figures });
    const seconds = (value) => `${(value / 1000).toFixed(2)} s`;
    rows.push([
      name,
      `${figures.performance} (lowest ${figures.worstPerformance})`,
      seconds(figures.fcp),
      seconds(figures.lcp),
      ms(figures.tbt),
      figures.cls.toFixed(3),
      `${figures.accessibility}`,
      `${figures.mostConsoleErrors}`,
    ]);
  }
  console.log(
    `\nLighthouse ${record.lighthouse.version}, mobile preset (simulated slow 4G, 4x CPU slowdown), medians of ${LIGHTHOUSE_RUNS} runs:`,
  );
  console.log(table(rows));
}

/**
 * Pastes `pasted` into the workshop of a fresh browser, as a paste would (the
 * whole text at once: typing it with `fill` takes Playwright longer than the
 * app takes to read it), and waits for the frame after "Add codes" and, when
 * `participants` is given, for that many to be listed. Resolves to the app's
 * own measures, the click's paint and the wasm memory.
 */
async function pasteOnce(origin, pasted, participants) {
  const browser = await freshBrowser(origin);
  try {
    const { page } = browser;
    await page.goto(`${origin}/#workshop`);
    await page.getByRole('heading', { level: 1, name: 'Workshop', exact: true }).waitFor();
    await page
      .getByRole('textbox', { name: 'Paste result codes or links', exact: true })
      .evaluate((box, text) => {
        box.value = text;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      }, pasted);
    await page.getByRole('button', { name: 'Add codes', exact: true }).click();
    if (participants !== undefined) {
      await page
        // The count as the page writes it, through the browser's Intl.
        .getByRole('heading', { level: 2, name: `Participants: ${participants.toLocaleString('en')}`, exact: true })
        .waitFor();
    }
    await page.waitForFunction(() => window.__tandemBench.paints.some((p) => p.kind === 'Add codes'));
    return await page.evaluate(() => ({
      gather: performance.getEntriesByName('tandem:gather').map((e) => e.duration),
      view: performance.getEntriesByName('tandem:team-view').map((e) => e.duration),
      paint: window.__tandemBench.paints.filter((p) => p.kind === 'Add codes').map((p) => p.ms),
      memory: window.__tandemBench.wasm.memory.buffer.byteLength,
    }));
  } finally {
    await browser.close();
  }
}

/** "median (max …)" of some durations. */
const spread = (values) => `${ms(median(values))} (max ${ms(Math.max(...values))})`;

async function aggregation(origin, codesFolder) {
  console.log(`\nWorkshop: pasting a room's result codes into the facilitator screen (${AGGREGATION_RUNS} runs each):`);
  const rows = [['codes', 'read codes', 'team view', 'click to paint', 'wasm memory after']];
  record.workshop = { runs: AGGREGATION_RUNS, rooms: [] };
  for (const room of ROOMS) {
    const pasted = await readFile(path.join(codesFolder, `codes-${room}.txt`), 'utf8');
    const [gather, view, paint] = [[], [], []];
    let memory = 0;
    for (let run = 0; run < AGGREGATION_RUNS; run += 1) {
      const figures = await pasteOnce(origin, pasted, room);
      gather.push(...figures.gather);
      view.push(...figures.view);
      paint.push(...figures.paint);
      memory = Math.max(memory, figures.memory);
    }
    rows.push([
      room.toLocaleString('en-GB'),
      spread(gather),
      spread(view),
      spread(paint),
      `${(memory / 2 ** 20).toFixed(1)} MiB`,
    ]);
    record.workshop.rooms.push({
      codes: room,
      read: durations(gather),
      teamView: durations(view),
      paint: durations(paint),
      memory,
    });
  }
  console.log(table(rows));
  console.log('  (medians; "read codes" and "team view" are the app\'s own performance measures)');
}

/** The hostile pastes the native half wrote (hostile-*.txt), 1 MB each. */
const HOSTILE = ['code-like-words', 'one-word', 'broken-codes', 'prose', 'links'];
const HOSTILE_RUNS = 3;

async function hostilePastes(origin, codesFolder) {
  console.log(`\nWorkshop: pasting 1 MB of text that holds no code (${HOSTILE_RUNS} runs each; budget 200 ms to read):`);
  const rows = [['paste', 'read', 'click to paint']];
  record.hostile = { runs: HOSTILE_RUNS, pastes: [] };
  for (const name of HOSTILE) {
    const pasted = await readFile(path.join(codesFolder, `hostile-${name}.txt`), 'utf8');
    const [gather, paint] = [[], []];
    for (let run = 0; run < HOSTILE_RUNS; run += 1) {
      const figures = await pasteOnce(origin, pasted);
      gather.push(...figures.gather);
      paint.push(...figures.paint);
    }
    rows.push([name, spread(gather), spread(paint)]);
    record.hostile.pastes.push({ name, read: durations(gather), paint: durations(paint) });
  }
  console.log(table(rows));
}

async function main() {
  const dist = distFolder();
  const codesFolder = process.env.TANDEM_CODES;
  if (!codesFolder) {
    throw new Error(
      'TANDEM_CODES is not set: point it at the folder `cargo bench --bench workshop -- --write-codes DIR` wrote',
    );
  }
  const unknown = [...parts].filter((p) => !PARTS.includes(p));
  if (unknown.length > 0) {
    throw new Error(`TANDEM_BENCH has unknown parts ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`);
  }
  if (!Number.isInteger(RUNS) || RUNS < 1) {
    throw new Error(`TANDEM_RUNS must be a whole number of runs, got "${process.env.TANDEM_RUNS}"`);
  }
  if (parts.has('sizes')) await sizes(dist);
  const server = await serveStatic(dist);
  // One throwaway launch so that the first timed run does not pay for
  // Chromium's own first start (disk cache of the binary, fonts).
  const warmUp = await launchBrowser();
  record.browser = warmUp.version();
  await warmUp.close();
  try {
    if (parts.has('load')) await coldLoads(server.origin);
    if (parts.has('answering')) await answering(server.origin);
    if (parts.has('languages')) await languageSwitches(server.origin, dist);
    if (parts.has('workshop')) await aggregation(server.origin, codesFolder);
    if (parts.has('hostile')) await hostilePastes(server.origin, codesFolder);
    if (parts.has('lighthouse')) await lighthouseRuns(dist, codesFolder);
  } finally {
    await server.close();
  }
  const json = process.env.TANDEM_BENCH_JSON;
  if (json) await writeFile(json, `${JSON.stringify(record, null, 2)}\n`);
}

await main();
