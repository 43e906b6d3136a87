import { useState, type FormEvent } from 'react';
import {
  CompanyPageDocument,
  ConfirmParticipationDocument,
  JourneesQuebecEventsDocument,
  MarkAttendedDocument,
  MyWorklistDocument,
  RecordEventOutcomeDocument,
  RegisterForEventDocument,
  WithdrawFromEventDocument,
} from '../../../operations/generated';
import { useGqlMutation, useGqlQuery } from '../api/hooks';
import type { CompanyData } from '../companies/CompanyPage';
import { useI18n } from '../i18n/i18n';
import { Disclosure } from '../ui/disclosure';
import { CheckboxGroup, ErrorSummary, SelectField, TextField } from '../ui/forms';
import { QueryState } from '../ui/status';

type Participation = CompanyData['eventParticipations'][number];
const REFRESH = [CompanyPageDocument, MyWorklistDocument, JourneesQuebecEventsDocument];

/** Journées Québec: the company's participations, their statuses and outcomes; registering for an open event. */
export function ParticipationsSection({ company, focusEventId }: { company: CompanyData; focusEventId: string | null }) {
  const { t, label, date, number } = useI18n();
  return (
    <section id="journees-quebec" aria-labelledby="jq-title" className="card">
      <div className="section-head"><h2 id="jq-title">{t('events.companyTitle')}</h2></div>
      {company.eventParticipations.length === 0 ? <p className="empty">{t('events.empty')}</p> : (
        <table className="data-table" data-testid="participations">
          <caption className="visually-hidden">{t('events.companyTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('events.event')}</th>
              <th scope="col">{t('events.status')}</th>
              <th scope="col" className="num">{t('events.positionsOffered')}</th>
              <th scope="col" className="num">{t('events.candidatesMet')}</th>
              <th scope="col" className="num">{t('events.interviewsHeld')}</th>
              <th scope="col" className="num">{t('events.offersMade')}</th>
              <th scope="col" className="num">{t('events.hires')}</th>
              <th scope="col">{t('app.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {company.eventParticipations.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.event.name}<br /><span className="muted">{date(p.event.startsOn, 'medium')} · {p.event.city}, {p.event.country}</span></th>
                <td>{label('EventParticipationStatus', p.status)}</td>
                <td className="num">{number(p.positionsOffered)}</td>
                {[p.candidatesMet, p.interviewsHeld, p.offersMade, p.hires].map((value, i) => (
                  <td key={i} className="num">{value === null ? '—' : number(value)}</td>
                ))}
                <td><ParticipationActions participation={p} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Register company={company} initiallyOpen={Boolean(focusEventId)} eventId={focusEventId} />
    </section>
  );
}

function ParticipationActions({ participation: p }: { participation: Participation }) {
  const { t } = useI18n();
  const confirm = useGqlMutation(ConfirmParticipationDocument, { invalidates: REFRESH });
  const attended = useGqlMutation(MarkAttendedDocument, { invalidates: REFRESH });
  const withdraw = useGqlMutation(WithdrawFromEventDocument, { invalidates: REFRESH });
  const error = confirm.error ?? attended.error ?? withdraw.error;
  const vars = { id: p.id, version: p.version };
  return (
    <div className="row-actions">
      <ErrorSummary error={error} />
      {p.status === 'REGISTERED' ? <button type="button" onClick={() => confirm.mutate(vars)}>{t('events.confirm')}</button> : null}
      {p.status === 'REGISTERED' || p.status === 'CONFIRMED' ? (
        <>
          <button type="button" onClick={() => attended.mutate(vars)}>{t('events.attended')}</button>
          <button type="button" onClick={() => withdraw.mutate(vars)}>{t('events.withdraw')}</button>
        </>
      ) : null}
      {p.status === 'ATTENDED' ? <Outcome participation={p} /> : null}
    </div>
  );
}

function Outcome({ participation: p }: { participation: Participation }) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    candidatesMet: String(p.candidatesMet ?? 0), interviewsHeld: String(p.interviewsHeld ?? 0), offersMade: String(p.offersMade ?? 0), hires: String(p.hires ?? 0),
  });
  const record = useGqlMutation(RecordEventOutcomeDocument, { invalidates: REFRESH });
  const fields = [['candidatesMet', 'events.candidatesMet'], ['interviewsHeld', 'events.interviewsHeld'], ['offersMade', 'events.offersMade'], ['hires', 'events.hires']] as const;
  return (
    <Disclosure label={t('events.outcome')}>
      {(close) => (
        <form noValidate onSubmit={(e: FormEvent) => {
          e.preventDefault();
          record.mutate({ input: { participationId: p.id, version: p.version, candidatesMet: Number(form.candidatesMet), interviewsHeld: Number(form.interviewsHeld), offersMade: Number(form.offersMade), hires: Number(form.hires) } }, { onSuccess: close });
        }}>
          <ErrorSummary error={record.error} />
          {fields.map(([name, key]) => (
            <TextField key={name} label={t(key)} type="number" min={0} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
          ))}
          <button type="submit" className="primary" disabled={record.isPending}>{t('app.save')}</button>
        </form>
      )}
    </Disclosure>
  );
}

function Register({ company, initiallyOpen, eventId }: { company: CompanyData; initiallyOpen: boolean; eventId: string | null }) {
  const { t } = useI18n();
  return (
    <Disclosure label={t('events.register')} initiallyOpen={initiallyOpen}>
      {(close) => <RegisterForm company={company} eventId={eventId} onDone={close} />}
    </Disclosure>
  );
}

/** The events open for registration are read when the form opens, not with the company page. */
function RegisterForm({ company, eventId, onDone }: { company: CompanyData; eventId: string | null; onDone: () => void }) {
  const { t, date } = useI18n();
  const events = useGqlQuery(JourneesQuebecEventsDocument, { filter: { status: ['REGISTRATION_OPEN'] }, first: 50 });
  const open = (events.data?.journeesQuebecEvents.edges ?? []).map((e) => e.node).filter((e) => !company.eventParticipations.some((p) => p.event.id === e.id));
  const [chosen, setChosen] = useState(eventId ?? '');
  const [needs, setNeeds] = useState<string[]>([]);
  const register = useGqlMutation(RegisterForEventDocument, { invalidates: REFRESH });
  const openNeeds = company.recruitmentNeeds.filter((n) => n.status === 'OPEN' || n.status === 'IN_PROGRESS');
  return (
    <QueryState loading={events.isPending} error={events.error} retry={() => void events.refetch()}>
      {open.length === 0 ? <p>{t('events.noOpenEvent')}</p> : (
        <form noValidate onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (chosen) register.mutate({ input: { companyId: company.id, eventId: chosen, recruitmentNeedIds: needs } }, { onSuccess: onDone });
        }}>
          <ErrorSummary error={register.error} />
          <SelectField label={t('events.event')} required value={chosen} onChange={(e) => setChosen(e.target.value)} placeholder=""
            options={open.map((e) => ({ value: e.id, label: `${e.name} — ${t('events.deadline')} : ${date(e.registrationDeadline, 'medium')}` }))} />
          <CheckboxGroup legend={t('events.needs')} options={openNeeds.map((n) => ({ value: n.id, label: `${n.title} (${n.nocCode})` }))} value={needs} onChange={setNeeds} />
          <button type="submit" className="primary" disabled={register.isPending || !chosen}>{t('events.register')}</button>
        </form>
      )}
    </QueryState>
  );
}
