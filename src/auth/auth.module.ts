import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ActorDirectory } from './actor-directory.js';
import { AuthGuard } from './auth.guard.js';
import { Authenticator } from './authenticator.js';
import { TokenVerifier } from './token-verifier.js';

@Global()
@Module({
  providers: [TokenVerifier, ActorDirectory, Authenticator, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [Authenticator, ActorDirectory],
})
export class AuthModule {}
