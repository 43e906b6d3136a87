import { Args, ArgsType, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Roles } from '../auth/auth.decorators.js';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import { PaginationArgs } from '../graphql/pagination/pagination.args.js';
import { Connection } from '../graphql/pagination/connection.type.js';
import { RequiredText } from '../graphql/validation/field-rules.js';
import { InputField } from '../graphql/validation/input-field.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditTrailService } from './audit-trail.service.js';
import { accessChannelOf, PersonalDataAccessLog } from './personal-data-access-log.js';

const AuditEntryConnection = Connection(AuditEntry);

@ArgsType()
class AuditTrailArgs extends PaginationArgs {
  @InputField(
    () => String,
    { description: 'Company, CompanyContact, Accompaniment, Interaction, Advisor, ServicePoint…' },
    RequiredText(40),
  )
  entityType!: string;

  @InputField(() => String, RequiredText(64))
  entityId!: string;
}

@Resolver(() => AuditEntry)
export class AuditTrailResolver {
  constructor(
    private readonly trails: AuditTrailService,
    private readonly accessLog: PersonalDataAccessLog,
  ) {}

  @Query(() => AuditEntryConnection, {
    description: 'Journal d’audit d’un enregistrement, le plus récent d’abord : ADMIN, ou MANAGER dans sa direction',
  })
  @Roles(Role.ADMIN, Role.MANAGER)
  async auditTrail(@Ctx() ctx: RequestContext, @Args() args: AuditTrailArgs, @Info() info: GraphQLResolveInfo) {
    const page = await this.trails.trail(ctx, args.entityType, args.entityId, { first: args.first, after: args.after });
    // A contact's snapshots hold its personal information: returning them is a logged access (Loi 25).
    if (args.entityType === 'CompanyContact') {
      const companyId = page.edges
        .flatMap(({ node }) => [node.before, node.after])
        .map((snapshot) => (snapshot as { companyId?: unknown } | null)?.companyId)
        .find((id): id is string => typeof id === 'string');
      if (companyId) await this.accessLog.record(ctx, [{ id: args.entityId, companyId }], accessChannelOf(info));
    }
    return page;
  }
}
