import { nextSendWindow, zonedTime } from "./send-window";

describe("send windows", () => {
  test("09:00 local is the right UTC instant on both sides of a DST change", () => {
    expect(zonedTime(2026, 1, 15, 9, "America/Los_Angeles").toISOString()).toBe("2026-01-15T17:00:00.000Z"); // PST, UTC-8
    expect(zonedTime(2026, 7, 15, 9, "America/Los_Angeles").toISOString()).toBe("2026-07-15T16:00:00.000Z"); // PDT, UTC-7
    expect(zonedTime(2026, 3, 9, 9, "America/New_York").toISOString()).toBe("2026-03-09T13:00:00.000Z"); // the day after spring-forward
    expect(zonedTime(2026, 6, 1, 9, "Asia/Kolkata").toISOString()).toBe("2026-06-01T03:30:00.000Z");
  });

  test("a Tuesday before 09:00 sends the same morning; after it, the next morning", () => {
    const tuesdayEarly = new Date("2026-01-13T15:00:00Z"); // 07:00 in Los Angeles
    expect(nextSendWindow(tuesdayEarly, "America/Los_Angeles").toISOString()).toBe("2026-01-13T17:00:00.000Z");
    const tuesdayLate = new Date("2026-01-13T20:00:00Z"); // 12:00 in Los Angeles
    expect(nextSendWindow(tuesdayLate, "America/Los_Angeles").toISOString()).toBe("2026-01-14T17:00:00.000Z");
  });

  test("weekends roll to Monday, in the audience's zone, not the server's", () => {
    const fridayEvening = new Date("2026-01-17T03:00:00Z"); // Friday 19:00 in Los Angeles, already Saturday in UTC
    expect(nextSendWindow(fridayEvening, "America/Los_Angeles").toISOString()).toBe("2026-01-19T17:00:00.000Z");
    const saturdayTokyo = new Date("2026-01-17T03:00:00Z"); // Saturday 12:00 in Tokyo
    expect(nextSendWindow(saturdayTokyo, "Asia/Tokyo").toISOString()).toBe("2026-01-19T00:00:00.000Z");
  });

  test("the window is at least the lead time away", () => {
    const justBefore = new Date("2026-01-13T16:55:00Z"); // 08:55 in Los Angeles
    expect(nextSendWindow(justBefore, "America/Los_Angeles", 15).toISOString()).toBe("2026-01-14T17:00:00.000Z");
  });
});
