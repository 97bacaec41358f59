/**
 * Swagger models of the cases API (documentation only: the case file itself is validated by
 * src/core/case-file/validate.ts and described by the generated schemas registered in cases.openapi.ts).
 */
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

export const CASE_FILE_SCHEMA = 'CaseFile';

export class ValidationIssueModel {
  @ApiProperty({ example: 'documents[3].service.servedOn', description: '出错位置（JavaScript 写法，相对于案卷根）' })
  path: string;
  @ApiProperty({ example: 'INVALID_DATE', description: '英文代码' })
  code: string;
  @ApiProperty({ example: '日期不存在：2025-02-30', description: '中文说明' })
  message: string;
}

export class ApiErrorModel {
  @ApiProperty({ example: 400 })
  statusCode: number;
  @ApiProperty({ example: 'VALIDATION_FAILED' })
  code: string;
  @ApiProperty({ example: '案卷数据校验未通过（共 1 处问题）' })
  message: string;
  @ApiProperty({ type: [ValidationIssueModel] })
  errors: ValidationIssueModel[];
}

export class CaseSummaryModel {
  @ApiProperty({ format: 'uuid', example: '3f1c2a9e-7b4d-4c1e-9a35-0d6f2b8e91c4' })
  id: string;
  @ApiProperty({ example: '湘川环罚〔2025〕18号', description: '案号' })
  caseNumber: string;
  @ApiProperty({ example: '湘川市生态环境局', description: '执法机关' })
  agency: string;
  @ApiProperty({ enum: ['draft', 'in_progress', 'closed', 'archived'], description: '案件状态；archived（已归档）只读' })
  status: string;
  @ApiProperty({ example: 2025, description: '案件年度：案号中的年份（〔2025〕），没有时为线索发现日的年份' })
  year: number;
  @ApiProperty({ type: [String], example: ['湘川市鑫源化工有限公司'], description: '当事人名称' })
  partyNames: string[];
  @ApiProperty({ example: 1, description: '版本：创建为 1，每次修改 +1；PUT/DELETE 可带 If-Match: "<version>"' })
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class CaseDetailModel extends CaseSummaryModel {
  @ApiProperty({ allOf: [{ $ref: getSchemaPath(CASE_FILE_SCHEMA) }], description: '提交的案卷，原样返回' })
  caseFile: unknown;
}

export class LatestReviewModel {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'date-time' })
  reviewedAt: string;
  @ApiProperty({ description: '审查时的案卷版本' })
  caseVersion: number;
  @ApiProperty({ description: '审查之后案卷又被修改过' })
  stale: boolean;
  @ApiProperty({ enum: ['review', 'draft', 'pre-decision'] })
  mode: string;
  @ApiProperty()
  findingCount: number;
  @ApiProperty({ example: 86.5, description: '按缺省评分表的总分' })
  score: number;
  @ApiProperty({ example: '良好' })
  grade: string;
  @ApiProperty({ description: '命中否决项' })
  veto: boolean;
  @ApiProperty({ example: 'official-2024' })
  sheetId: string;
}

export class NextDueModel {
  @ApiProperty({ example: '2025-07-14', description: '届满日' })
  dueOn: string;
  @ApiProperty({ example: '听证申请期限届满' })
  label: string;
  @ApiProperty({ example: 'DL-05' })
  ruleId: string;
}

export class CaseListItemModel extends CaseSummaryModel {
  @ApiProperty({ enum: ['simple', 'general'], description: '程序' })
  procedure: string;
  @ApiProperty({ type: [String], description: '承办人（执法人员）' })
  officers: string[];
  @ApiProperty({ type: LatestReviewModel, nullable: true, description: '最近一次保存的审查（未审查为 null）' })
  latestReview: LatestReviewModel | null;
  @ApiProperty({ type: NextDueModel, nullable: true, description: '今日起最近的期限（办理中的案卷）' })
  nextDue: NextDueModel | null;
}

export class CaseListModel {
  @ApiProperty({ type: [CaseListItemModel] })
  items: CaseListItemModel[];
  @ApiProperty({ example: 13, description: '符合条件的案卷总数（超过 10000 件时为 10000，见 totalExact）' })
  total: number;
  @ApiProperty({ description: 'false：符合条件的案卷超过 10000 件，total 不是精确数' })
  totalExact: boolean;
  @ApiProperty({ example: 1, description: '页码（游标分页时为 0）' })
  page: number;
  @ApiProperty({ example: 20 })
  pageSize: number;
  @ApiProperty({ type: String, nullable: true, description: '下一页的游标（?after=）；最后一页为 null' })
  nextCursor: string | null;
}

export class BulkFileModel {
  @ApiPropertyOptional({ example: '01-general-fine-clean.json', description: '文件名或标签，原样返回' })
  name?: string;
  @ApiProperty({ allOf: [{ $ref: getSchemaPath(CASE_FILE_SCHEMA) }] })
  caseFile: unknown;
}

export class BulkRequestModel {
  @ApiProperty({ type: [BulkFileModel], description: '也可以直接提交案卷数组：[caseFile, caseFile, …]' })
  files: BulkFileModel[];
}

export class BulkResultModel {
  @ApiProperty({ example: 0, description: '在请求中的序号（从 0 开始）' })
  index: number;
  @ApiPropertyOptional({ example: '01-general-fine-clean.json' })
  name?: string;
  @ApiProperty({ description: '是否已保存' })
  ok: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: '已保存时：案卷 id' })
  id?: string;
  @ApiPropertyOptional({ description: '已保存时：案号' })
  caseNumber?: string;
  @ApiPropertyOptional({ example: 400, description: '未保存时：单独提交该文件会得到的状态码' })
  statusCode?: number;
  @ApiPropertyOptional({ example: 'VALIDATION_FAILED' })
  code?: string;
  @ApiPropertyOptional()
  message?: string;
  @ApiPropertyOptional({ type: [ValidationIssueModel] })
  errors?: ValidationIssueModel[];
}

export class BulkResponseModel {
  @ApiProperty({ example: 12 })
  created: number;
  @ApiProperty({ example: 1 })
  failed: number;
  @ApiProperty({ type: [BulkResultModel] })
  results: BulkResultModel[];
}
