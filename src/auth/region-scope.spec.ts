import { ForbiddenError } from '../errors/domain.errors.js';
import { assertRegionInScope, regionScope } from './region-scope.js';
import { RequestContext } from './request-context.js';
import { Role } from './role.js';

const as = (role: Role, regionCodes: string[]) =>
  new RequestContext({ id: 'a', email: 'a@x.qc.ca', role, regionCodes, directionCode: null }, 'r');

describe('regionScope', () => {
  it('restricts advisors and managers to their own regions', () => {
    const condition = regionScope(as(Role.ADVISOR, ['13', '15']), 'c.region_code');
    expect(condition.sql).toMatch(/^c\.region_code IN \(:\.\.\.scopeRegions\d+\)$/);
    expect(Object.values(condition.parameters)).toEqual([['13', '15']]);
  });

  it('gives ADMIN and the system every region, ANALYST none', () => {
    expect(regionScope(as(Role.ADMIN, []), 'x').sql).toBe('TRUE');
    expect(regionScope(RequestContext.system('test'), 'x').sql).toBe('TRUE');
    expect(regionScope(as(Role.ANALYST, ['06']), 'x').sql).toBe('FALSE');
  });

  it('uses a distinct parameter name per condition so two can share a query', () => {
    const ctx = as(Role.MANAGER, ['06']);
    expect(Object.keys(regionScope(ctx, 'a').parameters)).not.toEqual(Object.keys(regionScope(ctx, 'b').parameters));
  });
});

describe('assertRegionInScope', () => {
  it('refuses a region outside the scope with FORBIDDEN', () => {
    expect(() => assertRegionInScope(as(Role.ADVISOR, ['13']), '06')).toThrow(ForbiddenError);
    expect(() => assertRegionInScope(as(Role.ADVISOR, ['13']), '13')).not.toThrow();
    expect(() => assertRegionInScope(as(Role.ADMIN, []), '06')).not.toThrow();
  });
});
