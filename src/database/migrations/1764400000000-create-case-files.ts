import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** case_files: one row per stored case file (卷宗). Written with the Table API so it runs on sqlite and postgres. */
export class CreateCaseFiles1764400000000 implements MigrationInterface {
  name = 'CreateCaseFiles1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'case_files',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'case_number', type: 'varchar', length: '200' },
          { name: 'agency', type: 'varchar', length: '200' },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'year', type: 'integer' },
          { name: 'party_names', type: 'text' },
          { name: 'document', type: 'text' },
          // UTC ISO-8601 instants (2025-09-03T08:15:30.123Z), written by the service
          { name: 'created_at', type: 'varchar', length: '24' },
          { name: 'updated_at', type: 'varchar', length: '24' },
          { name: 'version', type: 'integer' },
        ],
      }),
    );
    await q.createIndex(
      'case_files',
      new TableIndex({ name: 'IDX_case_files_agency_case_number', columnNames: ['agency', 'case_number'], isUnique: true }),
    );
    await q.createIndex('case_files', new TableIndex({ name: 'IDX_case_files_status', columnNames: ['status'] }));
    await q.createIndex('case_files', new TableIndex({ name: 'IDX_case_files_year', columnNames: ['year'] }));
    await q.createIndex('case_files', new TableIndex({ name: 'IDX_case_files_created_at', columnNames: ['created_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('case_files');
  }
}
