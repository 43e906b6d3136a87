import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Loi 25 duties on contacts' personal information. `personal_information_access_log`: one row per contact whose
 * personal fields were returned to a client (who, when, which contact, through which field and operation). It has
 * no foreign key to the contact or its company on purpose: the trace outlives a deleted contact. The advisor
 * reference stays (advisors are deactivated, never deleted). `company_contacts.anonymized_at`: when retention
 * replaced the contact's personal information with neutral values (null: never).
 */
export class PersonalInformation1764300000000 implements MigrationInterface {
  name = 'PersonalInformation1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE personal_information_access_log (
        id             bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        accessed_at    timestamptz  NOT NULL DEFAULT clock_timestamp(),
        advisor_id     uuid         REFERENCES advisors (id),
        contact_id     uuid         NOT NULL,
        company_id     uuid         NOT NULL,
        via            varchar(120) NOT NULL,
        path           varchar(300) NOT NULL,
        operation_name varchar(100),
        request_id     varchar(100)
      )`);
    await db.query(`CREATE INDEX personal_information_access_log_contact_idx ON personal_information_access_log (contact_id, id)`);
    await db.query(`CREATE INDEX personal_information_access_log_advisor_idx ON personal_information_access_log (advisor_id, id)`);
    await db.query(`CREATE INDEX personal_information_access_log_accessed_at_idx ON personal_information_access_log (accessed_at)`);
    await db.query(`ALTER TABLE company_contacts ADD COLUMN anonymized_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE company_contacts DROP COLUMN anonymized_at`);
    await db.query(`DROP TABLE personal_information_access_log`);
  }
}
