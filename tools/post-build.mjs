// Trunk post-build hook (Trunk.toml), run on the staged build before Trunk
// moves it to dist/. One hook doing every step in order, because Trunk runs
// the hooks of one stage at the same time:
// 1. release builds only: the wasm is split into the first screen's module
//    and the rest (split/build.mjs, with the tools/wasm-split binary that
//    `cargo xtask` builds and names in TANDEM_SPLIT);
// 2. Trunk's inline loader moves to a file (external-loader.mjs), with the
//    rest's loader before it (split/loader.js) and the service worker's
//    registration after it (offline/register.js);
// 3. sw.js, the service worker, is written with the final list of files
//    and the build's version (offline/build.mjs).
// `cargo xtask serve` sets TANDEM_OFFLINE=off: a development server keeps no
// offline copy (each rebuild would otherwise wait behind the cached one), and
// its sw.js retires a worker that an earlier build may have left behind.

import { EARLY_CONFIG_REQUEST, externaliseLoader } from './external-loader.mjs';
import { splitBuild } from './split/build.mjs';
import { registration, writeServiceWorker } from './offline/build.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set; run this as a Trunk hook');
  process.exit(1);
}
const offline = process.env.TANDEM_OFFLINE !== 'off';
try {
  let split = { prepend: '', append: '' };
  if (process.env.TRUNK_PROFILE === 'release') {
    const splitter = process.env.TANDEM_SPLIT;
    if (!splitter) {
      throw new Error(
        'release builds are split by tools/wasm-split: build with `cargo xtask build` ' +
          '(or set TANDEM_SPLIT to the tandem-split binary)',
      );
    }
    split = splitBuild(staging, {
      splitter,
      map: process.env.TANDEM_LINK_MAP,
      mode: process.env.TANDEM_SPLIT_MODE,
    });
    console.log(
      split.rest
        ? `post-build: ${split.wasm} keeps the first screen's code; ${split.rest} has the rest`
        : `post-build: ${split.wasm} records the functions it runs`,
    );
  }
  const loader = externaliseLoader(staging, {
    prepend: EARLY_CONFIG_REQUEST + split.prepend,
    append: split.append + (offline ? registration() : ''),
  });
  console.log(`post-build: index.html loads ${loader} instead of an inline script`);
  const worker = writeServiceWorker(staging, { offline });
  console.log(
    offline
      ? `post-build: sw.js keeps ${worker.files.length} files for offline use (version ${worker.version})`
      : 'post-build: no offline use; sw.js retires any earlier worker',
  );
} catch (error) {
  console.error(`post-build: ${error.message}`);
  process.exit(1);
}
