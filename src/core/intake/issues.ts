/** Import problems, located as 工作表/行/列 (and the case-file path where one exists). */
export interface IntakeIssue {
  /** 工作表名 */
  sheet: string;
  /** 行号 (1-based, as Excel shows it) */
  row?: number;
  /** 列 (letter, as Excel shows it) */
  column?: string;
  /** the column's header */
  header?: string;
  /** the case-file path the cell feeds (documents[3].service.servedOn) */
  path?: string;
  code: string;
  message: string;
  /** error: the case file cannot be built or is invalid; warning: imported, but a person should look */
  severity: 'error' | 'warning';
}

/** "卷内目录 第 7 行 F 列（送达·送达方式）：…" */
export function describeIssue(issue: IntakeIssue): string {
  const where = [
    `工作表「${issue.sheet}」`,
    issue.row !== undefined ? `第 ${issue.row} 行` : '',
    issue.column ? `${issue.column} 列` : '',
    issue.header ? `（${issue.header}）` : '',
  ].join('');
  return `${where}：${issue.message}`;
}

/** The upload is not a workbook we can read (corrupt, not xlsx, legacy .xls). */
export class WorkbookFormatError extends Error {
  constructor(
    readonly code: 'NOT_XLSX' | 'LEGACY_XLS' | 'EMPTY_WORKBOOK' | 'NO_INDEX_SHEET',
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookFormatError';
  }
}
