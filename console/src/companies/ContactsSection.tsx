import { useState, type FormEvent } from 'react';
import { AddCompanyContactDocument, CompanyContactsDocument, type PreferredLanguage } from '../../../operations/generated';
import { useGqlMutation, useGqlQuery } from '../api/hooks';
import { useI18n } from '../i18n/i18n';
import { ErrorSummary, fieldError, SelectField, TextField, useEnumOptions } from '../ui/forms';
import { Disclosure } from '../ui/disclosure';
import { QueryState } from '../ui/status';

/**
 * Contacts are personal information: they are read only when the person asks to see them, and the API logs
 * that access (Company.contacts). Nothing is fetched before.
 */
export function ContactsSection({ companyId }: { companyId: string }) {
  const { t, label } = useI18n();
  const [revealed, setRevealed] = useState(false);
  const contacts = useGqlQuery(CompanyContactsDocument, { id: companyId }, { enabled: revealed });
  const list = contacts.data?.company?.contacts ?? [];
  return (
    <section id="personnes-ressources" aria-labelledby="contacts-title" className="card">
      <div className="section-head">
        <h2 id="contacts-title">{t('contacts.title')}</h2>
      </div>
      {!revealed ? (
        <>
          <p className="help" id="reveal-help">{t('contacts.revealHelp')}</p>
          <button type="button" aria-describedby="reveal-help" onClick={() => setRevealed(true)}>{t('contacts.reveal')}</button>
        </>
      ) : (
        <QueryState loading={contacts.isPending} error={contacts.error}>
          {list.length === 0 ? (
            <p className="empty">{t('contacts.empty')}</p>
          ) : (
            <ul className="contact-list" data-testid="contacts">
              {list.map((c) => (
                <li key={c.id}>
                  <strong>{c.firstName} {c.lastName}</strong>
                  {c.title ? `, ${c.title}` : ''}
                  <br />
                  {c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null}
                  {c.phone ? ` · ${c.phone}` : ''}
                  {` · ${label('PreferredLanguage', c.preferredLanguage)}`}
                </li>
              ))}
            </ul>
          )}
          <AddContact companyId={companyId} />
        </QueryState>
      )}
    </section>
  );
}

function AddContact({ companyId }: { companyId: string }) {
  const { t } = useI18n();
  const enumOptions = useEnumOptions();
  const empty = { firstName: '', lastName: '', title: '', email: '', phone: '', preferredLanguage: 'FR' };
  const [form, setForm] = useState(empty);
  const add = useGqlMutation(AddCompanyContactDocument, { invalidates: [CompanyContactsDocument], onSuccess: () => setForm(empty) });
  const set = (field: keyof typeof empty) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });
  return (
    <Disclosure label={t('contacts.add')}>
      {() => (
        <form
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            const text = (v: string) => (v.trim() ? v.trim() : null);
            add.mutate({
              input: {
                companyId, firstName: form.firstName.trim(), lastName: form.lastName.trim(), title: text(form.title),
                email: text(form.email), phone: text(form.phone), preferredLanguage: form.preferredLanguage as PreferredLanguage,
              },
            });
          }}
        >
          <ErrorSummary error={add.error} />
          <div className="form-grid">
            <TextField label={t('contacts.firstName')} required value={form.firstName} onChange={set('firstName')} error={fieldError(add.error, 'firstName')} autoComplete="off" />
            <TextField label={t('contacts.lastName')} required value={form.lastName} onChange={set('lastName')} error={fieldError(add.error, 'lastName')} autoComplete="off" />
            <TextField label={t('contacts.contactTitle')} value={form.title} onChange={set('title')} error={fieldError(add.error, 'title')} />
            <TextField label={t('contacts.email')} type="email" value={form.email} onChange={set('email')} error={fieldError(add.error, 'email')} autoComplete="off" />
            <TextField label={t('contacts.phone')} type="tel" value={form.phone} onChange={set('phone')} error={fieldError(add.error, 'phone')} autoComplete="off" />
            <SelectField label={t('contacts.language')} value={form.preferredLanguage} onChange={set('preferredLanguage')} options={enumOptions('PreferredLanguage', ['FR', 'EN'])} />
          </div>
          <button type="submit" className="primary" disabled={add.isPending}>{t('contacts.add')}</button>
        </form>
      )}
    </Disclosure>
  );
}
