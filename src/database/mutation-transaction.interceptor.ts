import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { UnitOfWork } from './unit-of-work.js';

/**
 * Runs every GraphQL mutation (root field of `Mutation`) inside one transaction: the data it writes and its
 * audit rows commit together, or a refusal anywhere rolls everything back.
 */
@Injectable()
export class MutationTransactionInterceptor implements NestInterceptor {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType<GqlContextType>() !== 'graphql') return next.handle();
    const info = GqlExecutionContext.create(execution).getInfo<{ parentType: { name: string } }>();
    if (info.parentType.name !== 'Mutation') return next.handle();
    return from(this.unitOfWork.run(() => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
