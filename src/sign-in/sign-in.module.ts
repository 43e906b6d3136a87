import { Module } from '@nestjs/common';
import { SignInResolver } from './sign-in.resolver.js';
import { SignInService } from './sign-in.service.js';

/** The console's sign-in options and the development sign-in (advisors level: it reads advisors). */
@Module({ providers: [SignInService, SignInResolver] })
export class SignInModule {}
