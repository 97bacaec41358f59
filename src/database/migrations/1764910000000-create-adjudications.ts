import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

const instant = (name: string, nullable = false) => ({ name, type: 'varchar', length: '24', isNullable: nullable });

/**
 * Rulings, explanations, manual judgements and sign-offs (人工评查). Table API: runs on sqlite and postgres.
 * Its DDL is written out in full, like every migration's: a released migration runs as it ran, so none shares a
 * table or column helper with a later one (the alike column lists of the migrations are history, not logic).
 */
export class CreateAdjudications1764910000000 implements MigrationInterface {
  name = 'CreateAdjudications1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'adjudication_rulings',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'case_id', type: 'varchar', length: '36' },
          { name: 'context', type: 'varchar', length: '36' },
          { name: 'rule_id', type: 'varchar', length: '40' },
          { name: 'fingerprint', type: 'varchar', length: '80' },
          { name: 'facts_digest', type: 'varchar', length: '64' },
          { name: 'refs', type: 'text' },
          { name: 'decision', type: 'varchar', length: '12' },
          { name: 'reason', type: 'text', isNullable: true },
          { name: 'title', type: 'text' },
          { name: 'review_id', type: 'varchar', length: '36' },
          { name: 'by_id', type: 'varchar', length: '36' },
          { name: 'by_name', type: 'varchar', length: '100' },
          instant('created_at'),
          instant('withdrawn_at', true),
          { name: 'withdrawn_by_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'withdrawn_by_name', type: 'varchar', length: '100', isNullable: true },
        ],
      }),
    );
    await q.createIndex('adjudication_rulings', new TableIndex({ name: 'IDX_rulings_case', columnNames: ['case_id', 'created_at'] }));
    await q.createTable(
      new Table({
        name: 'finding_explanations',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'case_id', type: 'varchar', length: '36' },
          { name: 'fingerprint', type: 'varchar', length: '80' },
          { name: 'text', type: 'text' },
          { name: 'by_id', type: 'varchar', length: '36' },
          { name: 'by_name', type: 'varchar', length: '100' },
          instant('created_at'),
        ],
      }),
    );
    await q.createIndex('finding_explanations', new TableIndex({ name: 'IDX_explanations_case', columnNames: ['case_id', 'created_at'] }));
    await q.createTable(
      new Table({
        name: 'manual_judgements',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'case_id', type: 'varchar', length: '36' },
          { name: 'context', type: 'varchar', length: '36' },
          { name: 'kind', type: 'varchar', length: '10' },
          { name: 'sheet_id', type: 'varchar', length: '100' },
          { name: 'item', type: 'text' },
          { name: 'category_id', type: 'varchar', length: '100' },
          { name: 'severity', type: 'varchar', length: '10', isNullable: true },
          { name: 'points', type: 'real' },
          { name: 'veto_id', type: 'varchar', length: '20', isNullable: true },
          { name: 'text', type: 'text', isNullable: true },
          { name: 'evidence', type: 'text', isNullable: true },
          { name: 'by_id', type: 'varchar', length: '36' },
          { name: 'by_name', type: 'varchar', length: '100' },
          instant('created_at'),
          instant('withdrawn_at', true),
        ],
      }),
    );
    await q.createIndex('manual_judgements', new TableIndex({ name: 'IDX_manual_judgements_case', columnNames: ['case_id', 'created_at'] }));
    await q.createTable(
      new Table({
        name: 'review_sign_offs',
        columns: [
          { name: 'review_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'case_id', type: 'varchar', length: '36' },
          { name: 'state', type: 'varchar', length: '10' },
          { name: 'events', type: 'text' },
          { name: 'snapshot', type: 'text', isNullable: true },
          instant('updated_at'),
          { name: 'version', type: 'integer' },
        ],
      }),
    );
    await q.createIndex('review_sign_offs', new TableIndex({ name: 'IDX_sign_offs_case', columnNames: ['case_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['review_sign_offs', 'manual_judgements', 'finding_explanations', 'adjudication_rulings']) await q.dropTable(t);
  }
}
