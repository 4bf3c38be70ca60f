// Trunk pre-build hook (Trunk.toml): joins Tandem's styles into the one
// stylesheet the first screen loads. styles/app.css lists the parts in the
// order they cascade, one `@import "part.css";` each; this writes the parts,
// in that order, into target/styles/app.css, which index.html links for
// Trunk to hash, minify and give its integrity attribute.
//
// Only the list is read as CSS: a part may not import another, every import
// names a file beside the list, and every file beside the list is imported
// once, so no part is left out unseen. The joined file is written only when
// it changes, so `trunk serve` does not rebuild for a file it wrote itself.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LIST = 'app.css';
const IMPORT = /^@import\s+"([^"]*)"\s*;\s*$/;

/** The parts `folder/app.css` lists, in order; throws naming any problem. */
export function listedParts(folder) {
  const list = fs.readFileSync(path.join(folder, LIST), 'utf8');
  const parts = [];
  // Comments go first, so that an import in a comment is not one.
  const lines = list.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, '')).split('\n');
  lines.forEach((line, at) => {
    const text = line.trim();
    if (text === '') {
      return;
    }
    const where = `${LIST} line ${at + 1}`;
    const found = IMPORT.exec(text);
    if (!found) {
      throw new Error(`${where}: only @import "part.css"; lines and comments belong here, not "${text}"`);
    }
    const part = found[1];
    if (!/^[a-z0-9-]+\.css$/.test(part)) {
      throw new Error(`${where}: "${part}" is not a file beside ${LIST} (a name such as "landing.css")`);
    }
    if (part === LIST || parts.includes(part)) {
      throw new Error(`${where}: "${part}" is imported twice`);
    }
    parts.push(part);
  });
  const unlisted = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.css') && name !== LIST && !parts.includes(name))
    .sort();
  if (unlisted.length > 0) {
    throw new Error(`${unlisted.join(', ')} ${unlisted.length === 1 ? 'is' : 'are'} not listed in ${LIST}: add an @import line where ${unlisted.length === 1 ? 'it cascades' : 'they cascade'}`);
  }
  return parts;
}

/** The joined stylesheet of `folder`: each listed part, in order. */
export function joinStyles(folder) {
  return listedParts(folder)
    .map((part) => {
      const file = path.join(folder, part);
      if (!fs.existsSync(file)) {
        throw new Error(`${LIST} imports "${part}", which is not in ${folder}`);
      }
      const css = fs.readFileSync(file, 'utf8');
      if (/@import\b/.test(css.replace(/\/\*[\s\S]*?\*\//g, ''))) {
        throw new Error(`${part}: parts do not import; list every part in ${LIST}`);
      }
      return `/* ${part} */\n${css.trimEnd()}\n`;
    })
    .join('\n');
}

/** Writes `css` to `file` unless it already holds it; whether it wrote. */
export function writeIfChanged(file, css) {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === css) {
    return false;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, css);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
  try {
    const parts = listedParts(path.join(root, 'styles')).length;
    const wrote = writeIfChanged(
      path.join(root, 'target', 'styles', LIST),
      joinStyles(path.join(root, 'styles')),
    );
    console.log(`styles: ${parts} parts ${wrote ? 'joined into' : 'unchanged in'} target/styles/${LIST}`);
  } catch (error) {
    console.error(`styles: ${error.message}`);
    process.exit(1);
  }
}
