import { Body, Controller, Get, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuditService } from '../audit/audit.service';
import { ROLES } from '../auth/roles';
import { Roles } from '../auth/roles.decorator';
import { requireJsonBody } from '../common/json-body';
import { UsersService, type UserView } from './users.service';

/** 用户（一人一号，管理员） */
@ApiTags('用户 users')
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: '用户列表' })
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<UserView> {
    return this.users.view(await this.users.entity(id));
  }

  @Post()
  @ApiOperation({ summary: '新建用户', description: '{ username, password, displayName, role | roles, agencyId }；密码 8–128 位，至少两类字符。' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['username', 'password', 'displayName', 'agencyId'],
      properties: {
        username: { type: 'string' },
        password: { type: 'string' },
        displayName: { type: 'string' },
        role: { type: 'string', enum: [...ROLES] },
        roles: { type: 'array', items: { type: 'string', enum: [...ROLES] } },
        agencyId: { type: 'string', format: 'uuid' },
      },
    },
  })
  async create(@Req() req: Request, @Body() body: unknown): Promise<UserView> {
    requireJsonBody(req);
    const created = await this.users.createFromBody(body);
    await this.audit.record({ action: 'user.create', entityType: 'user', entityId: created.id, after: created });
    return created;
  }

  @Patch(':id')
  @ApiOperation({
    summary: '修改用户',
    description: '{ displayName?, password?, role | roles?, agencyId?, disabled?, unlock? }。停用账号、重设密码、改变角色或机构时，其所有会话立即结束。',
  })
  async update(@Param('id') id: string, @Req() req: Request, @Body() body: unknown): Promise<UserView> {
    requireJsonBody(req);
    const { before, after, sessionsEnded } = await this.users.update(id, body);
    const passwordChanged = typeof body === 'object' && body !== null && 'password' in body;
    await this.audit.record({ action: 'user.update', entityType: 'user', entityId: after.id, before, after: { ...after, passwordChanged, sessionsEnded } });
    return after;
  }
}
