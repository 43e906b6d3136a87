import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * With an OpenID Connect provider, a person is the provider's issuer and subject (`iss`, `sub`), not an email
 * address: the first sign-in with a verified email links the advisor of that email to the token's issuer and
 * subject, and later sign-ins find the advisor by them, whatever the email claim says then. Unique, so that one
 * subject is one advisor; both set or both null.
 */
export class AdvisorIdentity1764911000000 implements MigrationInterface {
  name = 'AdvisorIdentity1764911000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE advisors
        ADD COLUMN identity_issuer  varchar(300),
        ADD COLUMN identity_subject varchar(255),
        ADD CONSTRAINT advisors_identity_complete CHECK ((identity_issuer IS NULL) = (identity_subject IS NULL))`);
    await db.query(`
      CREATE UNIQUE INDEX advisors_identity_key ON advisors (identity_issuer, identity_subject)
       WHERE identity_subject IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX advisors_identity_key`);
    await db.query(`
      ALTER TABLE advisors DROP CONSTRAINT advisors_identity_complete, DROP COLUMN identity_subject, DROP COLUMN identity_issuer`);
  }
}
