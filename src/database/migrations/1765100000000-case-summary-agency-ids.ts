import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * case_summaries and case_deadlines carry the case's agency id (case_files.agency_id), so a list or deadline view
 * scoped to a user's agencies filters on an index of the summary itself instead of joining case_files.
 */
export class CaseSummaryAgencyIds1765100000000 implements MigrationInterface {
  name = 'CaseSummaryAgencyIds1765100000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['case_summaries', 'case_deadlines']) {
      // plain ALTER TABLE: on SQLite, TypeORM's addColumn rebuilds the table, which would drop the full-text triggers
      await q.query(`ALTER TABLE ${table} ADD COLUMN agency_id varchar(36)`);
      await q.query(`UPDATE ${table} SET agency_id = (SELECT c.agency_id FROM case_files c WHERE c.id = ${table}.case_id)`);
    }
    await q.createIndex('case_summaries', new TableIndex({ name: 'IDX_case_summaries_agency_id', columnNames: ['agency_id', 'created_at'] }));
    await q.createIndex('case_deadlines', new TableIndex({ name: 'IDX_case_deadlines_agency_id_due', columnNames: ['agency_id', 'due_on'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('case_deadlines', 'IDX_case_deadlines_agency_id_due');
    await q.dropIndex('case_summaries', 'IDX_case_summaries_agency_id');
    await q.query('ALTER TABLE case_deadlines DROP COLUMN agency_id');
    await q.query('ALTER TABLE case_summaries DROP COLUMN agency_id');
  }
}
