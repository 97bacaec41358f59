import { Body, Controller, Get, HttpCode, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createReadStream } from 'node:fs';
import { AuditService } from '../audit/audit.service';
import { Roles } from '../auth/roles.decorator';
import { DOWNLOADS, EvaluationsService, type EvaluationView } from './evaluations.service';

/** 年度案卷评查 API: submit a batch, poll its progress, download the summaries. */
@ApiTags('evaluations 年度案卷评查')
@Roles('evaluation_admin', 'reviewer')
@Controller('evaluations')
export class EvaluationsController {
  constructor(
    private readonly evaluations: EvaluationsService,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @Roles('evaluation_admin')
  @HttpCode(202)
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({
    summary: '提交年度案卷评查',
    description:
      '两种方式：multipart/form-data 上传 zip（字段 file，内含卷宗 JSON，可有子文件夹），或 JSON `{ "caseIds": [...] }` 评查已保存的案卷。' +
      '可选 `sheet`（评分表编号）、`asOf`（审查基准日 YYYY-MM-DD）。任务在后台逐个执行，返回 202 与任务 id。',
  })
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        file: { type: 'string', format: 'binary', description: 'zip 压缩包' },
        caseIds: { type: 'array', items: { type: 'string', format: 'uuid' } },
        sheet: { type: 'string', example: 'official-2024' },
        asOf: { type: 'string', example: '2026-11-30' },
      },
    },
  })
  @ApiResponse({ status: 202, description: '{ id, status: "queued", progress, … }' })
  @ApiResponse({ status: 400, description: '不是 zip、caseIds 有误、未知评分表或日期格式错误' })
  async create(
    @UploadedFile() file: { path: string; originalname: string; size: number } | undefined,
    @Body() body: unknown,
  ): Promise<EvaluationView> {
    const created = file ? await this.evaluations.createFromUpload(file, (body ?? {}) as Record<string, unknown>) : await this.evaluations.createFromCases(body);
    await this.audit.record({ action: 'evaluation.create', entityType: 'evaluation', entityId: created.id, after: { source: created.source } });
    return created;
  }

  @Get()
  @ApiOperation({ summary: '最近的评查任务（最多 100 个）' })
  list(): Promise<EvaluationView[]> {
    return this.evaluations.list();
  }

  @Get(':id')
  @ApiOperation({ summary: '评查任务状态、进度（done/total）与结果摘要' })
  @ApiResponse({ status: 404, description: '任务不存在' })
  get(@Param('id') id: string): Promise<EvaluationView> {
    return this.evaluations.get(id);
  }

  @Get(':id/:file')
  @ApiOperation({ summary: '下载输出：summary.pdf、summary.xlsx、summary.csv、results.json' })
  @ApiProduces(...Object.values(DOWNLOADS))
  @ApiResponse({ status: 409, description: '评查尚未完成' })
  async download(@Param('id') id: string, @Param('file') file: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { path, contentType } = await this.evaluations.download(id, file);
    res.setHeader('Content-Type', contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file}"`);
    return new StreamableFile(createReadStream(path));
  }
}
