import { Injectable, Logger } from '@nestjs/common';
import { AccompanimentsService } from '../accompaniments/accompaniments.service.js';
import { InteractionsService } from '../accompaniments/interactions.service.js';
import { ClosingOutcome, InteractionKind, InteractionMode } from '../accompaniments/accompaniment.enums.js';
import { Advisor } from '../advisors/advisor.entity.js';
import { AdvisorsService } from '../advisors/advisors.service.js';
import { ActorDirectory } from '../auth/actor-directory.js';
import { RequestContext } from '../auth/request-context.js';
import { addDays, todayInQuebec } from '../common/calendar.js';
import { CompaniesService } from '../companies/companies.service.js';
import { CompanyContactsService } from '../companies/company-contacts.service.js';
import { Company } from '../companies/company.entity.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ServicePoint } from '../reference-data/service-point.entity.js';
import { DEMO_ADVISORS, DEMO_COMPANIES } from './demo-data.js';

const INTERACTIONS: { kind: InteractionKind; mode: InteractionMode; minutes: number; summary: string }[] = [
  { kind: InteractionKind.MEETING, mode: InteractionMode.IN_PERSON, minutes: 90, summary: 'Rencontre de démarrage : portrait des besoins de main-d’œuvre et des postes difficiles à pourvoir.' },
  { kind: InteractionKind.CALL, mode: InteractionMode.PHONE, minutes: 30, summary: 'Suivi téléphonique : présentation du Portail employeurs et des Journées Québec.' },
  { kind: InteractionKind.EMAIL, mode: InteractionMode.EMAIL, minutes: 15, summary: 'Envoi de la documentation sur les démarches d’immigration temporaire.' },
  { kind: InteractionKind.SITE_VISIT, mode: InteractionMode.IN_PERSON, minutes: 120, summary: 'Visite de l’entreprise : accueil et intégration des nouveaux travailleurs.' },
];

/**
 * Loads the demo data set through the services (validated and audited like any change) when the database has
 * no company yet: a small team of advisors, and companies of Laval, Montréal, Centre-du-Québec and
 * Abitibi-Témiscamingue with contacts, files at various stages and their interactions.
 */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly advisors: AdvisorsService,
    private readonly actors: ActorDirectory,
    private readonly companies: CompaniesService,
    private readonly contacts: CompanyContactsService,
    private readonly files: AccompanimentsService,
    private readonly interactions: InteractionsService,
  ) {}

  async loadIfEmpty(): Promise<boolean> {
    if (await this.unitOfWork.manager.exists(Company, {})) return false;
    await this.unitOfWork.run(async () => {
      await this.loadAdvisors();
      await this.loadCompanies();
    });
    this.logger.log(`demo data loaded: ${DEMO_ADVISORS.length} advisors, ${DEMO_COMPANIES.length} companies with files`);
    return true;
  }

  private async loadAdvisors(): Promise<void> {
    const db = this.unitOfWork.manager;
    const ctx = RequestContext.system('demo-data');
    const points = await db.find(ServicePoint);
    for (const person of DEMO_ADVISORS) {
      if (await db.exists(Advisor, { where: { email: person.email } })) continue;
      await this.advisors.createAdvisor(ctx, {
        email: person.email,
        fullName: person.fullName,
        role: person.role,
        regionCodes: person.regionCodes,
        directionCode: person.directionCode,
        servicePointId: points.find((p) => p.name === person.servicePoint)?.id,
      });
    }
  }

  /** Each company is registered, given a contact and a file, by the advisor who leads the file. */
  private async loadCompanies(): Promise<void> {
    const today = todayInQuebec();
    const day = (daysAgo: number) => addDays(today, -daysAgo);
    for (const demo of DEMO_COMPANIES) {
      const actor = await this.actors.findActiveByEmail(demo.file.advisor);
      if (!actor) throw new Error(`demo advisor ${demo.file.advisor} is missing`);
      const ctx = new RequestContext(actor, 'system:demo-data');
      const company = await this.companies.createCompany(ctx, {
        legalName: demo.legalName,
        neq: demo.neq,
        naicsCode: demo.naicsCode,
        sizeBand: demo.sizeBand,
        municipality: demo.municipality,
        postalCode: demo.postalCode,
        regionCode: demo.regionCode,
        confirmNotDuplicate: true,
      });
      await this.contacts.addContact(ctx, { companyId: company.id, ...demo.contact });
      const file = await this.files.openAccompaniment(ctx, {
        companyId: company.id,
        serviceLevel: demo.file.serviceLevel,
        themes: demo.file.themes,
        openedOn: day(demo.file.openedDaysAgo),
      });
      for (const [i, daysAgo] of demo.file.interactionsDaysAgo.entries()) {
        const template = INTERACTIONS[i % INTERACTIONS.length]!;
        await this.interactions.logInteraction(ctx, {
          accompanimentId: file.id,
          occurredOn: day(daysAgo),
          kind: template.kind,
          mode: template.mode,
          durationMinutes: template.minutes,
          summary: template.summary,
        });
      }
      if (demo.file.onHoldDaysAgo !== undefined) {
        await this.files.putOnHold(ctx, { id: file.id, on: day(demo.file.onHoldDaysAgo) });
      }
      if (demo.file.closedDaysAgo !== undefined) {
        await this.files.close(ctx, { id: file.id, closedOn: day(demo.file.closedDaysAgo), outcome: ClosingOutcome.NEEDS_MET });
      }
    }
  }
}
