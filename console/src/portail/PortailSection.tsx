import { useState, type FormEvent } from 'react';
import {
  AdvancePortailReferralDocument,
  CompanyPageDocument,
  MyWorklistDocument,
  ReferToPortailDocument,
  type PortailReferralStep,
} from '../../../operations/generated';
import { useGqlMutation } from '../api/hooks';
import { todayInQuebec } from '../app/dates';
import type { CompanyData } from '../companies/CompanyPage';
import { useI18n } from '../i18n/i18n';
import { Disclosure } from '../ui/disclosure';
import { ErrorSummary, fieldError, SelectField, TextField, useEnumOptions } from '../ui/forms';

const FUNNEL: PortailReferralStep[] = ['REFERRED', 'ACCOUNT_CREATED', 'OFFER_POSTED', 'CANDIDATES_RECEIVED', 'HIRED'];
const FINAL: PortailReferralStep[] = ['HIRED', 'DECLINED', 'ABANDONED'];
const REFRESH = [CompanyPageDocument, MyWorklistDocument];

type Referral = CompanyData['portailReferrals'][number];

const stepDate = (r: Referral, step: PortailReferralStep): string | null =>
  ({ REFERRED: r.referredOn, ACCOUNT_CREATED: r.accountCreatedOn, OFFER_POSTED: r.offerPostedOn, CANDIDATES_RECEIVED: r.candidatesReceivedOn, HIRED: r.hiredOn, DECLINED: r.endedOn, ABANDONED: r.endedOn })[step];

/** Portail employeurs referrals: each step with its date (skipped steps have none), and moving one forward. */
export function PortailSection({ company }: { company: CompanyData }) {
  const { t, label, date } = useI18n();
  const refer = useGqlMutation(ReferToPortailDocument, { invalidates: REFRESH });
  const hasOpen = company.portailReferrals.some((r) => !FINAL.includes(r.step));
  return (
    <section id="portail" aria-labelledby="portail-title" className="card">
      <div className="section-head"><h2 id="portail-title">{t('portail.title')}</h2></div>
      {company.portailReferrals.length === 0 ? <p className="empty">{t('portail.empty')}</p> : null}
      {company.portailReferrals.map((referral) => (
        <article key={referral.id} className="referral" aria-label={`${t('portail.title')} — ${date(referral.referredOn)}`} data-testid="referral">
          <p>
            <strong>{t('portail.currentStep')} : {label('PortailReferralStep', referral.step)}</strong> —{' '}
            {t('portail.referredBy', { name: referral.advisor.fullName })}
          </p>
          <ol className="steps">
            {[...FUNNEL, ...(referral.step === 'DECLINED' || referral.step === 'ABANDONED' ? [referral.step] : [])].map((step) => {
              const day = stepDate(referral, step);
              return (
                <li key={step} className={day ? 'step step--done' : 'step'} aria-current={referral.step === step ? 'step' : undefined}>
                  <span className="step-name">{label('PortailReferralStep', step)}</span>
                  <span className="step-date">{day ? date(day, 'medium') : '—'}</span>
                </li>
              );
            })}
          </ol>
          {!FINAL.includes(referral.step) ? <Advance referral={referral} /> : null}
        </article>
      ))}
      {!hasOpen ? (
        <>
          <ErrorSummary error={refer.error} />
          <button type="button" onClick={() => refer.mutate({ input: { companyId: company.id } })} disabled={refer.isPending}>{t('portail.refer')}</button>
        </>
      ) : null}
    </section>
  );
}

function Advance({ referral }: { referral: Referral }) {
  const { t } = useI18n();
  const enumOptions = useEnumOptions();
  const later = [...FUNNEL.slice(FUNNEL.indexOf(referral.step) + 1), 'DECLINED', 'ABANDONED'] as PortailReferralStep[];
  const [step, setStep] = useState<string>(later[0]!);
  const [on, setOn] = useState(todayInQuebec());
  const advance = useGqlMutation(AdvancePortailReferralDocument, { invalidates: REFRESH });
  return (
    <Disclosure label={t('portail.advance')}>
      {(close) => (
        <form noValidate onSubmit={(e: FormEvent) => { e.preventDefault(); advance.mutate({ input: { id: referral.id, version: referral.version, step: step as PortailReferralStep, on } }, { onSuccess: close }); }}>
          <ErrorSummary error={advance.error} />
          <SelectField label={t('portail.nextStep')} required value={step} onChange={(e) => setStep(e.target.value)} options={enumOptions('PortailReferralStep', later)} />
          <TextField label={t('portail.stepDate')} type="date" required value={on} max={todayInQuebec()} onChange={(e) => setOn(e.target.value)} error={fieldError(advance.error, 'on')} />
          <button type="submit" className="primary" disabled={advance.isPending}>{t('portail.advance')}</button>
        </form>
      )}
    </Disclosure>
  );
}
