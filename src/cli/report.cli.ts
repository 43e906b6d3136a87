import { todayInQuebec } from '../common/calendar.js';
import { resolvePeriod } from '../common/period.js';
import { DomainError, BadUserInputError } from '../errors/domain.errors.js';
import { translate } from '../i18n/messages.js';
import { EmployerCountsService } from '../reporting/employer-counts.service.js';
import { RegionalReportService } from '../reporting/regional-report.service.js';
import { ReportingRepository } from '../reporting/reporting.repository.js';
import { fail, parseOptions, withCliDatabase } from './cli-database.js';

const USAGE = `Usage : npm run report -- --region <01..17> (--fiscal-year 2020-2021 | --from AAAA-MM-JJ --to AAAA-MM-JJ | --since-deployment) [--format md|json]`;

/** Writes a region's "Bilan des réalisations" to standard output, in Markdown (default) or JSON. */
async function main(args: string[]): Promise<void> {
  const { options } = parseOptions(args);
  const region = options.get('region');
  const format = options.get('format') ?? 'md';
  if (typeof region !== 'string' || !/^(0[1-9]|1[0-7])$/.test(region) || (format !== 'md' && format !== 'json')) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const text = (key: string) => (typeof options.get(key) === 'string' ? (options.get(key) as string) : undefined);
  let period;
  try {
    period = resolvePeriod(
      { fiscalYear: text('fiscal-year'), from: text('from'), to: text('to'), sinceDeployment: options.get('since-deployment') === true },
      todayInQuebec(),
    );
  } catch (error) {
    if (error instanceof BadUserInputError) {
      process.stderr.write(`${error.fields.map((f) => `${f.field} : ${translate(f.message, 'fr', f.params)}`).join('\n')}\n${USAGE}\n`);
      process.exit(2);
    }
    throw error;
  }
  await withCliDatabase(async (dataSource) => {
    const db = new ReportingRepository(dataSource);
    const report = await new RegionalReportService(db, new EmployerCountsService(db)).build(region, period);
    process.stdout.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : report.markdown);
  });
}

main(process.argv.slice(2)).catch((error: unknown) =>
  fail(error instanceof DomainError ? new Error(translate(error.messageKey, 'fr', error.params)) : error),
);
