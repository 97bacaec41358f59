/** Scoring could not be done as the sheet demands (unknown scoringItem under policy error, unknown severity, no case file). */
export class ScoringError extends Error {
  readonly code = 'SCORING_FAILED';
  constructor(message: string) {
    super(message);
    this.name = 'ScoringError';
  }
}
