// axe-core, run inside a page of the release build: shared by the
// accessibility journeys and the tests of notices that appear elsewhere.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page as it is now, in both colour schemes; fails
 * naming every serious or critical violation and where it is.
 */
export async function audit(page, screen) {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    // Evaluated by the test, not loaded by the page: the app's own policy
    // allows no script from anywhere else.
    const violations = await page.evaluate(async (source) => {
      if (!window.axe) (0, eval)(source);
      const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
      return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }, axeSource);
    assert.deepEqual(violations, [], `${screen}, ${colorScheme} scheme`);
  }
  await page.emulateMedia({ colorScheme: null });
}
