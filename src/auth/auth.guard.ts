import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { ForbiddenError } from '../errors/domain.errors.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators.js';
import type { Role } from './role.js';

/**
 * Global guard for GraphQL operations: no valid token → UNAUTHENTICATED; a role outside `@Roles(...)` →
 * FORBIDDEN. Runs before any resolver, so a refused call reads and writes nothing.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(execution: ExecutionContext): boolean {
    if (execution.getType<GqlContextType>() !== 'graphql') return true;
    const targets = [execution.getHandler(), execution.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const { auth } = GqlExecutionContext.create(execution).getContext<GraphQLContext>();
    if (!('context' in auth)) throw auth.error;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !auth.context.hasRole(...roles)) throw new ForbiddenError();
    return true;
  }
}
