import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import { foldEmailCase } from '../common/email-address.js';
import { updateWithVersion } from '../database/optimistic-update.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { BadUserInputError, ConflictError, NotFoundError, UnauthenticatedError } from '../errors/domain.errors.js';
import type { Page } from '../graphql/pagination/connection.type.js';
import { paginate } from '../graphql/pagination/keyset.js';
import { groupedLoader, keyedLoader } from '../graphql/request-loaders.js';
import { Region } from '../reference-data/region.entity.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { Advisor } from './advisor.entity.js';
import type { AdvisorsArgs, CreateAdvisorInput, UpdateAdvisorInput } from './dto/advisor.inputs.js';

const ADVISOR = { fr: 'Conseillère ou conseiller', en: 'Advisor' };

type AdvisorSnapshot = Advisor & { regionCodes: string[] };

/** Advisors (users): readable by every role, managed by ADMIN (docs/domain.md, Roles and permissions). */
@Injectable()
export class AdvisorsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly referenceData: ReferenceDataService,
  ) {}

  private get db() {
    return this.unitOfWork.manager;
  }

  readonly advisorById = keyedLoader<string, Advisor>(
    'advisorById',
    (ids) => this.db.createQueryBuilder(Advisor, 'a').where('a.id IN (:...ids)', { ids }).getMany(),
    (advisor) => advisor.id,
  );

  /** Own regions of each advisor: their direction's for a manager, their assigned ones otherwise. */
  readonly regionsByAdvisor = groupedLoader<string, Region & { advisorId: string }>(
    'regionsByAdvisor',
    async (ids) => {
      const rows: { advisor_id: string; code: string; name: string; direction_code: string | null; version: number }[] =
        await this.db.query(
          `SELECT a.id AS advisor_id, r.code, r.name, r.direction_code, r.version
             FROM advisors a
             JOIN regions r
               ON (a.role = 'MANAGER' AND r.direction_code = a.direction_code)
               OR (a.role <> 'MANAGER' AND EXISTS (SELECT 1 FROM advisor_regions ar
                                                    WHERE ar.advisor_id = a.id AND ar.region_code = r.code))
            WHERE a.id = ANY($1::uuid[])
            ORDER BY r.code`,
          [[...ids]],
        );
      return rows.map((row) =>
        Object.assign(new Region(), {
          advisorId: row.advisor_id,
          code: row.code,
          name: row.name,
          directionCode: row.direction_code,
          version: row.version,
        }),
      );
    },
    (region) => region.advisorId,
  );

  /**
   * An active ADVISOR or MANAGER who has `regionCode` among their own regions, to lead a file there; refuses
   * anyone else with BAD_USER_INPUT on `field`.
   */
  async assertCanLeadFileIn(advisorId: string, regionCode: string, field: string): Promise<void> {
    const rows: { role: Role; in_region: boolean }[] = await this.db.query(
      `SELECT a.role,
              CASE WHEN a.role = 'MANAGER'
                   THEN EXISTS (SELECT 1 FROM regions r WHERE r.direction_code = a.direction_code AND r.code = $2)
                   ELSE EXISTS (SELECT 1 FROM advisor_regions ar WHERE ar.advisor_id = a.id AND ar.region_code = $2)
              END AS in_region
         FROM advisors a
        WHERE a.id = $1 AND a.active`,
      [advisorId, regionCode],
    );
    const advisor = rows[0];
    if (!advisor || (advisor.role !== Role.ADVISOR && advisor.role !== Role.MANAGER)) {
      throw BadUserInputError.field(field, 'field.unknownAdvisor', { id: advisorId });
    }
    if (!advisor.in_region) throw BadUserInputError.field(field, 'field.advisorNotInRegion', { regionCode });
  }

  async me(ctx: RequestContext): Promise<Advisor> {
    const advisor = ctx.actorId ? await this.db.findOneBy(Advisor, { id: ctx.actorId }) : null;
    if (!advisor) throw new UnauthenticatedError('auth.unknownAdvisor');
    return advisor;
  }

  async advisor(_ctx: RequestContext, id: string): Promise<Advisor | null> {
    return this.db.findOneBy(Advisor, { id });
  }

  advisors(_ctx: RequestContext, args: AdvisorsArgs): Promise<Page<Advisor>> {
    const query = this.db.createQueryBuilder(Advisor, 'advisor');
    const filter = args.filter ?? {};
    if (filter.role) query.andWhere('advisor.role = :role', { role: filter.role });
    if (filter.active !== undefined) query.andWhere('advisor.active = :active', { active: filter.active });
    if (filter.search) {
      query.andWhere(`(advisor.full_name ILIKE :search OR advisor.email ILIKE :search)`, {
        search: `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    if (filter.regionCode) {
      query.andWhere(
        `(EXISTS (SELECT 1 FROM advisor_regions ar WHERE ar.advisor_id = advisor.id AND ar.region_code = :regionCode)
          OR (advisor.role = 'MANAGER' AND EXISTS (SELECT 1 FROM regions r
               WHERE r.direction_code = advisor.direction_code AND r.code = :regionCode)))`,
        { regionCode: filter.regionCode },
      );
    }
    return paginate(query, {
      first: args.first,
      after: args.after,
      sort: [
        { expression: 'lower(advisor.full_name)', direction: 'ASC' },
        { expression: 'advisor.id', direction: 'ASC' },
      ],
    });
  }

  async createAdvisor(ctx: RequestContext, input: CreateAdvisorInput): Promise<Advisor> {
    const email = foldEmailCase(input.email);
    await this.checkAssignment(input.role, input.regionCodes, input.directionCode ?? null, input.servicePointId ?? null);
    let id: string;
    try {
      const result = await this.db.insert(Advisor, {
        email,
        fullName: input.fullName,
        role: input.role,
        directionCode: input.directionCode ?? null,
        servicePointId: input.servicePointId ?? null,
      });
      id = (result.identifiers[0] as { id: string }).id;
    } catch (error) {
      if (isUniqueViolation(error, 'advisors_email_key')) throw new ConflictError('conflict.advisorEmail', { email });
      throw error;
    }
    await this.replaceRegions(id, input.role === Role.MANAGER ? [] : input.regionCodes);
    const created = await this.snapshot(id);
    await this.audit.record(ctx, { action: 'create', entityType: 'Advisor', entityId: id, after: created });
    return created;
  }

  async updateAdvisor(ctx: RequestContext, input: UpdateAdvisorInput): Promise<Advisor> {
    const before = await this.snapshot(input.id).catch(() => null);
    if (!before) throw new NotFoundError(ADVISOR, input.id);
    const role = input.role ?? before.role;
    const regionCodes = input.regionCodes ?? before.regionCodes;
    const directionCode = input.directionCode ?? before.directionCode;
    const servicePointId = input.servicePointId ?? before.servicePointId;
    await this.checkAssignment(role, regionCodes, directionCode, servicePointId);
    const changes: Partial<Advisor> = {};
    if (input.email != null) {
      // A new address may be another person's: the provider's subject linked so far is forgotten (OpenID Connect).
      Object.assign(changes, { email: foldEmailCase(input.email), identityIssuer: null, identitySubject: null });
    }
    if (input.fullName != null) changes.fullName = input.fullName;
    if (input.role != null) changes.role = input.role;
    if (input.directionCode != null) changes.directionCode = input.directionCode;
    if (input.servicePointId != null) changes.servicePointId = input.servicePointId;
    if (input.active != null) changes.active = input.active;
    if (Object.keys(changes).length === 0 && input.regionCodes == null) {
      throw BadUserInputError.field('input', 'field.noChange');
    }
    await updateWithVersion(this.db, Advisor, { id: input.id }, input.version, changes, 'Advisor').catch((error: unknown) => {
      if (isUniqueViolation(error, 'advisors_email_key')) throw new ConflictError('conflict.advisorEmail', { email: changes.email });
      throw error;
    });
    if (input.regionCodes != null || input.role != null) {
      await this.replaceRegions(input.id, role === Role.MANAGER ? [] : regionCodes);
    }
    const after = await this.snapshot(input.id);
    const action = input.active === false && before.active ? 'deactivate' : 'update';
    await this.audit.record(ctx, { action, entityType: 'Advisor', entityId: input.id, before, after });
    return after;
  }

  /**
   * Makes sure `email` is an active ADMIN (BOOTSTRAP_ADMIN_EMAIL): creates the account when missing, promotes
   * and reactivates it otherwise. Audited as a system action.
   */
  async ensureAdmin(ctx: RequestContext, email: string, fullName = 'Administratrice ou administrateur'): Promise<Advisor> {
    return this.unitOfWork.run(async () => {
      const existing = await this.db.findOneBy(Advisor, { email: foldEmailCase(email) });
      if (!existing) {
        return this.createAdvisor(ctx, { email, fullName, role: Role.ADMIN, regionCodes: [] });
      }
      if (existing.role === Role.ADMIN && existing.active) return existing;
      return this.updateAdvisor(ctx, { id: existing.id, version: existing.version, role: Role.ADMIN, active: true });
    });
  }

  private async checkAssignment(
    role: Role,
    regionCodes: string[],
    directionCode: string | null,
    servicePointId: string | null,
  ): Promise<void> {
    if (role === Role.ADVISOR && regionCodes.length === 0) {
      throw BadUserInputError.field('input.regionCodes', 'field.advisorNeedsRegions');
    }
    if (role === Role.MANAGER && !directionCode) {
      throw BadUserInputError.field('input.directionCode', 'field.managerNeedsDirection');
    }
    await this.referenceData.assertRegionsExist(regionCodes, 'input.regionCodes');
    if (directionCode) await this.referenceData.assertDirectionExists(directionCode, 'input.directionCode');
    if (servicePointId) await this.referenceData.assertServicePointExists(servicePointId, 'input.servicePointId');
  }

  private async replaceRegions(advisorId: string, regionCodes: string[]): Promise<void> {
    await this.db.query(`DELETE FROM advisor_regions WHERE advisor_id = $1`, [advisorId]);
    if (regionCodes.length > 0) {
      await this.db.query(
        `INSERT INTO advisor_regions (advisor_id, region_code) SELECT $1, unnest($2::varchar[]) ON CONFLICT DO NOTHING`,
        [advisorId, [...new Set(regionCodes)]],
      );
    }
  }

  /** The advisor with their assigned region codes, as the audit trail records it. */
  private async snapshot(id: string): Promise<AdvisorSnapshot> {
    const advisor = await this.db.findOneByOrFail(Advisor, { id });
    const rows: { region_code: string }[] = await this.db.query(
      `SELECT region_code FROM advisor_regions WHERE advisor_id = $1 ORDER BY region_code`,
      [id],
    );
    return Object.assign(advisor, { regionCodes: rows.map((r) => r.region_code) });
  }
}
