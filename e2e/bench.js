// The browser half of `cargo xtask bench`: sizes of the release build and
// timings in headless Chromium, printed as tables. It measures; it asserts
// nothing about budgets (the README compares the figures with them).
//
// Environment:
//   TANDEM_DIST   the release build folder (required)
//   TANDEM_CODES  folder with codes-1000.txt and codes-10000.txt, written by
//                 `cargo bench --bench workshop -- --write-codes DIR`
//   CHROMIUM      the Chromium binary (default /usr/bin/chromium)
//   TANDEM_RUNS   cold loads to time (default 10)
//   TANDEM_BENCH  which parts to run, comma-separated, from sizes, load,
//                 answering, workshop (default all)
//
// Timings are taken inside the page: an input event's own timestamp to the
// first task after the next frame (requestAnimationFrame, then a message),
// which is when the browser has painted the change. Frames come every
// 16.7 ms, so that wall-clock figure includes an idle wait for the next
// frame; the "work" figure leaves the wait out (see pageProbe).

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, distFolder, launchBrowser, serveStatic } from './harness.js';
import { MODES, Tandem, answersScoring, sections } from './tandem.js';

const RUNS = Number.parseInt(process.env.TANDEM_RUNS ?? '10', 10);
const ASSESSMENT_RUNS = 3;
const AGGREGATION_RUNS = 5;
const ROOMS = [1_000, 10_000];
const PARTS = ['sizes', 'load', 'answering', 'workshop'];
const parts = new Set((process.env.TANDEM_BENCH ?? PARTS.join(',')).split(',').map((p) => p.trim()));

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
  // When the app has finished handling an input: its listeners sit on the
  // body and render in a microtask right after them, so a listener on the
  // window, last in the bubbling phase, runs once both are done.
  let handled = 0;
  for (const type of ['click', 'input', 'change', 'submit']) {
    addEventListener(type, () => (handled = performance.now()));
  }
  // Every click on an answer or a button, two ways:
  // - `ms`, from the input event to the paint: what a person waits, which
  //   includes the idle wait for the display's next frame (0 to 16.7 ms,
  //   however little work the answer takes);
  // - `work`, the busy part of that: handling the input (the app's code and
  //   its render) plus the frame's own work (style, layout, paint), from the
  //   frame's start to its paint.
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
      requestAnimationFrame(() => {
        const frame = performance.now();
        const handling = Math.max(0, Math.min(handled, frame) - started);
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const painted = performance.now();
          probe.paints.push({ kind, ms: painted - started, work: handling + (painted - frame) });
        };
        channel.port2.postMessage(null);
      });
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

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  for (const [index, row] of rows.entries()) {
    const cells = row.map((cell, column) =>
      column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]),
    );
    console.log(`  ${cells.join('  ')}`);
    if (index === 0) console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  }
}

const bytes = (n) => `${n.toLocaleString('en-GB')} B`;

// ---------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------

async function sizes(dist) {
  const files = (await readdir(dist, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
  const rows = [['file', 'raw', 'gzip -9', 'brotli 11']];
  const total = [0, 0, 0];
  // The embed demo ships beside Tandem for people to try; Tandem never loads it.
  const demo = (file) => path.basename(file).startsWith('embed-demo.');
  for (const file of files) {
    const content = await readFile(file);
    const figures = [
      content.length,
      zlib.gzipSync(content, { level: 9 }).length,
      zlib.brotliCompressSync(content, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }).length,
    ];
    const name = path.relative(dist, file);
    if (demo(file)) {
      rows.push([`(${name}, not loaded)`, ...figures.map(bytes)]);
      continue;
    }
    figures.forEach((n, i) => (total[i] += n));
    rows.push([name, ...figures.map(bytes)]);
  }
  rows.push(['total loaded', ...total.map(bytes)]);
  console.log('\nRelease build sizes (the total is everything the first visit loads):');
  table(rows);
}

/** A fresh profile in a browser of its own, with the probe installed. */
async function freshBrowser(origin) {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'tandem-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1024, height: 800 },
    serviceWorkers: 'block',
    args: CHROMIUM_ARGS,
  });
  context.setDefaultTimeout(30_000);
  await context.addInitScript(pageProbe, MODES.quick.button);
  await context.route('**/*', (route) =>
    new URL(route.request().url()).origin === origin
      ? route.continue()
      : route.abort('blockedbyclient'),
  );
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

const probe = (page) => page.evaluate(() => {
  const { firstControl, firstStatement, paints } = window.__tandemBench;
  return { firstControl, firstStatement, paints };
});

async function coldLoads(origin) {
  const toControl = [];
  const toStatement = [];
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
    } finally {
      await browser.close();
    }
  }
  console.log('\nCold load in a fresh profile, from navigation start:');
  console.log(`  first interactive control ("${MODES.quick.button}") painted: ${summary(toControl)}`);
  console.log(
    `  first statement painted (the bench clicks Start, a role and Next as fast as it can): ${summary(toStatement)}`,
  );
}

async function answering(origin) {
  const answers = [];
  const answersWork = [];
  const results = [];
  const resultsWork = [];
  for (let run = 0; run < ASSESSMENT_RUNS; run += 1) {
    const browser = await freshBrowser(origin);
    try {
      const app = new Tandem(browser.page, origin);
      await app.open();
      await app.takeAssessment('full', answersScoring('full', [100, 75, 50, 25, 0, 50, 75, 25]), {
        role: 'HR',
      });
      await app.resultsTable().waitFor();
      await browser.page.waitForFunction(
        () => window.__tandemBench.paints.some((p) => p.kind === 'See my results'),
      );
      const { paints } = await probe(browser.page);
      const of = (kind) => paints.filter((p) => p.kind === kind);
      answers.push(...of('answer').map((p) => p.ms));
      answersWork.push(...of('answer').map((p) => p.work));
      results.push(...of('See my results').map((p) => p.ms));
      resultsWork.push(...of('See my results').map((p) => p.work));
    } finally {
      await browser.close();
    }
  }
  const statements = sections('full').reduce((n, s) => n + s.dimension.statements.length, 0);
  const spread = (values) =>
    `median ${ms(median(values))}, 95th percentile ${ms(percentile(values, 95))}, max ${ms(Math.max(...values))}`;
  console.log(`\nAnswering the full assessment (${statements} statements, ${ASSESSMENT_RUNS} runs):`);
  console.log(`  answer to next paint, work (handling + the frame's work): ${spread(answersWork)} (${answersWork.length} answers)`);
  console.log(`  answer to next paint, wall clock (with the wait for the frame): ${spread(answers)}`);
  console.log(`  "See my results" to the results page painted, work: ${summary(resultsWork)}`);
  console.log(`  "See my results" to the results page painted, wall clock: ${summary(results)}`);
}

async function aggregation(origin, codesFolder) {
  console.log(`\nWorkshop: pasting a room's result codes into the facilitator screen (${AGGREGATION_RUNS} runs each):`);
  const rows = [['codes', 'read codes', 'team view', 'click to paint', 'wasm memory after']];
  for (const room of ROOMS) {
    const pasted = await readFile(path.join(codesFolder, `codes-${room}.txt`), 'utf8');
    const gather = [];
    const view = [];
    const paint = [];
    let memory = 0;
    for (let run = 0; run < AGGREGATION_RUNS; run += 1) {
      const browser = await freshBrowser(origin);
      try {
        const { page } = browser;
        await page.goto(`${origin}/#workshop`);
        await page.getByRole('heading', { level: 1, name: 'Workshop', exact: true }).waitFor();
        // As a paste would: the whole text arrives at once. (Typing it with
        // `fill` takes Playwright longer than the app takes to read it.)
        await page
          .getByRole('textbox', { name: 'Paste result codes or links', exact: true })
          .evaluate((box, text) => {
            box.value = text;
            box.dispatchEvent(new Event('input', { bubbles: true }));
          }, pasted);
        await page.getByRole('button', { name: 'Add codes', exact: true }).click();
        await page
          .getByRole('heading', { level: 2, name: `Participants: ${room}`, exact: true })
          .waitFor();
        await page.waitForFunction(() =>
          window.__tandemBench.paints.some((p) => p.kind === 'Add codes'),
        );
        const figures = await page.evaluate(() => ({
          gather: performance.getEntriesByName('tandem:gather').map((e) => e.duration),
          view: performance.getEntriesByName('tandem:team-view').map((e) => e.duration),
          paint: window.__tandemBench.paints.filter((p) => p.kind === 'Add codes').map((p) => p.ms),
          memory: window.__tandemBench.wasm.memory.buffer.byteLength,
        }));
        gather.push(...figures.gather);
        view.push(...figures.view);
        paint.push(...figures.paint);
        memory = Math.max(memory, figures.memory);
      } finally {
        await browser.close();
      }
    }
    rows.push([
      room.toLocaleString('en-GB'),
      `${ms(median(gather))} (max ${ms(Math.max(...gather))})`,
      `${ms(median(view))} (max ${ms(Math.max(...view))})`,
      `${ms(median(paint))} (max ${ms(Math.max(...paint))})`,
      `${(memory / 2 ** 20).toFixed(1)} MiB`,
    ]);
  }
  table(rows);
  console.log('  (medians; "read codes" and "team view" are the app\'s own performance measures)');
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
  await (await launchBrowser()).close();
  try {
    if (parts.has('load')) await coldLoads(server.origin);
    if (parts.has('answering')) await answering(server.origin);
    if (parts.has('workshop')) await aggregation(server.origin, codesFolder);
  } finally {
    await server.close();
  }
}

await main();
