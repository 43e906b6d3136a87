import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/auth.decorators.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { SignInService } from './sign-in.service.js';
import { DevelopmentSession, DevelopmentSignInAdvisor, SignInOptions } from './sign-in.types.js';

/** The console's sign-in, before any token: public operations (the rate limit per IP address applies). */
@Resolver()
@Public()
export class SignInResolver {
  constructor(private readonly signIn: SignInService) {}

  @Query(() => SignInOptions, { description: 'Comment ouvrir une session dans la console (sans jeton)' })
  signInOptions(@Context() context: GraphQLContext) {
    return this.signIn.options(contextOf(context));
  }

  @Query(() => [DevelopmentSignInAdvisor], {
    description: 'Développement seulement (FORBIDDEN sinon) : les personnes actives qu’on peut choisir à la connexion',
  })
  developmentSignInAdvisors(@Context() context: GraphQLContext) {
    return this.signIn.developmentAdvisors(contextOf(context));
  }

  @Mutation(() => DevelopmentSession, {
    description: 'Développement seulement (FORBIDDEN sinon, jamais en production) : un jeton pour la personne active choisie',
  })
  developmentSignIn(@Context() context: GraphQLContext, @Args('email') email: string) {
    return this.signIn.developmentSignIn(contextOf(context), email);
  }
}

/** The caller's context when a valid token came with the request (it need not). */
function contextOf(context: GraphQLContext) {
  return 'context' in context.auth ? context.auth.context : null;
}
