# SPDX-License-Identifier: GPL-3.0-or-later
"""Reminders end to end, with a real notification server on the private
session bus: each activity due in a few seconds produces exactly one
Notify call with its subject and the Done and Snooze buttons; pressing
Done in the notification bubble marks the activity done in the database;
Quit really quits a background Prospect; a restarted Prospect repeats no
reminder, and closing its window keeps it running for a later one; the
longer snoozes and "Start at Login" do what they say."""

import datetime
import os
import sqlite3
import subprocess
import time
import uuid
import zoneinfo

import pyatspi

import notifications
import uitest

SUBJECT = "Call Acme about the renewal"
OTHER_SUBJECT = "Send the proposal to Beta"
ACCOUNT = "Acme Ltd"
DEAL = "Renewal 2027"

tap = uitest.Tap(13)
database = os.path.join(os.environ["PROSPECT_TEST_DIR"], "reminders.db")
prospect = os.environ["PROSPECT_BIN"]

try:
    server = notifications.NotificationServer()
except uitest.Failure as error:
    tap.bail_out("no notification server: %s" % error)


def activate_app_action(name, target=None):
    """What menu items do: activate app.<name>, with a string target."""
    parameter = "[<'%s'>]" % target if target is not None else "[]"
    subprocess.run(["gdbus", "call", "--session", "--dest", "io.github.prospect.Prospect",
                    "--object-path", "/io/github/prospect/Prospect",
                    "--method", "org.gtk.Actions.Activate", name, parameter, "{}"],
                   capture_output=True, timeout=10)


def quit_app(app):
    activate_app_action("quit")
    try:
        return app.process.wait(5)
    except subprocess.TimeoutExpired:
        return None


def insert_activities(path):
    """An account, a deal, two activities reminding in 3 s and one due in
    two hours; returns their ids."""
    now = int(time.time() * 1000)
    created = now - 60 * 1000
    account, deal, soon, other, later = (str(uuid.uuid4()) for _ in range(5))
    with sqlite3.connect(path) as db:
        stage = db.execute("SELECT id FROM stage ORDER BY position LIMIT 1").fetchone()[0]
        db.execute("INSERT INTO account (id, created_at, updated_at, name) VALUES (?, ?, ?, ?)",
                   (account, created, created, ACCOUNT))
        db.execute("INSERT INTO deal (id, created_at, updated_at, title, stage_id, account_id)"
                   " VALUES (?, ?, ?, ?, ?, ?)", (deal, created, created, DEAL, stage, account))
        db.execute("INSERT INTO activity (id, created_at, updated_at, kind, subject, due_at,"
                   " remind_at, account_id, deal_id) VALUES (?, ?, ?, 'call', ?, ?, ?, ?, ?)",
                   (soon, created, created, SUBJECT, now + 15 * 60 * 1000, now + 3000,
                    account, deal))
        db.execute("INSERT INTO activity (id, created_at, updated_at, kind, subject, due_date,"
                   " remind_at) VALUES (?, ?, ?, 'task', ?, date('now'), ?)",
                   (other, created, created, OTHER_SUBJECT, now + 3000))
        db.execute("INSERT INTO activity (id, created_at, updated_at, kind, subject, due_at)"
                   " VALUES (?, ?, ?, 'meeting', 'Quarterly review', ?)",
                   (later, created, created, now + 2 * 3600 * 1000))
    return soon, other, later


def stored(column, activity_id):
    with sqlite3.connect(database) as db:
        return db.execute("SELECT %s FROM activity WHERE id = ?" % column,
                          (activity_id,)).fetchone()[0]


# 1. A fresh database: nothing is pending, so a background start ends.
started = time.monotonic()
first = subprocess.run([prospect, "--database", database, "--background"],
                       capture_output=True, text=True, timeout=30)
tap.ok(first.returncode == 0 and time.monotonic() - started < 10,
       "with nothing pending, prospect --background exits on its own",
       "status %d after %.1f s: %s" % (first.returncode, time.monotonic() - started, first.stderr))
if not os.path.exists(database):
    tap.bail_out("prospect --background did not create the database")
soon_id, other_id, later_id = insert_activities(database)

# 2. In the background, each reminder arrives once.
app = uitest.App("--database", database, "--background")
try:
    uitest.wait_until(lambda: len(server.calls()) >= 2, 20, "two Notify calls")
except uitest.Failure as error:
    tap.bail_out("no notification: %s\n%s" % (error, app.output()))
time.sleep(1.5)  # a repeated notification would need a moment
calls = server.calls()
titles = sorted(call.summary for call in calls)
tap.ok(titles == sorted([SUBJECT, OTHER_SUBJECT]),
       "exactly one Notify call per activity, titled with its subject", titles)
notify = [call for call in calls if call.summary == SUBJECT][0]
tap.ok(ACCOUNT in notify.body and DEAL in notify.body and " at " in notify.body,
       "its body gives the time, the account and the deal", notify.body)
tap.ok(notify.action_ids()[1:] == ["app.reminder-done::" + soon_id,
                                    "app.reminder-snooze::" + soon_id]
       and notify.action_labels()[1:] == ["Done", "Snooze 10 Minutes"],
       "its buttons are Done and Snooze, for this activity", notify.actions)
tap.ok(stored("reminded_at", soon_id) is not None and stored("reminded_at", other_id) is not None,
       "the reminders are recorded as sent")


def showing_windows():
    return [w for a in pyatspi.Registry.getDesktop(0)
            if a is not None and a.get_process_id() == app.process.pid
            for w in a if w is not None and uitest.is_window_showing(w)]


tap.ok(app.process.poll() is None and not showing_windows(),
       "prospect --background runs without a window")


# 3. Done, pressed where a person presses it: in the server's bubble.
def find_bubble():
    """The notification server's bubble for the first activity."""
    for application in pyatspi.Registry.getDesktop(0):
        if application is not None and application.get_process_id() == server.server.pid:
            bubbles = [b for b in uitest.find_all(application, "alert")
                       if uitest.find_all(b, "label", SUBJECT)]
            return bubbles[0] if len(bubbles) == 1 else None
    return None


def press_done():
    bubble = uitest.wait_until(find_bubble, 10, "the bubble titled %r" % SUBJECT)
    # A real pointer click: the server acts on button presses, not on
    # the accessible "click" action. The bubble is not at the origin.
    extents = uitest.find(bubble, "push button", "Done").queryComponent().getExtents(
        pyatspi.DESKTOP_COORDS)
    pyatspi.Registry.generateMouseEvent(extents.x + extents.width // 2,
                                        extents.y + extents.height // 2, "b1c")
    uitest.wait_until(lambda: stored("done_at", soon_id) is not None, 10,
                      "done_at set in the database")
    if stored("done_at", other_id) is not None:
        raise uitest.Failure("the other activity is done too")


tap.check("pressing Done in the notification marks the activity done", press_done)

status = quit_app(app)
tap.ok(status == 0, "Quit ends the background Prospect although a reminder is pending",
       "status %r\n%s" % (status, app.output()))
app.stop()

# 4. A restart with a window: the reminded task that is still open is not
# notified again; closing the window keeps Prospect running for the
# meeting in two hours.
again = uitest.App("--database", database)
try:
    again.wait_for_window()
except uitest.Failure as error:
    tap.bail_out("the restarted Prospect showed no window: %s\n%s" % (error, again.output()))
uitest.press_keys("Control_L", "w")


def window_closed_app_running():
    if again.windows():
        raise uitest.Failure("the window is still shown")
    if again.process.poll() is not None:
        raise uitest.Failure("prospect exited with status %d" % again.process.returncode)
    return True


tap.check("closing the window keeps Prospect running while a reminder is pending",
          lambda: uitest.wait_until(window_closed_app_running, 10, "window closed")
          and time.sleep(1.5) is None and window_closed_app_running())
tap.ok(len(server.calls()) == 2 and stored("reminded_at", later_id) is None,
       "the restart repeats no reminder, not even the one still open",
       "%d calls" % len(server.calls()))



# 5. The longer snoozes the app offers: an hour, and tomorrow at 09:00.
def snooze_longer():
    started = int(time.time() * 1000)
    activate_app_action("reminder-snooze-hour", other_id)
    until = uitest.wait_until(lambda: stored("snoozed_until", other_id), 5, "snoozed_until")
    if not started + 3600 * 1000 <= until <= int(time.time() * 1000) + 3600 * 1000:
        raise uitest.Failure("snoozed until %d, not an hour after %d" % (until, started))
    activate_app_action("reminder-snooze-tomorrow", other_id)
    tomorrow = datetime.datetime.now(zoneinfo.ZoneInfo(os.environ["TZ"])) + datetime.timedelta(days=1)
    nine = tomorrow.replace(hour=9, minute=0, second=0, microsecond=0)
    uitest.wait_until(lambda: stored("snoozed_until", other_id) == int(nine.timestamp()) * 1000,
                      5, "snoozed until %s" % nine)


tap.check("snoozing for an hour, then until tomorrow 09:00, is stored", snooze_longer)

# 6. Preferences: "Start at Login" writes and removes the autostart entry.
autostart = os.path.join(os.environ["XDG_CONFIG_HOME"], "autostart",
                         "io.github.prospect.Prospect.desktop")


def toggle_start_at_login():
    activate_app_action("preferences")
    switch = uitest.find(again.accessible, "check box", "Start at Login")
    action = switch.queryAction()
    action.doAction(0)
    uitest.wait_until(lambda: os.path.exists(autostart), 5, "the autostart entry")
    with open(autostart) as f:
        entry = f.read()
    if "Exec=prospect --background" not in entry or "[Desktop Entry]" not in entry:
        raise uitest.Failure("unexpected entry:\n%s" % entry)
    action.doAction(0)
    uitest.wait_until(lambda: not os.path.exists(autostart), 5, "the entry removed")


tap.check("Start at Login writes an autostart entry running prospect --background,"
          " and removes it", toggle_start_at_login)
status = quit_app(again)
tap.ok(status == 0, "Quit ends it", "status %r\n%s" % (status, again.output()))
again.stop()

server.stop()
tap.exit()
