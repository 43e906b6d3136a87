import { Foundation1763700000000 } from './1763700000000-foundation.js';
import { CoreCrm1763800000000 } from './1763800000000-core-crm.js';
import { RecruitmentEventsReferrals1763900000000 } from './1763900000000-recruitment-events-referrals.js';
import { BiViews1764000000000 } from './1764000000000-bi-views.js';
import { CompanyNameKeyIndex1764100000000 } from './1764100000000-company-name-key-index.js';
import { IdempotencyKeys1764200000000 } from './1764200000000-idempotency-keys.js';
import { PersonalInformation1764300000000 } from './1764300000000-personal-information.js';
import { EmployerActivityRollup1764400000000 } from './1764400000000-employer-activity-rollup.js';
import { RegionalReportIndex1764500000000 } from './1764500000000-regional-report-index.js';
import { EmployerActivityFiscalYears1764600000000 } from './1764600000000-employer-activity-fiscal-years.js';
import { InteractionDailyTotals1764700000000 } from './1764700000000-interaction-daily-totals.js';
import { EmployerActivityLastEnded1764800000000 } from './1764800000000-employer-activity-last-ended.js';
import { AdvisorIdentity1764911000000 } from './1764911000000-advisor-identity.js';
import { AccessLogAppendOnly1764912000000 } from './1764912000000-access-log-append-only.js';
import { IdempotencyOutcomes1764913000000 } from './1764913000000-idempotency-outcomes.js';
import { RateLimits1764914000000 } from './1764914000000-rate-limits.js';
import { ActorChangeNotifications1764915000000 } from './1764915000000-actor-change-notifications.js';

/** Every migration, in order. The service, the CLI and the tests all apply this list. */
export const MIGRATIONS = [
  Foundation1763700000000,
  CoreCrm1763800000000,
  RecruitmentEventsReferrals1763900000000,
  BiViews1764000000000,
  CompanyNameKeyIndex1764100000000,
  IdempotencyKeys1764200000000,
  PersonalInformation1764300000000,
  EmployerActivityRollup1764400000000,
  RegionalReportIndex1764500000000,
  EmployerActivityFiscalYears1764600000000,
  InteractionDailyTotals1764700000000,
  EmployerActivityLastEnded1764800000000,
  AdvisorIdentity1764911000000,
  AccessLogAppendOnly1764912000000,
  IdempotencyOutcomes1764913000000,
  RateLimits1764914000000,
  ActorChangeNotifications1764915000000,
];
