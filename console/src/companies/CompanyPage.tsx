import { useEffect } from 'react';
import { Link, useSearch } from 'wouter';
import { CompanyPageDocument, type CompanyPageQuery } from '../../../operations/generated';
import { useGqlQuery } from '../api/hooks';
import type { Me } from '../app/me';
import { ParticipationsSection } from '../events/ParticipationsSection';
import { FilesSection } from '../files/FilesSection';
import { useI18n } from '../i18n/i18n';
import { NeedsSection } from '../needs/NeedsSection';
import { PortailSection } from '../portail/PortailSection';
import { Page } from '../ui/page';
import { QueryState } from '../ui/status';
import { ContactsSection } from './ContactsSection';
import { IdentitySection } from './IdentitySection';

export type CompanyData = NonNullable<CompanyPageQuery['company']>;

/**
 * A company: identification, contacts (shown on request: a logged access), files with their actions and
 * interactions, recruitment needs, Journées Québec participations and Portail employeurs referrals.
 */
export default function CompanyPage({ id, me }: { id: string; me: Me }) {
  const { t } = useI18n();
  const query = useGqlQuery(CompanyPageDocument, { id });
  const company = query.data?.company;
  const params = new URLSearchParams(useSearch());
  useEffect(() => {
    // A link to a section (#dossiers, #besoins…) scrolls there once the page has rendered.
    if (company && window.location.hash) document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
  }, [company]);
  if (query.data && !company) {
    return (
      <Page title={t('app.notFound.title')}>
        <p>{t('company.notFound')}</p>
        <p><Link href="/entreprises">{t('nav.companies')}</Link></p>
      </Page>
    );
  }
  return (
    <Page title={company?.legalName ?? t('app.loading')} className="company-page">
      <QueryState loading={query.isPending} error={query.error} retry={() => void query.refetch()}>
        {company ? (
          <div className="company-layout" data-testid="company-page">
            <nav className="section-nav" aria-label={company.legalName}>
              <ul>
                <li><a href="#identification">{t('company.identity')}</a></li>
                <li><a href="#personnes-ressources">{t('contacts.title')}</a></li>
                <li><a href="#dossiers">{t('files.title')}</a></li>
                <li><a href="#besoins">{t('needs.title')}</a></li>
                <li><a href="#journees-quebec">{t('events.companyTitle')}</a></li>
                <li><a href="#portail">{t('portail.title')}</a></li>
              </ul>
            </nav>
            <IdentitySection company={company} />
            <ContactsSection companyId={company.id} />
            <FilesSection company={company} me={me} focusFileId={params.get('dossier')} />
            <NeedsSection company={company} />
            <ParticipationsSection company={company} focusEventId={params.get('evenement')} />
            <PortailSection company={company} />
          </div>
        ) : null}
      </QueryState>
    </Page>
  );
}
