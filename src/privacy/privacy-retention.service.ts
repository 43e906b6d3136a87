import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { RequestContext } from '../auth/request-context.js';
import { todayInQuebec } from '../common/calendar.js';
import { IdempotencyKeys } from '../database/idempotency.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { PrivacyRepository } from './privacy.repository.js';

/** What retention writes in place of a contact's personal information. */
export const ANONYMIZED_CONTACT = { firstName: 'Personne-ressource', lastName: 'anonymisée' } as const;
/** What replaces a personal value in the audit trail's before/after snapshots. */
export const REDACTED = '[anonymisé]';
/** The personal fields of a contact, as the audit snapshots name them. */
export const CONTACT_PERSONAL_FIELDS = ['firstName', 'lastName', 'title', 'email', 'phone'] as const;

export interface RetentionOptions {
  olderThanYears: number;
  dryRun: boolean;
  /** "Today" in Québec (YYYY-MM-DD); tests may move it. */
  today?: string;
}

export interface RetentionCompanyLine {
  companyId: string;
  legalName: string;
  neq: string | null;
  regionCode: string;
  contacts: number;
  auditEntries: number;
}

export interface RetentionReport {
  olderThanYears: number;
  /** Activity on or after this day keeps a company's contacts. */
  cutoff: string;
  dryRun: boolean;
  companies: RetentionCompanyLine[];
  totals: {
    companies: number;
    contacts: number;
    auditEntries: number;
    deletedContactsAuditEntries: number;
    /** Stored mutation results past their day of use (they may repeat personal information). */
    expiredIdempotencyKeys: number;
  };
}

/**
 * Loi 25 retention (`npm run privacy:retention`): anonymizes the contacts of companies without activity for N
 * years, and redacts their personal values in the audit trail. The contact rows stay (same id, company, preferred
 * language, timestamps, `anonymized_at` set, version + 1) so counts, references and audit trails remain coherent;
 * each anonymization writes an audit row (`anonymize`, no actor, request id `system:privacy-retention`) without
 * any personal value. Audit rows of contacts deleted more than N years ago are redacted too. Idempotency keys keep
 * no personal value (a trigger erases the request fingerprint of an anonymized contact's keys); those older than a
 * day are deleted. The access log, append-only, is kept. One transaction; a dry run only reads. Running it again
 * changes nothing more.
 */
@Injectable()
export class PrivacyRetentionService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly repository: PrivacyRepository,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyKeys,
  ) {}

  run(options: RetentionOptions): Promise<RetentionReport> {
    return this.unitOfWork.run(() => this.apply(options));
  }

  private async apply({ olderThanYears, dryRun, today }: RetentionOptions): Promise<RetentionReport> {
    if (!Number.isInteger(olderThanYears) || olderThanYears < 1) throw new Error('olderThanYears must be a positive integer');
    const cutoff = await this.repository.cutoff(today ?? todayInQuebec(), olderThanYears);
    const candidates = await this.repository.candidates(cutoff, !dryRun);
    const contactIds = candidates.map((row) => row.contact_id);
    // Audit rows of the contacts being anonymized that still hold a personal value, and of contacts deleted before
    // the cutoff (the contact row is gone, its snapshots remain).
    const auditRows = await this.repository.auditRowsHolding(contactIds, CONTACT_PERSONAL_FIELDS, REDACTED);
    const deletedRows = await this.repository.deletedContactsAuditRows(cutoff, CONTACT_PERSONAL_FIELDS, REDACTED);
    const expiredIdempotencyKeys = await this.idempotency.purgeExpired(dryRun);
    if (!dryRun) {
      if (contactIds.length > 0) await this.repository.anonymize(contactIds, ANONYMIZED_CONTACT);
      await this.audit.redact([...auditRows, ...deletedRows].map((row) => row.id), CONTACT_PERSONAL_FIELDS, REDACTED);
      await this.audit.recordMany(
        RequestContext.system('privacy-retention'),
        'anonymize',
        'CompanyContact',
        contactIds.map((entityId) => ({ entityId, after: { anonymized: true, olderThanYears, cutoff } })),
      );
    }

    const auditByContact = new Map<string, number>();
    for (const row of auditRows) auditByContact.set(row.entity_id, (auditByContact.get(row.entity_id) ?? 0) + 1);
    const companies = new Map<string, RetentionCompanyLine>();
    for (const row of candidates) {
      const line = companies.get(row.company_id) ?? {
        companyId: row.company_id,
        legalName: row.legal_name,
        neq: row.neq,
        regionCode: row.region_code,
        contacts: 0,
        auditEntries: 0,
      };
      line.contacts += 1;
      line.auditEntries += auditByContact.get(row.contact_id) ?? 0;
      companies.set(row.company_id, line);
    }
    return {
      olderThanYears,
      cutoff,
      dryRun,
      companies: [...companies.values()],
      totals: {
        companies: companies.size,
        contacts: contactIds.length,
        auditEntries: auditRows.length,
        deletedContactsAuditEntries: deletedRows.length,
        expiredIdempotencyKeys,
      },
    };
  }
}

/** The report in French, as the command prints it. */
export function formatRetentionReport(report: RetentionReport): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
  const lines = [
    `Conservation des renseignements personnels (Loi 25) : personnes-ressources des entreprises sans activité depuis ` +
      `${report.olderThanYears} ans (aucune activité depuis le ${report.cutoff}).`,
  ];
  if (report.dryRun) lines.push('Simulation (--dry-run) : rien n’a été modifié ; voici ce qui le serait.');
  lines.push('');
  if (report.companies.length === 0) lines.push('Aucune entreprise concernée.');
  for (const line of report.companies) {
    lines.push(
      `- ${line.legalName} (${line.neq ? `NEQ ${line.neq}, ` : ''}région ${line.regionCode}) : ` +
        `${plural(line.contacts, 'personne-ressource anonymisée', 'personnes-ressources anonymisées')}, ` +
        `${plural(line.auditEntries, 'entrée d’audit caviardée', 'entrées d’audit caviardées')}`,
    );
  }
  const { totals } = report;
  lines.push(
    '',
    `Total : ${plural(totals.companies, 'entreprise', 'entreprises')}, ` +
      `${plural(totals.contacts, 'personne-ressource anonymisée', 'personnes-ressources anonymisées')}, ` +
      `${plural(totals.auditEntries, 'entrée d’audit caviardée', 'entrées d’audit caviardées')}, ` +
      `${plural(totals.deletedContactsAuditEntries, 'entrée d’audit de personne-ressource supprimée caviardée', 'entrées d’audit de personnes-ressources supprimées caviardées')}.`,
  );
  if (totals.expiredIdempotencyKeys > 0) {
    lines.push(`Clés d’idempotence expirées supprimées (gardées un jour) : ${totals.expiredIdempotencyKeys}.`);
  }
  if (report.dryRun) lines.push('Simulation : aucune modification enregistrée.');
  return `${lines.join('\n')}\n`;
}
