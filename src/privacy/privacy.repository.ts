import { Injectable } from '@nestjs/common';
import { TIME_ZONE } from '../common/calendar.js';
import { UnitOfWork } from '../database/unit-of-work.js';

export interface RetentionCandidate {
  contact_id: string;
  company_id: string;
  legal_name: string;
  neq: string | null;
  region_code: string;
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

/** The statements of the Loi 25 retention job (see PrivacyRetentionService). */
@Injectable()
export class PrivacyRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get db() {
    return this.unitOfWork.manager;
  }

  /** `olderThanYears` before `today`. */
  async cutoff(today: string, olderThanYears: number): Promise<string> {
    const [row] = (await this.db.query(`SELECT ($1::date - make_interval(years => $2::int))::date::text AS cutoff`, [
      today,
      olderThanYears,
    ])) as [{ cutoff: string }];
    return row.cutoff;
  }

  /** Contacts of companies without activity since `cutoff`, locked when `lock` (see CANDIDATES). */
  candidates(cutoff: string, lock: boolean): Promise<RetentionCandidate[]> {
    return this.db.query(`${CANDIDATES}${lock ? ' FOR UPDATE OF cc' : ''}`, [cutoff]);
  }

  /** Audit rows of these contacts that still hold one of `fields` (neither null nor `marker`). */
  auditRowsHolding(contactIds: string[], fields: readonly string[], marker: string): Promise<{ id: string; entity_id: string }[]> {
    return this.db.query(
      `SELECT a.id, a.entity_id FROM audit_log a
        WHERE a.entity_type = 'CompanyContact' AND a.entity_id = ANY($1::text[])
          AND (${holdsPersonalValue('a.before')} OR ${holdsPersonalValue('a.after')})`,
      [contactIds, fields, marker],
    );
  }

  /** Audit rows still holding one of `fields` of contacts deleted before `cutoff` (their snapshots remain). */
  deletedContactsAuditRows(cutoff: string, fields: readonly string[], marker: string): Promise<{ id: string }[]> {
    return this.db.query(
      `SELECT a.id FROM audit_log a
        WHERE a.entity_type = 'CompanyContact'
          AND a.entity_id IN (SELECT d.entity_id FROM audit_log d
                               WHERE d.entity_type = 'CompanyContact' AND d.action = 'delete' AND d.occurred_at < ${CUTOFF_TS})
          AND NOT EXISTS (SELECT 1 FROM company_contacts cc WHERE cc.id::text = a.entity_id)
          AND (${holdsPersonalValue('a.before')} OR ${holdsPersonalValue('a.after')})`,
      [cutoff, fields, marker],
    );
  }

  /** Replaces the contacts' personal information by neutral values (the rows, ids and timestamps stay). */
  async anonymize(contactIds: string[], names: { firstName: string; lastName: string }): Promise<void> {
    await this.db.query(
      `UPDATE company_contacts
          SET first_name = $2, last_name = $3, title = NULL, email = NULL, phone = NULL,
              anonymized_at = now(), version = version + 1, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND anonymized_at IS NULL`,
      [contactIds, names.firstName, names.lastName],
    );
  }
}
