/**
 * The legal clock's public face (issue 4). Routes, screens, cases and
 * supervision call only what is exported here; docs/legal-clock.md explains
 * the rules.
 */

// ── Pure rules ──────────────────────────────────────────────────────────────
/** Builds a region's working-day calendar from the national data and overrides. */
export { buildCalendar, NATIONAL_REGION } from './calendar.ts';
/** Whether a day (epoch day) is a working day; working days between two days, both included. */
export { isWorkingDay, workingDaysBetween, nthWorkingDayFrom } from './calendar.ts';
/** Computes a deadline with its ledger: `{due, dueDate, provisional, ledger}`. */
export { computeDeadline } from './rules.ts';
/** Validates a clock once; `computeDue` then recomputes it cheaply against any calendar. */
export { prepareClock, computeDue, parseStart, UNITS } from './deadline.ts';
/** Whether a calendar change on the given days can move a deadline (to recompute only those). */
export { dueMayChange } from './deadline.ts';
/** Refuses an extension the law (Art. 42) does not allow; returns the rule applied. */
export { checkExtension, checkExtensions, EXTENSION_RULES } from './extension.ts';
/** Pause types (补正 and Art. 45) with their Chinese labels; `A:B` command-line pauses. */
export { PAUSE_LABELS, isPauseType, parsePauseArg, validatePauses } from './pauses.ts';
/** The case's pauses that concern a step started on a date (a case pause pauses its step). */
export { pausesFrom } from './pauses.ts';
/** Every day of a year with its status and name, for the calendar editing screen. */
export { calendarYear } from './year-view.ts';
/** Office hours from `HH:MM` strings; the default 09:00–17:30. */
export { officeHours, formatOfficeHours, DEFAULT_OFFICE_HOURS } from './office-hours.ts';
/** Art. 32: the last moment for the one-time notice, and whether an application is deemed accepted. */
export { art32NoticeDue, art32Status, ART32_NOTICE_WORKDAYS } from './art32.ts';
/** When a warning before a deadline passes: a share of its working days used, or n working days left (shared by step warnings and supervision). */
export { warningInstant } from './thresholds.ts';
export type { WarningMeasure } from './thresholds.ts';
/** Green / yellow / red of a clock at a moment, with working days left. */
export { clockState, DEFAULT_YELLOW_WORKDAYS } from './colour.ts';
/** The ledger of a computed deadline (entries and one sentence). */
export { buildLedger } from './ledger.ts';
/** Reads the State Council's yearly notice from CSV or JSON and checks it. */
export { parseNoticeCsv, parseNoticeJson, noticeOverrides } from './notice.ts';
/** ISO date and Shanghai date-time formatting used by every result. */
export { formatIsoDate, parseIsoDate, formatShanghai, toShanghai, fromShanghai } from './dates.ts';

// ── Persistence ─────────────────────────────────────────────────────────────
/** Creates a region; sets or clears one of its days; imports a notice; sets a center's clock — audited, with events. */
export { createCalendarRegion, setCalendarDay, clearCalendarDay, importHolidayNotice, setCenterClock } from './commands.ts';
/** Loads a region's calendar or a center's clock settings; lists regions, stored days and the audit trail. */
export { loadCalendar, loadCenterClock, listCalendarRegions, listCalendarDays, listCalendarEdits } from './queries.ts';
/** Throws FORBIDDEN unless the actor may edit calendars. */
export { authorizeCalendarEdit } from './policy.ts';

export type { WorkCalendar, CalendarOverride, DayKind, RestRun, NamedWorkday } from './calendar.ts';
export type { ClockInput, PreparedClock, Due, Unit } from './deadline.ts';
export type { DeadlineResult, DeadlineOptions } from './rules.ts';
export type { Extension, Handling, ApproverRole, ExtensionRule } from './extension.ts';
export type { PauseType, PauseInput, Pause } from './pauses.ts';
export type { OfficeHours } from './office-hours.ts';
export type { Art32Status, Art32State } from './art32.ts';
export type { Colour, ClockState } from './colour.ts';
export type { CalendarDay } from './year-view.ts';
export type { Ledger, LedgerEntry, LedgerOptions, LimitKind } from './ledger.ts';
export type { HolidayNotice, NoticeHoliday, NoticeProblem } from './notice.ts';
export type { CalendarActor } from './store.ts';
export type { CalendarContext } from './commands.ts';
export type { CenterClock, CalendarRegion, CalendarDayRow, CalendarEditRow } from './queries.ts';
/** The calendar administration routes. */
export { registerCalendarRoutes } from './routes.ts';
