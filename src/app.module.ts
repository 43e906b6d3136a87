import { Module, type DynamicModule } from '@nestjs/common';
import { AdvisorsModule } from './advisors/advisors.module.js';
import { AccompanimentsModule } from './accompaniments/accompaniments.module.js';
import { JourneesQuebecModule } from './journees-quebec/journees-quebec.module.js';
import { PortailReferralsModule } from './portail-referrals/portail-referrals.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { CompaniesModule } from './companies/companies.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import type { DatabaseUrls } from './database/data-source-options.js';
import { DatabaseModule } from './database/database.module.js';
import { DemoModule } from './demo/demo.module.js';
import { GraphQLApiModule } from './graphql/graphql-api.module.js';
import { HealthModule } from './health/health.module.js';
import { ObservabilityModule } from './observability/observability.module.js';
import { RecruitmentNeedsModule } from './recruitment-needs/recruitment-needs.module.js';
import { ReferenceDataModule } from './reference-data/reference-data.module.js';
import { ReportingModule } from './reporting/reporting.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { SignInModule } from './sign-in/sign-in.module.js';
import { StartupModule } from './startup/startup.module.js';
import { WorklistModule } from './worklist/worklist.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DatabaseUrls, connectDatabase = true): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // Foundation
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(database, connectDatabase),
        AuthModule,
        AuditModule,
        GraphQLApiModule,
        HealthModule,
        ObservabilityModule,
        // Domain
        ReferenceDataModule,
        AdvisorsModule,
        SignInModule,
        CompaniesModule,
        AccompanimentsModule,
        JourneesQuebecModule,
        PortailReferralsModule,
        RecruitmentNeedsModule,
        WorklistModule,
        ReportingModule,
        ExportsModule,
        PrivacyModule,
        // Operations
        DemoModule,
        StartupModule,
      ],
    };
  }
}
