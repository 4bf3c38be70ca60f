// What travels in an address: a configuration in a `#config=` fragment, as
// the builder makes it, and a result code with a typo in it.

/**
 * The fragment (`config=…`) that carries `config`, an object, as the
 * builder makes it; `configLink` puts it after Tandem's address.
 */
export function configFragment(config) {
  return `config=${Buffer.from(JSON.stringify(config)).toString('base64url')}`;
}

export function configLink(origin, config) {
  return `${origin}/#${configFragment(config)}`;
}

/**
 * `code` with one symbol changed for another valid one (the fourth symbol
 * after "T1-"): what a typo does, which the checksum must catch.
 */
export function withTypo(code) {
  const at = code.indexOf('-') + 4;
  const replacement = code[at] === '7' ? '8' : '7';
  return code.slice(0, at) + replacement + code.slice(at + 1);
}

/** What Tandem says of a code with a typo (CodeError::Checksum). */
export const TYPO_MESSAGE =
  'This code has a typo: a character was changed, added or left out. Check it against the original.';
