/**
 * How the CRM compares email addresses (advisors' sign-in, contacts): ASCII letters are lower-cased, every other
 * character is kept exactly as written. JavaScript's `toLowerCase()` applies Unicode case mappings, some of which
 * land on ASCII letters: the Kelvin sign `\u212A` becomes `k`, so `\u212Aim@…` would sign in as `kim@…`. Folding
 * ASCII only leaves look-alikes distinct; the price is that non-ASCII letters must match in case (`Élise` is not
 * `élise`), which providers and the CRM both write in lower case in practice.
 */
export function foldEmailCase(email: string): string {
  return email.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}
