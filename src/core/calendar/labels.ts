import type { DayKind } from './types';

/** Chinese labels of the day kinds, for endpoints, the CLI and reports. */
export const DAY_KIND_LABELS: Record<DayKind, string> = {
  workday: '工作日',
  weekend: '休息日（周末）',
  holiday: '休息日（法定节假日放假调休）',
  adjusted_workday: '调休上班日（工作日）',
};
