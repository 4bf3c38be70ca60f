// The facilitator's workshop: participants' result codes gathered by paste
// (duplicates counted once, broken entries explained), the team picture with
// the HR and L&D comparison once both groups reach the threshold, kept over a
// reload; and a QR code the app drew read back through a fake camera.

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { onWhite, qrPixels, writeY4m } from '../fake-camera.js';
import { useTandem } from '../harness.js';
import { sections } from '../bank.js';
import { HR_ABOVE_LD, result } from '../fixtures.js';
import { withTypo } from '../links.js';
import { Tandem } from '../tandem.js';
import { openWorkshop, participantsHeading } from '../workshop.js';

const tandem = useTandem();

const HR = 'HR';
const LD = 'Learning & Development (L&D)';

/**
 * Completes a quick assessment in a fresh profile with a person's `role` and
 * `answers`; resolves to its result code.
 */
async function participantCode(freshContext, origin, { role, answers }) {
  const { page, context } = await freshContext();
  const app = new Tandem(page, origin);
  await app.open();
  await app.takeAssessment('quick', answers, { role });
  const code = await app.resultCode();
  assert.match(code, /^T1-/, 'a result code');
  await context.close();
  return code;
}

test('pasted codes gather the team, compare HR with L&D and are kept over a reload', async (t) => {
  await tandem.journey(t, async ({ page, origin, freshContext }) => {
    // HR answer high, L&D low: the comparison has a gap everywhere.
    const room = HR_ABOVE_LD.people;
    assert.deepEqual(room.map((p) => p.role), [HR, HR, LD, LD], 'two HR, then two L&D');
    const [hr1, hr2, ld1, ld2] = await Promise.all(
      room.map((person) => participantCode(freshContext, origin, person)),
    );
    const broken = withTypo(ld2);

    const app = new Tandem(page, origin);
    await openWorkshop(page, app);
    await page
      .getByRole('textbox', { name: 'Paste result codes or links', exact: true })
      .fill([hr1, hr2, ld1, hr1, broken, ld2].join('\n'));
    await app.button('Add codes').click();

    await page
      .getByRole('status')
      .filter({ hasText: 'Added 4 participants. 1 duplicate was counted once.' })
      .waitFor();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const rejected = (await alert.getByRole('listitem').allTextContents()).map((l) => l.trim());
    assert.equal(rejected.length, 1, `one rejected entry: ${rejected.join(' | ')}`);
    assert.ok(rejected[0].startsWith(`${broken}: `), `the broken code listed: ${rejected[0]}`);
    assert.ok(rejected[0].length > `${broken}: `.length + 10, `with a reason: ${rejected[0]}`);
    await participantsHeading(page, 4).waitFor();
    await page.getByText(`By role: HR 2 · ${LD} 2`, { exact: true }).waitFor();

    // Below the default threshold of 3 per group, no comparison yet.
    const threshold = page.getByLabel('Smallest group shown on its own', { exact: true });
    assert.equal(await threshold.inputValue(), '3', 'default threshold');
    await app.expectText('The comparison appears once there are at least 3 HR and 3 L&D participants.');
    const gaps = page.getByRole('table', {
      name: 'HR minus L&D mean score, largest difference first',
      exact: true,
    });
    assert.equal(await gaps.count(), 0);

    await threshold.selectOption(String(HR_ABOVE_LD.threshold));
    await gaps.waitFor();
    const names = sections('quick').map((s) => s.dimension.name);
    const rows = [];
    for (const row of await gaps.getByRole('row').all()) {
      const header = await row.getByRole('rowheader').allTextContents();
      if (header.length === 0) continue; // the column headers
      const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
      rows.push([header[0].trim(), ...cells]);
    }
    assert.deepEqual(
      rows.map((r) => r[0]).sort(),
      [...names].sort(),
      'a row per quick dimension',
    );
    for (const [name, , , gap] of rows) {
      assert.match(gap, /^([+-]\d+|0)$/, `${name}: a signed gap in whole points`);
      assert.ok(Number(gap) > 0, `${name}: HR above L&D (${gap})`);
    }
    assert.deepEqual(rows, HR_ABOVE_LD.gaps, 'the comparison, largest difference first');
    await page
      .getByRole('table', { name: 'Team scores by dimension (0 to 100)', exact: true })
      .waitFor();
    await page.getByRole('img', { name: /^Radar chart of the team's mean score/ }).waitFor();

    // Saved on this device.
    await app.reload();
    await app.expectHeading('Workshop');
    await participantsHeading(page, 4).waitFor();
  });
});

test('a QR code the app drew is read back through the camera', async (t) => {
  await tandem.journey(t, async ({ page, origin, freshBrowser }) => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'tandem-e2e-'));
    t.after(() => rm(folder, { recursive: true, force: true }));

    const app = new Tandem(page, origin);
    await app.open();
    await app.takeAssessment('quick', result('camera').answers, { role: HR });
    const code = await app.resultCode();
    const qr = page.getByRole('img', { name: /^QR code of the result code/ });
    const frame = onWhite(await qrPixels(page, qr, 5), 640, 480);
    const video = path.join(folder, 'camera.y4m');
    await writeY4m(video, frame.data, 640, 480, 10);

    // The facilitator's device, its camera filming that QR code.
    const facilitator = await freshBrowser([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    const workshop = new Tandem(facilitator.page, origin);
    await openWorkshop(facilitator.page, workshop);
    await workshop.button('Start the camera').click();
    await facilitator.page
      .getByRole('status')
      .filter({ hasText: /^Read 1 code\./ })
      .waitFor();
    await participantsHeading(facilitator.page, 1).waitFor();
    await facilitator.page.getByText('By role: HR 1', { exact: true }).waitFor();
    await workshop.button('Stop the camera').click();
    await workshop.button('Start the camera').waitFor();
    await facilitator.page
      .getByRole('status')
      .filter({ hasText: 'Read 1 code. The camera is off.' })
      .waitFor();
    assert.equal(await participantsHeading(facilitator.page, 1).count(), 1);

    // The same code, pasted again, is a duplicate: the camera read exactly it.
    await facilitator.page
      .getByRole('textbox', { name: 'Paste result codes or links', exact: true })
      .fill(code);
    await workshop.button('Add codes').click();
    await facilitator.page
      .getByRole('status')
      .filter({ hasText: 'Added 0 participants. 1 duplicate was counted once.' })
      .waitFor();
    await participantsHeading(facilitator.page, 1).waitFor();
  });
});
