// Run by tests/feedcheck.py (subscribe_with_thunderbird) inside a headless Thunderbird, in its
// privileged (chrome) context through Marionette's WebDriver:ExecuteAsyncScript: NOT a node
// script. Arguments: (action, feeds, rangeStart, rangeEnd, done).
//
//   action "subscribe": feeds is [url, ...]. Each URL is subscribed to as Thunderbird's "New
//     Calendar > On the Network" dialog does: cal.provider.detection.detect() finds the
//     calendar at the location (the ICS provider: HEAD, then GET), Thunderbird names it, and
//     cal.manager.registerCalendar() subscribes to it, read-only, without offline support
//     (see below). The calendar's first refresh downloads and parses the feed.
//   action "refresh": feeds is [calendar id, ...], calendars subscribed before: each is
//     refreshed, as Thunderbird's "Synchronize" does.
//
// Then every calendar's events are listed: getItemsAsArray() with occurrences expanded within
// [rangeStart, rangeEnd) (YYYYMMDD). An ICS calendar queues every read behind its refresh
// (CalICSCalendar's queue), so the list is what Thunderbird read from the download just made,
// with no waiting on timers. Offline support (cache.enabled) is left off: with it the items
// are copied into a SQLite cache without waiting for the writes, and a read right after the
// refresh could see part of them.
//
// done(result) receives {calendars: [{id, name, uri, status, errors, events}], error}.
// Each event: {uid, summary, start, startIsDate, end, endIsDate, description, alarms}, times as
// calIDateTime.icalString (a DATE is YYYYMMDD); alarms are the times each reminder fires as
// cal.alarms.calculateAlarmDate() computes them (an all-day event starts at midnight in the
// default time zone). "errors" are the calIObserver.onError reports for that calendar.
const [action, feeds, rangeStart, rangeEnd] = arguments;
const done = arguments[arguments.length - 1];

(async () => {
  const { cal } = ChromeUtils.importESModule("resource:///modules/calendar/calUtils.sys.mjs");
  const errors = new Map();

  const watch = calendar => {
    errors.set(calendar.id, []);
    calendar.addObserver({
      QueryInterface: ChromeUtils.generateQI(["calIObserver"]),
      onStartBatch() {},
      onEndBatch() {},
      onLoad() {},
      onAddItem() {},
      onModifyItem() {},
      onDeleteItem() {},
      onPropertyChanged() {},
      onPropertyDeleting() {},
      onError(source, errno, message) {
        errors.get(calendar.id).push(`0x${(errno >>> 0).toString(16)} ${message || ""}`.trim());
      },
    });
  };

  const calendars = [];
  if (action === "subscribe") {
    const onlyIcs = types => [...types].filter(type => type !== "ics");
    for (const url of feeds) {
      const found = await cal.provider.detection.detect("", undefined, url, false, [onlyIcs], {});
      const detected = found.values().next().value || [];
      if (detected.length !== 1) {
        throw new Error(`detection found ${detected.length} calendars at ${url}`);
      }
      const calendar = detected[0];
      calendar.readOnly = true;
      calendar.setProperty("cache.enabled", false);
      cal.manager.registerCalendar(calendar); // queues the first refresh
      const registered = cal.manager.getCalendarById(calendar.id);
      watch(registered);
      calendars.push(registered);
    }
  } else if (action === "refresh") {
    for (const id of feeds) {
      const calendar = cal.manager.getCalendarById(id);
      watch(calendar);
      calendar.refresh();
      calendars.push(calendar);
    }
  } else {
    throw new Error(`unknown action ${action}`);
  }

  const filter =
    Ci.calICalendar.ITEM_FILTER_TYPE_EVENT | Ci.calICalendar.ITEM_FILTER_CLASS_OCCURRENCES;
  const start = cal.createDateTime(rangeStart);
  const end = cal.createDateTime(rangeEnd);
  const result = [];
  for (const calendar of calendars) {
    const items = await calendar.getItemsAsArray(filter, 0, start, end);
    result.push({
      id: calendar.id,
      name: calendar.name,
      uri: calendar.uri.spec,
      status: calendar.getProperty("currentStatus") >>> 0,
      errors: errors.get(calendar.id),
      events: items.map(item => ({
        uid: item.id,
        summary: item.title,
        start: item.startDate.icalString,
        startIsDate: item.startDate.isDate,
        end: item.endDate ? item.endDate.icalString : null,
        endIsDate: item.endDate ? item.endDate.isDate : null,
        description: item.getProperty("DESCRIPTION"),
        alarms: item
          .getAlarms()
          .map(alarm => cal.alarms.calculateAlarmDate(item, alarm))
          .filter(Boolean)
          .map(time => time.getInTimezone(cal.dtz.UTC).icalString),
      })),
    });
  }
  return { calendars: result, error: null };
})().then(done, error => done({ calendars: [], error: `${error}\n${error.stack || ""}` }));
