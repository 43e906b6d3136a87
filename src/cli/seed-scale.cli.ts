import 'reflect-metadata';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { DataSource } from 'typeorm';
import { AppConfig, ConfigurationError } from '../config/app-config.js';
import { assertMigrated, MigrationsPendingError } from './cli-database.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { openDatabaseServer } from '../database/database-server.js';
import { createLogger } from '../logging/logger.js';
import { seedReferenceData } from '../reference-data/reference-data.seeder.js';
import {
  DEFAULT_SCALE_SEED,
  defaultSizes,
  ScaleSeedError,
  seedAtScale,
  type ScaleOptions,
  type ScaleProgress,
  type ScaleSummary,
} from '../scale/scale-seeder.js';

const USAGE = `Usage : npm run seed:scale -- --companies N --files N --interactions N [options]

  --companies N        entreprises (ex. 100000)
  --files N            dossiers d'accompagnement (ex. 1000000)
  --interactions N     interventions (ex. 5000000)
  --needs N            besoins de main-d'œuvre (par défaut : 35 % des entreprises)
  --participations N   participations aux Journées Québec (par défaut : 3,5 % des entreprises)
  --referrals N        référencements au Portail employeurs, au plus (par défaut : 12 % des entreprises)
  --seed N             graine du générateur (par défaut : ${DEFAULT_SCALE_SEED}) ; même graine, mêmes données
  --today AAAA-MM-JJ   date du jour des données (par défaut : aujourd'hui au Québec)
  --force-empty        vide d'abord les tables de données (jamais les régions, directions et points de services)

Données synthétiques, sans historique : aucune ligne d'audit n'est écrite. Refuse une base qui contient déjà des
entreprises, sauf avec --force-empty.`;

class UsageError extends Error {}

function readArguments(argv: string[]): ScaleOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        companies: { type: 'string' },
        files: { type: 'string' },
        interactions: { type: 'string' },
        needs: { type: 'string' },
        participations: { type: 'string' },
        referrals: { type: 'string' },
        seed: { type: 'string' },
        today: { type: 'string' },
        'force-empty': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) throw new UsageError('');
  const count = (name: string, text: string | undefined, required: boolean): number | undefined => {
    if (text === undefined) {
      if (required) throw new UsageError(`--${name} manquant`);
      return undefined;
    }
    const cleaned = text.replace(/[\s_]/g, '');
    if (!/^[0-9]+$/.test(cleaned)) throw new UsageError(`--${name} ${text} : nombre entier attendu`);
    return Number(cleaned);
  };
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
    throw new UsageError(`--today ${values.today} : date AAAA-MM-JJ attendue`);
  }
  return {
    companies: count('companies', values.companies, true)!,
    files: count('files', values.files, true)!,
    interactions: count('interactions', values.interactions, true)!,
    needs: count('needs', values.needs, false),
    participations: count('participations', values.participations, false),
    referrals: count('referrals', values.referrals, false),
    seed: count('seed', values.seed, false),
    today: values.today,
    forceEmpty: values['force-empty'],
  };
}

const number = new Intl.NumberFormat('fr-CA');
const seconds = (ms: number) => new Intl.NumberFormat('fr-CA', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ms / 1000);
const rate = (rows: number, ms: number) => (ms > 0 ? number.format(Math.round((rows * 1000) / ms)) : '—');

const TABLE_LABELS: Record<string, string> = {
  advisors: 'conseillers',
  advisor_regions: 'régions des conseillers',
  companies: 'entreprises',
  accompaniments: 'dossiers',
  interactions: 'interventions',
  recruitment_needs: 'besoins de main-d’œuvre',
  journees_quebec_events: 'Journées Québec',
  event_participations: 'participations',
  event_participation_needs: 'besoins des participations',
  portail_referrals: 'référencements Portail',
  COMMIT: 'validation (COMMIT)',
  ANALYZE: 'statistiques (ANALYZE)',
};

/** One bar per table on a terminal; elsewhere a line when each table is loaded. */
function progressReporter(): { update(progress: ScaleProgress): void; stop(): void } {
  if (process.stderr.isTTY) {
    let bar: cliProgress.SingleBar | null = null;
    let current = '';
    return {
      update({ table, done, total }) {
        if (table !== current) {
          bar?.stop();
          current = table;
          bar = new cliProgress.SingleBar(
            {
              format: `${(TABLE_LABELS[table] ?? table).padEnd(26)} |{bar}| {percentage} % | {value}/{total} | écoulé {duration_formatted} | reste {eta_formatted}`,
              stream: process.stderr,
              hideCursor: true,
              etaBuffer: 100,
              formatValue: (value, _options, type) => (type === 'value' || type === 'total' ? number.format(value) : String(value)),
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(Math.max(total, 1), 0);
        }
        bar!.update(Math.min(done, Math.max(total, 1)));
      },
      stop() {
        bar?.stop();
      },
    };
  }
  let current = '';
  return {
    update({ table, done, total }) {
      if (table !== current && done === 0) current = table;
      if (done >= total && table !== '') {
        if (current === `${table}:done`) return;
        current = `${table}:done`;
        process.stderr.write(`${TABLE_LABELS[table] ?? table} : ${number.format(done)} ligne(s)\n`);
      }
    },
    stop() {},
  };
}

function summaryText(summary: ScaleSummary): string {
  const rows = summary.tables
    .filter((t) => t.table !== 'COMMIT')
    .map((t) => [`${TABLE_LABELS[t.table] ?? t.table} (${t.table})`, number.format(t.rows), `${seconds(t.durationMs)} s`, `${rate(t.rows, t.durationMs)} lignes/s`]);
  const commit = summary.tables.find((t) => t.table === 'COMMIT');
  if (commit) rows.push([TABLE_LABELS.COMMIT!, '', `${seconds(commit.durationMs)} s`, '']);
  rows.push([TABLE_LABELS.ANALYZE!, '', `${seconds(summary.analyzeMs)} s`, '']);
  rows.push(['total', number.format(summary.totalRows), `${seconds(summary.durationMs)} s`, `${rate(summary.totalRows, summary.durationMs)} lignes/s`]);
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  const lines = rows.map((r) => `  ${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padStart(widths[1]!)}  ${r[2]!.padStart(widths[2]!)}  ${r[3]!.padStart(widths[3]!)}`);
  return [
    `Données synthétiques chargées (graine ${summary.seed}, aujourd’hui = ${summary.today})` +
      (summary.truncated ? ', après avoir vidé les tables de données.' : '.'),
    ...lines,
    'Aucune ligne d’audit : ces données n’ont pas d’historique (journal d’audit vide pour elles).',
  ].join('\n');
}

/** Loads benchmark data, on DATABASE_URL or the project's embedded PostgreSQL. */
async function main(argv: string[]): Promise<void> {
  const options = readArguments(argv);
  const config = AppConfig.fromEnvironment();
  const server = await openDatabaseServer(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  try {
    const dataSource = new DataSource({ ...dataSourceOptions(server.urls), logging: ['error'], extra: { max: 1 } });
    await dataSource.initialize();
    try {
      await assertMigrated(dataSource);
      // The same idempotent step as the service's start-up: directions, regions and service points.
      const seeded = await seedReferenceData(dataSource);
      if (seeded.regions > 0) process.stderr.write(`données de référence chargées : ${seeded.regions} régions\n`);
    } finally {
      await dataSource.destroy();
    }
    const sizes = { ...defaultSizes(options.companies), ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
    process.stderr.write(
      `génération : ${number.format(options.companies)} entreprises, ${number.format(options.files)} dossiers, ` +
        `${number.format(options.interactions)} interventions, ${number.format(sizes.needs)} besoins, ` +
        `${number.format(sizes.participations)} participations, ${number.format(sizes.referrals)} référencements au plus\n`,
    );
    const progress = progressReporter();
    let summary: ScaleSummary;
    try {
      summary = await seedAtScale(server.urls.url, options, (p) => progress.update(p));
    } finally {
      progress.stop();
    }
    process.stdout.write(`${summaryText(summary)}\n`);
  } finally {
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
      : error instanceof ScaleSeedError || error instanceof MigrationsPendingError
        ? `Chargement refusé — ${error.message}`
        : `Chargement interrompu (rien n’a été validé) — ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
