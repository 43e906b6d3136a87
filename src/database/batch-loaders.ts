import DataLoader from 'dataloader';
import type { RequestContext } from '../auth/request-context.js';

/**
 * How to load many keys in one statement. Modules create definitions once (singletons); each request gets
 * its own DataLoader per definition, so caching never crosses requests or callers.
 */
export class LoaderDefinition<K, V> {
  constructor(
    readonly name: string,
    readonly batch: (keys: readonly K[], ctx: RequestContext | null) => Promise<V[]>,
  ) {}
}

/**
 * A definition whose batch returns rows that carry their own key: the rows are matched back to the keys
 * (missing keys get `fallback`).
 */
export function keyedLoader<K, V>(
  name: string,
  fetch: (keys: readonly K[], ctx: RequestContext | null) => Promise<V[]>,
  keyOf: (row: V) => K,
): LoaderDefinition<K, V | null> {
  return new LoaderDefinition<K, V | null>(name, async (keys, ctx) => {
    const byKey = new Map((await fetch(keys, ctx)).map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** A definition for one-to-many relations: rows are grouped under their parent key (empty list when none). */
export function groupedLoader<K, V>(
  name: string,
  fetch: (keys: readonly K[], ctx: RequestContext | null) => Promise<V[]>,
  keyOf: (row: V) => K,
): LoaderDefinition<K, V[]> {
  return new LoaderDefinition<K, V[]>(name, async (keys, ctx) => {
    const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
    for (const row of await fetch(keys, ctx)) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

export class RequestLoaders {
  private readonly loaders = new Map<LoaderDefinition<unknown, unknown>, DataLoader<unknown, unknown>>();

  constructor(private readonly ctx: RequestContext | null) {}

  for<K, V>(definition: LoaderDefinition<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(definition as LoaderDefinition<unknown, unknown>) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>((keys) => definition.batch(keys, this.ctx), { maxBatchSize: 1000 });
      this.loaders.set(definition as LoaderDefinition<unknown, unknown>, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  load<K, V>(definition: LoaderDefinition<K, V>, key: K): Promise<V> {
    return this.for(definition).load(key);
  }

  /** Records values already loaded (e.g. the rows of a list) so relations pointing at them cost nothing. */
  prime<K, V>(definition: LoaderDefinition<K, V>, entries: Iterable<[K, V]>): void {
    const loader = this.for(definition);
    for (const [key, value] of entries) loader.prime(key, value);
  }
}
