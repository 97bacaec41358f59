import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { AdjudicationsService } from './adjudications.service';
import { fileResponse, knownQuery, one } from './http';

const REVIEW_QUERY = { name: 'reviewId', required: false, description: '审查结果 id（缺省：最近一次审查）' } as const;
const SHEET_QUERY = { name: 'sheet', required: false, description: '评分表编号（缺省：SCORING_SHEET 或 official-2024）' } as const;

/**
 * 人工评查 of a stored case: rulings on findings (裁定: accepted / dismissed with reason), 情况说明, manual findings
 * and scores, 评查意见 and sign-off with 组长复核, versions, and the report PDF with all of it.
 */
@ApiTags('人工评查 adjudication')
@Controller('cases/:id')
export class AdjudicationsController {
  constructor(private readonly adjudications: AdjudicationsService) {}

  @Get('adjudications')
  @ApiOperation({ summary: '案卷的裁定：在用的裁定、历史（含撤回）、最近一次审查中每个问题的裁定状态、失效的裁定' })
  list(@Param('id') id: string) {
    return this.adjudications.listRulings(id);
  }

  @Post('adjudications')
  @Roles('reviewer', 'admin')
  @ApiOperation({
    summary: '对最近一次审查中的一个问题作出裁定',
    description:
      '请求体 { fingerprint, decision: accepted|dismissed, reason }，驳回（dismissed）须填写理由。裁定按问题指纹及其所依据事实的摘要保存：' +
      '重新审查后事实未变的继续适用；问题不再出现的列为失效，事实改变的列为须重新裁定，均不适用。驳回的问题不扣分，但在审查结果、评分明细和报告中保留并注明理由、裁定人和日期。仅评查（审核）人员和管理员可裁定。',
  })
  @ApiResponse({ status: 201, description: '裁定' })
  @ApiResponse({ status: 403, description: '执法人员等无裁定权限' })
  @ApiResponse({ status: 409, description: 'REVIEW_SIGNED：最近一次审查已签署' })
  rule(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.adjudications.rule(id, user, body);
  }

  @Delete('adjudications/:rulingId')
  @Roles('reviewer', 'admin')
  @ApiOperation({ summary: '撤回裁定（保留在历史中）' })
  withdraw(@Param('id') id: string, @Param('rulingId') rulingId: string, @CurrentUser() user: AuthUser) {
    return this.adjudications.withdraw(id, rulingId, user);
  }

  @Post('explanations')
  @Roles('officer', 'reviewer', 'admin')
  @ApiOperation({ summary: '就一个问题提交情况说明（执法人员供评查人员参考）', description: '请求体 { fingerprint, text }' })
  explain(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.adjudications.explain(id, user, body);
  }

  @Post('manual-findings')
  @Roles('reviewer', 'admin')
  @ApiOperation({
    summary: '认定规则无法检查的问题（人工评查）',
    description: '请求体 { item（细则评查项目）, categoryId（评分项）, severity, points（扣分）, vetoId?（否决级须注明评分表否决项）, text, evidence?, sheet? }',
  })
  addManualFinding(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.adjudications.addManualFinding(id, user, body);
  }

  @Put('manual-scores/:itemId')
  @Roles('reviewer', 'admin')
  @ApiOperation({ summary: '为评分表中由评查人员评定的项目评分', description: '请求体 { score, note?, sheet? }；同一项目以最新评分为准' })
  setManualScore(@Param('id') id: string, @Param('itemId') itemId: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.adjudications.setManualScore(id, itemId, user, body);
  }

  @Delete('manual-judgements/:judgementId')
  @Roles('reviewer', 'admin')
  @ApiOperation({ summary: '撤回人工认定的问题或人工评分' })
  withdrawManual(@Param('id') id: string, @Param('judgementId') judgementId: string, @CurrentUser() user: AuthUser) {
    return this.adjudications.withdrawManual(id, judgementId, user);
  }

  @Get('adjudicated')
  @ApiOperation({ summary: '一次审查及其人工评查结果：问题与裁定、失效裁定、人工认定、评分（含机器与人工各占多少）、签署状态' })
  @ApiQuery(REVIEW_QUERY)
  @ApiQuery(SHEET_QUERY)
  view(@Param('id') id: string, @Query() query: Record<string, unknown>) {
    knownQuery(query, ['reviewId', 'sheet']);
    return this.adjudications.view(id, one(query.reviewId), one(query.sheet));
  }

  @Post('sign-off')
  @HttpCode(200)
  @Roles('reviewer', 'admin')
  @ApiOperation({
    summary: '签署与复核',
    description:
      '请求体 { action: sign|approve|return, opinion?, comment? }。sign：评查人填写评查意见后签署，签署后该次审查的结果冻结；approve / return：' +
      '由另一名评查人员（组长）复核通过或退回（退回须填写意见，退回后可修改并重新签署）。已复核通过的不能再改，重新审查开始新版本。',
  })
  @ApiQuery(REVIEW_QUERY)
  signOff(@Param('id') id: string, @Query() query: Record<string, unknown>, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    knownQuery(query, ['reviewId']);
    return this.adjudications.signOff(id, one(query.reviewId), user, body);
  }

  @Get('sign-offs')
  @ApiOperation({ summary: '每个审查版本及其签署状态（旧版本仍可查阅）' })
  versions(@Param('id') id: string) {
    return this.adjudications.versions(id);
  }

  @Get('adjudicated/report.pdf')
  @ApiOperation({ summary: '评查报告 PDF：含裁定、人工认定与评分、评查意见和签署' })
  @ApiQuery(REVIEW_QUERY)
  @ApiQuery(SHEET_QUERY)
  @ApiProduces('application/pdf')
  async report(@Param('id') id: string, @Query() query: Record<string, unknown>): Promise<StreamableFile> {
    knownQuery(query, ['reviewId', 'sheet']);
    const r = await this.adjudications.report(id, one(query.reviewId), one(query.sheet));
    return fileResponse(r.pdf, 'application/pdf', r.fileName);
  }
}
