import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { TIME_ZONE, todayInQuebec } from '../common/calendar.js';

/** What retention writes in place of a contact's personal information. */
export const ANONYMIZED_CONTACT = { firstName: 'Personne-ressource', lastName: 'anonymisée' } as const;
/** What replaces a personal value in the audit trail's before/after snapshots. */
export const REDACTED = '[anonymisé]';
/** The personal fields of a contact, as the audit snapshots name them. */
import { IDEMPOTENCY_KEY_LIFETIME } from '../database/idempotency.js';

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

// Timestamps are compared with the start of the cutoff day in Québec.
const CUTOFF_TS = `($1::date::timestamp AT TIME ZONE '${TIME_ZONE}')`;

/**
 * Contacts (not yet anonymized) of companies without activity since the cutoff ($1). A company has activity when
 * one of these falls on or after the cutoff, or is still ongoing:
 * - an accompaniment file opened, closed or changing status (or still OPEN / ON_HOLD);
 * - an interaction on one of its files;
 * - a recruitment need opened or closed (or still open);
 * - a Portail employeurs referral made, changing step or ended (or still open);
 * - a Journées Québec participation registered, or its event ending;
 * - one of its (non-anonymized) contacts created or changed: the information was collected or confirmed then.
 */
const CANDIDATES = `
  SELECT cc.id AS contact_id, c.id AS company_id, c.legal_name, c.neq, c.region_code
    FROM company_contacts cc
    JOIN companies c ON c.id = cc.company_id
   WHERE cc.anonymized_at IS NULL
     AND NOT EXISTS (SELECT 1 FROM accompaniments a WHERE a.company_id = c.id
                        AND (a.status <> 'CLOSED' OR a.opened_on >= $1::date OR a.closed_on >= $1::date
                             OR a.status_changed_on >= $1::date))
     AND NOT EXISTS (SELECT 1 FROM interactions i JOIN accompaniments a ON a.id = i.accompaniment_id
                      WHERE a.company_id = c.id AND i.occurred_on >= $1::date)
     AND NOT EXISTS (SELECT 1 FROM recruitment_needs n WHERE n.company_id = c.id
                        AND (n.closed_on IS NULL OR n.opened_on >= $1::date OR n.closed_on >= $1::date))
     AND NOT EXISTS (SELECT 1 FROM portail_referrals r WHERE r.company_id = c.id
                        AND (r.step NOT IN ('HIRED', 'DECLINED', 'ABANDONED') OR r.referred_on >= $1::date
                             OR r.step_changed_on >= $1::date OR r.ended_on >= $1::date))
     AND NOT EXISTS (SELECT 1 FROM event_participations p JOIN journees_quebec_events e ON e.id = p.event_id
                      WHERE p.company_id = c.id AND (p.registered_on >= $1::date OR e.ends_on >= $1::date))
     AND NOT EXISTS (SELECT 1 FROM company_contacts recent WHERE recent.company_id = c.id
                        AND recent.anonymized_at IS NULL
                        AND (recent.created_at >= ${CUTOFF_TS} OR recent.updated_at >= ${CUTOFF_TS}))
   ORDER BY c.legal_name, c.id, cc.id`;

/** An audit snapshot still holding a personal value (neither null nor already redacted). */
const holdsPersonalValue = (column: string) =>
  `EXISTS (SELECT 1 FROM jsonb_each(coalesce(${column}, '{}'::jsonb)) AS e
            WHERE e.key = ANY($2::text[]) AND e.value NOT IN ('null'::jsonb, to_jsonb($3::text)))`;

/** The same snapshot with every personal value replaced by the redaction marker (null values stay null). */
const redacted = (column: string) =>
  `CASE WHEN ${column} IS NULL THEN NULL ELSE coalesce((
     SELECT jsonb_object_agg(e.key, CASE WHEN e.key = ANY($2::text[]) AND e.value <> 'null'::jsonb
                                         THEN to_jsonb($3::text) ELSE e.value END)
       FROM jsonb_each(${column}) AS e), '{}'::jsonb) END`;

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
  constructor(private readonly dataSource: DataSource) {}

  run(options: RetentionOptions): Promise<RetentionReport> {
    return this.dataSource.transaction((db) => this.apply(db, options));
  }

  private async apply(db: EntityManager, { olderThanYears, dryRun, today }: RetentionOptions): Promise<RetentionReport> {
    if (!Number.isInteger(olderThanYears) || olderThanYears < 1) throw new Error('olderThanYears must be a positive integer');
    const [{ cutoff }] = (await db.query(`SELECT ($1::date - make_interval(years => $2::int))::date::text AS cutoff`, [
      today ?? todayInQuebec(),
      olderThanYears,
    ])) as [{ cutoff: string }];
    const candidates = (await db.query(`${CANDIDATES}${dryRun ? '' : ' FOR UPDATE OF cc'}`, [cutoff])) as {
      contact_id: string;
      company_id: string;
      legal_name: string;
      neq: string | null;
      region_code: string;
    }[];
    const contactIds = candidates.map((row) => row.contact_id);
    const redaction = [[...CONTACT_PERSONAL_FIELDS], REDACTED];

    // Audit rows of the contacts being anonymized that still hold a personal value.
    const auditRows = (await db.query(
      `SELECT a.id, a.entity_id FROM audit_log a
        WHERE a.entity_type = 'CompanyContact' AND a.entity_id = ANY($1::text[])
          AND (${holdsPersonalValue('a.before')} OR ${holdsPersonalValue('a.after')})`,
      [contactIds, ...redaction],
    )) as { id: string; entity_id: string }[];
    // Audit rows of contacts deleted before the cutoff (the contact row is gone, its snapshots remain).
    const deletedRows = (await db.query(
      `SELECT a.id FROM audit_log a
        WHERE a.entity_type = 'CompanyContact'
          AND a.entity_id IN (SELECT d.entity_id FROM audit_log d
                               WHERE d.entity_type = 'CompanyContact' AND d.action = 'delete' AND d.occurred_at < ${CUTOFF_TS})
          AND NOT EXISTS (SELECT 1 FROM company_contacts cc WHERE cc.id::text = a.entity_id)
          AND (${holdsPersonalValue('a.before')} OR ${holdsPersonalValue('a.after')})`,
      [cutoff, ...redaction],
    )) as { id: string }[];

    const [{ n: expiredIdempotencyKeys }] = (await db.query(
      `SELECT count(*)::int AS n FROM idempotency_keys WHERE created_at < now() - interval '${IDEMPOTENCY_KEY_LIFETIME}'`,
    )) as [{ n: number }];
    if (!dryRun) {
      await db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '${IDEMPOTENCY_KEY_LIFETIME}'`);
      if (contactIds.length > 0) {
        await db.query(
          `UPDATE company_contacts
              SET first_name = $2, last_name = $3, title = NULL, email = NULL, phone = NULL,
                  anonymized_at = now(), version = version + 1, updated_at = now()
            WHERE id = ANY($1::uuid[]) AND anonymized_at IS NULL`,
          [contactIds, ANONYMIZED_CONTACT.firstName, ANONYMIZED_CONTACT.lastName],
        );
      }
      const redactIds = [...auditRows.map((row) => row.id), ...deletedRows.map((row) => row.id)];
      if (redactIds.length > 0) {
        await db.query(
          `UPDATE audit_log a SET before = ${redacted('a.before')}, after = ${redacted('a.after')} WHERE a.id = ANY($1::bigint[])`,
          [redactIds, ...redaction],
        );
      }
      if (contactIds.length > 0) {
        await db.query(
          `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, before, after, request_id)
           SELECT NULL, 'anonymize', 'CompanyContact', id::text, NULL,
                  jsonb_build_object('anonymized', true, 'olderThanYears', $2::int, 'cutoff', $3::text),
                  'system:privacy-retention'
             FROM unnest($1::uuid[]) AS id`,
          [contactIds, olderThanYears, cutoff],
        );
      }
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
