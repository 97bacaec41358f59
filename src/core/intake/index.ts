/** Intake: the 卷内目录 workbook (template, import, export), a bureau's own 卷内目录, and .docx suggestions. */
export { caseFileWorkbook, templateWorkbook, type ExportOptions } from './export-workbook';
export { importWorkbook, type ImportOptions, type ImportResult, type TypedTitle } from './import-workbook';
export { describeIssue, WorkbookFormatError, type IntakeIssue } from './issues';
export { defaultTitleTyper, normalizeTitle, type TitleMatch, type TitleTyper } from './title-types';
export { parsePageText } from './bureau-index';
export { applySuggestions, suggestFromDocx, DocxReadError, type DocxSuggestions, type Suggestion } from './docx-suggestions';
