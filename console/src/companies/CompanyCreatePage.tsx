import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { CreateCompanyDocument, PossibleDuplicateCompaniesDocument, SearchCompaniesDocument } from '../../../operations/generated';
import { useGqlMutation, useGqlQuery } from '../api/hooks';
import type { Me } from '../app/me';
import { useI18n } from '../i18n/i18n';
import { ErrorSummary } from '../ui/forms';
import { Page } from '../ui/page';
import { useDebounced } from '../ui/use-debounced';
import { CompanyFields } from './CompanyFields';
import { emptyCompanyForm, formToInput } from './company-form';

/**
 * A new company. As the name and NEQ are typed, the API's likely duplicates are shown; creating one anyway takes
 * an explicit confirmation (sent as confirmNotDuplicate, which the API requires too).
 */
export default function CompanyCreatePage({ me }: { me: Me }) {
  const { t, number } = useI18n();
  const [, navigate] = useLocation();
  const [form, setForm] = useState(emptyCompanyForm(me.regions[0]?.code ?? ''));
  const [confirmed, setConfirmed] = useState(false);
  const [mustConfirm, setMustConfirm] = useState(false);
  const legalName = useDebounced(form.legalName.trim(), 300);
  const neq = useDebounced(form.neq.trim(), 300);
  const duplicates = useGqlQuery(
    PossibleDuplicateCompaniesDocument,
    { legalName, neq: neq || null },
    { enabled: legalName.length >= 3 || neq.length >= 10, keepPrevious: true },
  );
  const found = legalName.length >= 3 || neq.length >= 10 ? (duplicates.data?.possibleDuplicateCompanies ?? []) : [];
  const create = useGqlMutation(CreateCompanyDocument, {
    invalidates: [SearchCompaniesDocument],
    onSuccess: ({ createCompany }) => navigate(`/entreprises/${createCompany.id}`),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (found.length > 0 && !confirmed) {
      setMustConfirm(true);
      document.getElementById('confirm-not-duplicate')?.focus();
      return;
    }
    create.mutate({ input: { ...formToInput(form), confirmNotDuplicate: confirmed } });
  };
  return (
    <Page title={t('create.title')}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={create.error} />
        <CompanyFields form={form} onChange={setForm} error={create.error} />
        {found.length > 0 ? (
          <section className="alert alert--warning" aria-labelledby="duplicates-title" data-testid="duplicates">
            <h2 id="duplicates-title">{t('create.duplicates.title')}</h2>
            <p>{t('create.duplicates.body')}</p>
            <ul>
              {found.map((d) => (
                <li key={d.company.id}>
                  <Link href={`/entreprises/${d.company.id}`} target="_blank">{d.company.legalName}</Link>
                  {' — '}
                  {d.company.neq ? `NEQ ${d.company.neq}, ` : ''}
                  {d.company.municipality ? `${d.company.municipality}, ` : ''}
                  {d.company.region.name}
                  {' · '}
                  {d.reason === 'NEQ'
                    ? t('create.duplicates.reason.NEQ')
                    : t('create.duplicates.reason.NAME', { similarity: number(d.similarity, { style: 'percent' }) })}
                </li>
              ))}
            </ul>
            <label className="checkbox">
              <input
                id="confirm-not-duplicate"
                type="checkbox"
                checked={confirmed}
                onChange={(e) => setConfirmed(e.target.checked)}
                aria-describedby={mustConfirm && !confirmed ? 'must-confirm' : undefined}
                aria-invalid={mustConfirm && !confirmed ? true : undefined}
              />
              {t('create.duplicates.confirm')}
            </label>
            {mustConfirm && !confirmed ? <p className="error" id="must-confirm" role="alert">{t('create.duplicates.mustConfirm')}</p> : null}
          </section>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={create.isPending}>{t('create.submit')}</button>
          <Link href="/entreprises">{t('app.cancel')}</Link>
        </div>
      </form>
    </Page>
  );
}
