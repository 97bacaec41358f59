import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

const instant = (name: string, nullable = false) => ({ name, type: 'varchar', length: '24', isNullable: nullable });
const id = (name: string, nullable = false) => ({ name, type: 'varchar', length: '36', isNullable: nullable });

/** 年度案卷评查任务: tasks, sampled cases, 异议, 整改 ticks. Table API: runs on sqlite and postgres. */
export class CreateEvaluationTasks1764920000000 implements MigrationInterface {
  name = 'CreateEvaluationTasks1764920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'evaluation_tasks',
        columns: [
          { ...id('id'), isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'sheet_id', type: 'varchar', length: '100' },
          { name: 'state', type: 'varchar', length: '12' },
          { name: 'params', type: 'text' },
          { name: 'draw', type: 'text' },
          id('created_by_id'),
          { name: 'created_by_name', type: 'varchar', length: '100' },
          instant('created_at'),
          instant('published_at', true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'evaluation_task_cases',
        columns: [
          { ...id('id'), isPrimary: true },
          id('task_id'),
          id('case_id'),
          { name: 'case_number', type: 'varchar', length: '200' },
          { name: 'agency', type: 'varchar', length: '200' },
          id('agency_id', true),
          { name: 'officers', type: 'text' },
          { name: 'reason', type: 'varchar', length: '10' },
          id('evaluator_id', true),
          { name: 'evaluator_name', type: 'varchar', length: '100', isNullable: true },
          id('review_id', true),
        ],
      }),
    );
    await q.createIndex('evaluation_task_cases', new TableIndex({ name: 'IDX_task_cases_task_case', columnNames: ['task_id', 'case_id'], isUnique: true }));
    await q.createTable(
      new Table({
        name: 'evaluation_objections',
        columns: [
          { ...id('id'), isPrimary: true },
          id('task_id'),
          id('case_id'),
          { name: 'fingerprint', type: 'varchar', length: '80' },
          { name: 'rule_id', type: 'varchar', length: '40' },
          { name: 'title', type: 'text' },
          { name: 'reason', type: 'text' },
          id('by_id'),
          { name: 'by_name', type: 'varchar', length: '100' },
          instant('created_at'),
          { name: 'outcome', type: 'varchar', length: '10', isNullable: true },
          { name: 'answer', type: 'text', isNullable: true },
          id('answered_by_id', true),
          { name: 'answered_by_name', type: 'varchar', length: '100', isNullable: true },
          instant('answered_at', true),
        ],
      }),
    );
    await q.createIndex('evaluation_objections', new TableIndex({ name: 'IDX_objections_task', columnNames: ['task_id', 'created_at'] }));
    await q.createTable(
      new Table({
        name: 'evaluation_rectifications',
        columns: [
          { ...id('id'), isPrimary: true },
          id('task_id'),
          { name: 'item_key', type: 'varchar', length: '200' },
          { name: 'done', type: 'boolean' },
          { name: 'note', type: 'text', isNullable: true },
          id('by_id'),
          { name: 'by_name', type: 'varchar', length: '100' },
          instant('updated_at'),
        ],
      }),
    );
    await q.createIndex('evaluation_rectifications', new TableIndex({ name: 'IDX_rectifications_task_key', columnNames: ['task_id', 'item_key'], isUnique: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['evaluation_rectifications', 'evaluation_objections', 'evaluation_task_cases', 'evaluation_tasks']) await q.dropTable(t);
  }
}
