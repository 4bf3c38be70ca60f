// Trunk post-build hook (Trunk.toml), run on the staged build before Trunk
// moves it to dist/. One hook doing both steps in order, because Trunk runs
// the hooks of one stage at the same time:
// 1. Trunk's inline loader moves to a file (external-loader.mjs), with the
//    service worker's registration appended (offline/register.js);
// 2. sw.js, the service worker, is written with the final list of files
//    and the build's version (offline/build.mjs).
// `cargo xtask serve` sets TANDEM_OFFLINE=off: a development server keeps no
// offline copy (each rebuild would otherwise wait behind the cached one), and
// its sw.js retires a worker that an earlier build may have left behind.

import { externaliseLoader } from './external-loader.mjs';
import { registration, writeServiceWorker } from './offline/build.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set; run this as a Trunk hook');
  process.exit(1);
}
const offline = process.env.TANDEM_OFFLINE !== 'off';
try {
  const loader = externaliseLoader(staging, { append: offline ? registration() : '' });
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
