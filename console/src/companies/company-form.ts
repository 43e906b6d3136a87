import type { CompanyIdentityFragment, Ownership, SizeBand } from '../../../operations/generated';

export const SIZE_BANDS: SizeBand[] = ['EMPLOYEES_1_4', 'EMPLOYEES_5_19', 'EMPLOYEES_20_49', 'EMPLOYEES_50_99', 'EMPLOYEES_100_499', 'EMPLOYEES_500_PLUS'];
export const OWNERSHIPS: Ownership[] = ['PRIVATE', 'NON_PROFIT', 'PARAPUBLIC', 'PUBLIC'];

/** A company's identification as a form edits it: text everywhere, other names one per line. */
export interface CompanyForm {
  legalName: string;
  otherNames: string;
  neq: string;
  naicsCode: string;
  sizeBand: string;
  ownership: string;
  address: string;
  municipality: string;
  postalCode: string;
  regionCode: string;
}

export const COMPANY_FIELDS: (keyof CompanyForm)[] = [
  'legalName', 'otherNames', 'neq', 'naicsCode', 'sizeBand', 'ownership', 'address', 'municipality', 'postalCode', 'regionCode',
];

export const emptyCompanyForm = (regionCode = ''): CompanyForm => ({
  legalName: '', otherNames: '', neq: '', naicsCode: '', sizeBand: '', ownership: '', address: '', municipality: '', postalCode: '', regionCode,
});

export function companyToForm(company: CompanyIdentityFragment): CompanyForm {
  return {
    legalName: company.legalName,
    otherNames: company.otherNames.join('\n'),
    neq: company.neq ?? '',
    naicsCode: company.naicsCode ?? '',
    sizeBand: company.sizeBand ?? '',
    ownership: company.ownership ?? '',
    address: company.address ?? '',
    municipality: company.municipality ?? '',
    postalCode: company.postalCode ?? '',
    regionCode: company.regionCode,
  };
}

/** The form's values as the API's input: empty text is "no value" (null), other names split by line. */
export function formToInput(form: CompanyForm) {
  const text = (value: string) => (value.trim() ? value.trim() : null);
  return {
    legalName: form.legalName.trim(),
    otherNames: form.otherNames.split('\n').map((n) => n.trim()).filter(Boolean),
    neq: text(form.neq),
    naicsCode: text(form.naicsCode),
    sizeBand: (text(form.sizeBand) as SizeBand | null),
    ownership: (text(form.ownership) as Ownership | null),
    address: text(form.address),
    municipality: text(form.municipality),
    postalCode: text(form.postalCode),
    regionCode: form.regionCode,
  };
}

/** One field that someone else changed: what the form was based on, and what the record says now. */
export interface FieldChange {
  field: keyof CompanyForm;
  before: string;
  now: string;
}

/** The fields whose stored value differs between two readings of the record. */
export function changedFields(read: CompanyForm, current: CompanyForm): FieldChange[] {
  return COMPANY_FIELDS.filter((field) => read[field] !== current[field]).map((field) => ({ field, before: read[field], now: current[field] }));
}

/**
 * After someone else's change: the current record, with what the person typed on top. A field they changed keeps
 * their value; a field they left alone takes the current value (their stale copy must not undo the other change).
 */
export function keepTyped(read: CompanyForm, typed: CompanyForm, current: CompanyForm): CompanyForm {
  const next = { ...current };
  for (const field of COMPANY_FIELDS) if (typed[field] !== read[field]) next[field] = typed[field];
  return next;
}
