# SPDX-License-Identifier: GPL-3.0-or-later
"""The pipeline board on a sample team, driven from the keyboard: the
column headers state what the database holds; Ctrl+Right moves the focused
card to the next stage (both headers change, a deal_stage_change row is
written, the card keeps the focus); moving to Lost asks for a reason and
Cancel changes nothing."""

import os
import re
import sqlite3
import subprocess
import time

import uitest

tap = uitest.Tap(5)
directory = os.environ["PROSPECT_TEST_DIR"]
database = os.path.join(directory, "pipeline.db")
cli = os.path.join(os.path.dirname(os.environ["PROSPECT_BIN"]), "..", "cli", "prospect-cli")

LIVE = "deleted_at IS NULL"


def query(sql, *args):
    with sqlite3.connect(database) as db:
        return db.execute(sql, args).fetchall()


def make_sample_team():
    """The sample team, with "me" the rep with the most deals in the first
    open stage (the one the test moves a card out of)."""
    subprocess.run([cli, "--database", database, "demo"], check=True, stdout=subprocess.DEVNULL)
    me = query("SELECT d.owner_id FROM deal d JOIN stage s ON s.id = d.stage_id"
               " WHERE d.deleted_at IS NULL AND s.position = (SELECT min(position) FROM stage)"
               " AND d.owner_id IN (SELECT id FROM person WHERE role = 'rep')"
               " GROUP BY d.owner_id ORDER BY count(*) DESC LIMIT 1")[0][0]
    with sqlite3.connect(database) as db:
        db.execute("INSERT OR REPLACE INTO setting (key, value, updated_at) VALUES ('me', ?, 0)", (me,))
    return me


def stages():
    return query("SELECT id, name, kind FROM stage WHERE %s ORDER BY position, id" % LIVE)


def column_in_database(stage_id):
    """(count, whole currency units) of my deals in the stage."""
    n, total = query("SELECT count(*), ifnull(sum(amount), 0) FROM deal WHERE %s"
                     " AND owner_id = ? AND stage_id = ?" % LIVE, me, stage_id)[0]
    return n, round(total / 100)


def column_on_screen(name):
    """(count, amount) read from the column header: the stage's name
    label and, next to it, "N deals · $X"."""
    label = uitest.find(board, "label", name)
    totals = label.parent.getChildAtIndex(label.getIndexInParent() + 1).name
    match = re.fullmatch(r"([\d,]+) deals? · \D*([\d,]+)", totals)
    if match is None:
        raise uitest.Failure("column header %r reads %r" % (name, totals))
    return tuple(int(group.replace(",", "")) for group in match.groups())


def wait_header(stage_id, name):
    uitest.wait_until(lambda: column_on_screen(name) == column_in_database(stage_id), 5,
                      "the %s header to show %r (it shows %r)"
                      % (name, column_in_database(stage_id), column_on_screen(name)))


def deal_row(deal_id):
    return query("SELECT stage_id, status, lost_reason FROM deal WHERE id = ?", deal_id)[0]


def history(deal_id):
    return query("SELECT count(*) FROM deal_stage_change WHERE deal_id = ?", deal_id)[0][0]


def focused(node=None):
    return uitest.wait_until(
        lambda: next((n for n in uitest.find_all(node or board)
                      if n.getState().contains(uitest.pyatspi.STATE_FOCUSED)), None),
        what="a focused widget")


try:
    me = make_sample_team()
except (subprocess.CalledProcessError, OSError, IndexError) as error:
    tap.bail_out("could not make the sample team: %s" % error)

STAGES = stages()
first, second = STAGES[0], STAGES[1]
lost = next(stage for stage in STAGES if stage[2] == "lost")

app = uitest.App("--database", database)
try:
    root = app.wait_for_window()
except uitest.Failure as error:
    tap.bail_out("prospect did not show a window: %s\n%s" % (error, app.output()))


def open_pipeline():
    uitest.click(uitest.find(root, "page tab", "Rep"))
    uitest.select_row(uitest.find(root, "list", "Rep pages"), "Pipeline")
    uitest.find(root, "label", "Your Pipeline")


if not tap.check("the Pipeline page opens", open_pipeline):
    tap.bail_out("no Pipeline page:\n%s" % app.output())

# The board's box stays while its columns are rebuilt: searching under it
# is much quicker than walking the whole window over AT-SPI.
board = uitest.find(root, "panel", "Board")


def headers_match_database():
    for stage_id, name, _ in STAGES:
        wait_header(stage_id, name)


tap.check("every column header states the count and total of the user's deals in it",
          headers_match_database)

# The first card of the first column: soonest expected close first.
moved_id, moved_title, moved_amount = query(
    "SELECT id, title, amount FROM deal WHERE %s AND owner_id = ? AND stage_id = ?"
    " ORDER BY expected_close IS NULL, expected_close, id LIMIT 1" % LIVE, me, first[0])[0]


def card():
    cards = uitest.find(board, "list", first[1])
    return next(node for node in cards if node.name.startswith(moved_title + ","))


def ctrl_right_moves_to_next_stage():
    before = (column_in_database(first[0]), column_in_database(second[0]), history(moved_id))
    uitest.mouse_click(card())
    uitest.wait_until(lambda: focused().name.startswith(moved_title + ","), 5, "the focus on the card")
    uitest.press_keys("Control_L", "Right")
    uitest.wait_until(lambda: deal_row(moved_id)[0] == second[0], 5, "the deal in %s" % second[1])
    if history(moved_id) != before[2] + 1:
        raise uitest.Failure("%d deal_stage_change rows, expected %d" % (history(moved_id), before[2] + 1))
    wait_header(first[0], first[1])
    wait_header(second[0], second[1])
    amount = round(moved_amount / 100)
    if column_on_screen(first[1]) != (before[0][0] - 1, before[0][1] - amount):
        raise uitest.Failure("%s header did not lose the deal" % first[1])
    if column_on_screen(second[1]) != (before[1][0] + 1, before[1][1] + amount):
        raise uitest.Failure("%s header did not gain the deal" % second[1])
    uitest.wait_until(lambda: focused().name.startswith(moved_title + ","), 5,
                      "the focus to stay on the moved card")


if not tap.check("Ctrl+Right moves the focused card to the next stage: both headers change,"
                 " one deal_stage_change row", ctrl_right_moves_to_next_stage):
    tap.bail_out("the keyboard move failed:\n%s" % app.output())


def find_named(node, name, action="click"):
    """The descendant called name that can do action (GTK 4.8 exposes a
    menu button twice: the outer one has no action)."""
    for child in uitest.find_all(node, None, name):
        if action in [child.queryAction().getName(i) for i in range(child.queryAction().nActions)]:
            return child
    raise uitest.Failure("no %r that can %s in %r" % (name, action, node.name))


def lost_dialog():
    """GTK 4.8 gives only the main window the showing state: find the
    dialog by role and heading."""
    name = "Move to %s?" % lost[1]
    return uitest.wait_until(
        lambda: next((w for w in app.accessible if w is not None
                      and w.getRoleName() == "dialog" and w.name == name), None),
        5, "the “%s” dialog" % name)


def dialog_button(dialog, label):
    """libadwaita 1.2 names a response button after its mnemonic and its
    label ("_Cancel Cancel"), and keeps a second, hidden set for narrow
    dialogs."""
    for node in uitest.find_all(dialog, "push button"):
        if node.name.endswith(" " + label) and node.getState().contains(uitest.pyatspi.STATE_VISIBLE):
            return node
    raise uitest.Failure("no visible %r button in the dialog" % label)


def moving_to_lost_asks_for_a_reason_and_cancel_changes_nothing():
    before = (deal_row(moved_id), history(moved_id), column_on_screen(second[1]), column_on_screen(lost[1]))
    uitest.click(find_named(focused(), "Move to…"))
    uitest.click(uitest.find(root, "menu item", "Move to %s" % lost[1]))
    dialog = lost_dialog()
    uitest.find(dialog, "label", "Say why the deal was lost")
    confirm = dialog_button(dialog, "Mark as Lost")
    if confirm.getState().contains(uitest.pyatspi.STATE_SENSITIVE):
        raise uitest.Failure("“Mark as Lost” is enabled with no reason given")
    uitest.click(dialog_button(dialog, "Cancel"))
    uitest.wait_until(lambda: lost_dialog_gone(), 5, "the dialog to close")
    time.sleep(0.5)
    after = (deal_row(moved_id), history(moved_id), column_on_screen(second[1]), column_on_screen(lost[1]))
    if after != before:
        raise uitest.Failure("Cancel changed %r into %r" % (before, after))


def lost_dialog_gone():
    return not any(w is not None and w.getRoleName() == "dialog" for w in app.accessible)


tap.check("moving to Lost asks for a reason (confirm disabled without one); Cancel changes nothing",
          moving_to_lost_asks_for_a_reason_and_cancel_changes_nothing)


def lost_with_a_reason():
    uitest.mouse_click(next(node for node in uitest.find(board, "list", second[1])
                            if node.name.startswith(moved_title + ",")))
    uitest.wait_until(lambda: focused().name.startswith(moved_title + ","), 5, "the focus on the card")
    uitest.click(find_named(focused(), "Move to…"))
    uitest.click(uitest.find(root, "menu item", "Move to %s" % lost[1]))
    dialog = lost_dialog()
    uitest.wait_until(lambda: focused(dialog).name == "Reason", 5, "the focus in the reason entry")
    uitest.type_text("Budget frozen")
    confirm = dialog_button(dialog, "Mark as Lost")
    uitest.wait_until(lambda: confirm.getState().contains(uitest.pyatspi.STATE_SENSITIVE), 5,
                      "“Mark as Lost” to be enabled")
    uitest.click(confirm)
    uitest.wait_until(lambda: deal_row(moved_id) == (lost[0], "lost", "Budget frozen"), 5,
                      "the deal lost with its reason (it is %r)" % (deal_row(moved_id),))
    wait_header(second[0], second[1])
    wait_header(lost[0], lost[1])


tap.check("with a reason, Mark as Lost moves the deal and both headers follow", lost_with_a_reason)

app.stop()
tap.exit()
