/** Set by the global setup (test/support/global-setup.mjs) for every test file. */
export const TEST_ENV = {
  /** URL of a database on the test server from which databases can be created and dropped. */
  adminUrl: 'CRM_TEST_ADMIN_URL',
  /** Name of the migrated template database that each test file clones. */
  template: 'CRM_TEST_TEMPLATE',
  /** Prefix of this run's databases, so the teardown finds those a crashed worker left. */
  runPrefix: 'CRM_TEST_RUN_PREFIX',
} as const;
