/** The `bi` views that can be exported as CSV, by the name the CLI and GET /exports/<name>.csv use. */
export const BI_EXPORT_VIEWS: Readonly<Record<string, string>> = {
  'employer-counts': 'employer_counts_by_region_fiscal_year',
  'dim-region': 'dim_region',
  'dim-company': 'dim_company',
  'dim-advisor': 'dim_advisor',
  'fact-accompaniment': 'fact_accompaniment',
  'fact-interaction': 'fact_interaction',
  'fact-recruitment-need': 'fact_recruitment_need',
  'fact-event-participation': 'fact_event_participation',
  'fact-portail-referral': 'fact_portail_referral',
};

/** The column that holds a view's fiscal year (`--fiscal-year` filters on it), if it has one. */
export const FISCAL_YEAR_COLUMNS = ['fiscal_year', 'fiscal_year_opened'] as const;
