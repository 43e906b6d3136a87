import { Args, ID, Info, Mutation, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { accessChannelOf, PersonalDataAccessLog } from '../audit/personal-data-access-log.js';
import { Ctx, Roles } from '../auth/auth.decorators.js';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import { CompanyContact } from './company-contact.entity.js';
import { CompanyContactsService } from './company-contacts.service.js';
import { AddCompanyContactInput, UpdateCompanyContactInput } from './dto/company-contact.inputs.js';
import { IdempotentReplays } from '../database/idempotent-replays.js';
import type { OnModuleInit } from '@nestjs/common';

@Resolver(() => CompanyContact)
@Roles(Role.ADVISOR, Role.MANAGER, Role.ADMIN)
export class CompanyContactsResolver implements OnModuleInit {
  constructor(
    private readonly contacts: CompanyContactsService,
    private readonly accessLog: PersonalDataAccessLog,
    private readonly replays: IdempotentReplays,
  ) {}

  /** Replays of an Idempotency-Key read the result again as this module reads it by id. */
  onModuleInit(): void {
    this.replays.register('CompanyContact', async (ctx, id, info) => {
      const contact = await this.contacts.contactInScope(ctx, id);
      await this.accessLog.record(ctx, [contact], accessChannelOf(info));
      return contact;
    });
  }

  @Mutation(() => CompanyContact, { description: 'Ajouter une personne-ressource à une entreprise de vos régions' })
  async addCompanyContact(
    @Ctx() ctx: RequestContext,
    @Args('input') input: AddCompanyContactInput,
    @Info() info: GraphQLResolveInfo,
  ) {
    const contact = await this.contacts.addContact(ctx, input);
    // The answer holds personal information: logged in the mutation's transaction (Loi 25).
    await this.accessLog.record(ctx, [contact], accessChannelOf(info));
    return contact;
  }

  @Mutation(() => CompanyContact, { description: 'Modifier une personne-ressource (avec la version lue)' })
  async updateCompanyContact(
    @Ctx() ctx: RequestContext,
    @Args('input') input: UpdateCompanyContactInput,
    @Info() info: GraphQLResolveInfo,
  ) {
    const contact = await this.contacts.updateContact(ctx, input);
    await this.accessLog.record(ctx, [contact], accessChannelOf(info));
    return contact;
  }

  @Mutation(() => ID, { description: 'Supprimer une personne-ressource et ses renseignements personnels' })
  removeCompanyContact(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.contacts.removeContact(ctx, id);
  }
}
