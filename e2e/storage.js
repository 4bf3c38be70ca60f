// What Tandem keeps in localStorage, as the tests read and seed it.

/**
 * The localStorage key of `base` ('tandem.progress', 'tandem.workshop',
 * 'tandem.config') for Tandem served from `folder`, as src/storage.rs
 * documents its keys: the folder follows a `#`.
 */
export function savedKey(base, folder = '/') {
  return `${base}#${folder}`;
}

/**
 * Saves `text` under `key` as if an earlier visit had, before the app
 * starts: once per tab, so a reload finds what the app made of it.
 */
export async function savedBefore(context, key, text) {
  await context.addInitScript(
    ([key, value]) => {
      if (sessionStorage.getItem('tandem-test-seeded') === null) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('tandem-test-seeded', 'yes');
      }
    },
    [key, text],
  );
}
