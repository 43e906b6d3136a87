import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AdvisorsService } from '../advisors/advisors.service.js';
import { RequestContext } from '../auth/request-context.js';
import { AppConfig } from '../config/app-config.js';
import { DEMO_ADMIN_EMAIL } from '../demo/demo-data.js';
import { IdempotencyKeys } from '../database/idempotency.js';
import { withStartupLock } from '../database/startup-lock.js';
import { DemoDataService } from '../demo/demo-data.service.js';
import { seedReferenceData } from '../reference-data/reference-data.seeder.js';

/** What runs before the service accepts requests: migrations, reference data, bootstrap admin, demo data. */
@Injectable()
export class StartupService {
  private readonly logger = new Logger(StartupService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly advisors: AdvisorsService,
    private readonly demo: DemoDataService,
    private readonly idempotency: IdempotencyKeys,
  ) {}

  /** Under the start-up lock, so that instances started together on one database take turns. */
  async prepareDatabase(): Promise<void> {
    await withStartupLock(this.dataSource, () => this.prepare());
  }

  private async prepare(): Promise<void> {
    const applied = await this.dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) this.logger.log(`migrations applied: ${applied.map((m) => m.name).join(', ')}`);
    const seeded = await seedReferenceData(this.dataSource);
    if (seeded.regions + seeded.directions + seeded.servicePoints > 0) {
      this.logger.log(
        `reference data loaded: ${seeded.regions} regions, ${seeded.directions} directions, ${seeded.servicePoints} service points`,
      );
    }
    if (this.config.bootstrapAdminEmail) {
      await this.advisors.ensureAdmin(RequestContext.system('bootstrap-admin'), this.config.bootstrapAdminEmail);
    }
    if (this.config.demoData) await this.demo.loadIfEmpty();
    const expired = await this.idempotency.purgeExpired();
    if (expired > 0) this.logger.log(`expired idempotency keys purged: ${expired}`);
  }

  /** The administrator whose token the start-up banner shows. */
  get bannerAdminEmail(): string | undefined {
    return this.config.demoData ? DEMO_ADMIN_EMAIL : this.config.bootstrapAdminEmail;
  }
}
