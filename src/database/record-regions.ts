import { Injectable } from '@nestjs/common';

/** Tells in which region a record lives (null: unknown, or the record type has no region). */
export type RegionLookup = (id: string) => Promise<string | null>;

/**
 * Where regional records live, per record type: each regional repository (repositoryOf) registers how to find
 * its records' region, and the audit trail asks, so a manager's access to a record's trail can be decided without
 * the audit module knowing any record type.
 */
@Injectable()
export class RecordRegions {
  private readonly lookups = new Map<string, RegionLookup>();

  register(entityType: string, lookup: RegionLookup): void {
    this.lookups.set(entityType, lookup);
  }

  of(entityType: string, id: string): Promise<string | null> {
    return this.lookups.get(entityType)?.(id) ?? Promise.resolve(null);
  }
}
