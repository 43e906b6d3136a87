import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { DevelopmentSignInAdvisor } from './sign-in.types.js';

/** The statements of the development sign-in: the active advisors it offers, with their own regions. */
@Injectable()
export class SignInRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async activeAdvisors(limit: number): Promise<DevelopmentSignInAdvisor[]> {
    const rows: { email: string; full_name: string; role: DevelopmentSignInAdvisor['role']; region_codes: string[] }[] =
      await this.unitOfWork.manager.query(
        `SELECT a.email, a.full_name, a.role,
                coalesce(array_agg(r.code ORDER BY r.code) FILTER (WHERE r.code IS NOT NULL), '{}') AS region_codes
           FROM advisors a
           LEFT JOIN regions r
             ON (a.role = 'MANAGER' AND r.direction_code = a.direction_code)
             OR (a.role <> 'MANAGER' AND EXISTS (SELECT 1 FROM advisor_regions ar WHERE ar.advisor_id = a.id AND ar.region_code = r.code))
          WHERE a.active
          GROUP BY a.id
          ORDER BY a.role, a.full_name
          LIMIT $1`,
        [limit],
      );
    return rows.map((row) => ({ email: row.email, fullName: row.full_name, role: row.role, regionCodes: row.region_codes }));
  }

  async isActive(email: string): Promise<boolean> {
    return (await this.unitOfWork.manager.query(`SELECT 1 FROM advisors WHERE email = $1 AND active`, [email])).length > 0;
  }
}
