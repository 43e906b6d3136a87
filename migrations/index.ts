import { Foundation1763700000000 } from './1763700000000-foundation.js';

/** Every migration, in order. The service, the CLI and the tests all apply this list. */
export const MIGRATIONS = [Foundation1763700000000];
