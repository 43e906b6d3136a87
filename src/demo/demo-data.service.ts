import { Injectable, Logger } from '@nestjs/common';
import { Advisor } from '../advisors/advisor.entity.js';
import { AdvisorsService } from '../advisors/advisors.service.js';
import { RequestContext } from '../auth/request-context.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ServicePoint } from '../reference-data/service-point.entity.js';
import { DEMO_ADVISORS } from './demo-data.js';

/**
 * Loads the demo data set through the services (validated and audited like any change) when the database has
 * none of it yet. Run by `npm start` on the embedded database, or with DEMO_DATA=true.
 */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly advisors: AdvisorsService,
  ) {}

  async loadIfEmpty(): Promise<boolean> {
    const db = this.unitOfWork.manager;
    if (await db.exists(Advisor, { where: { email: DEMO_ADVISORS[1]!.email } })) return false;
    const ctx = RequestContext.system('demo-data');
    await this.unitOfWork.run(async () => {
      const points = await db.find(ServicePoint);
      for (const person of DEMO_ADVISORS) {
        const existing = await db.findOneBy(Advisor, { email: person.email });
        if (existing) continue;
        await this.advisors.createAdvisor(ctx, {
          email: person.email,
          fullName: person.fullName,
          role: person.role,
          regionCodes: person.regionCodes,
          directionCode: person.directionCode,
          servicePointId: points.find((p) => p.name === person.servicePoint)?.id,
        });
      }
    });
    this.logger.log(`demo data loaded: ${DEMO_ADVISORS.length} advisors`);
    return true;
  }
}
