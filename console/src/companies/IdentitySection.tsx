import { useState, type FormEvent } from 'react';
import { CompanyIdentityDocument, CompanyPageDocument, SearchCompaniesDocument, UpdateCompanyDocument } from '../../../operations/generated';
import { execute } from '../api/client';
import { useGqlMutation } from '../api/hooks';
import { useI18n } from '../i18n/i18n';
import { ErrorSummary } from '../ui/forms';
import type { CompanyData } from './CompanyPage';
import { CompanyFields } from './CompanyFields';
import { changedFields, companyToForm, formToInput, keepTyped, type CompanyForm, type FieldChange } from './company-form';

const LABELS: Record<keyof CompanyForm, Parameters<ReturnType<typeof useI18n>['t']>[0]> = {
  legalName: 'company.legalName', otherNames: 'company.otherNames', neq: 'company.neq', naicsCode: 'company.naicsCode',
  sizeBand: 'company.sizeBand', ownership: 'company.ownership', address: 'company.address', municipality: 'company.municipality',
  postalCode: 'company.postalCode', regionCode: 'company.region',
};

/**
 * Identification, and its edition with the version read. When someone else saved first (CONFLICT, stale
 * version), the section shows what changed since the reading, keeps what was typed, and saves with the new
 * version once the person has looked.
 */
export function IdentitySection({ company }: { company: CompanyData }) {
  const { t, label } = useI18n();
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState(() => companyToForm(company));
  /** What the form was based on, and its version. */
  const [basis, setBasis] = useState(() => ({ form: companyToForm(company), version: company.version }));
  const [changes, setChanges] = useState<FieldChange[] | null>(null);
  const [reloaded, setReloaded] = useState(false);
  const update = useGqlMutation(UpdateCompanyDocument, {
    invalidates: [CompanyPageDocument, SearchCompaniesDocument],
    onSuccess: () => {
      setEditing(false);
      setChanges(null);
    },
  });

  const startEditing = () => {
    const current = companyToForm(company);
    setForm(current);
    setBasis({ form: current, version: company.version });
    setChanges(null);
    setReloaded(false);
    update.reset();
    setEditing(true);
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    setReloaded(false);
    update.mutate(
      { input: { id: company.id, version: basis.version, ...formToInput(form) } },
      {
        onError: async (error) => {
          if (!error.isStaleVersion) return;
          const fresh = (await execute(CompanyIdentityDocument, { id: company.id })).company;
          if (fresh) setChanges(changedFields(basis.form, companyToForm(fresh)));
        },
      },
    );
  };

  /** Takes the current record as the new basis; what was typed stays in the form, the rest takes the current values. */
  const reload = async () => {
    const fresh = (await execute(CompanyIdentityDocument, { id: company.id })).company;
    if (!fresh) return;
    const current = companyToForm(fresh);
    setForm(keepTyped(basis.form, form, current));
    setBasis({ form: current, version: fresh.version });
    setChanges(null);
    setReloaded(true);
    update.reset();
  };

  const shown = (field: keyof CompanyForm, value: string) =>
    !value ? '—' : field === 'sizeBand' ? label('SizeBand', value) : field === 'ownership' ? label('Ownership', value) : value;

  return (
    <section id="identification" aria-labelledby="identification-title" className="card">
      <div className="section-head">
        <h2 id="identification-title">{t('company.identity')}</h2>
        {!editing ? <button type="button" onClick={startEditing}>{t('company.edit')}</button> : null}
      </div>
      {!editing ? (
        <dl className="facts">
          <div><dt>{t('company.neq')}</dt><dd>{company.neq ?? '—'}</dd></div>
          <div><dt>{t('company.naicsCode')}</dt><dd>{company.naicsCode ?? '—'}</dd></div>
          <div><dt>{t('company.sizeBand')}</dt><dd>{label('SizeBand', company.sizeBand)}</dd></div>
          <div><dt>{t('company.ownership')}</dt><dd>{label('Ownership', company.ownership)}</dd></div>
          <div><dt>{t('company.region')}</dt><dd>{company.region.code} — {company.region.name}</dd></div>
          <div><dt>{t('company.address')}</dt><dd>{[company.address, company.municipality, company.postalCode].filter(Boolean).join(', ') || '—'}</dd></div>
          {company.otherNames.length ? <div><dt>{t('company.otherNames')}</dt><dd>{company.otherNames.join(', ')}</dd></div> : null}
        </dl>
      ) : (
        <form onSubmit={save} noValidate aria-label={t('company.edit')}>
          {changes ? (
            <div className="alert alert--warning" role="alert" data-testid="stale-version">
              <h3>{t('company.stale.title')}</h3>
              <p>{t('company.stale.body')}</p>
              <table className="data-table">
                <caption className="visually-hidden">{t('company.stale.title')}</caption>
                <thead>
                  <tr><th scope="col">{t('company.stale.field')}</th><th scope="col">{t('company.stale.before')}</th><th scope="col">{t('company.stale.now')}</th></tr>
                </thead>
                <tbody>
                  {changes.map((c) => (
                    <tr key={c.field}><th scope="row">{t(LABELS[c.field])}</th><td>{shown(c.field, c.before)}</td><td>{shown(c.field, c.now)}</td></tr>
                  ))}
                </tbody>
              </table>
              <button type="button" className="primary" onClick={() => void reload()}>{t('company.stale.reload')}</button>
            </div>
          ) : (
            <ErrorSummary error={update.error} />
          )}
          {reloaded ? <p className="alert alert--info" role="status">{t('company.stale.reloaded')}</p> : null}
          <CompanyFields form={form} onChange={setForm} error={update.error} />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={update.isPending || changes !== null}>{t('app.save')}</button>
            <button type="button" onClick={() => setEditing(false)}>{t('app.cancel')}</button>
          </div>
        </form>
      )}
    </section>
  );
}
