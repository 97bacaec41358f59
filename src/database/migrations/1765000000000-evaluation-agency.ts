import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * evaluations: the agency of the user who started it. An evaluation's outputs hold the case files' party data, so
 * only users whose agency subtree contains that agency see the evaluation (as with cases). Evaluations started
 * before accounts existed have none and are visible to no account.
 */
export class EvaluationAgency1765000000000 implements MigrationInterface {
  name = 'EvaluationAgency1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('evaluations', new TableColumn({ name: 'agency_id', type: 'varchar', length: '36', isNullable: true }));
    await q.createIndex('evaluations', new TableIndex({ name: 'IDX_evaluations_agency_id', columnNames: ['agency_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('evaluations', 'IDX_evaluations_agency_id');
    await q.dropColumn('evaluations', 'agency_id');
  }
}
