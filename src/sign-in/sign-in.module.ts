import { Module } from '@nestjs/common';
import { SignInRepository } from './sign-in.repository.js';
import { SignInResolver } from './sign-in.resolver.js';
import { SignInService } from './sign-in.service.js';

/** The console's sign-in options and the development sign-in (advisors level: it reads advisors). */
@Module({ providers: [SignInRepository, SignInService, SignInResolver] })
export class SignInModule {}
