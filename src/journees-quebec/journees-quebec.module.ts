import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdvisorsModule } from '../advisors/advisors.module.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { RecruitmentNeed } from '../recruitment-needs/recruitment-need.entity.js';
import { ReferenceDataModule } from '../reference-data/reference-data.module.js';
import { CompanyEventParticipationsResolver } from './company-event-participations.resolver.js';
import { EventParticipation } from './event-participation.entity.js';
import { EventParticipationRepository } from './event-participation.repository.js';
import { EventParticipationsResolver } from './event-participations.resolver.js';
import { EventParticipationsService } from './event-participations.service.js';
import { EventRegionSummaryResolver } from './event-summary.resolver.js';
import { JourneesQuebecEvent } from './journees-quebec-event.entity.js';
import { JourneesQuebecEventRepository } from './journees-quebec-event.repository.js';
import { JourneesQuebecEventsResolver } from './journees-quebec-events.resolver.js';
import { JourneesQuebecEventsService } from './journees-quebec-events.service.js';

/**
 * Journées Québec events and the companies taking part (docs/domain.md). Reads recruitment needs through their entity
 * only (the needs module does not depend on this one, nor this one on it).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([JourneesQuebecEvent, EventParticipation, RecruitmentNeed]),
    CompaniesModule,
    AdvisorsModule,
    ReferenceDataModule,
  ],
  providers: [
    JourneesQuebecEventRepository,
    EventParticipationRepository,
    JourneesQuebecEventsService,
    EventParticipationsService,
    JourneesQuebecEventsResolver,
    EventParticipationsResolver,
    EventRegionSummaryResolver,
    CompanyEventParticipationsResolver,
  ],
  exports: [JourneesQuebecEventsService, EventParticipationsService],
})
export class JourneesQuebecModule {}
