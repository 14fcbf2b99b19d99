import type { Duration, TimerDefinition } from './model.ts';

/**
 * Timer expressions: ISO 8601 durations (PT1H, P3D, P1Y2M10DT2H30M), our
 * working-day form P5WD (five working days, 工作日, counted by the legal-clock
 * calendar), ISO 8601 date-times for timeDate and R[n]/<duration> for
 * timeCycle. Anything else is refused at deploy rather than guessed at run time.
 */

const ISO_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const WORKING_DAYS = /^P(\d+)WD$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const CYCLE = /^R(\d*)\/(P.+)$/;
// A date-time without an offset is read in the service center's time zone.
const LOCAL_OFFSET = '+08:00';

/** Parses a duration (ISO 8601 or P<n>WD); undefined when it is not one. */
export function parseDuration(source: string): Duration | undefined {
  const text = source.trim();
  const workingDays = WORKING_DAYS.exec(text);
  if (workingDays) {
    const count = Number(workingDays[1]);
    return count > 0 ? { unit: 'workingDays', workingDays: count } : undefined;
  }
  const match = ISO_DURATION.exec(text);
  // 'P' and 'PT' alone match the pattern but carry no amount.
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const [, years, months, weeks, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
  return {
    unit: 'calendar',
    years: years ?? 0,
    months: months ?? 0,
    weeks: weeks ?? 0,
    days: days ?? 0,
    hours: hours ?? 0,
    minutes: minutes ?? 0,
    seconds: seconds ?? 0,
  };
}

/** Parses an ISO 8601 date or date-time into a UTC ISO string; undefined when invalid. */
export function parseDateTime(source: string): string | undefined {
  const text = source.trim();
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const withTime = text.includes('T') ? text : `${text}T00:00:00`;
  const withOffset = match[1] ? withTime : `${withTime}${LOCAL_OFFSET}`;
  const millis = Date.parse(withOffset);
  return Number.isNaN(millis) ? undefined : new Date(millis).toISOString();
}

export type TimerKind = TimerDefinition['kind'];

/** Builds a timer definition from the text of timeDuration / timeDate / timeCycle; undefined when it does not parse. */
export function parseTimer(kind: TimerKind, source: string): TimerDefinition | undefined {
  switch (kind) {
    case 'duration': {
      const duration = parseDuration(source);
      return duration === undefined ? undefined : { kind, source, duration };
    }
    case 'date': {
      const at = parseDateTime(source);
      return at === undefined ? undefined : { kind, source, at };
    }
    case 'cycle': {
      const match = CYCLE.exec(source.trim());
      const duration = match ? parseDuration(match[2]!) : undefined;
      if (!match || !duration) return undefined;
      return match[1] ? { kind, source, repeat: Number(match[1]), duration } : { kind, source, duration };
    }
  }
}
