import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { fileResponse, knownQuery, one } from '../adjudications/http';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { EvaluationTasksService } from './evaluation-tasks.service';
import { ListRead } from '../common/list-admission';

/**
 * 年度案卷评查任务: creation with seeded 抽查 and 回避 assignment, the assigned reviewer's work on each case
 * (machine review, rulings, manual items, sign-off), 组长复核 with 退回, publication, 异议, results, 整改.
 */
@ApiTags('评查任务 evaluation-tasks')
@Controller('evaluation-tasks')
export class EvaluationTasksController {
  constructor(private readonly tasks: EvaluationTasksService) {}

  @Post()
  @Roles('evaluation_admin', 'admin')
  @ApiOperation({
    summary: '创建评查任务（抽查并分配评查人员）',
    description:
      '请求体 { name, sheet?, scope: { agencies?, years?, procedures? }, sampling: { mode: all|ratio, ratio?, mustInclude?, seed?, stratify?: agency|none }, ' +
      'reviewers: [{ id（用户 id）, certificateNo?, conflicts?, maxCases? }], leaders: [{ id }] }。范围内为已结案、已归档的案卷；同一随机种子得到同一样本，种子随任务保存。' +
      '分配时回避：本单位（及下级单位）的案卷、参与办理的案卷、申请回避的案卷。',
  })
  create(@Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.tasks.create(user, body);
  }

  @Get('reviewers')
  @Roles('evaluation_admin', 'admin')
  @ApiOperation({ summary: '可分配的评查人员（有评查角色的在用账号）及其单位' })
  reviewers(@CurrentUser() user: AuthUser) {
    return this.tasks.reviewerDirectory(user);
  }

  @Get()
  @ApiOperation({ summary: '评查任务列表' })
  list() {
    return this.tasks.list();
  }

  @Get(':id')
  @ApiOperation({ summary: '评查任务：参数（含随机种子）、抽查结果、回避记录、每名评查人员的进度' })
  get(@Param('id') id: string) {
    return this.tasks.get(id);
  }

  @Get(':id/cases')
  @ListRead()
  @ApiOperation({ summary: '任务中的案卷、评查人员和评查状态' })
  cases(@Param('id') id: string) {
    return this.tasks.cases(id);
  }

  @Post(':id/cases/:caseId/review')
  @Roles('reviewer', 'admin')
  @ApiOperation({ summary: '评查人员对分配给本人的案卷进行机器审查（开始评查）' })
  startReview(@Param('id') id: string, @Param('caseId') caseId: string, @CurrentUser() user: AuthUser) {
    return this.tasks.startReview(id, caseId, user);
  }

  @Get(':id/cases/:caseId')
  @ApiOperation({ summary: '任务中一卷的评查结果（问题与裁定、人工认定、评分、签署）' })
  caseView(@Param('id') id: string, @Param('caseId') caseId: string, @CurrentUser() user: AuthUser) {
    return this.tasks.caseView(id, caseId, user);
  }

  @Post(':id/cases/:caseId/adjudications')
  @Roles('reviewer', 'admin')
  @ApiOperation({ summary: '裁定（同 POST /api/cases/:id/adjudications，限分配给本人的案卷）' })
  rule(@Param('id') id: string, @Param('caseId') caseId: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.tasks.rule(id, caseId, user, body);
  }

  @Delete(':id/cases/:caseId/adjudications/:rulingId')
  @Roles('reviewer', 'admin')
  @ApiOperation({ summary: '撤回裁定' })
  withdraw(@Param('id') id: string, @Param('caseId') caseId: string, @Param('rulingId') rulingId: string, @CurrentUser() user: AuthUser) {
    return this.tasks.withdraw(id, caseId, rulingId, user);
  }

  @Post(':id/cases/:caseId/manual-findings')
  @Roles('reviewer', 'admin')
  @ApiOperation({ summary: '人工认定问题（同 POST /api/cases/:id/manual-findings）' })
  manualFinding(@Param('id') id: string, @Param('caseId') caseId: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.tasks.addManualFinding(id, caseId, user, body);
  }

  @Put(':id/cases/:caseId/manual-scores/:itemId')
  @Roles('reviewer', 'admin')
  @ApiOperation({ summary: '人工评分（同 PUT /api/cases/:id/manual-scores/:itemId）' })
  manualScore(@Param('id') id: string, @Param('caseId') caseId: string, @Param('itemId') itemId: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.tasks.setManualScore(id, caseId, itemId, user, body);
  }

  @Delete(':id/cases/:caseId/manual-judgements/:judgementId')
  @Roles('reviewer', 'admin')
  @ApiOperation({ summary: '撤回人工认定或人工评分' })
  withdrawManual(@Param('id') id: string, @Param('caseId') caseId: string, @Param('judgementId') judgementId: string, @CurrentUser() user: AuthUser) {
    return this.tasks.withdrawManual(id, caseId, judgementId, user);
  }

  @Post(':id/cases/:caseId/sign-off')
  @HttpCode(200)
  @Roles('reviewer', 'admin')
  @ApiOperation({ summary: '签署（本卷评查人）与复核（本任务组长：approve 通过 / return 退回）', description: '请求体 { action: sign|approve|return, opinion?, comment? }' })
  signOff(@Param('id') id: string, @Param('caseId') caseId: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.tasks.signOff(id, caseId, user, body);
  }

  @Get(':id/cases/:caseId/report.pdf')
  @ApiOperation({ summary: '任务中一卷的评查报告 PDF（含裁定、人工认定、评查意见与签署）' })
  @ApiProduces('application/pdf')
  async report(@Param('id') id: string, @Param('caseId') caseId: string, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    const r = await this.tasks.report(id, caseId, user);
    return fileResponse(r.pdf, 'application/pdf', r.fileName);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('evaluation_admin', 'admin')
  @ApiOperation({ summary: '发布评查结果（各单位可查看本单位结果并提出异议）' })
  publish(@Param('id') id: string, @CurrentUser() user: AuthUser) {
    return this.tasks.publish(id, user);
  }

  @Get(':id/results')
  @ListRead()
  @ApiOperation({ summary: '评查结果：排名、各单位、各承办人、常见问题及依据、各单位整改清单（执法人员只见本单位）' })
  results(@Param('id') id: string, @CurrentUser() user: AuthUser) {
    return this.tasks.resultsFor(id, user);
  }

  @Get(':id/results.:format')
  @ListRead()
  @Roles('evaluation_admin', 'admin', 'reviewer')
  @ApiOperation({ summary: '导出评查结果（json、csv、xlsx、pdf），含任务参数与随机种子' })
  async exportResults(@Param('id') id: string, @Param('format') format: string): Promise<StreamableFile> {
    const r = await this.tasks.exportResults(id, format);
    return fileResponse(r.body, r.contentType, r.fileName, format === 'pdf' ? 'inline' : 'attachment');
  }

  @Get(':id/objections')
  @ApiOperation({ summary: '异议及答复' })
  objections(@Param('id') id: string, @CurrentUser() user: AuthUser) {
    return this.tasks.objectionsFor(id, user);
  }

  @Post(':id/cases/:caseId/objections')
  @Roles('officer', 'reviewer', 'admin')
  @ApiOperation({ summary: '被评查单位对一个问题提出异议', description: '请求体 { fingerprint, reason }；结果发布后，限本单位案卷' })
  object(@Param('id') id: string, @Param('caseId') caseId: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.tasks.object(id, caseId, user, body);
  }

  @Post(':id/objections/:objectionId/answer')
  @HttpCode(200)
  @Roles('reviewer', 'admin')
  @ApiOperation({ summary: '答复异议', description: '请求体 { outcome: upheld（异议成立，该问题不再扣分）| rejected（维持）, answer }' })
  answer(@Param('id') id: string, @Param('objectionId') objectionId: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.tasks.answer(id, objectionId, user, body);
  }

  @Get(':id/rectifications')
  @ListRead()
  @ApiOperation({ summary: '整改清单（按单位；?agency= 只看一个单位）' })
  rectifications(@Param('id') id: string, @Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser) {
    knownQuery(query, ['agency']);
    return this.tasks.rectifications(id, user, one(query.agency));
  }

  @Put(':id/rectifications')
  @Roles('officer', 'reviewer', 'evaluation_admin', 'admin')
  @ApiOperation({ summary: '整改销号', description: '请求体 { key, done, note? }' })
  tick(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.tasks.tick(id, user, body);
  }
}
