/**
 * Reports (PDF) — public entry point. Pure TypeScript (no Nest): used by the service, the CLI and the tests.
 *
 * - renderReviewReport({ caseFile, review, score }) → PDF bytes (行政处罚案卷评查报告 / 自查报告)
 * - PdfLayout: the reusable layout toolkit (CJK text flow with 避头尾 line breaking, headings, tables with
 *   repeating header rows, horizontal bar charts, "第 N 页 共 M 页" footers, a placed-box log for tests)
 * - loadReportFonts / fontkitAdapter: Noto Sans SC through fontkit 2, subset-embedded, cached per process
 * - breakLines: the line breaker on its own
 */
export { basisText } from '../law/basis-text';
export { layoutReviewReport, renderReviewReport, reportFileName, reportTitle } from './review-report';
export type { ReviewReportInput } from './review-report';
export { PdfLayout, A4, COLORS } from './layout';
export type {
  BarChartItem,
  BarChartSpec,
  BoxKind,
  BoxRegion,
  Color,
  Label,
  LayoutOptions,
  Margins,
  PlacedBox,
  TableCell,
  TableColumn,
  TableSpec,
  TextStyle,
} from './layout';
export { adaptFontkitFont, fontFilePath, fontkitAdapter, loadReportFonts, TextMeasurer } from './fonts';
export type { FontWeight, PdfLibFontkit, ReportFonts } from './fonts';
export { atoms, breakLines, breakUnits, NO_LINE_END, NO_LINE_START } from './linebreak';
export type { Measure } from './linebreak';
export { renderFindingJudgement, renderManualJudgement, renderSignOffSection, signedDate } from './sign-off';
export type { ReportJudgement } from './sign-off';
