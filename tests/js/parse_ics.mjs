// Parses an .ics file with Mozilla ical.js (the parser inside Thunderbird) and prints what it
// sees as JSON: {"version": "...", "calendar": {NAME, X-WR-CALNAME, DESCRIPTION,
// X-WR-CALDESC}, "events": [{uid, summary, start, end, startIsDate, endIsDate, description,
// alarms}, ...], "dropped": [{uid, error}, ...]}. "alarms" are the times each VALARM of the
// event fires, computed with ical.js's own time arithmetic: a DURATION trigger added to DTSTART
// (or DTEND with RELATED=END), a DATE taken as local midnight as Thunderbird does; an absolute
// trigger as written. Used by tests/feedcheck.py
// (parse_with_icaljs). "dropped" lists events ical.js accepted at parse time but could not read
// (it reads values lazily): the events a calendar built on ical.js would lose.
//
//   node parse_ics.mjs FILE [HORIZON]
//
// The file is decoded as strict UTF-8 with any byte-order mark KEPT: ical.js is handed exactly
// the text of the feed, as its own API receives it. Recurring events (RRULE/RDATE, with
// RECURRENCE-ID overrides and EXDATE) are expanded with ical.js's own iterator, as Thunderbird
// does, up to (not including) HORIZON (YYYY-MM-DD, default 2100-01-01); each occurrence is one
// entry with the master's UID. Ends are ical.js's Event.endDate: for an all-day event this is
// the exclusive DTEND as written (or DTSTART + DURATION, or ical.js's own default when neither
// is given). Exit status: 0 on success, 2 when ical.js rejects the feed (message on stderr),
// 64 on a usage error.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const MAX_OCCURRENCES = 10000; // per VEVENT; more means an unbounded rule, reported as an error

function fail(code, message) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function timeJson(time) {
  if (!time) return { value: null, isDate: null };
  return { value: time.toString(), isDate: Boolean(time.isDate) };
}

function textOrNull(value) {
  if (value === null || value === undefined) return null;
  return String(value);
}

function alarmTimes(component, startDate, endDate) {
  if (!component) return [];
  const times = [];
  for (const valarm of component.getAllSubcomponents("valarm")) {
    const property = valarm.getFirstProperty("trigger");
    if (!property) continue;
    const trigger = property.getFirstValue();
    if (trigger instanceof ICAL.Time) {
      times.push(trigger.toString());
      continue;
    }
    const base = (property.getParameter("related") || "").toUpperCase() === "END" ? endDate : startDate;
    if (!base) continue;
    const time = base.clone();
    time.isDate = false; // a DATE is local midnight
    time.addDuration(trigger);
    times.push(time.toString());
  }
  return times;
}

function entry(uid, summary, description, startDate, endDate, component) {
  const start = timeJson(startDate);
  const end = timeJson(endDate);
  return {
    uid: textOrNull(uid),
    summary: textOrNull(summary),
    description: textOrNull(description),
    start: start.value,
    startIsDate: start.isDate,
    end: end.value,
    endIsDate: end.isDate,
    alarms: alarmTimes(component, startDate, endDate),
  };
}

function main(argv) {
  if (argv.length < 1 || argv.length > 2) {
    fail(64, "usage: node parse_ics.mjs FILE [HORIZON as YYYY-MM-DD]");
  }
  const [file, horizonText = "2100-01-01"] = argv;
  const bytes = readFileSync(file);
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    fail(2, `not valid UTF-8: ${error.message}`);
  }
  const horizon = ICAL.Time.fromDateString(horizonText);

  let parsed;
  try {
    parsed = ICAL.parse(text);
  } catch (error) {
    fail(2, `ical.js rejected the feed: ${error.message}`);
  }
  // ICAL.parse returns one jCal component, or a list of them for several VCALENDARs.
  const roots = typeof parsed[0] === "string" ? [parsed] : parsed;

  const events = [];
  const dropped = [];
  let calendar = null;
  for (const jcal of roots) {
    const root = new ICAL.Component(jcal);
    if (calendar === null) {
      calendar = {};
      for (const name of ["NAME", "X-WR-CALNAME", "DESCRIPTION", "X-WR-CALDESC"]) {
        calendar[name] = textOrNull(root.getFirstPropertyValue(name.toLowerCase()));
      }
    }
    const vevents = root.name === "vevent" ? [root] : root.getAllSubcomponents("vevent");
    const masters = new Map();
    const exceptions = [];
    const order = [];
    for (const vevent of vevents) {
      if (vevent.hasProperty("recurrence-id")) {
        exceptions.push(vevent);
      } else {
        const event = new ICAL.Event(vevent);
        order.push(event);
        if (!masters.has(event.uid)) masters.set(event.uid, event);
      }
    }
    for (const vevent of exceptions) {
      const uid = vevent.getFirstPropertyValue("uid");
      const master = masters.get(uid);
      if (master) {
        master.relateException(vevent);
      } else {
        order.push(new ICAL.Event(vevent)); // an orphan override stands on its own
      }
    }
    for (const event of order) {
      // ical.js reads properties lazily: a bad value (a DATE-TIME without a time, say) throws
      // only when the event is read. Such an event is dropped and reported, the rest go on.
      try {
        events.push(...occurrences(event, horizon));
      } catch (error) {
        const uid = textOrNull(event.component.getFirstPropertyValue("uid"));
        dropped.push({ uid, error: error.message });
      }
    }
  }

  const packageFile = new URL("./node_modules/ical.js/package.json", import.meta.url);
  const { version } = JSON.parse(readFileSync(packageFile, "utf8"));
  process.stdout.write(JSON.stringify({ version, calendar, events, dropped }));
  process.stdout.write("\n");
}

function occurrences(event, horizon) {
  if (!event.startDate) throw new Error("no DTSTART");
  if (!event.isRecurring() || event.isRecurrenceException()) {
    return [
      entry(
        event.uid,
        event.summary,
        event.description,
        event.startDate,
        event.endDate,
        event.component,
      ),
    ];
  }
  const events = [];
  const iterator = event.iterator();
  let count = 0;
  for (let next = iterator.next(); next; next = iterator.next()) {
    if (next.compare(horizon) >= 0) break;
    count += 1;
    if (count > MAX_OCCURRENCES) {
      throw new Error(`more than ${MAX_OCCURRENCES} occurrences before the horizon`);
    }
    const details = event.getOccurrenceDetails(next);
    const item = details.item;
    events.push(
      entry(
        item.uid,
        item.summary,
        item.description,
        details.startDate,
        details.endDate,
        item.component,
      ),
    );
  }
  return events;
}

main(process.argv.slice(2));
