import 'reflect-metadata';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig, ConfigurationError } from '../config/app-config.js';
import { assertMigrated, MigrationsPendingError } from './cli-database.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { openDatabaseServer } from '../database/database-server.js';
import {
  CompanyImportError,
  DEFAULT_CONNECTIONS,
  defaultReportPath,
  importCompaniesFromCsv,
  type CompanyImportSummary,
  type ImportProgress,
} from '../companies/import/company-import.js';
import { createLogger } from '../logging/logger.js';
import { seedReferenceData } from '../reference-data/reference-data.seeder.js';

const USAGE = `Usage : npm run import:companies -- <fichier.csv> [--dry-run] [--region NN] [--report <erreurs.csv>]

  <fichier.csv>      modèle du projet (neq,legal_name,…,region_code) ou extrait du Registre des entreprises
                     (NEQ, NOM_ASSUJ, ADR_DOMCL_LIGN1_ADR…, COD_ACT_ECON_CAE), UTF-8, virgules ou points-virgules
  --dry-run          valide et compte ce qui serait inséré ou mis à jour, sans rien écrire
  --region NN        région (01 à 17) des lignes qui n’en ont pas ; une entreprise existante garde la sienne
  --report <f.csv>   rapport des lignes rejetées (par défaut : <fichier.csv>.errors.csv)`;

class UsageError extends Error {}

interface Arguments {
  file: string;
  dryRun: boolean;
  region: string | null;
  report: string;
}

/** `npm run` starts scripts in the project folder: paths are relative to where the command was typed. */
function userPath(path: string): string {
  return isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

function readArguments(argv: string[]): Arguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        region: { type: 'string' },
        report: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError('');
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'fichier CSV manquant' : 'un seul fichier à la fois');
  if (values.region !== undefined && !/^[0-9]{1,2}$/.test(values.region.trim())) {
    throw new UsageError(`--region ${values.region} : code de région attendu (01 à 17)`);
  }
  const file = userPath(positionals[0]!);
  return {
    file,
    dryRun: values['dry-run'],
    region: values.region?.trim() ?? null,
    report: values.report ? userPath(values.report) : defaultReportPath(file),
  };
}

const number = new Intl.NumberFormat('fr-CA');
const duration = (seconds: number) =>
  new Intl.NumberFormat('fr-CA', { maximumFractionDigits: seconds < 10 ? 2 : 1, minimumFractionDigits: 1 }).format(seconds);

/** A progress bar on a terminal; elsewhere (logs, CI) a plain line at each quarter of the file. */
function progressReporter(): { update(progress: ImportProgress): void; stop(): void } {
  if (process.stderr.isTTY) {
    let bar: cliProgress.SingleBar | null = null;
    return {
      update({ rowsRead, bytesRead, totalBytes }) {
        if (!bar) {
          bar = new cliProgress.SingleBar(
            {
              format: 'Import |{bar}| {percentage} % | {rows} lignes | écoulé {duration_formatted} | reste {eta_formatted}',
              stream: process.stderr,
              hideCursor: true,
              etaBuffer: 50,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(Math.max(totalBytes, 1), 0, { rows: '0' });
        }
        bar.update(Math.min(bytesRead, totalBytes), { rows: number.format(rowsRead) });
      },
      stop() {
        bar?.stop();
      },
    };
  }
  let shownQuarter = 0;
  return {
    update({ rowsRead, bytesRead, totalBytes }) {
      const quarter = totalBytes > 0 ? Math.floor((4 * bytesRead) / totalBytes) : 4;
      if (quarter > shownQuarter && quarter < 4) {
        shownQuarter = quarter;
        process.stderr.write(`import : ${quarter * 25} % du fichier lu, ${number.format(rowsRead)} lignes\n`);
      }
    },
    stop() {},
  };
}

function summaryText(summary: CompanyImportSummary): string {
  const seconds = summary.durationMs / 1000;
  const rate = seconds > 0 ? Math.round(summary.rowsRead / seconds) : summary.rowsRead;
  const format = summary.format === 'template' ? 'modèle du projet' : 'extrait du Registre des entreprises';
  const verbs = summary.dryRun
    ? { inserted: 'à insérer', updated: 'à mettre à jour' }
    : { inserted: 'insérées', updated: 'mises à jour' };
  const rows: [string, string][] = [
    ['lignes lues', number.format(summary.rowsRead)],
    [verbs.inserted, number.format(summary.inserted)],
    [verbs.updated, number.format(summary.updated)],
    ['inchangées', number.format(summary.unchanged)],
    ['rejetées', number.format(summary.rejected)],
    ['durée', `${duration(seconds)} s (${number.format(rate)} lignes/s)`],
    ['rapport des rejets', summary.reportPath],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    summary.dryRun
      ? `Simulation (--dry-run) de l’import de ${summary.file} (${format}) : rien n’a été écrit.`
      : `Import de ${summary.file} (${format}) terminé.`,
    ...rows.map(([label, value]) => `  ${label.padEnd(width)} : ${value}`),
  ].join('\n');
}

/** Imports companies from CSV, on DATABASE_URL or the project's embedded PostgreSQL. */
async function main(argv: string[]): Promise<void> {
  const args = readArguments(argv);
  // Before PostgreSQL is started: a mistyped path should not cost a server start.
  await access(args.file, constants.R_OK).catch((error: NodeJS.ErrnoException) => {
    throw new CompanyImportError(`fichier illisible : ${args.file} (${error.code ?? String(error)})`);
  });
  const config = AppConfig.fromEnvironment();
  const server = await openDatabaseServer(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  let pool: pg.Pool | null = null;
  try {
    const dataSource = new DataSource({ ...dataSourceOptions(server.urls), logging: ['error'], extra: { max: 1 } });
    await dataSource.initialize();
    try {
      await assertMigrated(dataSource);
      if (!args.dryRun) {
        // The same idempotent step as the service's start-up: the regions the rows refer to must exist.
        const seeded = await seedReferenceData(dataSource);
        if (seeded.regions > 0) process.stderr.write(`données de référence chargées : ${seeded.regions} régions\n`);
      }
    } finally {
      await dataSource.destroy();
    }
    pool = new pg.Pool({ connectionString: server.urls.url, max: DEFAULT_CONNECTIONS, application_name: 'crm-import-companies' });
    const progress = progressReporter();
    let summary: CompanyImportSummary;
    try {
      summary = await importCompaniesFromCsv(pool, args.file, {
        dryRun: args.dryRun,
        defaultRegion: args.region,
        reportPath: args.report,
        onProgress: (p) => progress.update(p),
      });
    } finally {
      progress.stop();
    }
    process.stdout.write(`${summaryText(summary)}\n`);
  } finally {
    await pool?.end();
    await server.stop();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message ? `${error.message}\n\n` : ''}${USAGE}\n`);
    process.exit(error.message ? 2 : 0);
  }
  const message =
    error instanceof ConfigurationError
      ? `Configuration invalide — ${error.message}`
      : error instanceof CompanyImportError || error instanceof MigrationsPendingError
        ? `Import impossible — ${error.message}`
        : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
