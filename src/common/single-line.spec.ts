import { isCleanMultilineText, isSingleLine } from './single-line.js';

describe('single-line values', () => {
  it.each(['Scierie Saint-Georges inc.', 'Côte-Nord', 'Œuvre « Québec » 😀', 'مرحبا', '# Titre (escaped where rendered)'])(
    'accepts %j',
    (text) => expect(isSingleLine(text)).toBe(true),
  );

  it.each(['a\nb', 'a\r\nb', 'a\rb', 'a\tb', 'a\u0000b', 'a\u001bb', 'a\u007fb', 'a\u0085b', 'a\u2028b', 'a\u2029b'])(
    'refuses %j',
    (text) => expect(isSingleLine(text)).toBe(false),
  );

  it('lets multi-line text keep its line breaks and tabs, not other control characters', () => {
    expect(isCleanMultilineText('Ligne 1\r\nLigne 2\tTab')).toBe(true);
    expect(isCleanMultilineText('a\u0000b')).toBe(false);
    expect(isCleanMultilineText('a\u0007b')).toBe(false);
  });
});
