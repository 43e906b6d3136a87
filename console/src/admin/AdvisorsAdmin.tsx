import { useState, type FormEvent } from 'react';
import {
  AdvisorListDocument,
  CreateAdvisorDocument,
  RegionalDirectionsDocument,
  RegionsDocument,
  ServicePointsDocument,
  UpdateAdvisorDocument,
  type AdvisorRowFragment,
  type Role,
} from '../../../operations/generated';
import { useGqlMutation, useGqlPages, useGqlQuery } from '../api/hooks';
import { useI18n } from '../i18n/i18n';
import { Disclosure } from '../ui/disclosure';
import { CheckboxGroup, ErrorSummary, fieldError, SelectField, TextField, useEnumOptions } from '../ui/forms';
import { LoadMore, QueryState } from '../ui/status';
import { useDebounced } from '../ui/use-debounced';

const ROLES: Role[] = ['ADVISOR', 'MANAGER', 'ANALYST', 'ADMIN'];

interface AdvisorForm {
  email: string;
  fullName: string;
  role: string;
  regionCodes: string[];
  directionCode: string;
  servicePointId: string;
}

/** Advisors: search, create, change role, regions, direction and service point, deactivate or reactivate. */
export function AdvisorsAdmin() {
  const { t, label } = useI18n();
  const [search, setSearch] = useState('');
  const settled = useDebounced(search.trim());
  const pages = useGqlPages(AdvisorListDocument, { filter: settled ? { search: settled } : {}, first: 25 }, (r) => r.advisors);
  return (
    <section aria-labelledby="advisors-title">
      <h2 id="advisors-title">{t('admin.advisors')}</h2>
      <TextField label={t('admin.search')} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      <CreateAdvisor />
      <QueryState loading={pages.isPending} error={pages.error}>
        <table className="data-table" data-testid="advisors">
          <caption className="visually-hidden">{t('admin.advisors')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.fullName')}</th><th scope="col">{t('admin.email')}</th><th scope="col">{t('admin.role')}</th>
              <th scope="col">{t('admin.regions')}</th><th scope="col">{t('admin.servicePoint')}</th><th scope="col">{t('admin.status')}</th>
              <th scope="col">{t('app.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {pages.nodes.map((a) => (
              <tr key={a.id} className={a.active ? '' : 'inactive'}>
                <th scope="row">{a.fullName}</th>
                <td>{a.email}</td>
                <td>{label('Role', a.role)}</td>
                <td>{a.regions.map((r) => r.code).join(', ') || '—'}</td>
                <td>{a.servicePoint?.name ?? '—'}</td>
                <td>{a.active ? t('admin.active') : t('admin.inactive')}</td>
                <td><EditAdvisor advisor={a} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        <LoadMore shown={pages.nodes.length} total={pages.totalCount} hasMore={pages.hasNextPage} loading={pages.isFetchingNextPage} onMore={() => void pages.fetchNextPage()} />
      </QueryState>
    </section>
  );
}

function AdvisorFields({ form, onChange, error, withEmail }: { form: AdvisorForm; onChange: (f: AdvisorForm) => void; error: Parameters<typeof fieldError>[0]; withEmail: boolean }) {
  const { t } = useI18n();
  const enumOptions = useEnumOptions();
  const regions = useGqlQuery(RegionsDocument, {});
  const directions = useGqlQuery(RegionalDirectionsDocument, {});
  const points = useGqlQuery(ServicePointsDocument, {});
  return (
    <>
      <div className="form-grid">
        {withEmail ? <TextField label={t('admin.email')} type="email" required value={form.email} onChange={(e) => onChange({ ...form, email: e.target.value })} error={fieldError(error, 'email')} autoComplete="off" /> : null}
        <TextField label={t('admin.fullName')} required value={form.fullName} onChange={(e) => onChange({ ...form, fullName: e.target.value })} error={fieldError(error, 'fullName')} autoComplete="off" />
        <SelectField label={t('admin.role')} required value={form.role} onChange={(e) => onChange({ ...form, role: e.target.value })} options={enumOptions('Role', ROLES)} />
        <SelectField label={t('admin.direction')} value={form.directionCode} onChange={(e) => onChange({ ...form, directionCode: e.target.value })} placeholder="—"
          error={fieldError(error, 'directionCode')} options={(directions.data?.regionalDirections ?? []).map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` }))} />
        <SelectField label={t('admin.servicePoint')} value={form.servicePointId} onChange={(e) => onChange({ ...form, servicePointId: e.target.value })} placeholder="—"
          options={(points.data?.servicePoints ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.regionCode})` }))} />
      </div>
      <CheckboxGroup legend={t('admin.regions')} value={form.regionCodes} onChange={(regionCodes) => onChange({ ...form, regionCodes })} error={fieldError(error, 'regionCodes')}
        options={(regions.data?.regions ?? []).map((r) => ({ value: r.code, label: `${r.code} — ${r.name}` }))} />
    </>
  );
}

function CreateAdvisor() {
  const { t } = useI18n();
  const empty: AdvisorForm = { email: '', fullName: '', role: 'ADVISOR', regionCodes: [], directionCode: '', servicePointId: '' };
  const [form, setForm] = useState(empty);
  const create = useGqlMutation(CreateAdvisorDocument, { invalidates: [AdvisorListDocument], onSuccess: () => setForm(empty) });
  return (
    <Disclosure label={t('admin.newAdvisor')}>
      {(close) => (
        <form noValidate onSubmit={(e: FormEvent) => {
          e.preventDefault();
          create.mutate({
            input: { email: form.email.trim(), fullName: form.fullName.trim(), role: form.role as Role, regionCodes: form.regionCodes, directionCode: form.directionCode || null, servicePointId: form.servicePointId || null },
          }, { onSuccess: close });
        }}>
          <ErrorSummary error={create.error} />
          <AdvisorFields form={form} onChange={setForm} error={create.error} withEmail />
          <button type="submit" className="primary" disabled={create.isPending}>{t('admin.newAdvisor')}</button>
        </form>
      )}
    </Disclosure>
  );
}

function EditAdvisor({ advisor }: { advisor: AdvisorRowFragment }) {
  const { t } = useI18n();
  const initial: AdvisorForm = {
    email: advisor.email, fullName: advisor.fullName, role: advisor.role, regionCodes: advisor.role === 'MANAGER' ? [] : advisor.regions.map((r) => r.code),
    directionCode: advisor.direction?.code ?? '', servicePointId: advisor.servicePoint?.id ?? '',
  };
  const [form, setForm] = useState(initial);
  const update = useGqlMutation(UpdateAdvisorDocument, { invalidates: [AdvisorListDocument] });
  return (
    <div className="row-actions">
      <button type="button" disabled={update.isPending} onClick={() => update.mutate({ input: { id: advisor.id, version: advisor.version, active: !advisor.active } })}>
        {advisor.active ? t('admin.deactivate') : t('admin.reactivate')}<span className="visually-hidden"> — {advisor.fullName}</span>
      </button>
      <Disclosure label={t('admin.editAdvisor', { name: advisor.fullName })}>
        {(close) => (
          <form noValidate onSubmit={(e: FormEvent) => {
            e.preventDefault();
            update.mutate({
              input: { id: advisor.id, version: advisor.version, fullName: form.fullName.trim(), role: form.role as Role, regionCodes: form.regionCodes, directionCode: form.directionCode || null, servicePointId: form.servicePointId || null },
            }, { onSuccess: close });
          }}>
            <ErrorSummary error={update.error} />
            <AdvisorFields form={form} onChange={setForm} error={update.error} withEmail={false} />
            <button type="submit" className="primary" disabled={update.isPending}>{t('app.save')}</button>
          </form>
        )}
      </Disclosure>
      {update.error && !update.isPending ? <ErrorSummary error={update.error} /> : null}
    </div>
  );
}
