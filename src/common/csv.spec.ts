import { csvCell, csvRow, neutralizeFormula } from './csv.js';

describe('CSV cells and rows', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+2', "'+1+2"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['\tcode', "'\tcode"],
    ['\r=1', `"'\r=1"`],
  ])('neutralizes %j, a formula for a spreadsheet', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each(['-12', '+3.5', '-1e3', '0.25', '-.5'])('leaves the plain number %s as it is', (value) => {
    expect(neutralizeFormula(value)).toBe(value);
  });

  it('quotes cells holding the delimiter, quotes or line breaks (RFC 4180), and only those', () => {
    expect(csvCell('Scierie "Les Bouleaux", inc.')).toBe('"Scierie ""Les Bouleaux"", inc."');
    expect(csvCell('a;b')).toBe('a;b');
    expect(csvCell('a;b', { delimiter: ';' })).toBe('"a;b"');
    expect(csvCell('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(csvCell('Trois-Rivières')).toBe('Trois-Rivières');
  });

  it('writes null and undefined as empty cells, other values as text', () => {
    expect(csvRow([null, undefined, 0, true, 'x'])).toBe(',,0,true,x\r\n');
    expect(csvRow(['a', 'b;c'], { delimiter: ';' })).toBe('a;"b;c"\r\n');
  });
});
