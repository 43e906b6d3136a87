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
import { EventParticipationsService } from '../journees-quebec/event-participations.service.js';
import { EventMode, EventStatus } from '../journees-quebec/journees-quebec.enums.js';
import { JourneesQuebecEventsService } from '../journees-quebec/journees-quebec-events.service.js';
import { PortailReferralsService } from '../portail-referrals/portail-referrals.service.js';
import { PortailReferralStep } from '../portail-referrals/portail-referral.enums.js';
import { EmploymentType } from '../recruitment-needs/recruitment-need.enums.js';
import { RecruitmentNeedsService } from '../recruitment-needs/recruitment-needs.service.js';
import { DEMO_ADVISORS, DEMO_COMPANIES, DEMO_EVENT_OUTCOMES, DEMO_NEEDS, DEMO_REFERRALS } from './demo-data.js';

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
    private readonly needs: RecruitmentNeedsService,
    private readonly events: JourneesQuebecEventsService,
    private readonly participations: EventParticipationsService,
    private readonly referrals: PortailReferralsService,
  ) {}

  async loadIfEmpty(): Promise<boolean> {
    if (await this.unitOfWork.manager.exists(Company, {})) return false;
    await this.unitOfWork.run(async () => {
      await this.loadAdvisors();
      await this.loadCompanies();
      const needs = await this.loadNeeds();
      await this.loadEvents(needs);
      await this.loadReferrals();
    });
    this.logger.log(
      `demo data loaded: ${DEMO_ADVISORS.length} advisors, ${DEMO_COMPANIES.length} companies with files, ` +
        `${DEMO_NEEDS.length} recruitment needs, 2 Journées Québec, ${DEMO_REFERRALS.length} Portail referrals`,
    );
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

  /** The context of the advisor who leads the demo company's file (who records its needs and referrals). */
  private async advisorOf(neq: string): Promise<{ ctx: RequestContext; companyId: string }> {
    const demo = DEMO_COMPANIES.find((c) => c.neq === neq)!;
    const actor = await this.actors.findActiveByEmail(demo.file.advisor);
    const company = await this.unitOfWork.manager.findOneByOrFail(Company, { neq });
    return { ctx: new RequestContext(actor!, 'system:demo-data'), companyId: company.id };
  }

  /** Recruitment needs, some partly or wholly filled; returns the need ids by company NEQ. */
  private async loadNeeds(): Promise<Map<string, string[]>> {
    const day = (daysAgo: number) => addDays(todayInQuebec(), -daysAgo);
    const byCompany = new Map<string, string[]>();
    for (const demo of DEMO_NEEDS) {
      const { ctx, companyId } = await this.advisorOf(demo.neq);
      const need = await this.needs.createRecruitmentNeed(ctx, {
        companyId,
        nocCode: demo.nocCode,
        title: demo.title,
        positions: demo.positions,
        employmentType: EmploymentType.PERMANENT,
        hourlyWage: demo.hourlyWage,
        channels: demo.channels,
        openedOn: day(demo.openedDaysAgo),
      });
      if (demo.filled > 0) {
        await this.needs.recordPositionsFilled(ctx, { id: need.id, positionsFilled: demo.filled, on: day(Math.max(demo.openedDaysAgo - 30, 0)) });
      }
      byCompany.set(demo.neq, [...(byCompany.get(demo.neq) ?? []), need.id]);
    }
    return byCompany;
  }

  /**
   * Two Journées Québec: a virtual one held today, where three companies met candidates and made offers, and one
   * in Tunis whose registration closes in ten days.
   */
  private async loadEvents(needs: Map<string, string[]>): Promise<void> {
    const today = todayInQuebec();
    const system = RequestContext.system('demo-data');
    const held = await this.events.createEvent(system, {
      name: 'Journées Québec — Europe francophone (virtuel)',
      city: 'Paris',
      country: 'France',
      mode: EventMode.VIRTUAL,
      startsOn: today,
      endsOn: today,
      registrationDeadline: today,
      status: EventStatus.REGISTRATION_OPEN,
    });
    for (const outcome of DEMO_EVENT_OUTCOMES) {
      const { ctx, companyId } = await this.advisorOf(outcome.neq);
      const participation = await this.participations.register(ctx, {
        eventId: held.id,
        companyId,
        recruitmentNeedIds: needs.get(outcome.neq) ?? [],
      });
      await this.participations.confirm(ctx, { id: participation.id });
      await this.participations.markAttended(ctx, { id: participation.id });
      const { neq: _neq, ...figures } = outcome;
      await this.participations.recordOutcome(ctx, { participationId: participation.id, ...figures });
    }
    const current = await this.events.event(system, held.id);
    await this.events.updateEvent(system, { id: held.id, version: current!.version, status: EventStatus.HELD });
    await this.events.createEvent(system, {
      name: 'Journées Québec — Maghreb',
      city: 'Tunis',
      country: 'Tunisie',
      mode: EventMode.IN_PERSON,
      startsOn: addDays(today, 45),
      endsOn: addDays(today, 47),
      registrationDeadline: addDays(today, 10),
      status: EventStatus.REGISTRATION_OPEN,
    });
  }

  /** Portail employeurs referrals at several steps: stalled, hired, declined, offer posted. */
  private async loadReferrals(): Promise<void> {
    const day = (daysAgo: number) => addDays(todayInQuebec(), -daysAgo);
    for (const demo of DEMO_REFERRALS) {
      const { ctx, companyId } = await this.advisorOf(demo.neq);
      const [[, referredDaysAgo], ...next] = demo.steps as [[PortailReferralStep, number], ...[PortailReferralStep, number][]];
      let referral = await this.referrals.referToPortail(ctx, { companyId, on: day(referredDaysAgo) });
      for (const [step, daysAgo] of next) {
        referral = await this.referrals.advancePortailReferral(ctx, { id: referral.id, step, on: day(daysAgo) });
      }
    }
  }
}
