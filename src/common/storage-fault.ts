import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { ApiErrorBody } from './errors';

/**
 * Storage trouble that is not the request's fault and usually passes: the database is locked by another process,
 * the disk is full, the file system is read-only, the database cannot be reached. The API answers 503 with a code
 * saying which, and a Retry-After, instead of a generic 500.
 */
export type StorageFault = 'busy' | 'read_only' | 'full' | 'unavailable';

const SQLITE: Record<string, StorageFault> = {
  SQLITE_BUSY: 'busy',
  SQLITE_LOCKED: 'busy',
  SQLITE_PROTOCOL: 'busy',
  SQLITE_READONLY: 'read_only',
  SQLITE_FULL: 'full',
  SQLITE_IOERR: 'unavailable',
  SQLITE_CANTOPEN: 'unavailable',
};

const ERRNO: Record<string, StorageFault> = {
  EROFS: 'read_only',
  ENOSPC: 'full',
  EDQUOT: 'full',
  EIO: 'unavailable',
  ECONNREFUSED: 'unavailable',
  ECONNRESET: 'unavailable',
  ETIMEDOUT: 'unavailable',
};

/** PostgreSQL SQLSTATE classes and codes. */
function postgresFault(code: string): StorageFault | undefined {
  if (code === '53100') return 'full'; // disk_full
  if (code === '25006') return 'read_only'; // read_only_sql_transaction
  if (code === '55P03' || code === '40P01' || code === '57014') return 'busy'; // lock_not_available, deadlock, query_canceled (lock timeout)
  if (code.startsWith('08') || code.startsWith('53') || code === '57P01' || code === '57P02' || code === '57P03') return 'unavailable';
  return undefined;
}

export function storageFaultOf(error: unknown): StorageFault | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { code, name, message } = e as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof code === 'string') {
      const sqlite = SQLITE[code.split(':')[0]] ?? (code.startsWith('SQLITE_IOERR') ? 'unavailable' : undefined);
      if (sqlite) return sqlite;
      if (ERRNO[code]) return ERRNO[code];
      if (/^[0-9A-Z]{5}$/.test(code)) {
        const pg = postgresFault(code);
        if (pg) return pg;
      }
    }
    if (typeof message === 'string') {
      const m = /\b(SQLITE_[A-Z_]+)\b/.exec(message);
      if (m && SQLITE[m[1]]) return SQLITE[m[1]];
    }
    // the connection is being reopened (see recoverStorage)
    if (name === 'CannotExecuteNotConnectedError' || name === 'ConnectionIsNotSetError') return 'unavailable';
    const next = (e as { driverError?: unknown; cause?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
    if (next === e) break;
    e = next;
  }
  return undefined;
}

const MESSAGES: Record<StorageFault, { code: string; message: string; retryAfter: number }> = {
  busy: { code: 'STORAGE_BUSY', message: '数据库正被其他操作占用，请稍后重试', retryAfter: 2 },
  read_only: { code: 'STORAGE_READ_ONLY', message: '数据存储当前为只读，暂不能保存；存储恢复可写后无需重启即可继续', retryAfter: 30 },
  full: { code: 'STORAGE_FULL', message: '存储空间已满，暂不能保存；请联系管理员清理磁盘', retryAfter: 60 },
  unavailable: { code: 'STORAGE_UNAVAILABLE', message: '数据库暂时无法访问，请稍后重试', retryAfter: 5 },
};

export function storageFaultBody(fault: StorageFault): { body: ApiErrorBody; retryAfter: number } {
  const m = MESSAGES[fault];
  return { body: { statusCode: 503, code: m.code, message: m.message, errors: [] }, retryAfter: m.retryAfter };
}

const logger = new Logger('Storage');
let reopening: Promise<void> | undefined;
let lastReopen = 0;

/**
 * SQLite keeps the connection it opened: one opened while the file system was read-only stays read-only after the
 * file system becomes writable again. After a read-only fault the connection is closed and opened again (at most
 * every two seconds), so writes work again as soon as storage does, without a restart.
 */
export function recoverStorage(fault: StorageFault, dataSource: DataSource | undefined): void {
  if (fault !== 'read_only' || !dataSource || dataSource.options.type !== 'sqlite') return;
  if (reopening || Date.now() - lastReopen < 2_000) return;
  lastReopen = Date.now();
  reopening = (async () => {
    try {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dataSource.initialize();
      logger.log('只读故障后已重新打开数据库连接');
    } catch (e) {
      logger.warn(`重新打开数据库连接失败：${e instanceof Error ? e.message : String(e)}`);
    }
  })().finally(() => {
    reopening = undefined;
  });
}
