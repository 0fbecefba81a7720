// Building an Intl.DateTimeFormat is far costlier than using one: keep one per zone and shape.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatFor(kind: "clock" | "date", timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format =
      kind === "clock"
        ? new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
        : new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric", weekday: "short" });
    if (formats.size > 1000) formats.clear();
    formats.set(key, format);
  }
  return format;
}

/** Minutes between a time zone's local clock and UTC at a given instant. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = formatFor("clock", timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const localAsUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((localAsUtc - instant.getTime()) / 60_000);
}

/** The UTC instant of a local wall-clock time in a zone (DST-aware). */
export function zonedTime(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour, 0, 0);
  const first = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess - offsetMinutes(new Date(first), timeZone) * 60_000);
}

function localDate(instant: Date, timeZone: string): { year: number; month: number; day: number; weekday: number } {
  const parts = formatFor("date", timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(get("weekday"));
  return { year: Number(get("year")), month: Number(get("month")), day: Number(get("day")), weekday };
}

/**
 * The next good send window: a weekday at 09:00 in the audience's zone (mid-morning weekday
 * sends are when real-estate emails are most often opened), at least `leadMinutes` from now.
 */
export function nextSendWindow(now: Date, timeZone: string, leadMinutes = 15, hour = 9): Date {
  for (let daysAhead = 0; daysAhead < 8; daysAhead++) {
    const probe = new Date(now.getTime() + daysAhead * 86_400_000);
    const { year, month, day, weekday } = localDate(probe, timeZone);
    if (weekday === 0 || weekday === 6) continue;
    const candidate = zonedTime(year, month, day, hour, timeZone);
    if (candidate.getTime() >= now.getTime() + leadMinutes * 60_000) return candidate;
  }
  throw new Error("no send window within a week"); // unreachable: every week has weekdays
}
