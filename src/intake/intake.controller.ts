import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { badRequest } from '../common/errors';
import type { DocxSuggestions } from '../core/intake/docx-suggestions';
import { IntakeService, XLSX_TYPE, type ImportResponse } from './intake.service';

/** Largest workbook accepted (a 1,000-row 卷内目录 is about 100 KB). */
export const INTAKE_UPLOAD_LIMIT = 20 * 1024 * 1024;

function xlsxResponse(buffer: Buffer, fileName: string): StreamableFile {
  return new StreamableFile(buffer, {
    type: XLSX_TYPE,
    disposition: `attachment; filename="case-file.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    length: buffer.length,
  });
}

function storeFlag(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  badRequest([{ path: 'query.store', code: 'INVALID_BOOLEAN', message: 'store 应为 1 或 0' }], '查询参数有误', 'INVALID_QUERY');
}

/** 案卷录入: the 卷内目录 workbook (template, import, export). */
@ApiTags('intake 案卷录入')
@Controller()
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  @Get('intake/template.xlsx')
  @ApiOperation({ summary: '空白的案卷录入工作簿（卷内目录模板）', description: '中文表头、下拉选项、日期单元格、首行冻结，含填写说明。' })
  @ApiProduces(XLSX_TYPE)
  async template(): Promise<StreamableFile> {
    return xlsxResponse(await this.intake.template(), '案卷录入模板.xlsx');
  }

  @Post('intake/xlsx')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: INTAKE_UPLOAD_LIMIT, files: 1 } }))
  @ApiOperation({
    summary: '导入案卷录入工作簿或单位自己的卷内目录',
    description:
      'multipart/form-data：file（.xlsx）；可选 header（卷宗 JSON，卷内目录只含文书清单时提供案件信息、当事人、人员）。' +
      '返回案卷、提示与题名识别结果；有错误时 400，errors 逐项给出 工作表!单元格（path）、sheet/row/column 与中文说明。' +
      '默认不保存；?store=1 时校验通过后保存为新案卷。',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, header: { type: 'string', description: '卷宗 JSON（可选）' } } } })
  @ApiQuery({ name: 'store', required: false, description: '1：导入成功后保存为新案卷' })
  @ApiResponse({ status: 200, description: '{ ok, kind, caseFile, issues, titles, stats, stored? }' })
  @ApiResponse({ status: 400, description: '不是 .xlsx、文件损坏，或工作簿有错误（INVALID_WORKBOOK，按工作表/行/列列出）' })
  @ApiResponse({ status: 403, description: 'store=1 需要承办人（officer）角色' })
  importXlsx(
    @UploadedFile() file: { buffer?: Buffer; size?: number } | undefined,
    @Body() body: Record<string, unknown> | undefined,
    @Query('store') store: string | undefined,
    @CurrentUser() user: AuthUser | undefined,
  ): Promise<ImportResponse> {
    return this.intake.importUpload(file, body ?? {}, storeFlag(store), user);
  }

  @Post('intake/docx')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: INTAKE_UPLOAD_LIMIT, files: 1 } }))
  @ApiOperation({
    summary: '从 .docx 文书读出预填建议',
    description:
      'multipart/form-data：file（.docx，按文书制作指南模板制作），可选 type（文书类型 id）。返回文号、落款日期、金额、载明期限、加处罚款条款等建议，' +
      '每项附原文、均为未确认；签名、印章、签收日期等纸面事项列在 paperOnly。不保存、不修改任何案卷。',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, type: { type: 'string', example: 'penalty_decision' } } } })
  @ApiResponse({ status: 200, description: '{ title, type, suggestions: [{ field, value, source, confirmed: false }], paperOnly }' })
  @ApiResponse({ status: 400, description: '不是 .docx 或文件损坏（NOT_DOCX）' })
  suggestDocx(@UploadedFile() file: { buffer?: Buffer } | undefined, @Body() body: Record<string, unknown> | undefined): Promise<DocxSuggestions> {
    const type = typeof body?.type === 'string' ? body.type : undefined;
    return this.intake.suggestFromUpload(file, type);
  }

  @Get('cases/:id/case-file.xlsx')
  @ApiOperation({ summary: '把已保存的案卷导出为案卷录入工作簿', description: '与模板同一格式；再导入即得到同一案卷。' })
  @ApiProduces(XLSX_TYPE)
  @ApiResponse({ status: 404, description: '案卷不存在' })
  async exportCase(@Param('id') id: string): Promise<StreamableFile> {
    const { workbook, caseFile } = await this.intake.exportCase(id);
    return xlsxResponse(workbook, `${caseFile.case.caseNumber || id}.xlsx`);
  }
}
