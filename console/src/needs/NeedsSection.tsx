import { useState, type FormEvent } from 'react';
import {
  CompanyPageDocument,
  CreateRecruitmentNeedDocument,
  MyWorklistDocument,
  RecordPositionsFilledDocument,
  type EmploymentType,
  type RecruitmentChannel,
} from '../../../operations/generated';
import { useGqlMutation } from '../api/hooks';
import type { CompanyData } from '../companies/CompanyPage';
import { useI18n } from '../i18n/i18n';
import { Disclosure } from '../ui/disclosure';
import { CheckboxGroup, ErrorSummary, fieldError, SelectField, TextField, useEnumOptions } from '../ui/forms';

const CHANNELS: RecruitmentChannel[] = ['LOCAL', 'INTERREGIONAL_MOBILITY', 'INTERNATIONAL_RECRUITMENT', 'TEMPORARY_FOREIGN_WORKERS'];
const TYPES: EmploymentType[] = ['PERMANENT', 'TEMPORARY', 'SEASONAL'];
const REFRESH = [CompanyPageDocument, MyWorklistDocument];

/** Recruitment needs: occupation (CNP 2021 and its TEER), positions and those filled, status; add one, record filled positions. */
export function NeedsSection({ company }: { company: CompanyData }) {
  const { t, label, date, number } = useI18n();
  return (
    <section id="besoins" aria-labelledby="needs-title" className="card">
      <div className="section-head"><h2 id="needs-title">{t('needs.title')}</h2></div>
      {company.recruitmentNeeds.length === 0 ? <p className="empty">{t('needs.empty')}</p> : (
        <table className="data-table" data-testid="needs">
          <caption className="visually-hidden">{t('needs.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('needs.jobTitle')}</th>
              <th scope="col">{t('needs.noc')}</th>
              <th scope="col">{t('needs.teer')}</th>
              <th scope="col" className="num">{t('needs.positions')}</th>
              <th scope="col" className="num">{t('needs.filled')}</th>
              <th scope="col">{t('needs.status')}</th>
              <th scope="col">{t('needs.workRegion')}</th>
              <th scope="col">{t('app.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {company.recruitmentNeeds.map((need) => (
              <tr key={need.id}>
                <th scope="row">{need.title}<br /><span className="muted">{date(need.openedOn, 'medium')}{need.hourlyWage !== null ? ` · ${number(need.hourlyWage, { style: 'currency', currency: 'CAD' })}/h` : ''}</span></th>
                <td>{need.nocCode}</td>
                <td>{need.teer}</td>
                <td className="num">{number(need.positions)}</td>
                <td className="num">{number(need.positionsFilled)}</td>
                <td>{label('RecruitmentNeedStatus', need.status)}</td>
                <td>{need.workRegion.name}</td>
                <td>{need.status === 'OPEN' || need.status === 'IN_PROGRESS' ? <RecordFilled need={need} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddNeed companyId={company.id} />
    </section>
  );
}

function RecordFilled({ need }: { need: CompanyData['recruitmentNeeds'][number] }) {
  const { t } = useI18n();
  const [filled, setFilled] = useState(String(need.positionsFilled));
  const record = useGqlMutation(RecordPositionsFilledDocument, { invalidates: REFRESH });
  return (
    <Disclosure label={t('needs.recordFilled')}>
      {(close) => (
        <form noValidate onSubmit={(e: FormEvent) => { e.preventDefault(); record.mutate({ input: { id: need.id, version: need.version, positionsFilled: Number(filled) } }, { onSuccess: close }); }}>
          <ErrorSummary error={record.error} />
          <TextField label={t('needs.filledCount')} type="number" min={0} max={need.positions} value={filled} onChange={(e) => setFilled(e.target.value)} />
          <button type="submit" className="primary" disabled={record.isPending}>{t('app.save')}</button>
        </form>
      )}
    </Disclosure>
  );
}

function AddNeed({ companyId }: { companyId: string }) {
  const { t } = useI18n();
  const enumOptions = useEnumOptions();
  const empty = { nocCode: '', title: '', positions: '1', employmentType: 'PERMANENT', hourlyWage: '', channels: [] as string[] };
  const [form, setForm] = useState(empty);
  const create = useGqlMutation(CreateRecruitmentNeedDocument, { invalidates: REFRESH, onSuccess: () => setForm(empty) });
  return (
    <Disclosure label={t('needs.add')}>
      {() => (
        <form
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            create.mutate({
              input: {
                companyId, nocCode: form.nocCode.trim(), title: form.title.trim(), positions: Number(form.positions),
                employmentType: form.employmentType as EmploymentType, channels: form.channels as RecruitmentChannel[],
                hourlyWage: form.hourlyWage ? Number(form.hourlyWage.replace(',', '.')) : null,
              },
            });
          }}
        >
          <ErrorSummary error={create.error} />
          <div className="form-grid">
            <TextField label={t('needs.noc')} required inputMode="numeric" value={form.nocCode} onChange={(e) => setForm({ ...form, nocCode: e.target.value })} error={fieldError(create.error, 'nocCode')} />
            <TextField label={t('needs.jobTitle')} required value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} error={fieldError(create.error, 'title')} />
            <TextField label={t('needs.positions')} required type="number" min={1} max={1000} value={form.positions} onChange={(e) => setForm({ ...form, positions: e.target.value })} error={fieldError(create.error, 'positions')} />
            <SelectField label={t('needs.employmentType')} required value={form.employmentType} onChange={(e) => setForm({ ...form, employmentType: e.target.value })} options={enumOptions('EmploymentType', TYPES)} />
            <TextField label={t('needs.wage')} inputMode="decimal" value={form.hourlyWage} onChange={(e) => setForm({ ...form, hourlyWage: e.target.value })} error={fieldError(create.error, 'hourlyWage')} />
          </div>
          <CheckboxGroup legend={t('needs.channels')} options={enumOptions('RecruitmentChannel', CHANNELS)} value={form.channels} onChange={(channels) => setForm({ ...form, channels })} error={fieldError(create.error, 'channels')} />
          <button type="submit" className="primary" disabled={create.isPending}>{t('needs.add')}</button>
        </form>
      )}
    </Disclosure>
  );
}
