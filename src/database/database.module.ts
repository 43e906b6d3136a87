import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, type DatabaseUrls } from './data-source-options.js';
import { IdempotencyKeys } from './idempotency.js';
import { IdempotentReplays } from './idempotent-replays.js';
import { MutationTransactionInterceptor } from './mutation-transaction.interceptor.js';
import { UnitOfWork } from './unit-of-work.js';

@Global()
@Module({})
export class DatabaseModule {
  /** `connect: false` builds everything without opening a connection (schema generation). */
  static forRoot(urls: DatabaseUrls, connect = true): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(urls),
          autoLoadEntities: true,
          retryAttempts: 2,
          retryDelay: 500,
          manualInitialization: !connect,
        }),
      ],
      providers: [UnitOfWork, IdempotencyKeys, IdempotentReplays, { provide: APP_INTERCEPTOR, useClass: MutationTransactionInterceptor }],
      exports: [UnitOfWork, IdempotencyKeys, IdempotentReplays],
    };
  }
}
