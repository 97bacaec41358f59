import { randomUUID } from 'node:crypto';
import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { caseKey } from '../../core/case-file/case-number-key';

const instantColumn = (name: string, nullable = false) => ({ name, type: 'varchar', length: '24', isNullable: nullable });

/**
 * Accounts, agencies, sessions and the audit log; case files gain their agency record and a comparison key for
 * the case number.
 *
 * Existing case files name their agency as free text: one agency record is created per distinct name (trimmed)
 * and every case is attached to it. The case key (agency + case number as compared) of existing rows is computed here; rows that already
 * collide under the new comparison (look-alike numbers stored before it existed) keep a key made unique with their
 * id, so the migration never fails and no row is lost — they show up as distinct cases, as before.
 */
export class CreateAuth1764700000000 implements MigrationInterface {
  name = 'CreateAuth1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'agencies',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'parent_id', type: 'varchar', length: '36', isNullable: true },
          instantColumn('created_at'),
          instantColumn('updated_at'),
        ],
      }),
    );
    await q.createIndex('agencies', new TableIndex({ name: 'IDX_agencies_name', columnNames: ['name'], isUnique: true }));
    await q.createIndex('agencies', new TableIndex({ name: 'IDX_agencies_parent_id', columnNames: ['parent_id'] }));

    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'username', type: 'varchar', length: '64' },
          { name: 'display_name', type: 'varchar', length: '100' },
          { name: 'password_hash', type: 'varchar', length: '255' },
          { name: 'roles', type: 'varchar', length: '200' },
          { name: 'agency_id', type: 'varchar', length: '36' },
          { name: 'disabled', type: 'boolean', default: false },
          { name: 'failed_logins', type: 'integer', default: 0 },
          instantColumn('locked_until', true),
          instantColumn('created_at'),
          instantColumn('updated_at'),
        ],
      }),
    );
    await q.createIndex('users', new TableIndex({ name: 'IDX_users_username', columnNames: ['username'], isUnique: true }));
    await q.createIndex('users', new TableIndex({ name: 'IDX_users_agency_id', columnNames: ['agency_id'] }));

    await q.createTable(
      new Table({
        name: 'auth_sessions',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          instantColumn('created_at'),
          instantColumn('last_seen_at'),
          instantColumn('expires_at'),
          instantColumn('revoked_at', true),
          { name: 'ip', type: 'varchar', length: '64', isNullable: true },
        ],
      }),
    );
    await q.createIndex('auth_sessions', new TableIndex({ name: 'IDX_auth_sessions_user_id', columnNames: ['user_id'] }));

    await q.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          instantColumn('at'),
          { name: 'action', type: 'varchar', length: '64' },
          { name: 'entity_type', type: 'varchar', length: '64' },
          { name: 'entity_id', type: 'varchar', length: '100', isNullable: true },
          { name: 'case_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'user_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'username', type: 'varchar', length: '64', isNullable: true },
          { name: 'agency_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'roles', type: 'varchar', length: '200', isNullable: true },
          { name: 'version_before', type: 'integer', isNullable: true },
          { name: 'version_after', type: 'integer', isNullable: true },
          { name: 'before', type: 'text', isNullable: true },
          { name: 'after', type: 'text', isNullable: true },
          { name: 'request_id', type: 'varchar', length: '100', isNullable: true },
          { name: 'ip', type: 'varchar', length: '64', isNullable: true },
        ],
      }),
    );
    await q.createIndex('audit_log', new TableIndex({ name: 'IDX_audit_log_at', columnNames: ['at'] }));
    await q.createIndex('audit_log', new TableIndex({ name: 'IDX_audit_log_case_id', columnNames: ['case_id'] }));
    await q.createIndex('audit_log', new TableIndex({ name: 'IDX_audit_log_user_id', columnNames: ['user_id'] }));
    // Append-only: the database itself refuses to change or remove an entry.
    if (q.connection.options.type === 'postgres') {
      await q.query(
        `CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$ LANGUAGE plpgsql`,
      );
      await q.query(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    } else {
      await q.query(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`);
      await q.query(`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`);
    }

    await q.addColumn('case_files', new TableColumn({ name: 'agency_id', type: 'varchar', length: '36', isNullable: true }));
    await q.addColumn('case_files', new TableColumn({ name: 'case_key', type: 'varchar', length: '500', isNullable: true }));

    // One agency record per distinct agency name of the stored cases.
    const now = new Date().toISOString();
    const names = (await q.query(`SELECT DISTINCT agency FROM case_files`)) as Array<{ agency: string }>;
    const agencyIdByName = new Map<string, string>();
    for (const { agency } of names) {
      const name = agency.trim();
      let id = agencyIdByName.get(name);
      if (!id) {
        id = randomUUID();
        agencyIdByName.set(name, id);
        await q.query(`INSERT INTO agencies (id, name, parent_id, created_at, updated_at) VALUES ($1, $2, NULL, $3, $4)`.replace(/\$(\d)/g, this.param(q)), [id, name, now, now]);
      }
      await q.query(`UPDATE case_files SET agency_id = $1 WHERE agency = $2`.replace(/\$(\d)/g, this.param(q)), [id, agency]);
    }
    const rows = (await q.query(`SELECT id, agency, case_number, agency_id FROM case_files ORDER BY created_at, id`)) as Array<{
      id: string;
      agency: string;
      case_number: string;
      agency_id: string;
    }>;
    const seen = new Set<string>();
    for (const row of rows) {
      let key = caseKey(row.agency, row.case_number);
      if (seen.has(`${row.agency_id}\n${key}`)) key = `${key}#${row.id}`;
      seen.add(`${row.agency_id}\n${key}`);
      await q.query(`UPDATE case_files SET case_key = $1 WHERE id = $2`.replace(/\$(\d)/g, this.param(q)), [key, row.id]);
    }
    await q.createIndex(
      'case_files',
      new TableIndex({ name: 'IDX_case_files_agency_id_case_key', columnNames: ['agency_id', 'case_key'], isUnique: true }),
    );
    await q.createIndex('case_files', new TableIndex({ name: 'IDX_case_files_agency_id', columnNames: ['agency_id'] }));
  }

  /** Placeholder syntax of the driver: $1 on postgres, ? on sqlite. */
  private param(q: QueryRunner): (m: string) => string {
    return q.connection.options.type === 'postgres' ? (m) => m : () => '?';
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('case_files', 'IDX_case_files_agency_id');
    await q.dropIndex('case_files', 'IDX_case_files_agency_id_case_key');
    await q.dropColumn('case_files', 'case_key');
    await q.dropColumn('case_files', 'agency_id');
    if (q.connection.options.type === 'postgres') {
      await q.query(`DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log`);
      await q.query(`DROP FUNCTION IF EXISTS audit_log_append_only()`);
    }
    await q.dropTable('audit_log');
    await q.dropTable('auth_sessions');
    await q.dropTable('users');
    await q.dropTable('agencies');
  }
}
