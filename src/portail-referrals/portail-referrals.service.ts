import { Injectable, type OnModuleInit } from '@nestjs/common';
import { assertNotFuture, AccompanimentsService } from '../accompaniments/accompaniments.service.js';
import { AuditTrailService } from '../audit/audit-trail.service.js';
import { AuditService } from '../audit/audit.service.js';
import { aggregateRegionCodes, assertRegionInScope, regionScope } from '../auth/region-scope.js';
import type { RequestContext } from '../auth/request-context.js';
import { todayInQuebec } from '../common/calendar.js';
import { CompaniesService } from '../companies/companies.service.js';
import { Company } from '../companies/company.entity.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  StaleVersionError,
} from '../errors/domain.errors.js';
import { assertDateRange } from '../graphql/date-range.input.js';
import type { Page } from '../graphql/pagination/connection.type.js';
import { paginate } from '../graphql/pagination/keyset.js';
import { groupedLoader, keyedLoader } from '../graphql/request-loaders.js';
import type {
  AdvancePortailReferralInput,
  PortailReferralsArgs,
  ReferToPortailInput,
} from './dto/portail-referral.inputs.js';
import type { Period as ResolvedPeriod } from '../common/period.js';
import { PortailFunnel } from './portail-funnel.type.js';
import {
  ENDED_STEPS,
  FUNNEL_STEPS,
  reachedStepSql,
  stepChangeFields,
  stepChangeRefusal,
} from './portail-referral-steps.js';
import { PortailReferralStep, STEP_LABELS } from './portail-referral.enums.js';
import { PortailReferral } from './portail-referral.entity.js';

export const PORTAIL_REFERRAL = { fr: 'Référencement au Portail employeurs', en: 'Portail employeurs referral' };

/** The migration's partial unique index: one open referral per company (docs/domain.md, Portail employeurs referrals). */
const ONE_OPEN_PER_COMPANY = 'portail_referrals_one_open_per_company';

/** Per funnel step, the referrals that reached it; per step after the first, its rate from the previous one. */
const REACHED_COUNTS = FUNNEL_STEPS.map(
  (step, i) => `count(*) FILTER (WHERE ${reachedStepSql(step, 'r')})::int AS reached_${i}`,
);
const CONVERSION_RATES = FUNNEL_STEPS.slice(1).map(
  (_step, i) => `reached_${i + 1}::float8 / nullif(reached_${i}, 0) AS rate_${i + 1}`,
);

const ENDED_LIST = ENDED_STEPS.map((step) => `'${step}'`).join(', ');

/**
 * The funnel in one statement: FILTERed counts over the referrals made in the period ($1..$2) whose company is in
 * the regions $3 (all when null), and the conversion rates computed from those counts.
 */
const FUNNEL_SQL = `
  WITH counted AS (
    SELECT ${REACHED_COUNTS.join(',\n           ')},
           count(*) FILTER (WHERE r.step = '${PortailReferralStep.DECLINED}')::int AS declined,
           count(*) FILTER (WHERE r.step = '${PortailReferralStep.ABANDONED}')::int AS abandoned,
           count(*) FILTER (WHERE r.step NOT IN (${ENDED_LIST}))::int AS in_progress
      FROM portail_referrals r
      JOIN companies c ON c.id = r.company_id
     WHERE r.referred_on BETWEEN $1::date AND $2::date
       AND ($3::text[] IS NULL OR c.region_code = ANY ($3::text[]))
  )
  SELECT counted.*, ${CONVERSION_RATES.join(', ')}
    FROM counted`;

/** Audit actions of the moves that end a referral early; every other move is `advance`. */
const EXIT_ACTIONS: Partial<Record<PortailReferralStep, string>> = {
  [PortailReferralStep.DECLINED]: 'decline',
  [PortailReferralStep.ABANDONED]: 'abandon',
};

type FunnelRow = Record<string, number | null>;

/**
 * Portail employeurs referrals (docs/domain.md): an advisor refers a company to the employer portal and follows it
 * through the funnel. Referrals belong to their company's region: read and written only in the caller's regions.
 */
@Injectable()
export class PortailReferralsService implements OnModuleInit {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly auditTrail: AuditTrailService,
    private readonly companies: CompaniesService,
    private readonly accompaniments: AccompanimentsService,
  ) {}

  onModuleInit(): void {
    this.auditTrail.registerRegionLookup('PortailReferral', async (id) => {
      const rows = (await this.db.query(
        `SELECT c.region_code FROM portail_referrals r JOIN companies c ON c.id = r.company_id WHERE r.id::text = $1`,
        [id],
      )) as { region_code: string }[];
      return rows[0]?.region_code ?? null;
    });
  }

  private get db() {
    return this.unitOfWork.manager;
  }

  /** Referrals of each company in the caller's scope, newest first. */
  readonly referralsByCompany = groupedLoader<string, PortailReferral>(
    'portailReferralsByCompany',
    (companyIds, ctx) =>
      ctx
        ? this.scoped(ctx)
            .andWhere('referral.company_id IN (:...companyIds)', { companyIds })
            .orderBy('referral.referred_on', 'DESC')
            .addOrderBy('referral.id', 'DESC')
            .getMany()
        : Promise.resolve([]),
    (referral) => referral.companyId,
  );

  /** Referrals in the caller's scope, by id (out of scope: null). */
  readonly referralById = keyedLoader<string, PortailReferral>(
    'portailReferralById',
    (ids, ctx) => (ctx ? this.scoped(ctx).andWhere('referral.id IN (:...ids)', { ids }).getMany() : Promise.resolve([])),
    (referral) => referral.id,
  );

  /** Referrals whose company is in the caller's regions. */
  private scoped(ctx: RequestContext) {
    const scope = regionScope(ctx, 'company.region_code');
    return this.db
      .createQueryBuilder(PortailReferral, 'referral')
      .innerJoin(Company, 'company', 'company.id = referral.company_id')
      .where(scope.sql, scope.parameters);
  }

  portailReferral(ctx: RequestContext, id: string): Promise<PortailReferral | null> {
    return this.scoped(ctx).andWhere('referral.id = :id', { id }).getOne();
  }

  portailReferrals(ctx: RequestContext, args: PortailReferralsArgs): Promise<Page<PortailReferral>> {
    const filter = args.filter ?? {};
    assertDateRange(filter.referredBetween, 'filter.referredBetween');
    const query = this.scoped(ctx);
    if (filter.companyId) query.andWhere('referral.company_id = :companyId', { companyId: filter.companyId });
    if (filter.advisorId) query.andWhere('referral.advisor_id = :advisorId', { advisorId: filter.advisorId });
    if (filter.regionCodes?.length) {
      query.andWhere('company.region_code IN (:...regionCodes)', { regionCodes: filter.regionCodes });
    }
    if (filter.steps?.length) query.andWhere('referral.step IN (:...steps)', { steps: filter.steps });
    if (filter.referredBetween) {
      query.andWhere('referral.referred_on BETWEEN :referredFrom AND :referredTo', {
        referredFrom: filter.referredBetween.from,
        referredTo: filter.referredBetween.to,
      });
    }
    return paginate(query, {
      first: args.first,
      after: args.after,
      sort: [
        { expression: 'referral.referred_on', direction: 'DESC' },
        { expression: 'referral.id', direction: 'DESC' },
      ],
    });
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
    let id: string;
    try {
      const result = await this.db.insert(PortailReferral, {
        companyId: company.id,
        accompanimentId: input.accompanimentId ?? null,
        advisorId: ctx.actorId!,
        step: PortailReferralStep.REFERRED,
        referredOn: on,
        stepChangedOn: on,
      });
      id = (result.identifiers[0] as { id: string }).id;
    } catch (error) {
      if (isUniqueViolation(error, ONE_OPEN_PER_COMPANY)) throw new ConflictError('conflict.openPortailReferral');
      throw error;
    }
    const created = await this.db.findOneByOrFail(PortailReferral, { id });
    await this.audit.record(ctx, { action: 'refer', entityType: 'PortailReferral', entityId: id, after: created });
    return created;
  }

  /**
   * Moves a referral to a later funnel step (skipped steps keep a null date), or ends it (DECLINED, ABANDONED)
   * from any open step. The version read, when given, must be current; then the step rules, then the date (not in
   * the future, not before the current step's). Applied as `UPDATE … WHERE id AND step AND version` with the row
   * count checked.
   */
  async advancePortailReferral(ctx: RequestContext, input: AdvancePortailReferralInput): Promise<PortailReferral> {
    const before = await this.referralForWrite(ctx, input.id);
    if (input.version !== undefined && input.version !== before.version) {
      throw new StaleVersionError('PortailReferral', input.id);
    }
    const current = STEP_LABELS[before.step];
    const refusal = stepChangeRefusal(before.step, input.step);
    if (refusal) {
      throw BadUserInputError.field(
        'input.step',
        refusal === 'ended' ? 'field.portailReferralEnded' : 'field.portailStepNotForward',
        { stepFr: current.fr, stepEn: current.en },
      );
    }
    assertNotFuture(input.on, 'input.on');
    if (input.on < before.stepChangedOn) {
      throw BadUserInputError.field('input.on', 'field.portailStepDate', {
        date: before.stepChangedOn,
        stepFr: current.fr,
        stepEn: current.en,
      });
    }
    const update = this.db
      .createQueryBuilder()
      .update(PortailReferral)
      .set({ ...stepChangeFields(input.step, input.on), version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND step = :step AND version = :version', {
        id: before.id,
        step: before.step,
        version: before.version,
      });
    if ((await update.execute()).affected !== 1) throw new StaleVersionError('PortailReferral', input.id);
    const after = await this.db.findOneByOrFail(PortailReferral, { id: before.id });
    const action = EXIT_ACTIONS[input.step] ?? 'advance';
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
    const [row] = (await this.db.query(FUNNEL_SQL, [period.from, period.to, regions])) as FunnelRow[];
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

  /**
   * A referral locked for the rest of the transaction: NOT_FOUND when missing, FORBIDDEN outside the caller's
   * regions (those of its company).
   */
  private async referralForWrite(ctx: RequestContext, id: string): Promise<PortailReferral> {
    const referral = await this.db
      .createQueryBuilder(PortailReferral, 'referral')
      .where('referral.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!referral) throw new NotFoundError(PORTAIL_REFERRAL, id);
    const company = await this.companies.company(ctx, referral.companyId);
    assertRegionInScope(ctx, company!.regionCode);
    return referral;
  }
}
