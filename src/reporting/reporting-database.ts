import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Where reports and counts read: the read replica when DATABASE_READ_URL is set (TypeORM replication, "slave"
 * mode), the primary otherwise. Writes never go through here.
 */
@Injectable()
export class ReportingDatabase {
  constructor(private readonly dataSource: DataSource) {}

  async query<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      return (await runner.query(sql, parameters)) as T[];
    } finally {
      await runner.release();
    }
  }
}
