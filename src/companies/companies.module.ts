import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReferenceDataModule } from '../reference-data/reference-data.module.js';
import { CompaniesResolver } from './companies.resolver.js';
import { CompaniesService } from './companies.service.js';
import { CompanyContact } from './company-contact.entity.js';
import { CompanyContactRepository } from './company-contact.repository.js';
import { CompanyContactsResolver } from './company-contacts.resolver.js';
import { CompanyContactsService } from './company-contacts.service.js';
import { Company } from './company.entity.js';
import { CompanyRepository } from './company.repository.js';

@Module({
  imports: [TypeOrmModule.forFeature([Company, CompanyContact]), ReferenceDataModule],
  providers: [CompanyRepository, CompanyContactRepository, CompaniesService, CompanyContactsService, CompaniesResolver, CompanyContactsResolver],
  exports: [CompaniesService, CompanyContactsService],
})
export class CompaniesModule {}
