import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

/**
 * case_summaries, case_summary_tags, case_deadlines: what the case list, its filters and the deadline view read
 * (src/cases/case-summary.entity.ts). Each row goes with its case (foreign key, ON DELETE CASCADE). Rows for cases
 * stored before this migration are built at start-up by CaseSummaryService (it fills in every case without one).
 *
 * Search (?q, substring of 案号 or 当事人名称) uses an index on both databases:
 * - PostgreSQL: a trigram GIN index (pg_trgm, a trusted extension shipped with PostgreSQL) on search_text;
 * - SQLite: an FTS5 trigram table over search_text (external content, kept in step by triggers).
 * Its DDL is written out in full, like every migration's: a released migration runs as it ran, so none shares a
 * table or column helper with a later one (the alike column lists of the migrations are history, not logic).
 */
export class CreateCaseSummaries1764800000000 implements MigrationInterface {
  name = 'CreateCaseSummaries1764800000000';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.options.type === 'postgres';
    await q.createTable(
      new Table({
        name: 'case_summaries',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'case_id', type: 'varchar', length: '36' },
          { name: 'case_number', type: 'varchar', length: '200' },
          { name: 'agency', type: 'varchar', length: '200' },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'year', type: 'integer' },
          { name: 'procedure', type: 'varchar', length: '20' },
          { name: 'party_names', type: 'text' },
          { name: 'officers', type: 'text' },
          { name: 'search_text', type: 'text' },
          { name: 'version', type: 'integer' },
          { name: 'created_at', type: 'varchar', length: '24' },
          { name: 'updated_at', type: 'varchar', length: '24' },
          { name: 'review_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'reviewed_at', type: 'varchar', length: '24', isNullable: true },
          { name: 'reviewed_version', type: 'integer', isNullable: true },
          { name: 'review_mode', type: 'varchar', length: '10', isNullable: true },
          { name: 'finding_count', type: 'integer', isNullable: true },
          { name: 'veto_count', type: 'integer', isNullable: true },
          { name: 'score', type: 'real', isNullable: true },
          { name: 'grade', type: 'varchar', length: '20', isNullable: true },
          { name: 'sheet_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'sheet_version', type: 'varchar', length: '40', isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({ name: 'FK_case_summaries_case', columnNames: ['case_id'], referencedTableName: 'case_files', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
      }),
    );
    const index = (name: string, columnNames: string[], isUnique = false) =>
      q.createIndex('case_summaries', new TableIndex({ name, columnNames, isUnique }));
    await index('IDX_case_summaries_case_id', ['case_id'], true);
    // the list's order (newest first, then 案号, then id) and one index per filter the web app offers, each
    // ending in created_at so a filtered page is read in order without sorting every match
    await index('IDX_case_summaries_order', ['created_at', 'case_number', 'case_id']);
    await index('IDX_case_summaries_agency', ['agency', 'created_at']);
    await index('IDX_case_summaries_status', ['status', 'created_at']);
    await index('IDX_case_summaries_year', ['year', 'created_at']);
    await index('IDX_case_summaries_procedure', ['procedure', 'created_at']);
    await index('IDX_case_summaries_grade', ['grade', 'created_at']);
    await index('IDX_case_summaries_veto', ['veto_count', 'created_at']);
    await index('IDX_case_summaries_agency_year_status', ['agency', 'year', 'status', 'created_at']);

    await q.createTable(
      new Table({
        name: 'case_summary_tags',
        columns: [
          { name: 'kind', type: 'varchar', length: '10', isPrimary: true },
          { name: 'value', type: 'varchar', length: '200', isPrimary: true },
          { name: 'case_id', type: 'varchar', length: '36', isPrimary: true },
        ],
        foreignKeys: [
          new TableForeignKey({ name: 'FK_case_summary_tags_case', columnNames: ['case_id'], referencedTableName: 'case_files', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
      }),
    );
    await q.createIndex('case_summary_tags', new TableIndex({ name: 'IDX_case_summary_tags_case', columnNames: ['case_id'] }));

    await q.createTable(
      new Table({
        name: 'case_deadlines',
        columns: [
          { name: 'case_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'seq', type: 'integer', isPrimary: true },
          { name: 'agency', type: 'varchar', length: '200' },
          { name: 'case_number', type: 'varchar', length: '200' },
          { name: 'rule_id', type: 'varchar', length: '40' },
          { name: 'label', type: 'varchar', length: '200' },
          { name: 'due_on', type: 'varchar', length: '10' },
          { name: 'calendar', type: 'text' },
        ],
        foreignKeys: [
          new TableForeignKey({ name: 'FK_case_deadlines_case', columnNames: ['case_id'], referencedTableName: 'case_files', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
      }),
    );
    await q.createIndex('case_deadlines', new TableIndex({ name: 'IDX_case_deadlines_due', columnNames: ['due_on', 'agency'] }));
    await q.createIndex('case_deadlines', new TableIndex({ name: 'IDX_case_deadlines_agency_due', columnNames: ['agency', 'due_on'] }));

    if (postgres) {
      const [{ available }] = (await q.query(`SELECT count(*)::int AS available FROM pg_available_extensions WHERE name = 'pg_trgm'`)) as { available: number }[];
      if (available) {
        await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
        await q.query('CREATE INDEX "IDX_case_summaries_search" ON case_summaries USING gin (search_text gin_trgm_ops)');
      }
    } else {
      await q.query(`CREATE VIRTUAL TABLE case_summary_fts USING fts5(search_text, content='case_summaries', content_rowid='seq', tokenize='trigram')`);
      await q.query(`CREATE TRIGGER case_summaries_fts_insert AFTER INSERT ON case_summaries BEGIN
        INSERT INTO case_summary_fts(rowid, search_text) VALUES (new.seq, new.search_text); END`);
      await q.query(`CREATE TRIGGER case_summaries_fts_delete AFTER DELETE ON case_summaries BEGIN
        INSERT INTO case_summary_fts(case_summary_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text); END`);
      await q.query(`CREATE TRIGGER case_summaries_fts_update AFTER UPDATE OF search_text ON case_summaries BEGIN
        INSERT INTO case_summary_fts(case_summary_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
        INSERT INTO case_summary_fts(rowid, search_text) VALUES (new.seq, new.search_text); END`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') {
      for (const t of ['case_summaries_fts_insert', 'case_summaries_fts_delete', 'case_summaries_fts_update']) await q.query(`DROP TRIGGER IF EXISTS ${t}`);
      await q.query('DROP TABLE IF EXISTS case_summary_fts');
    }
    await q.dropTable('case_deadlines');
    await q.dropTable('case_summary_tags');
    await q.dropTable('case_summaries');
  }
}
