// The styles' parts and the one stylesheet they are joined into
// (tools/styles.mjs), without a browser: the order, each refusal by its
// place, and the release build in TANDEM_DIST carrying every part in order.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { distFolder } from '../harness.js';
import { joinStyles, listedParts, writeIfChanged } from '../../tools/styles.mjs';

const STYLES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'styles');
const scratch = mkdtempSync(path.join(tmpdir(), 'tandem-styles-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A made-up styles folder with `files` (name to contents). */
function folder(name, files) {
  const dir = path.join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, contents] of Object.entries(files)) {
    writeFileSync(path.join(dir, file), contents);
  }
  return dir;
}

test('the parts are joined in the order the list gives, comments and all', () => {
  const dir = folder('ordered', {
    'app.css': '/* The list. @import "ignored.css"; is only a comment. */\n@import "b.css";\n\n@import "a.css";\n',
    'a.css': '.a { color: red; }\n',
    'b.css': '/* b */\n.b { color: blue; }\n\n\n',
  });
  assert.deepEqual(listedParts(dir), ['b.css', 'a.css']);
  assert.equal(
    joinStyles(dir),
    '/* b.css */\n/* b */\n.b { color: blue; }\n\n/* a.css */\n.a { color: red; }\n',
  );
});

test('a list that is not only imports of files beside it is refused, with its line', () => {
  const refused = (list, parts, message) => {
    const dir = folder(`refused-${Math.random().toString(36).slice(2)}`, { 'app.css': list, ...parts });
    assert.throws(() => joinStyles(dir), { message });
  };
  refused('@import "a.css";\n.x { color: red; }\n', { 'a.css': '' },
    'app.css line 2: only @import "part.css"; lines and comments belong here, not ".x { color: red; }"');
  refused('@import "../secrets.css";\n', {},
    'app.css line 1: "../secrets.css" is not a file beside app.css (a name such as "landing.css")');
  refused('@import "https://example.org/x.css";\n', {},
    'app.css line 1: "https://example.org/x.css" is not a file beside app.css (a name such as "landing.css")');
  refused('@import "a.css";\n@import "a.css";\n', { 'a.css': '' }, 'app.css line 2: "a.css" is imported twice');
  refused('@import "app.css";\n', {}, 'app.css line 1: "app.css" is imported twice');
  refused('@import "gone.css";\n', {}, /app.css imports "gone.css", which is not in /);
  refused('@import "a.css";\n', { 'a.css': '', 'b.css': '', 'c.css': '' },
    'b.css, c.css are not listed in app.css: add an @import line where they cascade');
  refused('@import "a.css";\n', { 'a.css': '@import "b.css";\n' },
    'a.css: parts do not import; list every part in app.css');
});

test('the joined file is written only when it changes, so a watching server does not rebuild for it', () => {
  const file = path.join(scratch, 'out', 'styles', 'app.css');
  assert.equal(writeIfChanged(file, '.a{}'), true);
  assert.equal(writeIfChanged(file, '.a{}'), false);
  assert.equal(writeIfChanged(file, '.b{}'), true);
  assert.equal(readFileSync(file, 'utf8'), '.b{}');
});

test("Tandem's own parts are all listed, and the build's one stylesheet has each, in order", () => {
  const parts = listedParts(STYLES);
  const files = readdirSync(STYLES).filter((f) => f.endsWith('.css') && f !== 'app.css');
  assert.deepEqual([...parts].sort(), files.sort());

  const dist = distFolder();
  const sheets = readdirSync(dist).filter((f) => f.endsWith('.css'));
  assert.equal(sheets.length, 1, `one stylesheet in the build: ${sheets.join(', ')}`);
  const built = readFileSync(path.join(dist, sheets[0]), 'utf8');
  // Each part's first rule, as the minifier writes its selector, found in
  // the part's place.
  let from = 0;
  for (const part of parts) {
    const css = readFileSync(path.join(STYLES, part), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const selector = css.slice(0, css.indexOf('{')).trim().replace(/\s*([>,+~])\s*/g, '$1').replace(/\s+/g, ' ');
    const at = built.indexOf(`${selector}{`, from);
    assert.ok(at >= from, `${part}'s first rule (${selector}) comes after the parts before it`);
    from = at;
  }
});
