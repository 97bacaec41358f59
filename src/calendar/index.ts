export { CalendarModule } from './calendar.module';
export { LEGAL_CALENDAR } from './calendar.tokens';
