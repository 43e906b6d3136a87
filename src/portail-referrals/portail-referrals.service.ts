import { Injectable } from '@nestjs/common';
import { AccompanimentsService } from '../accompaniments/accompaniments.service.js';
import { AuditService } from '../audit/audit.service.js';
import { aggregateRegionCodes } from '../auth/region-scope.js';
import type { RequestContext } from '../auth/request-context.js';
import { todayInQuebec } from '../common/calendar.js';
import { assertDateRange, assertNotFuture } from '../common/date-rules.js';
import type { Period as ResolvedPeriod } from '../common/period.js';
import { CompaniesService } from '../companies/companies.service.js';
import { groupedLoader, keyedLoader } from '../database/batch-loaders.js';
import type { Page } from '../database/keyset-pagination.js';
import type { CompiledNodes } from '../graphql/compiled-lists/compiled-nodes.js';
import { BadUserInputError, ConflictError, ForbiddenError } from '../errors/domain.errors.js';
import type { AdvancePortailReferralInput, PortailReferralsArgs, ReferToPortailInput } from './dto/portail-referral.inputs.js';
import type { PortailFunnel } from './portail-funnel.type.js';
import { FUNNEL_STEPS, REFERRAL_STEPS, stepChangeFields } from './portail-referrals.rules.js';
import { PortailReferralStep } from './portail-referral.enums.js';
import type { PortailReferral } from './portail-referral.entity.js';
import { PortailReferralRepository } from './portail-referral.repository.js';

/** The migration's partial unique index: one open referral per company (docs/domain.md, Portail employeurs referrals). */
const ONE_OPEN_PER_COMPANY = 'portail_referrals_one_open_per_company';

/**
 * Portail employeurs referrals (docs/domain.md): an advisor refers a company to the employer portal and follows it
 * through the funnel. Referrals belong to their company's region: read and written only in the caller's regions.
 */
@Injectable()
export class PortailReferralsService {
  constructor(
    private readonly repository: PortailReferralRepository,
    private readonly audit: AuditService,
    private readonly companies: CompaniesService,
    private readonly accompaniments: AccompanimentsService,
  ) {}

  /** Referrals of each company in the caller's scope, newest first. */
  readonly referralsByCompany = groupedLoader<string, PortailReferral>(
    'portailReferralsByCompany',
    (companyIds, ctx) => (ctx ? this.repository.ofCompanies(ctx, companyIds) : Promise.resolve([])),
    (referral) => referral.companyId,
  );

  /** Referrals in the caller's scope, by id (out of scope: null). */
  readonly referralById = keyedLoader<string, PortailReferral>(
    'portailReferralById',
    (ids, ctx) => (ctx ? this.repository.inScope(ctx, ids) : Promise.resolve([])),
    (referral) => referral.id,
  );

  async portailReferral(ctx: RequestContext, id: string): Promise<PortailReferral | null> {
    return (await this.repository.inScope(ctx, [id]))[0] ?? null;
  }

  portailReferrals(ctx: RequestContext, args: PortailReferralsArgs, nodes: CompiledNodes | null = null): Promise<Page<PortailReferral>> {
    assertDateRange(args.filter?.referredBetween, 'filter.referredBetween');
    return this.repository.list(ctx, args, nodes);
  }

  /**
   * Refers a company of the caller's regions to the portal, by the caller, on `on` (today by default). The
   * database's partial unique index keeps one open referral per company: of two concurrent referrals, the
   * second waits for the first to commit, then fails on the index and is answered CONFLICT.
   */
  async referToPortail(ctx: RequestContext, input: ReferToPortailInput): Promise<PortailReferral> {
    const company = await this.companies.companyInScope(ctx, input.companyId, 'input.companyId');
    const on = input.on ?? todayInQuebec();
    assertNotFuture(on, 'input.on');
    if (input.accompanimentId) {
      const file = await this.accompaniments.accompaniment(ctx, input.accompanimentId);
      if (!file || file.companyId !== company.id) {
        throw BadUserInputError.field('input.accompanimentId', 'field.portailReferralFile', {
          id: input.accompanimentId,
        });
      }
    }
    const created = await this.repository.insert(
      {
        companyId: company.id,
        accompanimentId: input.accompanimentId ?? null,
        advisorId: ctx.actorId!,
        step: PortailReferralStep.REFERRED,
        referredOn: on,
        stepChangedOn: on,
      },
      { [ONE_OPEN_PER_COMPANY]: () => new ConflictError('conflict.openPortailReferral') },
    );
    await this.audit.record(ctx, { action: 'refer', entityType: 'PortailReferral', entityId: created.id, after: created });
    return created;
  }

  /**
   * Moves a referral to a later funnel step (skipped steps keep a null date), or ends it (DECLINED, ABANDONED)
   * from any open step. The version read, when given, must be current; then the step rules, then the date (not in
   * the future, not before the current step's).
   */
  async advancePortailReferral(ctx: RequestContext, input: AdvancePortailReferralInput): Promise<PortailReferral> {
    const before = await this.repository.forUpdate(ctx, input.id, input.version);
    const move = REFERRAL_STEPS.move(before.step, input.step, { ...before, on: input.on, today: todayInQuebec() });
    const after = await this.repository.update(before, stepChangeFields(input.step, input.on));
    const action = move === 'decline' || move === 'abandon' ? move : 'advance';
    await this.audit.record(ctx, { action, entityType: 'PortailReferral', entityId: before.id, before, after });
    return after;
  }

  /**
   * The funnel of the referrals made in `period` (referredOn inside it), by the region of their company, in one
   * SQL statement. ADMIN, MANAGER and ANALYST count every region; an ADVISOR only their own (another region is
   * FORBIDDEN; none given means theirs).
   */
  async funnel(ctx: RequestContext, period: ResolvedPeriod, regionCodes?: string[] | null): Promise<PortailFunnel> {
    const regions = this.funnelRegions(ctx, regionCodes);
    const row = await this.repository.funnel(period.from, period.to, regions);
    const count = (name: string) => Number(row?.[name] ?? 0);
    const rate = (name: string) => (row?.[name] === null || row?.[name] === undefined ? null : Number(row[name]));
    return {
      from: period.from,
      to: period.to,
      regionCodes: regions,
      referred: count('reached_0'),
      steps: FUNNEL_STEPS.map((step, i) => ({
        step,
        reached: count(`reached_${i}`),
        conversionRate: i === 0 ? null : rate(`rate_${i}`),
      })),
      declined: count('declined'),
      abandoned: count('abandoned'),
      inProgress: count('in_progress'),
    };
  }

  /**
   * Regions the funnel counts (null for all): those asked for, within the caller's aggregate scope (every region
   * but for an ADVISOR, whose own regions are also the default).
   */
  private funnelRegions(ctx: RequestContext, requested?: string[] | null): string[] | null {
    const wanted = requested?.length ? [...new Set(requested)].sort() : null;
    const allowed = aggregateRegionCodes(ctx);
    if (allowed === null) return wanted;
    if (!wanted) return [...allowed].sort();
    const outside = wanted.filter((code) => !allowed.includes(code));
    if (outside.length > 0) throw new ForbiddenError('forbidden.region', { regionCode: outside });
    return wanted;
  }
}
