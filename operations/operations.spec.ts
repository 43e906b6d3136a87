import { readFileSync } from 'node:fs';
// @ts-expect-error -- the generator is a plain ES module run by node, without type declarations
import { OUTPUT, generateOperations } from './codegen.mjs';

describe('typed operations (operations/*.graphql → operations/generated.ts)', () => {
  it('are what schema.graphql and the documents give (run `npm run codegen` when this fails)', async () => {
    expect(readFileSync(OUTPUT as string, 'utf8')).toBe(await (generateOperations as () => Promise<string>)());
  });
});
