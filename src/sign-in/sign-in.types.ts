import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { Role } from '../auth/role.js';

@ObjectType({ description: 'Fournisseur OpenID Connect de la console : code d’autorisation avec PKCE' })
export class OidcSignIn {
  @Field({ description: 'Émetteur (authority) du fournisseur' })
  authority!: string;

  @Field({ description: 'Identifiant du client public de la console' })
  clientId!: string;

  @Field({ description: 'Portées demandées, ex. « openid email »' })
  scope!: string;
}

@ObjectType({ description: 'Comment la console peut ouvrir une session (sans authentification)' })
export class SignInOptions {
  @Field({ description: 'Choix d’une personne de démonstration, sans mot de passe : développement seulement, jamais en production' })
  developmentSignIn!: boolean;

  @Field(() => OidcSignIn, { nullable: true, description: 'Connexion par le fournisseur OpenID Connect, s’il est configuré' })
  oidc!: OidcSignIn | null;
}

@ObjectType({ description: 'Personne qu’on peut choisir à la connexion de développement' })
export class DevelopmentSignInAdvisor {
  @Field()
  email!: string;

  @Field()
  fullName!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => [String], { description: 'Codes de ses régions' })
  regionCodes!: string[];
}

@ObjectType({ description: 'Session de développement : un jeton à envoyer en Authorization: Bearer' })
export class DevelopmentSession {
  @Field()
  token!: string;

  @Field(() => GraphQLISODateTime)
  expiresAt!: Date;
}
