import { dataOf, type TestApp } from './test-app.js';

let sequence = 0;

export interface AdvisorFixture {
  id: string;
  email: string;
  version: number;
}

/** Creates an advisor through the API as the test administrator (validated and audited like any client). */
export async function createAdvisor(
  app: TestApp,
  input: { role?: string; regionCodes?: string[]; directionCode?: string; fullName?: string; email?: string } = {},
): Promise<AdvisorFixture> {
  sequence += 1;
  const response = await app.graphql<{ createAdvisor: AdvisorFixture }>(
    `mutation ($input: CreateAdvisorInput!) { createAdvisor(input: $input) { id email version } }`,
    {
      variables: {
        input: {
          email: input.email ?? `conseiller.${sequence}.${Date.now()}@test.crm.example`,
          fullName: input.fullName ?? `Conseillère ${sequence}`,
          role: input.role ?? 'ADVISOR',
          regionCodes: input.regionCodes ?? (input.role && input.role !== 'ADVISOR' ? [] : ['13']),
          ...(input.directionCode ? { directionCode: input.directionCode } : {}),
        },
      },
    },
  );
  return dataOf(response).createAdvisor;
}
