import { Args, ID, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { accessChannelOf } from '../audit/personal-data-access-log.js';
import { PersonalInformationAccess } from '../audit/personal-information-access.entity.js';
import { Ctx, Roles } from '../auth/auth.decorators.js';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import { Connection } from '../graphql/pagination/connection.type.js';
import { ContactPersonalInformation, PersonalInformationAccessLogArgs } from './dto/privacy.types.js';
import { PrivacyService } from './privacy.service.js';

const PersonalInformationAccessConnection = Connection(PersonalInformationAccess);

/** Loi 25: the access log and the right of access, for administrators only (FORBIDDEN for every other role). */
@Resolver()
@Roles(Role.ADMIN)
export class PrivacyResolver {
  constructor(private readonly privacy: PrivacyService) {}

  @Query(() => PersonalInformationAccessConnection, {
    description: 'Journal des accès aux renseignements personnels des personnes-ressources, le plus récent d’abord (ADMIN)',
  })
  personalInformationAccessLog(@Ctx() ctx: RequestContext, @Args() args: PersonalInformationAccessLogArgs) {
    return this.privacy.accessLogPage(ctx, args);
  }

  @Query(() => ContactPersonalInformation, {
    description: 'Tout ce que le CRM détient sur une personne-ressource (droit d’accès, Loi 25) ; NOT_FOUND si inconnue (ADMIN)',
  })
  contactPersonalInformation(
    @Ctx() ctx: RequestContext,
    @Args('contactId', { type: () => ID }) contactId: string,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.privacy.contactPersonalInformation(ctx, contactId, accessChannelOf(info));
  }
}
