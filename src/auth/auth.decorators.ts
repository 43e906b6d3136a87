import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import type { RequestContext } from './request-context.js';
import type { Role } from './role.js';

export const ROLES_KEY = 'crm:roles';
export const PUBLIC_KEY = 'crm:public';

/** Only these roles may call the operation; others get FORBIDDEN. Without it, any authenticated advisor may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The operation needs no token. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Injects the request context (who is asking, their role and regions) into a resolver method. */
export const Ctx = createParamDecorator((_data: unknown, execution: ExecutionContext): RequestContext => {
  const context = GqlExecutionContext.create(execution).getContext<GraphQLContext>();
  if (!('context' in context.auth)) throw context.auth.error;
  return context.auth.context;
});
