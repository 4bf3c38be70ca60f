// The facilitator's workshop as the tests reach it: opening it, pasting
// codes, the participants heading, and reading a table's cells.

/** From the landing page, follows the link to the workshop. */
export async function openWorkshop(page, app) {
  await app.open();
  await page.getByRole('link', { name: "Open the facilitator's workshop", exact: true }).click();
  await app.expectHeading('Workshop');
}

/**
 * The box to paste codes into, its disclosure opened first: the workshop
 * folds gathering under the team picture when it opens on a gathered room.
 */
export async function gatheringBox(page) {
  const box = page.getByRole('textbox', { name: 'Paste result codes or links', exact: true });
  if (!(await box.isVisible())) {
    await page.getByRole('heading', { level: 2, name: /participants' results$/ }).click();
  }
  return box;
}

/** Pastes `codes` into the workshop and waits until it has `participants`. */
export async function pasteCodes(page, codes, participants) {
  await (await gatheringBox(page)).fill(codes.join('\n'));
  await page.getByRole('button', { name: 'Add codes', exact: true }).click();
  await participantsHeading(page, participants).waitFor();
}

/** The workshop's "Participants: n" heading. */
export function participantsHeading(page, n) {
  return page.getByRole('heading', { level: 2, name: `Participants: ${n}`, exact: true });
}

/** The rows of `table` that hold cells, each as its trimmed cell texts. */
export async function cellRows(page, table) {
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
  const cells = [];
  for (const row of await rows.all()) {
    cells.push((await row.getByRole('cell').allTextContents()).map((c) => c.trim()));
  }
  return cells;
}

/**
 * The most divided statements as the team picture lists them: each one's
 * text, the room's counts, and HR's and L&D's counts where they are shown
 * (null where not).
 */
export async function dividedStatements(page) {
  const heading = page.getByRole('heading', { name: 'Where the team is most divided', exact: true });
  const items = heading.locator('xpath=following-sibling::ol[1]').getByRole('listitem');
  return (await items.allInnerTexts()).map((text) => {
    const [statement, , room, ...split] = text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const after = (term) => {
      const at = split.indexOf(term);
      return at < 0 ? null : split[at + 1];
    };
    return { statement, room, hr: after('HR'), ld: after('L&D') };
  });
}
