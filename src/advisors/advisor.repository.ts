import { Injectable } from '@nestjs/common';
import { ownRegionCodes } from '../auth/own-regions.sql.js';
import type { Role } from '../auth/role.js';
import { repositoryOf } from '../database/entity-repository.js';
import { asc, paginate, type Page } from '../database/keyset-pagination.js';
import { REGION_COLUMNS, regionFromRow, type Region, type RegionRow } from '../reference-data/region.entity.js';
import { Advisor } from './advisor.entity.js';
import type { AdvisorsArgs } from './dto/advisor.inputs.js';
import type { CompiledNodes } from '../graphql/compiled-lists/compiled-nodes.js';

/** The SQL of advisors (users) and of their assigned regions. */
@Injectable()
export class AdvisorRepository extends repositoryOf(Advisor) {
  findByEmail(email: string): Promise<Advisor | null> {
    return this.db.findOneBy(Advisor, { email });
  }

  /** Own regions of each advisor: their direction's for a manager, their assigned ones otherwise. */
  async ownRegions(ids: readonly string[]): Promise<(Region & { advisorId: string })[]> {
    const rows: (RegionRow & { advisor_id: string })[] = await this.db.query(
      `SELECT a.id AS advisor_id, ${REGION_COLUMNS}
         FROM advisors a
         JOIN regions r ON r.code IN (${ownRegionCodes('a')})
        WHERE a.id = ANY($1::uuid[])
        ORDER BY r.code`,
      [[...ids]],
    );
    return rows.map((row) => Object.assign(regionFromRow(row), { advisorId: row.advisor_id }));
  }

  /** The role of an active advisor and whether `regionCode` is one of their own regions (none: inactive or unknown). */
  async leadership(advisorId: string, regionCode: string): Promise<{ role: Role; in_region: boolean } | undefined> {
    const rows: { role: Role; in_region: boolean }[] = await this.db.query(
      `SELECT a.role, $2 IN (${ownRegionCodes('a')}) AS in_region
         FROM advisors a
        WHERE a.id = $1 AND a.active`,
      [advisorId, regionCode],
    );
    return rows[0];
  }

  list(args: AdvisorsArgs, nodes: CompiledNodes | null = null): Promise<Page<Advisor>> {
    const query = this.select('advisor');
    const filter = args.filter ?? {};
    if (filter.role) query.andWhere('advisor.role = :role', { role: filter.role });
    if (filter.active !== undefined) query.andWhere('advisor.active = :active', { active: filter.active });
    if (filter.search) {
      query.andWhere(`(advisor.full_name ILIKE :search OR advisor.email ILIKE :search)`, {
        search: `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    if (filter.regionCode) {
      query.andWhere(`:regionCode IN (${ownRegionCodes('advisor')})`, { regionCode: filter.regionCode });
    }
    return paginate(query, args, [asc('lower(advisor.full_name)'), asc('advisor.id')], nodes);
  }

  async replaceRegions(advisorId: string, regionCodes: string[]): Promise<void> {
    await this.db.query(`DELETE FROM advisor_regions WHERE advisor_id = $1`, [advisorId]);
    if (regionCodes.length > 0) {
      await this.db.query(
        `INSERT INTO advisor_regions (advisor_id, region_code) SELECT $1, unnest($2::varchar[]) ON CONFLICT DO NOTHING`,
        [advisorId, [...new Set(regionCodes)]],
      );
    }
  }

  async assignedRegionCodes(advisorId: string): Promise<string[]> {
    const rows: { region_code: string }[] = await this.db.query(
      `SELECT region_code FROM advisor_regions WHERE advisor_id = $1 ORDER BY region_code`,
      [advisorId],
    );
    return rows.map((row) => row.region_code);
  }
}
