/**
 * Run a whole suite with SCORING_SHEET set (the default sheet when a request names none), restoring the variable
 * afterwards. Call at the top level of a spec file or inside a describe block.
 */
export function useDefaultScoringSheet(sheetId: string): void {
  const saved = process.env.SCORING_SHEET;
  beforeAll(() => {
    process.env.SCORING_SHEET = sheetId;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.SCORING_SHEET;
    else process.env.SCORING_SHEET = saved;
  });
}
