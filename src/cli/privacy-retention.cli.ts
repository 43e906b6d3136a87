import { AuditService } from '../audit/audit.service.js';
import { AppConfig } from '../config/app-config.js';
import { IdempotencyKeys } from '../database/idempotency.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { formatRetentionReport, PrivacyRetentionService } from '../privacy/privacy-retention.service.js';
import { PrivacyRepository } from '../privacy/privacy.repository.js';
import { fail, parseOptions, withCliDatabase } from './cli-database.js';

const USAGE = 'Usage : npm run privacy:retention -- [--older-than-years N] [--dry-run]   (N par défaut : PRIVACY_RETENTION_YEARS)';

/**
 * Loi 25 retention: anonymizes the contacts of companies without activity for N years and redacts them in the
 * audit trail (see PrivacyRetentionService), then prints what it did, in French. `--dry-run` changes nothing.
 */
async function main(args: string[]): Promise<void> {
  const { options, positional } = parseOptions(args);
  const years = options.get('older-than-years');
  const unknown = [...options.keys()].filter((key) => key !== 'older-than-years' && key !== 'dry-run');
  if (
    positional.length > 0 ||
    unknown.length > 0 ||
    (options.has('dry-run') && options.get('dry-run') !== true) ||
    (years !== undefined && (typeof years !== 'string' || !/^\d+$/.test(years) || Number(years) < 1 || Number(years) > 100))
  ) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const olderThanYears = typeof years === 'string' ? Number(years) : AppConfig.fromEnvironment().privacyRetentionYears;
  await withCliDatabase(async (dataSource) => {
    const unitOfWork = new UnitOfWork(dataSource);
    const retention = new PrivacyRetentionService(unitOfWork, new PrivacyRepository(unitOfWork), new AuditService(unitOfWork), new IdempotencyKeys(unitOfWork));
    const report = await retention.run({ olderThanYears, dryRun: options.get('dry-run') === true });
    process.stdout.write(formatRetentionReport(report));
  });
}

main(process.argv.slice(2)).catch((error: unknown) => fail(error));
