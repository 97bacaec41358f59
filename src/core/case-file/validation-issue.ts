/**
 * One problem found in submitted data.
 * - `path`: where, in JS notation relative to the case file (`documents[3].service.servedOn`; `''` = the whole input)
 * - `code`: stable English UPPER_SNAKE code for programs (INVALID_DATE, UNKNOWN_PROPERTY …)
 * - `message`: Chinese explanation for people (日期不存在：2025-02-30)
 */
export interface ValidationIssue {
  path: string;
  code: string;
  message: string;
}
