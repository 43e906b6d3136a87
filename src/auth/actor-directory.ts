import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { Actor } from './request-context.js';
import type { Role } from './role.js';

interface ActorRow {
  id: string;
  email: string;
  role: Role;
  direction_code: string | null;
  region_codes: string[];
}

/**
 * Finds the active advisor behind an email, with role and "own regions" from the database, in one statement:
 * a manager's regions are those of their direction, anyone else's those assigned to them.
 */
@Injectable()
export class ActorDirectory {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async findActiveByEmail(email: string): Promise<Actor | null> {
    const rows: ActorRow[] = await this.unitOfWork.manager.query(
      `SELECT a.id, a.email, a.role, a.direction_code,
              CASE WHEN a.role = 'MANAGER'
                   THEN ARRAY(SELECT r.code FROM regions r WHERE r.direction_code = a.direction_code ORDER BY r.code)
                   ELSE ARRAY(SELECT ar.region_code FROM advisor_regions ar WHERE ar.advisor_id = a.id
                              ORDER BY ar.region_code)
              END AS region_codes
         FROM advisors a
        WHERE a.email = $1 AND a.active`,
      [email],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      role: row.role,
      directionCode: row.direction_code,
      regionCodes: row.region_codes,
    };
  }
}
