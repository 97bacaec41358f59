import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * reviews: stored results of POST /api/cases/:id/reviews (rule engine). Table API: runs on sqlite and postgres.
 * Its DDL is written out in full, like every migration's: a released migration runs as it ran, so none shares a
 * table or column helper with a later one (the alike column lists of the migrations are history, not logic).
 */
export class CreateReviews1764600000000 implements MigrationInterface {
  name = 'CreateReviews1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'reviews',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'case_id', type: 'varchar', length: '36' },
          { name: 'case_version', type: 'integer' },
          { name: 'rule_pack_version', type: 'varchar', length: '40' },
          { name: 'holiday_data_version', type: 'varchar', length: '200' },
          { name: 'mode', type: 'varchar', length: '10' },
          { name: 'as_of', type: 'varchar', length: '10' },
          { name: 'finding_count', type: 'integer' },
          { name: 'veto_count', type: 'integer' },
          { name: 'created_at', type: 'varchar', length: '24' },
          { name: 'result', type: 'text' },
        ],
      }),
    );
    await q.createIndex('reviews', new TableIndex({ name: 'IDX_reviews_case_created', columnNames: ['case_id', 'created_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('reviews');
  }
}
