/** Injection token of the LegalCalendarApi instance (defaultCalendar() unless a test overrides it). */
export const LEGAL_CALENDAR = Symbol('LEGAL_CALENDAR');
