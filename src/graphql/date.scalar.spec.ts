import { GraphQLDate, isIsoDate } from './date.scalar.js';

describe('Date scalar', () => {
  it.each(['2021-03-31', '2020-02-29', '2019-08-01'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
    expect(GraphQLDate.parseValue(value)).toBe(value);
  });

  it.each(['2021-02-29', '2021-13-01', '2021-3-1', '31/03/2021', '2021-03-31T00:00:00Z', '', 20210331])(
    'refuses %p with BAD_USER_INPUT',
    (value) => {
      expect(() => GraphQLDate.parseValue(value)).toThrow(
        expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }),
      );
    },
  );

  it('serializes a JS Date as its calendar date', () => {
    expect(GraphQLDate.serialize(new Date('2021-03-31T00:00:00Z'))).toBe('2021-03-31');
  });
});
