import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The review mode `pre-decision` (法制审核 before the decision, 行政处罚法第58条) is longer than the 10 characters the
 * mode columns were made with. PostgreSQL enforces varchar lengths; SQLite does not (nothing to do there).
 */
export class ReviewModeWidth1765200000000 implements MigrationInterface {
  name = 'ReviewModeWidth1765200000000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') return;
    await q.query('ALTER TABLE reviews ALTER COLUMN mode TYPE varchar(20)');
    await q.query('ALTER TABLE case_summaries ALTER COLUMN review_mode TYPE varchar(20)');
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') return;
    await q.query("UPDATE reviews SET mode = 'draft' WHERE mode = 'pre-decision'");
    await q.query("UPDATE case_summaries SET review_mode = 'draft' WHERE review_mode = 'pre-decision'");
    await q.query('ALTER TABLE reviews ALTER COLUMN mode TYPE varchar(10)');
    await q.query('ALTER TABLE case_summaries ALTER COLUMN review_mode TYPE varchar(10)');
  }
}
