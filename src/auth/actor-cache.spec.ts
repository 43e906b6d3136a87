import { ActorCache } from './actor-cache.js';
import { Role } from './role.js';

const actor = (id: string, regionCodes = ['13']) => ({ id, email: `${id}@x.qc.ca`, role: Role.ADVISOR, regionCodes, directionCode: null });

describe('ActorCache', () => {
  it('keeps and answers nothing until trusted, and nothing once distrusted', () => {
    const cache = new ActorCache();
    cache.set('k', actor('a'), cache.ticket());
    expect(cache.get('k')).toBeUndefined();
    cache.trust();
    cache.set('k', actor('a'), cache.ticket());
    expect(cache.get('k')?.id).toBe('a');
    cache.distrust();
    expect(cache.get('k')).toBeUndefined();
    cache.trust();
    expect(cache.get('k')).toBeUndefined(); // trusted again from an empty cache
  });

  it('drops a result read before an invalidation (its ticket is stale)', () => {
    const cache = new ActorCache();
    cache.trust();
    const ticket = cache.ticket();
    cache.invalidate('someone-else');
    cache.set('k', actor('a'), ticket);
    expect(cache.get('k')).toBeUndefined();
    const beforeTrust = cache.ticket();
    cache.distrust();
    cache.trust();
    cache.set('k', actor('a'), beforeTrust);
    expect(cache.get('k')).toBeUndefined();
  });

  it('invalidates every key of one advisor, and only theirs; clear drops everything', () => {
    const cache = new ActorCache();
    cache.trust();
    cache.set('email a', actor('a'), cache.ticket());
    cache.set('oidc a', actor('a'), cache.ticket());
    cache.set('email b', actor('b'), cache.ticket());
    cache.invalidate('a');
    expect([cache.get('email a'), cache.get('oidc a'), cache.get('email b')?.id]).toEqual([undefined, undefined, 'b']);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('evicts the least recently used entry past its capacity', () => {
    const cache = new ActorCache(2);
    cache.trust();
    cache.set('a', actor('a'), cache.ticket());
    cache.set('b', actor('b'), cache.ticket());
    cache.get('a');
    cache.set('c', actor('c'), cache.ticket());
    expect([cache.get('a')?.id, cache.get('b'), cache.get('c')?.id]).toEqual(['a', undefined, 'c']);
  });

  it('hands out frozen actors, so no request can change what the next one gets', () => {
    const cache = new ActorCache();
    cache.trust();
    const regions = ['13'];
    cache.set('k', actor('a', regions), cache.ticket());
    regions.push('06');
    const kept = cache.get('k')!;
    expect(kept.regionCodes).toEqual(['13']);
    expect(() => (kept.regionCodes as string[]).push('06')).toThrow(TypeError);
  });
});
