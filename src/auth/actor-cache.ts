import type { Actor } from './request-context.js';

/** Actors kept at most; the least recently used one goes first. */
export const ACTORS_KEPT = 10_000;

/**
 * The actors this instance found, by what identifies the caller (an email with HS256, an issuer and subject with
 * OpenID Connect), so that a request whose advisor was found before sends no statement to authenticate.
 *
 * Trusted only while the listener of `actor_changed` is connected and listening (ActorChangeListener): before that
 * and whenever it drops, `get` finds nothing, `set` keeps nothing, so every lookup reads the database. Only found
 * (active) advisors are kept: a refusal is read again each time. Each invalidation moves a generation on; a lookup
 * takes a `ticket` (the generation) before reading, and its result is kept only if nothing was invalidated in the
 * meantime, so that a read that started before a change never outlives the change's notification.
 */
export class ActorCache {
  private readonly entries = new Map<string, Actor>();
  private generation = 0;
  private trusted = false;

  constructor(private readonly capacity = ACTORS_KEPT) {}

  get isTrusted(): boolean {
    return this.trusted;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The actor kept under `key`, or undefined (always while untrusted). */
  get(key: string): Actor | undefined {
    if (!this.trusted) return undefined;
    const actor = this.entries.get(key);
    if (actor) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, actor);
    }
    return actor;
  }

  /** Taken before a lookup reads the database; `set` keeps the result only if nothing was invalidated since. */
  ticket(): number {
    return this.generation;
  }

  set(key: string, actor: Actor, ticket: number): void {
    if (!this.trusted || ticket !== this.generation) return;
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, Object.freeze({ ...actor, regionCodes: Object.freeze([...actor.regionCodes]) }));
  }

  /** An advisor changed: whatever is kept of them goes. */
  invalidate(advisorId: string): void {
    this.generation += 1;
    for (const [key, actor] of this.entries) if (actor.id === advisorId) this.entries.delete(key);
  }

  /** Anything may have changed: everything goes. */
  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  /** The listener is listening: from now on a change is heard, so results may be kept (from an empty cache). */
  trust(): void {
    this.clear();
    this.trusted = true;
  }

  /** The listener is gone: changes may go unheard, so nothing is kept nor answered until it is back. */
  distrust(): void {
    this.trusted = false;
    this.clear();
  }
}
