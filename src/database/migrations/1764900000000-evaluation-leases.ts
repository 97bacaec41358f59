import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * evaluations: the lease of the instance running an evaluation (lease_owner, lease_until, renewed while it runs)
 * and the number of attempts. An evaluation is run by the one instance holding a live lease; a lease that ran out
 * (the instance died) lets another instance take the evaluation over.
 */
export class EvaluationLeases1764900000000 implements MigrationInterface {
  name = 'EvaluationLeases1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('evaluations', [
      new TableColumn({ name: 'lease_owner', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'lease_until', type: 'varchar', length: '30', isNullable: true }),
      new TableColumn({ name: 'attempts', type: 'integer', default: 0 }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('evaluations', 'attempts');
    await q.dropColumn('evaluations', 'lease_until');
    await q.dropColumn('evaluations', 'lease_owner');
  }
}
