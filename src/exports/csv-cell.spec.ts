import { csvCell, csvLine } from './csv-cell.js';

describe('csvCell', () => {
  it('neutralizes cells that a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x","clic")')).toBe(`"'=HYPERLINK(""http://x"",""clic"")"`);
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
  });

  it('keeps numbers, plain text and empty cells as they are', () => {
    expect(csvCell('-12.5')).toBe('-12.5');
    expect(csvCell('42')).toBe('42');
    expect(csvCell('Boulangerie Léveillé inc.')).toBe('Boulangerie Léveillé inc.');
    expect(csvCell(null)).toBe('');
  });

  it('quotes the delimiter, quotes and line breaks', () => {
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a;b', ',')).toBe('a;b');
    expect(csvCell('dit "oui"')).toBe('"dit ""oui"""');
    expect(csvLine(['x', 'y\nz'], ',')).toBe('x,"y\nz"\r\n');
  });
});
