/**
 * A date picker that marks the State Council schedule: 休 on 法定节假日 rest days, 班 on 调休上班日, with the
 * calendar's explanation on hover. Values are YYYY-MM-DD strings (the case-file format), never Date objects.
 */
import { useState } from 'react';
import { DatePicker, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useHolidayYear } from '../vocabulary';

export interface LegalDatePickerProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  id?: string;
  style?: React.CSSProperties;
  status?: 'error' | 'warning';
}

export function useMarks(year: number) {
  const q = useHolidayYear(year);
  return new Map((q.data?.days ?? []).map((d) => [d.date, d]));
}

export function DayCell({ date, marks, children }: { date: Dayjs; marks: Map<string, { kind: string; name?: string; explanation: string[] }>; children: React.ReactNode }) {
  const m = marks.get(date.format('YYYY-MM-DD'));
  if (!m) return <>{children}</>;
  return (
    <Tooltip title={m.explanation.join('；')}>
      <div style={{ position: 'relative' }} className={m.kind === 'holiday' ? 'mark-holiday' : 'mark-workday'} data-day-mark={m.kind}>
        {children}
        <span className="day-badge">{m.kind === 'holiday' ? '休' : '班'}</span>
      </div>
    </Tooltip>
  );
}

export function LegalDatePicker({ value, onChange, placeholder = '未录入', id, style, status }: LegalDatePickerProps) {
  const [panelYear, setPanelYear] = useState<number>(value ? +value.slice(0, 4) : dayjs().year());
  const marks = useMarks(panelYear);
  return (
    <DatePicker
      id={id}
      status={status}
      style={style}
      placeholder={placeholder}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)}
      onPanelChange={(d) => d && setPanelYear(d.year())}
      onOpenChange={(open) => open && value && setPanelYear(+value.slice(0, 4))}
      cellRender={(current, info) => {
        if (info.type !== 'date' || typeof current === 'number' || typeof current === 'string') return info.originNode;
        return <DayCell date={current} marks={marks}>{info.originNode}</DayCell>;
      }}
    />
  );
}
