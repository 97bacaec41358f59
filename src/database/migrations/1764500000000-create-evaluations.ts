import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * evaluations: one row per annual evaluation run (年度案卷评查). Table API: runs on sqlite and postgres.
 * Its DDL is written out in full, like every migration's: a released migration runs as it ran, so none shares a
 * table or column helper with a later one (the alike column lists of the migrations are history, not logic).
 */
export class CreateEvaluations1764500000000 implements MigrationInterface {
  name = 'CreateEvaluations1764500000000';

  async up(q: QueryRunner): Promise<void> {
    const timestamp = q.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    await q.createTable(
      new Table({
        name: 'evaluations',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'source', type: 'text' },
          { name: 'sheet_id', type: 'varchar', length: '64' },
          { name: 'as_of', type: 'varchar', length: '10' },
          { name: 'total', type: 'integer', default: 0 },
          { name: 'done', type: 'integer', default: 0 },
          { name: 'failed_files', type: 'integer', default: 0 },
          { name: 'summary', type: 'text', isNullable: true },
          { name: 'error', type: 'text', isNullable: true },
          { name: 'created_at', type: timestamp, default: 'CURRENT_TIMESTAMP' },
          { name: 'started_at', type: 'varchar', length: '30', isNullable: true },
          { name: 'finished_at', type: 'varchar', length: '30', isNullable: true },
        ],
      }),
    );
    await q.createIndex('evaluations', new TableIndex({ name: 'IDX_evaluations_status', columnNames: ['status'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('evaluations');
  }
}
