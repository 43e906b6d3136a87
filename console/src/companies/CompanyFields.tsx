import { RegionsDocument } from '../../../operations/generated';
import type { ApiError } from '../api/client';
import { useGqlQuery } from '../api/hooks';
import { useI18n } from '../i18n/i18n';
import { fieldError, SelectField, TextArea, TextField, useEnumOptions } from '../ui/forms';
import { OWNERSHIPS, SIZE_BANDS, type CompanyForm } from './company-form';

/** The identification fields of a company, shared by creation and edition. */
export function CompanyFields({ form, onChange, error }: { form: CompanyForm; onChange: (next: CompanyForm) => void; error: ApiError | null }) {
  const { t } = useI18n();
  const enumOptions = useEnumOptions();
  const regions = useGqlQuery(RegionsDocument, {});
  const set = (field: keyof CompanyForm) => (e: { target: { value: string } }) => onChange({ ...form, [field]: e.target.value });
  return (
    <div className="form-grid">
      <TextField label={t('company.legalName')} required value={form.legalName} onChange={set('legalName')} error={fieldError(error, 'legalName')} maxLength={300} />
      <TextField label={t('company.neq')} help={t('company.neqHelp')} value={form.neq} onChange={set('neq')} error={fieldError(error, 'neq')} inputMode="numeric" />
      <TextArea label={t('company.otherNames')} value={form.otherNames} onChange={set('otherNames')} error={fieldError(error, 'otherNames')} rows={2} />
      <SelectField
        label={t('company.region')}
        required
        value={form.regionCode}
        onChange={set('regionCode')}
        error={fieldError(error, 'regionCode')}
        placeholder=""
        options={(regions.data?.regions ?? []).map((r) => ({ value: r.code, label: `${r.code} — ${r.name}` }))}
      />
      <TextField label={t('company.naicsCode')} value={form.naicsCode} onChange={set('naicsCode')} error={fieldError(error, 'naicsCode')} inputMode="numeric" />
      <SelectField label={t('company.sizeBand')} value={form.sizeBand} onChange={set('sizeBand')} placeholder="—" options={enumOptions('SizeBand', SIZE_BANDS)} />
      <SelectField label={t('company.ownership')} value={form.ownership} onChange={set('ownership')} placeholder="—" options={enumOptions('Ownership', OWNERSHIPS)} />
      <TextField label={t('company.address')} value={form.address} onChange={set('address')} error={fieldError(error, 'address')} />
      <TextField label={t('company.municipality')} value={form.municipality} onChange={set('municipality')} error={fieldError(error, 'municipality')} />
      <TextField label={t('company.postalCode')} value={form.postalCode} onChange={set('postalCode')} error={fieldError(error, 'postalCode')} />
    </div>
  );
}
