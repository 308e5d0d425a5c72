# SPDX-License-Identifier: GPL-3.0-or-later
"""Quick entry on a sample team, from the keyboard: Ctrl+N opens it, the
line is previewed as it is typed, Enter stores a call due tomorrow 10:30
for the named account, owned by the user, and the day plan shows it under
Tomorrow; an amount that is not one is marked in the correction form
(Tab), Save stays off and nothing is written; Escape cancels; an unknown
account is offered for creation and used once created."""

import datetime
import os
import sqlite3
import subprocess
import time

import uitest

tap = uitest.Tap(8)
directory = os.environ["PROSPECT_TEST_DIR"]
database = os.path.join(directory, "quick-entry.db")
cli = os.path.join(os.path.dirname(os.environ["PROSPECT_BIN"]), "..", "cli", "prospect-cli")


def make_sample_team():
    """The sample team with its first rep as "me", and the first account
    (by name) to call."""
    subprocess.run([cli, "--database", database, "demo"], check=True,
                   stdout=subprocess.DEVNULL)
    with sqlite3.connect(database) as db:
        me = db.execute("SELECT id FROM person WHERE role = 'rep' ORDER BY name LIMIT 1").fetchone()[0]
        db.execute("INSERT OR REPLACE INTO setting (key, value, updated_at) VALUES ('me', ?, ?)",
                   (me, int(time.time() * 1000)))
        account_id, name = db.execute("SELECT id, name FROM account WHERE deleted_at IS NULL"
                                      " ORDER BY name LIMIT 1").fetchone()
    return me, account_id, name


def count(table):
    with sqlite3.connect(database) as db:
        return db.execute("SELECT count(*) FROM %s" % table).fetchone()[0]


def log_lines(text):
    return "\n".join("# " + line for line in text.splitlines())


try:
    me, account_id, account_name = make_sample_team()
except (subprocess.CalledProcessError, OSError, TypeError) as error:
    tap.bail_out("could not make the sample team: %s" % error)

app = uitest.App("--database", database)
try:
    root = app.wait_for_window()
    uitest.find(root, "page tab", "Rep")
except uitest.Failure as error:
    tap.bail_out("prospect did not show its workspaces: %s\n%s" % (error, log_lines(app.output())))

LINE = "call %s tomorrow 10:30 about renewal" % account_name
SUMMARY = "Call · %s · Tomorrow 10:30 · about renewal" % account_name
activities_before = count("activity")


def line_entry():
    return uitest.find(root, "text", "What to add", timeout=5)


def ctrl_n_opens_the_dialog():
    uitest.press_keys("Control_L", "n")
    line_entry()


if not tap.check("Ctrl+N opens the quick entry", ctrl_n_opens_the_dialog):
    tap.bail_out("no quick entry:\n%s" % log_lines(app.output()))


def preview_follows_typing():
    uitest.type_text(LINE)
    uitest.find(root, None, SUMMARY, timeout=5)


tap.check("the preview reads “%s”" % SUMMARY, preview_follows_typing)


def stored_call():
    with sqlite3.connect(database) as db:
        return db.execute("SELECT kind, subject, account_id, owner_id, due_at, due_date FROM activity"
                          " WHERE subject = 'about renewal' AND deleted_at IS NULL").fetchall()


def enter_stores_the_call():
    uitest.press_keys("Return")
    rows = uitest.wait_until(stored_call, 5, "the call in the database")
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    due = int(datetime.datetime.combine(tomorrow, datetime.time(10, 30)).timestamp() * 1000)
    wanted = [("call", "about renewal", account_id, me, due, None)]
    if rows != wanted or count("activity") != activities_before + 1:
        raise uitest.Failure("stored %r, expected %r" % (rows, wanted))
    uitest.wait_until(lambda: not any(uitest.is_on_screen(n) for n in uitest.find_all(root, "text", "What to add")),
                      5, "the quick entry to close")


if not tap.check("Enter stores the call: due tomorrow 10:30 local, for that account, owned by me",
                 enter_stores_the_call):
    tap.bail_out(log_lines(app.output()))


def toast_says_what_was_added():
    uitest.find(root, "label", "Call with %s added" % account_name, timeout=5)


tap.check("a toast says “Call with … added”", toast_says_what_was_added)


def shown_under_tomorrow():
    tomorrow = uitest.find(root, "list", "Tomorrow")
    uitest.wait_until(lambda: "about renewal" in [row.name for row in tomorrow], 5,
                      "“about renewal” under Tomorrow")


tap.check("the day plan shows the call under Tomorrow", shown_under_tomorrow)

deals_before = count("deal")


def invalid_amount_is_marked():
    uitest.press_keys("Control_L", "n")
    line_entry()
    uitest.type_text("deal %s upgrade 12kk" % account_name)
    time.sleep(0.3)
    uitest.press_keys("Tab")
    amount = uitest.find(root, "text", "Amount", timeout=5)
    message = uitest.wait_until(lambda: amount.description, 5, "an error on the Amount row")
    if "12kk" not in message:
        raise uitest.Failure("the Amount row says %r" % message)
    uitest.find(root, "label", message)
    save = uitest.find(root, "push button", "Save")
    if save.getState().contains(uitest.pyatspi.STATE_SENSITIVE):
        raise uitest.Failure("Save is enabled with an invalid amount")
    # Enter in a row tries to save: refused
    uitest.press_keys("Return")
    time.sleep(0.5)
    if count("deal") != deals_before:
        raise uitest.Failure("a deal was written")


tap.check("in the form (Tab) an invalid amount is marked, Save is off, nothing is written",
          invalid_amount_is_marked)


def escape_cancels():
    uitest.press_keys("Escape")
    uitest.wait_until(lambda: not any(uitest.is_on_screen(n) for n in uitest.find_all(root, "text", "Amount")),
                      5, "the quick entry to close")
    if count("deal") != deals_before or count("activity") != activities_before + 1:
        raise uitest.Failure("Escape wrote something")


tap.check("Escape closes it without writing", escape_cancels)

NEW_ACCOUNT = "Zyxwidget"


def unknown_account_is_offered():
    uitest.press_keys("Control_L", "n")
    line_entry()
    uitest.type_text("call %s tomorrow intro" % NEW_ACCOUNT)
    uitest.find(root, None, "Create account “%s”?" % NEW_ACCOUNT, timeout=5)
    with sqlite3.connect(database) as db:
        if db.execute("SELECT count(*) FROM account WHERE name = ?", (NEW_ACCOUNT,)).fetchone()[0]:
            raise uitest.Failure("the account exists before it was asked for")
    uitest.click(uitest.find(root, "push button", "Create Account"))
    uitest.find(root, None, "Call · %s · Tomorrow · intro" % NEW_ACCOUNT, timeout=5)
    uitest.press_keys("Return")

    def stored():
        with sqlite3.connect(database) as db:
            return db.execute("SELECT a.owner_id, v.due_date FROM activity v JOIN account a"
                              " ON a.id = v.account_id WHERE a.name = ? AND v.subject = 'intro'",
                              (NEW_ACCOUNT,)).fetchall()
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    rows = uitest.wait_until(stored, 5, "the call for the new account")
    if rows != [(me, tomorrow)]:
        raise uitest.Failure("stored %r" % rows)


tap.check("an unknown account is offered for creation, created by “Create”, then used",
          unknown_account_is_offered)

app.stop()
tap.exit()
