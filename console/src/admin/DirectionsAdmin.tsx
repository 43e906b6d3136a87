import { useState, type FormEvent } from 'react';
import { CreateRegionalDirectionDocument, RegionalDirectionsDocument, RegionsDocument, UpdateRegionalDirectionDocument, type DirectionFieldsFragment } from '../../../operations/generated';
import { useGqlMutation, useGqlQuery } from '../api/hooks';
import { useI18n } from '../i18n/i18n';
import { Disclosure } from '../ui/disclosure';
import { CheckboxGroup, ErrorSummary, fieldError, TextField } from '../ui/forms';
import { QueryState } from '../ui/status';

/** Regional directions and the regions attached to each: list, create, edit. */
export function DirectionsAdmin() {
  const { t } = useI18n();
  const directions = useGqlQuery(RegionalDirectionsDocument, {});
  return (
    <section aria-labelledby="directions-title">
      <h2 id="directions-title">{t('admin.directions')}</h2>
      <DirectionEditor />
      <QueryState loading={directions.isPending} error={directions.error}>
        <table className="data-table">
          <caption className="visually-hidden">{t('admin.directions')}</caption>
          <thead><tr><th scope="col">{t('admin.code')}</th><th scope="col">{t('admin.name')}</th><th scope="col">{t('admin.regions')}</th><th scope="col">{t('app.actions')}</th></tr></thead>
          <tbody>
            {(directions.data?.regionalDirections ?? []).map((d) => (
              <tr key={d.code}>
                <th scope="row">{d.code}</th>
                <td>{d.name}</td>
                <td>{d.regions.map((r) => `${r.code} ${r.name}`).join(', ') || '—'}</td>
                <td><DirectionEditor direction={d} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryState>
    </section>
  );
}

function DirectionEditor({ direction }: { direction?: DirectionFieldsFragment }) {
  const { t } = useI18n();
  const regions = useGqlQuery(RegionsDocument, {});
  const initial = { code: direction?.code ?? '', name: direction?.name ?? '', regionCodes: direction?.regions.map((r) => r.code) ?? [] };
  const [form, setForm] = useState(initial);
  const refresh = [RegionalDirectionsDocument, RegionsDocument];
  const create = useGqlMutation(CreateRegionalDirectionDocument, { invalidates: refresh });
  const update = useGqlMutation(UpdateRegionalDirectionDocument, { invalidates: refresh });
  const error = direction ? update.error : create.error;
  return (
    <Disclosure label={direction ? t('admin.edit') : t('admin.newDirection')}>
      {(close) => (
        <form noValidate aria-label={direction ? `${t('admin.edit')} — ${direction.name}` : t('admin.newDirection')} onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (direction) update.mutate({ input: { code: direction.code, version: direction.version, name: form.name.trim(), regionCodes: form.regionCodes } }, { onSuccess: close });
          else create.mutate({ input: { code: form.code.trim().toUpperCase(), name: form.name.trim(), regionCodes: form.regionCodes } }, { onSuccess: () => { setForm(initial); close(); } });
        }}>
          <ErrorSummary error={error} />
          {!direction ? <TextField label={t('admin.code')} required value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} error={fieldError(error, 'code')} /> : null}
          <TextField label={t('admin.name')} required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={fieldError(error, 'name')} />
          <CheckboxGroup legend={t('admin.regions')} value={form.regionCodes} onChange={(regionCodes) => setForm({ ...form, regionCodes })}
            options={(regions.data?.regions ?? []).map((r) => ({ value: r.code, label: `${r.code} — ${r.name}` }))} />
          <button type="submit" className="primary">{t('app.save')}</button>
        </form>
      )}
    </Disclosure>
  );
}
