import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdvisorsModule } from '../advisors/advisors.module.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { ReferenceDataModule } from '../reference-data/reference-data.module.js';
import { Accompaniment } from './accompaniment.entity.js';
import { AccompanimentRepository } from './accompaniment.repository.js';
import { AccompanimentsResolver } from './accompaniments.resolver.js';
import { AccompanimentsService } from './accompaniments.service.js';
import { CompanyAccompanimentsResolver } from './company-accompaniments.resolver.js';
import { Interaction } from './interaction.entity.js';
import { InteractionRepository } from './interaction.repository.js';
import { InteractionsResolver } from './interactions.resolver.js';
import { InteractionsService } from './interactions.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Accompaniment, Interaction]), CompaniesModule, AdvisorsModule, ReferenceDataModule],
  providers: [
    AccompanimentRepository,
    InteractionRepository,
    AccompanimentsService,
    InteractionsService,
    AccompanimentsResolver,
    InteractionsResolver,
    CompanyAccompanimentsResolver,
  ],
  exports: [AccompanimentsService, InteractionsService],
})
export class AccompanimentsModule {}
