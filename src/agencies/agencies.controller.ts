import { Body, Controller, Get, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuditService } from '../audit/audit.service';
import { Roles } from '../auth/roles.decorator';
import { requireJsonBody } from '../common/json-body';
import { AgenciesService, type AgencyView } from './agencies.service';

/** 执法机关树（管理员） */
@ApiTags('机构 agencies')
@Roles('admin')
@Controller('agencies')
export class AgenciesController {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: '机构列表', description: '每个机构的 id、名称、上级机构 parentId（市局 → 分局）。' })
  list(): Promise<AgencyView[]> {
    return this.agencies.list();
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<AgencyView> {
    return this.agencies.get(id);
  }

  @Post()
  @ApiOperation({ summary: '新建机构', description: '{ name, parentId? }；名称不得重复。' })
  @ApiBody({ schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, parentId: { type: 'string', format: 'uuid' } } } })
  async create(@Req() req: Request, @Body() body: unknown): Promise<AgencyView> {
    requireJsonBody(req);
    const created = await this.agencies.create(body);
    await this.audit.record({ action: 'agency.create', entityType: 'agency', entityId: created.id, after: created });
    return created;
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改机构', description: '{ name?, parentId? }；上级机构不能是本机构或其下级。' })
  async update(@Param('id') id: string, @Req() req: Request, @Body() body: unknown): Promise<AgencyView> {
    requireJsonBody(req);
    const before = await this.agencies.get(id);
    const after = await this.agencies.update(id, body);
    await this.audit.record({ action: 'agency.update', entityType: 'agency', entityId: after.id, before, after });
    return after;
  }
}
