import { Module } from '@nestjs/common';
import { defaultCalendar } from '../core/calendar';
import { CalendarController } from './calendar.controller';
import { LEGAL_CALENDAR } from './calendar.tokens';

/**
 * 期间计算 — GET /api/calendar/deadline, GET /api/calendar/day/:date.
 * Exports LEGAL_CALENDAR (the LegalCalendarApi over rules/holidays + chinese-days) for other modules.
 */
@Module({
  controllers: [CalendarController],
  providers: [{ provide: LEGAL_CALENDAR, useFactory: () => defaultCalendar() }],
  exports: [LEGAL_CALENDAR],
})
export class CalendarModule {}
