# SPDX-License-Identifier: GPL-3.0-or-later
"""First run, the other way: a manager who starts with an empty database.
"Start Empty" writes exactly that person and the "me" setting, and the
window opens on the Manager workspace."""

import os
import sqlite3

import uitest

NAME = "Nora Lead"

tap = uitest.Tap(3)
database = os.path.join(os.environ["PROSPECT_TEST_DIR"], "empty.db")
app = uitest.App("--database", database)

try:
    root = app.wait_for_window()
    uitest.find(root, "label", "Welcome to Prospect")
except uitest.Failure as error:
    tap.bail_out("no welcome page: %s\n%s" % (error, app.output()))


def start_empty_as_manager():
    uitest.type_text(NAME)
    # The role is a drop-down: open it, move to "Manager", choose it.
    uitest.mouse_click(uitest.find(root, "combo box", "Role"))
    uitest.find(root, "label", "Manager")
    uitest.press_keys("Down")
    uitest.press_keys("Return")
    uitest.click(uitest.find(root, "push button", "Start Empty"))
    uitest.find(root, "page tab", "Manager")


def opens_on_manager_workspace():
    # Nobody reports to a new manager yet: the Team page says so
    team = uitest.find(root, "panel", "No Team Yet")
    uitest.find(team, "label", "No Team Yet")
    if uitest.find_all(root, "panel", "Your Day Plan"):
        raise uitest.Failure("the Rep workspace is shown too")


def database_holds_only_the_user():
    with sqlite3.connect(database) as db:
        people = db.execute("SELECT name, role FROM person").fetchall()
        me = db.execute("SELECT p.name FROM setting s JOIN person p ON p.id = s.value"
                        " WHERE s.key = 'me'").fetchone()
        deals = db.execute("SELECT count(*) FROM deal").fetchone()[0]
    if people != [(NAME, "manager")] or me != (NAME,) or deals != 0:
        raise uitest.Failure("people %r, me %r, %d deals" % (people, me, deals))


if not tap.check("a manager named %s starts empty" % NAME, start_empty_as_manager):
    tap.bail_out(app.output())
tap.check("the window opens on the Manager workspace", opens_on_manager_workspace)
tap.check("the database holds that one person, who is 'me', and nothing else",
          database_holds_only_the_user)

app.stop()
tap.exit()
