import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ACTORS_KEPT, ActorCache } from './actor-cache.js';
import { ActorChangeListener } from './actor-change-listener.js';
import { ActorChangeSubscriber } from './actor-change-subscriber.js';
import { ActorDirectory } from './actor-directory.js';
import { AuthGuard } from './auth.guard.js';
import { Authenticator } from './authenticator.js';
import { TokenVerifier } from './token-verifier.js';

@Global()
@Module({
  providers: [
    TokenVerifier,
    { provide: ActorCache, useFactory: () => new ActorCache(ACTORS_KEPT) },
    ActorChangeListener,
    ActorChangeSubscriber,
    ActorDirectory,
    Authenticator,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [Authenticator, ActorDirectory],
})
export class AuthModule {}
