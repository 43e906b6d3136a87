import { Args, ArgsType, Field, Query, Resolver } from '@nestjs/graphql';
import { Ctx, Roles } from '../auth/auth.decorators.js';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import { PaginationArgs } from '../graphql/pagination/pagination.args.js';
import { Connection } from '../graphql/pagination/connection.type.js';
import { RequiredText } from '../graphql/validation/field-rules.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditTrailService } from './audit-trail.service.js';

const AuditEntryConnection = Connection(AuditEntry);

@ArgsType()
class AuditTrailArgs extends PaginationArgs {
  @Field({ description: 'Company, CompanyContact, Accompaniment, Interaction, Advisor, ServicePoint…' })
  @RequiredText(40)
  entityType!: string;

  @Field()
  @RequiredText(64)
  entityId!: string;
}

@Resolver(() => AuditEntry)
export class AuditTrailResolver {
  constructor(private readonly trails: AuditTrailService) {}

  @Query(() => AuditEntryConnection, {
    description: 'Journal d’audit d’un enregistrement, le plus récent d’abord : ADMIN, ou MANAGER dans sa direction',
  })
  @Roles(Role.ADMIN, Role.MANAGER)
  auditTrail(@Ctx() ctx: RequestContext, @Args() args: AuditTrailArgs) {
    return this.trails.trail(ctx, args.entityType, args.entityId, { first: args.first, after: args.after });
  }
}
