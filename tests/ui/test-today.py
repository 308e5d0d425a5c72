# SPDX-License-Identifier: GPL-3.0-or-later
"""The day plan, run from the keyboard on a sample team: Enter on the
sidebar's Today row goes into the plan, the arrows move across sections,
Space checks the focused overdue activity off (it leaves the list, the
database records done_at), the toast's Undo brings it back, its menu
moves it to tomorrow, and an overdue row's menu snoozes its reminder."""

import datetime
import os
import sqlite3
import subprocess
import time

import uitest

tap = uitest.Tap(9)
directory = os.environ["PROSPECT_TEST_DIR"]
database = os.path.join(directory, "today.db")
cli = os.path.join(os.path.dirname(os.environ["PROSPECT_BIN"]), "..", "cli", "prospect-cli")

OPEN = "done_at IS NULL AND deleted_at IS NULL"


def local_midnight_ms(day):
    return int(datetime.datetime.combine(day, datetime.time()).timestamp() * 1000)


def make_sample_team():
    """The sample team, with "me" the rep who has the most overdue
    activities (the day plan's first section)."""
    subprocess.run([cli, "--database", database, "demo"], check=True,
                   stdout=subprocess.DEVNULL)
    now = int(time.time() * 1000)
    today = datetime.date.today().isoformat()
    with sqlite3.connect(database) as db:
        me = db.execute("SELECT owner_id FROM activity WHERE %s AND owner_id IS NOT NULL"
                        " AND (due_at < ? OR due_date < ?) GROUP BY owner_id"
                        " ORDER BY count(*) DESC LIMIT 1" % OPEN, (now, today)).fetchone()[0]
        db.execute("INSERT OR REPLACE INTO setting (key, value, updated_at) VALUES ('me', ?, ?)",
                   (me, now))
    return me


def overdue_activities(me):
    """(id, subject) of me's overdue activities, newest first, as the day
    plan orders them: a timed one by its time, an all-day one by the start
    of its day."""
    now = int(time.time() * 1000)
    today = datetime.date.today()
    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT id, subject, due_at, due_date FROM activity WHERE owner_id = ?"
                          " AND %s AND (due_at < ? OR due_date < ?)" % OPEN,
                          (me, now, today.isoformat())).fetchall()

    def key(row):
        if row[2] is not None:
            return (row[2], 1, row[0])
        return (local_midnight_ms(datetime.date.fromisoformat(row[3])), 0, row[0])
    return [(row[0], row[1]) for row in sorted(rows, key=key, reverse=True)]


def activity(activity_id):
    with sqlite3.connect(database) as db:
        return db.execute("SELECT done_at, due_at, due_date FROM activity WHERE id = ?",
                          (activity_id,)).fetchone()


def focused(root):
    node = uitest.wait_until(
        lambda: next((n for n in uitest.find_all(root)
                      if n.getState().contains(uitest.pyatspi.STATE_FOCUSED)), None),
        what="a focused widget")
    return node


def log_lines(text):
    return "\n".join("# " + line for line in text.splitlines())


def row_names(list_node):
    return [row.name for row in list_node]


try:
    me = make_sample_team()
except (subprocess.CalledProcessError, OSError, TypeError) as error:
    tap.bail_out("could not make the sample team: %s" % error)

expected = overdue_activities(me)
if not expected:
    tap.bail_out("the sample team's busiest rep has nothing overdue")
# Enter on an activity of a deal opens the deal (test-deal.py); the menu
# flows below need one without a deal.
with sqlite3.connect(database) as db:
    db.execute("UPDATE activity SET deal_id = NULL WHERE id = ?", (expected[0][0],))

app = uitest.App("--database", database)
try:
    root = app.wait_for_window()
except uitest.Failure as error:
    tap.bail_out("prospect did not show a window: %s\n%s" % (error, log_lines(app.output())))


def overdue_list():
    return uitest.find(root, "list", "Overdue")


def overdue_section_matches_database():
    shown = row_names(overdue_list())
    limit = 200
    wanted = [subject for _, subject in expected[:limit]]
    if len(expected) > limit:
        wanted.append("And %d more" % (len(expected) - limit))
    if shown != wanted:
        raise uitest.Failure("shown %r, expected %r" % (shown, wanted))


tap.check("the Overdue section lists the user's overdue activities, newest first",
          overdue_section_matches_database)


def enter_goes_into_the_plan():
    # The Today row is selected at start; Tab gives it the focus.
    uitest.press_keys("Tab")
    uitest.wait_until(lambda: focused(root).name == "Today", 5, "the focus on the Today row")
    uitest.press_keys("Return")
    uitest.wait_until(lambda: focused(root).name == expected[0][1], 5,
                      "the focus on “%s”" % expected[0][1])


if not tap.check("Enter on the sidebar's Today row focuses the first overdue activity",
                 enter_goes_into_the_plan):
    tap.bail_out("no keyboard way into the day plan:\n%s" % log_lines(app.output()))


def arrows_cross_sections():
    overdue = overdue_list()
    n = overdue.childCount
    for _ in range(n):
        uitest.press_keys("Down")
    node = uitest.wait_until(lambda: focused(root), 5)
    uitest.wait_until(lambda: focused(root).getIndexInParent() == 0
                      and focused(root).parent.name != "Overdue", 5,
                      "the focus on the first row of the next section (at %r)" % node.name)
    for _ in range(n):
        uitest.press_keys("Up")
    uitest.wait_until(lambda: focused(root).name == expected[0][1]
                      and focused(root).parent.name == "Overdue", 5,
                      "the focus back on the first overdue row")


tap.check("Down from the last overdue row goes on to the next section, Up comes back",
          arrows_cross_sections)

checked_id, checked_subject = expected[0]


def space_checks_off():
    before = row_names(overdue_list()).count(checked_subject)
    uitest.press_keys("space")
    uitest.wait_until(lambda: activity(checked_id)[0] is not None, 5, "done_at in the database")
    uitest.wait_until(lambda: row_names(overdue_list()).count(checked_subject) == before - 1, 5,
                      "“%s” to leave the Overdue list" % checked_subject)
    if len(expected) > 1:
        uitest.wait_until(lambda: focused(root).name == expected[1][1], 5,
                          "the focus on the next row, “%s”" % expected[1][1])


if not tap.check("Space checks the focused overdue activity off: it leaves the list, done_at is set",
                 space_checks_off):
    tap.bail_out("check-off failed:\n%s" % log_lines(app.output()))


def undo_button():
    """libadwaita 1.2 names the toast's button after its label twice
    ("Undo Undo")."""
    def look():
        for node in uitest.find_all(root, "push button"):
            if node.name.split()[:1] == ["Undo"] and uitest.is_on_screen(node):
                return node
        return None
    return uitest.wait_until(look, 5, "the toast's Undo button")


def undo_brings_it_back():
    uitest.click(undo_button())
    uitest.wait_until(lambda: activity(checked_id)[0] is None, 5, "done_at cleared")
    uitest.wait_until(lambda: row_names(overdue_list())[0] == checked_subject, 5,
                      "“%s” back at the top of the list" % checked_subject)
    uitest.wait_until(lambda: focused(root).name == checked_subject, 5,
                      "the focus back on “%s”" % checked_subject)


if not tap.check("the toast's Undo brings it back and clears done_at", undo_brings_it_back):
    tap.bail_out("undo failed:\n%s" % log_lines(app.output()))


def expected_tomorrow(due_at, due_date):
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    if due_at is None:
        return (None, tomorrow.isoformat())
    old = datetime.datetime.fromtimestamp(due_at / 1000)
    new = datetime.datetime.combine(tomorrow, datetime.time(old.hour, old.minute))
    return (int(new.timestamp() * 1000), None)


def menu_moves_it_to_tomorrow():
    _, due_at, due_date = activity(checked_id)
    wanted = expected_tomorrow(due_at, due_date)
    uitest.press_keys("Return")
    uitest.click(uitest.find(root, "menu item", "Tomorrow"))
    uitest.wait_until(lambda: activity(checked_id)[1:] == wanted, 5,
                      "the database to say %r (it says %r)" % (wanted, activity(checked_id)[1:]))
    tomorrow = uitest.find(root, "list", "Tomorrow")
    uitest.wait_until(lambda: checked_subject in row_names(tomorrow), 5,
                      "“%s” under Tomorrow" % checked_subject)
    if row_names(overdue_list())[:1] == [checked_subject] and len(expected) > 1 \
       and expected[1][1] != checked_subject:
        raise uitest.Failure("“%s” is still first in Overdue" % checked_subject)


tap.check("Enter on an activity without a deal opens its menu; Tomorrow moves it under Tomorrow,"
          " at the same time of day",
          menu_moves_it_to_tomorrow)


def undo_toast_says_what_moved():
    uitest.find(root, "label", "“%s” rescheduled" % checked_subject)


tap.check("a toast says what was rescheduled", undo_toast_says_what_moved)


def deleted_at(activity_id):
    with sqlite3.connect(database) as db:
        return db.execute("SELECT deleted_at FROM activity WHERE id = ?",
                          (activity_id,)).fetchone()[0]


def delete_and_undo():
    # The moved row keeps the focus under Tomorrow
    uitest.wait_until(lambda: focused(root).name == checked_subject
                      and focused(root).parent.name == "Tomorrow", 5,
                      "the focus on the moved row")
    uitest.press_keys("Delete")
    uitest.wait_until(lambda: deleted_at(checked_id) is not None, 5, "deleted_at in the database")
    uitest.find(root, "label", "“%s” deleted" % checked_subject)
    uitest.click(undo_button())
    uitest.wait_until(lambda: deleted_at(checked_id) is None, 5, "deleted_at cleared")
    uitest.wait_until(lambda: checked_subject in row_names(uitest.find(root, "list", "Tomorrow")),
                      5, "“%s” back under Tomorrow" % checked_subject)


tap.check("Delete deletes the focused activity; the toast's Undo restores it", delete_and_undo)

def snoozed_until(activity_id):
    with sqlite3.connect(database) as db:
        return db.execute("SELECT snoozed_until FROM activity WHERE id = ?",
                          (activity_id,)).fetchone()[0]


def remind_me_in_an_hour():
    """An overdue row's menu offers the longer snoozes of the reminders;
    "in an hour" stores snoozed_until an hour from now."""
    if len(expected) < 2:
        raise uitest.Failure("the sample team gave only one overdue activity")
    other_id, other_subject = expected[1]
    # GTK 4.8 shows the menu button and its inner button under one name:
    # the inner one carries the click action
    buttons = [node for node in uitest.find_all(root, "push button", "Reschedule “%s”" % other_subject)
               if uitest.is_on_screen(node) and node.queryAction().nActions > 0]
    if not buttons:
        raise uitest.Failure("no menu button for “%s”" % other_subject)
    uitest.click(buttons[0])
    before_ms = int(time.time() * 1000)
    uitest.click(uitest.find(root, "menu item", "Remind Me in an Hour"))
    uitest.wait_until(lambda: snoozed_until(other_id) is not None, 5, "snoozed_until in the database")
    hour_ms = 60 * 60 * 1000
    value = snoozed_until(other_id)
    if not before_ms + hour_ms - 60000 <= value <= int(time.time() * 1000) + hour_ms + 60000:
        raise uitest.Failure("snoozed_until is %d, not an hour after %d" % (value, before_ms))


tap.check("an overdue row's menu has Remind Me in an Hour, which snoozes its reminder an hour",
          remind_me_in_an_hour)

app.stop()
tap.exit()
