import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, Roles } from '../auth/auth.decorators.js';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import { CompanyContact } from './company-contact.entity.js';
import { CompanyContactsService } from './company-contacts.service.js';
import { AddCompanyContactInput, UpdateCompanyContactInput } from './dto/company-contact.inputs.js';

@Resolver(() => CompanyContact)
@Roles(Role.ADVISOR, Role.MANAGER, Role.ADMIN)
export class CompanyContactsResolver {
  constructor(private readonly contacts: CompanyContactsService) {}

  @Mutation(() => CompanyContact, { description: 'Ajouter une personne-ressource à une entreprise de vos régions' })
  addCompanyContact(@Ctx() ctx: RequestContext, @Args('input') input: AddCompanyContactInput) {
    return this.contacts.addContact(ctx, input);
  }

  @Mutation(() => CompanyContact, { description: 'Modifier une personne-ressource (avec la version lue)' })
  updateCompanyContact(@Ctx() ctx: RequestContext, @Args('input') input: UpdateCompanyContactInput) {
    return this.contacts.updateContact(ctx, input);
  }

  @Mutation(() => ID, { description: 'Supprimer une personne-ressource et ses renseignements personnels' })
  removeCompanyContact(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.contacts.removeContact(ctx, id);
  }
}
