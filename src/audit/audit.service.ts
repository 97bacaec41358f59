import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { currentRequest } from '../common/request-context';
import { AuditEntryEntity } from './audit.entity';

export interface AuditRecord {
  /** what happened: case.create, case.update, case.delete, review.create, user.update, auth.login … */
  action: string;
  entityType: string;
  entityId?: string | null;
  caseId?: string | null;
  /** the relevant fields before / after the change; a numeric `version` is also stored in its own column */
  before?: unknown;
  after?: unknown;
  /** who; undefined or null for the system itself (start-up, sample loading) */
  user?: Pick<AuthUser, 'id' | 'username' | 'agencyId' | 'roles'> | null;
  /** defaults to the id of the request being handled */
  requestId?: string;
}

export interface AuditEntryView {
  seq: number;
  at: string;
  action: string;
  entityType: string;
  entityId: string | null;
  caseId: string | null;
  user: { id: string; username: string | null } | null;
  agencyId: string | null;
  roles: string[];
  versionBefore: number | null;
  versionAfter: number | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

export interface AuditQuery {
  caseId?: string;
  userId?: string;
  action?: string;
  /** ISO instants, inclusive from, exclusive to */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

function versionOf(v: unknown): number | null {
  if (typeof v === 'object' && v !== null && typeof (v as { version?: unknown }).version === 'number') return (v as { version: number }).version;
  return null;
}

function toView(e: AuditEntryEntity): AuditEntryView {
  return {
    seq: e.seq,
    at: e.at.toISOString(),
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    caseId: e.caseId,
    user: e.userId ? { id: e.userId, username: e.username } : null,
    agencyId: e.agencyId,
    roles: e.roles ? e.roles.split(',') : [],
    versionBefore: e.versionBefore,
    versionAfter: e.versionAfter,
    before: e.before == null ? null : JSON.parse(e.before),
    after: e.after == null ? null : JSON.parse(e.after),
    requestId: e.requestId,
    ip: e.ip,
  };
}

/** The append-only audit log (who changed what, when, from which request). There is no update or delete. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(@InjectRepository(AuditEntryEntity) private readonly repo: Repository<AuditEntryEntity>) {}

  async record(r: AuditRecord): Promise<void> {
    const ctx = currentRequest();
    const user = r.user === undefined ? ctx?.user : r.user;
    await this.repo.insert({
      at: new Date(),
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId ?? null,
      caseId: r.caseId ?? null,
      userId: user?.id ?? null,
      username: user?.username ?? null,
      agencyId: user?.agencyId ?? null,
      roles: user ? user.roles.join(',') : null,
      versionBefore: versionOf(r.before),
      versionAfter: versionOf(r.after),
      before: r.before === undefined ? null : JSON.stringify(r.before),
      after: r.after === undefined ? null : JSON.stringify(r.after),
      requestId: r.requestId ?? ctx?.requestId ?? null,
      ip: ctx?.ip?.slice(0, 64) ?? null,
    });
  }

  async query(q: AuditQuery): Promise<{ items: AuditEntryView[]; total: number; page: number; pageSize: number }> {
    const qb = this.repo.createQueryBuilder('a');
    if (q.caseId) qb.andWhere('a.case_id = :caseId', { caseId: q.caseId.toLowerCase() });
    if (q.userId) qb.andWhere('a.user_id = :userId', { userId: q.userId.toLowerCase() });
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.from) qb.andWhere('a.at >= :from', { from: q.from });
    if (q.to) qb.andWhere('a.at < :to', { to: q.to });
    qb.orderBy('a.seq', 'DESC').skip((q.page - 1) * q.pageSize).take(q.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map(toView), total, page: q.page, pageSize: q.pageSize };
  }
}
