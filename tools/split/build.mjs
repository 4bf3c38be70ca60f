// Build-time half of the split (tools/wasm-split), called by
// tools/post-build.mjs on the staged release build: runs the splitter on the
// app's wasm, names the rest after its contents, gives the wasm-bindgen
// glue's imports the short names the main module now asks for, corrects the
// integrity of both in index.html, and returns the page code that loads the
// rest (loader.js) for the loader file.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { shipped } from '../offline/build.mjs';

/** The functions the first screen runs, recorded by `cargo xtask profile`. */
export const PROFILE = new URL('../first-screen.txt', import.meta.url);

/** The names of each function of an instrumented build, for `cargo xtask profile`. */
export const PROFILE_NAMES = 'profile-names.txt';

const integrityOf = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
/**
 * The rest's integrity: SHA-256, which the loader also computes itself to
 * check the rest when a screen needs it before the background fetch (whose
 * integrity the browser checks) has brought it.
 */
const restIntegrityOf = (bytes) => `sha256-${createHash('sha256').update(bytes).digest('base64')}`;

/** The one `*_bg.wasm` file Trunk wrote into `staging`. */
function appWasm(staging) {
  const found = readdirSync(staging).filter((name) => name.endsWith('_bg.wasm'));
  if (found.length !== 1) {
    throw new Error(`expected one *_bg.wasm file in the build, found ${found.length}`);
  }
  return found[0];
}

function runSplitter(splitter, args) {
  const result = spawnSync(splitter, args, { stdio: 'inherit' });
  if (result.error) throw new Error(`cannot run ${splitter}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${splitter} ${args[0]} failed (exit ${result.status})`);
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Sets the integrity of index.html's link to `file` to that of its new contents. */
function updateIntegrity(staging, file) {
  const page = path.join(staging, 'index.html');
  const html = readFileSync(page, 'utf8');
  const integrity = integrityOf(readFileSync(path.join(staging, file)));
  const link = new RegExp(`<link[^>]*href="?\\./${escapeRegExp(file)}"?[^>]*>`);
  const tag = html.match(link)?.[0];
  if (!tag || !/integrity="?sha384-[^" >]+"?/.test(tag)) {
    throw new Error(`index.html has no link to ${file} with an integrity to update`);
  }
  const updated = tag.replace(/integrity="?sha384-[^" >]+"?/, `integrity="${integrity}"`);
  writeFileSync(page, html.replace(tag, updated));
}

/**
 * The wasm-bindgen glue `glue` with its import object's keys renamed as
 * `renames` says (the splitter's IMPORTS file: a line per import with its
 * module, its name as built and its short name, tab-separated), so that it
 * hands the split main module its imports under the names it asks for. Each
 * name must be a key of the glue exactly once, or the build stops.
 */
export function shortenGlueImports(glue, renames) {
  let text = glue;
  for (const line of renames.split('\n').filter(Boolean)) {
    const [, name, short] = line.split('\t');
    const key = new RegExp(`^(\\s+)${escapeRegExp(name)}:`, 'gm');
    const found = text.match(key)?.length ?? 0;
    if (found !== 1) {
      throw new Error(`the wasm-bindgen glue has the import ${name} as a key ${found} times, not once`);
    }
    text = text.replace(key, `$1${short}:`);
  }
  return text;
}

/** loader.js as shipped, with the rest's file name and integrity (or none). */
export function loaderCode(rest, integrity) {
  const code = shipped(readFileSync(new URL('./loader.js', import.meta.url), 'utf8'), 'tools/split/loader.js');
  return code
    .replaceAll('REST_FILE', JSON.stringify(rest && `./${rest}`))
    .replaceAll('REST_INTEGRITY', JSON.stringify(integrity));
}

/**
 * The link map of the build being split, which says which bytes of data
 * make up each constant: `map`, the file the linker wrote beside the linked
 * wasm. A map older than that wasm belongs to an earlier link, whose data
 * lay elsewhere, so the build stops rather than move the wrong bytes.
 */
function linkMap(map) {
  if (!map) {
    throw new Error('TANDEM_LINK_MAP is not set: build with `cargo xtask build`, which asks the linker for the map');
  }
  const linked = path.join(path.dirname(map), 'tandem.wasm');
  let mapTime;
  let linkedTime;
  try {
    mapTime = statSync(map).mtimeMs;
    linkedTime = statSync(linked).mtimeMs;
  } catch (error) {
    throw new Error(`cannot read the link map beside the linked wasm: ${error.message}`);
  }
  if (mapTime + 2000 < linkedTime) {
    throw new Error(`the link map ${map} is older than ${linked}: touch build.rs and build again`);
  }
  return map;
}

/**
 * Splits (`mode` 'split') or instruments (`mode` 'instrument') the staged
 * build's wasm with the `splitter` binary. Returns the code to put before
 * and after Trunk's loader, and what it did.
 */
export function splitBuild(staging, { splitter, map, mode = 'split' }) {
  const wasm = appWasm(staging);
  const wasmPath = path.join(staging, wasm);
  let rest = null;
  let integrity = null;
  if (mode === 'instrument') {
    runSplitter(splitter, ['instrument', wasmPath, path.join(staging, PROFILE_NAMES)]);
  } else if (mode === 'split') {
    const unnamed = path.join(staging, 'rest.wasm');
    const renames = path.join(staging, 'imports.tsv');
    runSplitter(splitter, ['split', wasmPath, PROFILE.pathname, unnamed, renames, linkMap(map)]);
    const bytes = readFileSync(unnamed);
    rest = `rest-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.wasm`;
    renameSync(unnamed, path.join(staging, rest));
    integrity = restIntegrityOf(bytes);
    const glue = wasm.replace(/_bg\.wasm$/, '.js');
    const gluePath = path.join(staging, glue);
    writeFileSync(gluePath, shortenGlueImports(readFileSync(gluePath, 'utf8'), readFileSync(renames, 'utf8')));
    rmSync(renames);
    updateIntegrity(staging, glue);
  } else {
    throw new Error(`TANDEM_SPLIT_MODE must be split or instrument, not ${mode}`);
  }
  updateIntegrity(staging, wasm);
  return {
    prepend: loaderCode(rest, integrity),
    append: '\ntandemSplit.started();\n',
    wasm,
    rest,
  };
}
