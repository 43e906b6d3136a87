import { useState, type FormEvent } from 'react';
import { CreateServicePointDocument, RegionsDocument, ServicePointsDocument, UpdateServicePointDocument, type ServicePointFieldsFragment } from '../../../operations/generated';
import { useGqlMutation, useGqlQuery } from '../api/hooks';
import { useI18n } from '../i18n/i18n';
import { Disclosure } from '../ui/disclosure';
import { ErrorSummary, fieldError, SelectField, TextField } from '../ui/forms';
import { QueryState } from '../ui/status';

type PointForm = { name: string; address: string; municipality: string; postalCode: string; phone: string; email: string; regionCode: string };
const text = (v: string) => (v.trim() ? v.trim() : null);

/** Service points: list, create, edit. */
export function ServicePointsAdmin() {
  const { t } = useI18n();
  const points = useGqlQuery(ServicePointsDocument, {});
  return (
    <section aria-labelledby="points-title">
      <h2 id="points-title">{t('admin.servicePoints')}</h2>
      <PointEditor />
      <QueryState loading={points.isPending} error={points.error}>
        <table className="data-table">
          <caption className="visually-hidden">{t('admin.servicePoints')}</caption>
          <thead><tr><th scope="col">{t('admin.name')}</th><th scope="col">{t('app.region')}</th><th scope="col">{t('company.address')}</th><th scope="col">{t('admin.phone')}</th><th scope="col">{t('app.actions')}</th></tr></thead>
          <tbody>
            {(points.data?.servicePoints ?? []).map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>{p.regionCode} — {p.region.name}</td>
                <td>{[p.address, p.municipality, p.postalCode].filter(Boolean).join(', ') || '—'}</td>
                <td>{p.phone ?? '—'}</td>
                <td><PointEditor point={p} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryState>
    </section>
  );
}

function PointEditor({ point }: { point?: ServicePointFieldsFragment }) {
  const { t } = useI18n();
  const regions = useGqlQuery(RegionsDocument, {});
  const initial: PointForm = {
    name: point?.name ?? '', address: point?.address ?? '', municipality: point?.municipality ?? '', postalCode: point?.postalCode ?? '',
    phone: point?.phone ?? '', email: point?.email ?? '', regionCode: point?.regionCode ?? '',
  };
  const [form, setForm] = useState(initial);
  const create = useGqlMutation(CreateServicePointDocument, { invalidates: [ServicePointsDocument] });
  const update = useGqlMutation(UpdateServicePointDocument, { invalidates: [ServicePointsDocument] });
  const error = point ? update.error : create.error;
  const set = (field: keyof PointForm) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });
  return (
    <Disclosure label={point ? `${t('admin.edit')}` : t('admin.newServicePoint')}>
      {(close) => (
        <form noValidate aria-label={point ? `${t('admin.edit')} — ${point.name}` : t('admin.newServicePoint')} onSubmit={(e: FormEvent) => {
          e.preventDefault();
          const fields = { name: form.name.trim(), address: text(form.address), municipality: text(form.municipality), postalCode: text(form.postalCode), phone: text(form.phone), email: text(form.email) };
          if (point) update.mutate({ input: { id: point.id, version: point.version, ...fields } }, { onSuccess: close });
          else create.mutate({ input: { ...fields, regionCode: form.regionCode } }, { onSuccess: () => { setForm(initial); close(); } });
        }}>
          <ErrorSummary error={error} />
          <div className="form-grid">
            <TextField label={t('admin.name')} required value={form.name} onChange={set('name')} error={fieldError(error, 'name')} />
            {!point ? <SelectField label={t('app.region')} required value={form.regionCode} onChange={set('regionCode')} placeholder="" error={fieldError(error, 'regionCode')}
              options={(regions.data?.regions ?? []).map((r) => ({ value: r.code, label: `${r.code} — ${r.name}` }))} /> : null}
            <TextField label={t('company.address')} value={form.address} onChange={set('address')} error={fieldError(error, 'address')} />
            <TextField label={t('company.municipality')} value={form.municipality} onChange={set('municipality')} />
            <TextField label={t('company.postalCode')} value={form.postalCode} onChange={set('postalCode')} error={fieldError(error, 'postalCode')} />
            <TextField label={t('admin.phone')} type="tel" value={form.phone} onChange={set('phone')} error={fieldError(error, 'phone')} />
            <TextField label={t('admin.email')} type="email" value={form.email} onChange={set('email')} error={fieldError(error, 'email')} />
          </div>
          <button type="submit" className="primary">{t('app.save')}</button>
        </form>
      )}
    </Disclosure>
  );
}
