/** What a score says about the sheet it was computed on, and its grade — the same for every model of sheet. */
import type { ScoringSheet } from './types';

export function sheetFields(sheet: ScoringSheet) {
  return { sheetId: sheet.id, sheetVersion: sheet.version, sheetName: sheet.name, sheetStatus: sheet.status, maxTotal: sheet.total };
}

/** the sheet's grade for a total: the 否决 grade when a veto hit, else the first band the total reaches */
export function gradeOf(sheet: ScoringSheet, total: number, vetoed: boolean): string {
  return vetoed ? sheet.vetoGrade : sheet.grades.find((g) => total >= g.min)!.name;
}
