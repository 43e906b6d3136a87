import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../auth/request-context.js';
import { repositoryOf } from '../database/entity-repository.js';
import { desc, paginate, type Page } from '../database/keyset-pagination.js';
import type { CompiledNodes } from '../graphql/compiled-lists/compiled-nodes.js';
import type { PortailReferralsArgs } from './dto/portail-referral.inputs.js';
import { ENDED_STEPS, FUNNEL_STEPS, reachedStepSql } from './portail-referrals.rules.js';
import { PortailReferralStep } from './portail-referral.enums.js';
import { PortailReferral } from './portail-referral.entity.js';

/** Per funnel step, the referrals that reached it; per step after the first, its rate from the previous one. */
const REACHED_COUNTS = FUNNEL_STEPS.map((step, i) => `count(*) FILTER (WHERE ${reachedStepSql(step, 'r')})::int AS reached_${i}`);
const CONVERSION_RATES = FUNNEL_STEPS.slice(1).map((_step, i) => `reached_${i + 1}::float8 / nullif(reached_${i}, 0) AS rate_${i + 1}`);

/**
 * The funnel in one statement: FILTERed counts over the referrals made in the period ($1..$2) whose company is in
 * the regions $3 (all when null), and the conversion rates computed from those counts.
 */
const FUNNEL_SQL = `
  WITH counted AS (
    SELECT ${REACHED_COUNTS.join(',\n           ')},
           count(*) FILTER (WHERE r.step = '${PortailReferralStep.DECLINED}')::int AS declined,
           count(*) FILTER (WHERE r.step = '${PortailReferralStep.ABANDONED}')::int AS abandoned,
           count(*) FILTER (WHERE r.step NOT IN (${ENDED_STEPS.map((step) => `'${step}'`).join(', ')}))::int AS in_progress
      FROM portail_referrals r
      JOIN companies c ON c.id = r.company_id
     WHERE r.referred_on BETWEEN $1::date AND $2::date
       AND ($3::text[] IS NULL OR c.region_code = ANY ($3::text[]))
  )
  SELECT counted.*, ${CONVERSION_RATES.join(', ')}
    FROM counted`;

/** The SQL of Portail employeurs referrals; they belong to their company's region. */
@Injectable()
export class PortailReferralRepository extends repositoryOf(PortailReferral, { region: 'company' }) {
  inScope(ctx: RequestContext, ids: readonly string[]): Promise<PortailReferral[]> {
    return this.scoped(ctx, 'referral', true).andWhere('referral.id IN (:...ids)', { ids }).getMany();
  }

  /** Referrals of these companies in the caller's scope, newest first. */
  ofCompanies(ctx: RequestContext, companyIds: readonly string[]): Promise<PortailReferral[]> {
    return this.scoped(ctx, 'referral', true)
      .andWhere('referral.company_id IN (:...companyIds)', { companyIds })
      .orderBy('referral.referred_on', 'DESC')
      .addOrderBy('referral.id', 'DESC')
      .getMany();
  }

  list(ctx: RequestContext, args: PortailReferralsArgs, nodes: CompiledNodes | null = null): Promise<Page<PortailReferral>> {
    const filter = args.filter ?? {};
    const query = this.scoped(ctx, 'referral', true);
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
    return paginate(query, args, [desc('referral.referred_on'), desc('referral.id')], nodes);
  }

  /**
   * The funnel row of the referrals made from `from` to `to` whose company is in `regionCodes` (all when null):
   * `reached_<i>` per funnel step, `rate_<i>` from the step before, `declined`, `abandoned`, `in_progress`.
   */
  async funnel(from: string, to: string, regionCodes: string[] | null): Promise<Record<string, number | null> | undefined> {
    return ((await this.db.query(FUNNEL_SQL, [from, to, regionCodes])) as Record<string, number | null>[])[0];
  }
}
