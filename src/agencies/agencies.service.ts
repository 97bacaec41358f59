import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { BodyChecker, UUID_RE } from '../common/body-checks';
import { badRequest, conflict, notFound } from '../common/errors';
import { AgencyEntity } from './agency.entity';

export interface AgencyView {
  id: string;
  name: string;
  parentId: string | null;
  createdAt: string;
  updatedAt: string;
}

function toView(a: AgencyEntity): AgencyView {
  return { id: a.id, name: a.name, parentId: a.parentId, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString() };
}

/** ids of `rootId` and every agency below it, from the whole (small) table. */
export function subtreeOf(rootId: string, all: ReadonlyArray<Pick<AgencyEntity, 'id' | 'parentId'>>): string[] {
  const children = new Map<string, string[]>();
  for (const a of all) {
    if (a.parentId) children.set(a.parentId, [...(children.get(a.parentId) ?? []), a.id]);
  }
  const out: string[] = [];
  const seen = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

const TREE_TTL_MS = 5_000;

/** 执法机关树 (市局 → 分局 …). */
@Injectable()
export class AgenciesService {
  constructor(@InjectRepository(AgencyEntity) private readonly repo: Repository<AgencyEntity>) {}

  async list(): Promise<AgencyView[]> {
    return (await this.repo.find({ order: { name: 'ASC' } })).map(toView);
  }

  async get(id: string): Promise<AgencyView> {
    return toView(await this.entity(id));
  }

  async entity(id: string): Promise<AgencyEntity> {
    if (!UUID_RE.test(id)) badRequest([{ path: 'id', code: 'INVALID_ID', message: `机构 id 格式错误：'${id}'（应为 UUID）` }], `机构 id 格式错误`, 'INVALID_ID');
    const row = await this.repo.findOneBy({ id: id.toLowerCase() });
    if (!row) notFound(`机构不存在：${id}`, 'AGENCY_NOT_FOUND');
    return row;
  }

  async findByName(name: string): Promise<AgencyEntity | null> {
    return this.repo.findOneBy({ name: name.trim() });
  }

  /**
   * ids of the agency and its whole subtree. Every authenticated request asks, so the (small) tree is kept for a
   * few seconds; a change made through this service clears it at once, one made by another instance on the same
   * database is seen within TREE_TTL_MS.
   */
  async subtreeIds(agencyId: string): Promise<string[]> {
    const tree = await this.currentTree();
    let ids = tree.subtrees.get(agencyId);
    if (!ids) tree.subtrees.set(agencyId, (ids = subtreeOf(agencyId, tree.rows)));
    return [...ids];
  }

  private async currentTree(): Promise<NonNullable<AgenciesService['tree']>> {
    if (!this.tree || Date.now() - this.tree.at > TREE_TTL_MS) {
      this.tree = { at: Date.now(), rows: await this.repo.find({ select: { id: true, parentId: true } }), subtrees: new Map() };
    }
    return this.tree;
  }

  /** The share (0–1) of all agencies that `ids` holds, from the tree as last read. */
  async shareOfAll(ids: readonly string[]): Promise<number> {
    const tree = await this.currentTree();
    return tree.rows.length ? Math.min(1, ids.length / tree.rows.length) : 0;
  }

  /** the tree as last read, with the subtrees asked for since (a province has a few hundred agencies) */
  private tree: { at: number; rows: Array<Pick<AgencyEntity, 'id' | 'parentId'>>; subtrees: Map<string, readonly string[]> } | undefined;

  /** POST /api/agencies {name, parentId?} */
  async create(body: unknown): Promise<AgencyView> {
    const c = new BodyChecker(body, ['name', 'parentId']);
    const name = c.string('name', '机构名称', 200);
    const parentId = this.parentIdOf(c);
    c.done('机构数据有误');
    if (parentId) await this.entity(parentId).catch(() => this.parentMissing(parentId));
    return toView(await this.insert(name!, parentId ?? null));
  }

  /** PATCH /api/agencies/:id {name?, parentId?} — a node cannot move below itself. */
  async update(id: string, body: unknown): Promise<AgencyView> {
    const row = await this.entity(id);
    const c = new BodyChecker(body, ['name', 'parentId']);
    const name = c.has('name') ? c.string('name', '机构名称', 200) : undefined;
    const parentId = this.parentIdOf(c);
    c.done('机构数据有误');
    if (parentId !== undefined && parentId !== null) {
      await this.entity(parentId).catch(() => this.parentMissing(parentId));
      if ((await this.subtreeIds(row.id)).includes(parentId.toLowerCase())) {
        badRequest([{ path: 'parentId', code: 'AGENCY_CYCLE', message: '上级机构不能是本机构或其下级机构' }], '上级机构设置有误', 'AGENCY_CYCLE');
      }
    }
    if (name !== undefined && name !== row.name) {
      const other = await this.findByName(name);
      if (other) conflict(`机构名称已存在：${name}（id ${other.id}）`, 'AGENCY_NAME_EXISTS');
      row.name = name;
    }
    if (parentId !== undefined) row.parentId = parentId?.toLowerCase() ?? null;
    row.updatedAt = new Date();
    await this.repo.save(row);
    this.tree = undefined;
    return toView(row);
  }

  /** The agency with this name, created (under `parentId`, or as a root) if absent. For start-up and sample data. */
  async ensure(name: string, parentId: string | null = null): Promise<AgencyEntity> {
    const existing = await this.findByName(name);
    if (existing) {
      if (parentId && !existing.parentId && existing.id !== parentId) {
        existing.parentId = parentId;
        existing.updatedAt = new Date();
        await this.repo.save(existing);
        this.tree = undefined;
      }
      return existing;
    }
    try {
      return await this.insert(name.trim(), parentId);
    } catch (e) {
      // a concurrent start-up created it first
      const again = await this.findByName(name);
      if (again) return again;
      throw e;
    }
  }

  private async insert(name: string, parentId: string | null): Promise<AgencyEntity> {
    const other = await this.findByName(name);
    if (other) conflict(`机构名称已存在：${name}（id ${other.id}）`, 'AGENCY_NAME_EXISTS');
    const now = new Date();
    const row = this.repo.create({ id: randomUUID(), name, parentId: parentId?.toLowerCase() ?? null, createdAt: now, updatedAt: now });
    await this.repo.insert(row);
    this.tree = undefined;
    return row;
  }

  private parentIdOf(c: BodyChecker): string | null | undefined {
    if (!c.has('parentId')) return undefined;
    const v = c.raw('parentId');
    if (v === null) return null;
    if (typeof v !== 'string' || !UUID_RE.test(v)) {
      c.add({ path: 'parentId', code: 'INVALID_ID', message: '上级机构 parentId 应为机构 id（UUID）或 null' });
      return undefined;
    }
    return v.toLowerCase();
  }

  private parentMissing(parentId: string): never {
    return badRequest([{ path: 'parentId', code: 'AGENCY_NOT_FOUND', message: `上级机构不存在：${parentId}` }], '上级机构不存在', 'AGENCY_NOT_FOUND');
  }
}
