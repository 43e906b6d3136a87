import { changedFields, emptyCompanyForm, formToInput, keepTyped } from './company-form';

describe('company form', () => {
  it('lists what someone else changed between two readings', () => {
    const read = { ...emptyCompanyForm('13'), legalName: 'Garage Léveillé inc.', municipality: 'Laval' };
    const now = { ...read, municipality: 'Montréal', postalCode: 'H2X 1Y4' };
    expect(changedFields(read, now)).toEqual([
      { field: 'municipality', before: 'Laval', now: 'Montréal' },
      { field: 'postalCode', before: '', now: 'H2X 1Y4' },
    ]);
    expect(changedFields(read, read)).toEqual([]);
  });

  it('sends empty text as null and other names one per line', () => {
    const input = formToInput({ ...emptyCompanyForm('13'), legalName: ' Garage ', otherNames: 'A\n\n B ' });
    expect(input).toMatchObject({ legalName: 'Garage', otherNames: ['A', 'B'], neq: null, regionCode: '13' });
  });

  it('keeps what was typed over the current record, and takes the other changes where nothing was typed', () => {
    const read = { ...emptyCompanyForm('13'), legalName: 'Garage', municipality: 'Laval', postalCode: 'H7W 3Y5' };
    const typed = { ...read, municipality: 'Laval-Ouest' };
    const current = { ...read, postalCode: 'H7W 1A1' };
    expect(keepTyped(read, typed, current)).toEqual({ ...read, municipality: 'Laval-Ouest', postalCode: 'H7W 1A1' });
  });
});
