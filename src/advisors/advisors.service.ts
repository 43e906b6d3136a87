import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import { foldEmailCase } from '../common/email-address.js';
import { groupedLoader, keyedLoader } from '../database/batch-loaders.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { Page } from '../database/keyset-pagination.js';
import type { CompiledNodes } from '../graphql/compiled-lists/compiled-nodes.js';
import { BadUserInputError, ConflictError, UnauthenticatedError, type FieldProblem } from '../errors/domain.errors.js';
import type { Region } from '../reference-data/region.entity.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import type { Advisor } from './advisor.entity.js';
import { AdvisorRepository } from './advisor.repository.js';
import type { AdvisorsArgs, CreateAdvisorInput, UpdateAdvisorInput } from './dto/advisor.inputs.js';

type AdvisorSnapshot = Advisor & { regionCodes: string[] };

/** Advisors (users): readable by every role, managed by ADMIN (docs/domain.md, Roles and permissions). */
@Injectable()
export class AdvisorsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly repository: AdvisorRepository,
    private readonly audit: AuditService,
    private readonly referenceData: ReferenceDataService,
  ) {}

  readonly advisorById = keyedLoader<string, Advisor>(
    'advisorById',
    (ids) => this.repository.findMany(ids),
    (advisor) => advisor.id,
  );

  /** Own regions of each advisor: their direction's for a manager, their assigned ones otherwise. */
  readonly regionsByAdvisor = groupedLoader<string, Region & { advisorId: string }>(
    'regionsByAdvisor',
    (ids) => this.repository.ownRegions(ids),
    (region) => region.advisorId,
  );

  /**
   * An active ADVISOR or MANAGER who has `regionCode` among their own regions, to lead a file there; refuses
   * anyone else with BAD_USER_INPUT on `field`.
   */
  async assertCanLeadFileIn(advisorId: string, regionCode: string, field: string): Promise<void> {
    const problem = await this.leadProblem(advisorId, regionCode, field);
    if (problem) throw new BadUserInputError([problem]);
  }

  /** Why `advisorId` cannot lead a file in `regionCode` (BAD_USER_INPUT on `field`), or null when they can. */
  async leadProblem(advisorId: string, regionCode: string, field: string): Promise<FieldProblem | null> {
    const advisor = await this.repository.leadership(advisorId, regionCode);
    if (!advisor || (advisor.role !== Role.ADVISOR && advisor.role !== Role.MANAGER)) {
      return { field, message: 'field.unknownAdvisor', params: { id: advisorId } };
    }
    return advisor.in_region ? null : { field, message: 'field.advisorNotInRegion', params: { regionCode } };
  }

  async me(ctx: RequestContext): Promise<Advisor> {
    const advisor = ctx.actorId ? await this.repository.find(ctx.actorId) : null;
    if (!advisor) throw new UnauthenticatedError('auth.unknownAdvisor');
    return advisor;
  }

  async advisor(_ctx: RequestContext, id: string): Promise<Advisor | null> {
    return this.repository.find(id);
  }

  advisors(_ctx: RequestContext, args: AdvisorsArgs, nodes: CompiledNodes | null = null): Promise<Page<Advisor>> {
    return this.repository.list(args, nodes);
  }

  async createAdvisor(ctx: RequestContext, input: CreateAdvisorInput): Promise<Advisor> {
    const email = foldEmailCase(input.email);
    await this.checkAssignment(input.role, input.regionCodes, input.directionCode ?? null, input.servicePointId ?? null);
    const { id } = await this.repository.insert(
      {
        email,
        fullName: input.fullName,
        role: input.role,
        directionCode: input.directionCode ?? null,
        servicePointId: input.servicePointId ?? null,
      },
      { advisors_email_key: () => new ConflictError('conflict.advisorEmail', { email }) },
    );
    await this.repository.replaceRegions(id, input.role === Role.MANAGER ? [] : input.regionCodes);
    const created = await this.snapshot(await this.repository.find(id));
    await this.audit.record(ctx, { action: 'create', entityType: 'Advisor', entityId: id, after: created });
    return created;
  }

  async updateAdvisor(ctx: RequestContext, input: UpdateAdvisorInput): Promise<Advisor> {
    const before = await this.snapshot(await this.repository.forUpdate(ctx, input.id, input.version));
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
    const updated = await this.repository.update(before, changes, {
      advisors_email_key: () => new ConflictError('conflict.advisorEmail', { email: changes.email }),
    });
    if (input.regionCodes != null || input.role != null) {
      await this.repository.replaceRegions(input.id, role === Role.MANAGER ? [] : regionCodes);
    }
    const after = await this.snapshot(updated);
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
      const existing = await this.repository.findByEmail(foldEmailCase(email));
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

  /** The advisor with their assigned region codes, as the audit trail records it. */
  private async snapshot(advisor: Advisor | null): Promise<AdvisorSnapshot> {
    return Object.assign(advisor!, { regionCodes: await this.repository.assignedRegionCodes(advisor!.id) });
  }
}
