import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';

/** The statements of the CSV downloads: what a `bi` view holds, and its rows as COPY CSV (from the replica if any). */
@Injectable()
export class ExportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async viewColumns(view: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'bi' AND table_name = $1`,
      [view],
    )) as { column_name: string }[];
    return rows.map((row) => row.column_name);
  }

  /** `COPY (SELECT * FROM bi.<view> [WHERE <column> = '<value>']) TO STDOUT` as CSV with a header, to `consume`. */
  async copy(view: string, where: { column: string; value: string } | null, consume: (csv: Readable) => Promise<void>): Promise<void> {
    // COPY takes no parameters: callers pass a view and a value they checked (a bi view's name, YYYY-YYYY).
    const condition = where ? ` WHERE ${where.column} = '${where.value}'` : '';
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      const client = (await runner.connect()) as pg.PoolClient;
      await consume(client.query(copyTo(`COPY (SELECT * FROM bi.${view}${condition}) TO STDOUT WITH (FORMAT csv, HEADER true)`)));
    } finally {
      await runner.release();
    }
  }
}
