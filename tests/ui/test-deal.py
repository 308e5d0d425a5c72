# SPDX-License-Identifier: GPL-3.0-or-later
"""The deal window on a sample team, driven from the keyboard: Enter on a
pipeline card opens the deal; a new amount typed in place is saved (one
field_change row) and the history says "changed Amount"; an invalid or a
negative amount marks the row with the reason and writes nothing; an
activity added from the page gets a to-do item and its row shows the
progress, and deleting it offers Undo; Ctrl+W closes the window; Enter
on a Today row of the deal's activity opens the deal again."""

import os
import sqlite3
import subprocess
import time

import uitest

tap = uitest.Tap(9)
directory = os.environ["PROSPECT_TEST_DIR"]
database = os.path.join(directory, "deal.db")
cli = os.path.join(os.path.dirname(os.environ["PROSPECT_BIN"]), "..", "cli", "prospect-cli")

LIVE = "deleted_at IS NULL"


def query(sql, *args):
    with sqlite3.connect(database) as db:
        return db.execute(sql, args).fetchall()


def make_sample_team():
    """The sample team, with "me" the rep with the most deals in the first
    open stage."""
    subprocess.run([cli, "--database", database, "demo"], check=True, stdout=subprocess.DEVNULL)
    me = query("SELECT d.owner_id FROM deal d JOIN stage s ON s.id = d.stage_id"
               " WHERE d.deleted_at IS NULL AND s.position = (SELECT min(position) FROM stage)"
               " AND d.owner_id IN (SELECT id FROM person WHERE role = 'rep')"
               " GROUP BY d.owner_id ORDER BY count(*) DESC LIMIT 1")[0][0]
    with sqlite3.connect(database) as db:
        db.execute("INSERT OR REPLACE INTO setting (key, value, updated_at) VALUES ('me', ?, 0)", (me,))
    return me


def focused(node):
    return uitest.wait_until(
        lambda: next((n for n in uitest.find_all(node)
                      if n.getState().contains(uitest.pyatspi.STATE_FOCUSED)), None),
        5, "a focused widget")


try:
    me = make_sample_team()
except (subprocess.CalledProcessError, OSError, IndexError) as error:
    tap.bail_out("could not make the sample team: %s" % error)

first_stage = query("SELECT id, name FROM stage WHERE %s ORDER BY position, id LIMIT 1" % LIVE)[0]
# The first card of the first column: soonest expected close first.
deal_id, deal_title, deal_amount = query(
    "SELECT id, title, amount FROM deal WHERE %s AND owner_id = ? AND stage_id = ?"
    " ORDER BY expected_close IS NULL, expected_close, id LIMIT 1" % LIVE, me, first_stage[0])[0]


# An overdue activity of the deal, to open the deal from the Today page.
with sqlite3.connect(database) as db:
    now_ms = int(time.time() * 1000)
    db.execute("INSERT INTO activity (id, created_at, updated_at, kind, subject, due_at, deal_id, owner_id)"
               " VALUES ('00000000-0000-7000-8000-0000000000d1', ?1, ?1, 'task', 'Send the revised quote',"
               " ?2, ?3, ?4)", (now_ms, now_ms - 60000, deal_id, me))


def amount_in_database():
    return query("SELECT amount FROM deal WHERE id = ?", deal_id)[0][0]


def amount_changes():
    return query("SELECT count(*) FROM field_change WHERE entity = 'deal' AND entity_id = ?"
                 " AND field = 'amount'", deal_id)[0][0]


app = uitest.App("--database", database)
try:
    root = app.wait_for_window()
except uitest.Failure as error:
    tap.bail_out("prospect did not show a window: %s\n%s" % (error, app.output()))


def deal_window():
    """GTK 4.8 gives only the main window the showing state: find the
    deal's window by its title."""
    return uitest.wait_until(
        lambda: next((w for w in app.accessible if w is not None and w.name == deal_title), None),
        5, "the window of “%s”" % deal_title)


def open_with_enter():
    uitest.click(uitest.find(root, "page tab", "Rep"))
    uitest.select_row(uitest.find(root, "list", "Rep pages"), "Pipeline")
    board = uitest.find(root, "panel", "Board")
    cards = uitest.find(board, "list", first_stage[1])
    card = next(node for node in cards if node.name.startswith(deal_title + ","))
    uitest.mouse_click(card)
    uitest.wait_until(lambda: focused(board).name.startswith(deal_title + ","), 5, "the focus on the card")
    started = time.monotonic()
    uitest.press_keys("Return")
    window = deal_window()
    uitest.find(window, "text", "Amount")
    print("# deal window on AT-SPI %.0f ms after Enter" % ((time.monotonic() - started) * 1000))


if not tap.check("Enter on a focused pipeline card opens the deal's window", open_with_enter):
    tap.bail_out("no deal window:\n%s" % app.output())

window = deal_window()


def amount_row():
    return uitest.find(window, "text", "Amount")


def scroll_to(node):
    """Turns the mouse wheel over the window until node is inside it."""
    frame = window.queryComponent().getExtents(uitest.pyatspi.WINDOW_COORDS)
    for _ in range(60):
        extents = node.queryComponent().getExtents(uitest.pyatspi.WINDOW_COORDS)
        # clear of the header bar, and of the toasts at the bottom
        if extents.y >= 60 and extents.y + extents.height <= frame.height - 120:
            return
        button = "b5c" if extents.y >= 60 else "b4c"
        uitest.pyatspi.Registry.generateMouseEvent(frame.width // 2, frame.height // 2, button)
        time.sleep(0.05)
    raise uitest.Failure("could not scroll %r into view" % node.name)


def type_into(row):
    """Clicks into an entry row and selects its text. (GTK 4.8 does not
    report an entry row's focus or text over AT-SPI.)"""
    scroll_to(row)
    uitest.mouse_click(row)
    time.sleep(0.3)
    uitest.press_keys("Control_L", "a")


def type_amount(text):
    type_into(amount_row())
    uitest.type_text(text)
    uitest.press_keys("Return")


def amount_shown():
    """The window's subtitle: "Account · $15000.00"."""
    return [label.name for label in uitest.find_all(window, "label") if " · " in label.name][0]


def history_names():
    return [row.name for row in uitest.find(window, "list", "History")]


def new_amount_is_saved_with_history():
    before = amount_changes()
    type_amount("15000")
    uitest.wait_until(lambda: amount_in_database() == 1500000, 5,
                      "amount 1500000 in the database (it is %r)" % amount_in_database())
    if amount_changes() != before + 1:
        raise uitest.Failure("%d amount field_change rows, expected %d" % (amount_changes(), before + 1))
    uitest.wait_until(lambda: amount_shown().endswith("15000.00"), 5,
                      "the subtitle to show 15000.00 (it says %r)" % amount_shown())
    uitest.wait_until(lambda: any("changed Amount from" in name for name in history_names()), 5,
                      "a history row saying “changed Amount from …”")
    newest = history_names()[0]
    if "changed Amount" not in newest and "planned" not in newest:
        raise uitest.Failure("the newest history row is %r" % newest)


tap.check("a new amount typed in place is saved, written to field_change and shown in the history",
          new_amount_is_saved_with_history)


def refused(text):
    before = (amount_in_database(), amount_changes())
    type_amount(text)
    row = uitest.wait_until(lambda: amount_row() if amount_row().description else None, 5,
                            "the Amount row to say why %r is refused" % text)
    reason = row.description
    print("# refused %r: %s" % (text, reason))
    time.sleep(0.3)
    after = (amount_in_database(), amount_changes())
    if after != before:
        raise uitest.Failure("%r changed the database: %r -> %r" % (text, before, after))
    uitest.find(window, "label", reason)   # the toast says it too
    return reason


def invalid_amount_is_refused():
    reason = refused("12abc")
    if "12abc" not in reason and "amount" not in reason.lower():
        raise uitest.Failure("the reason %r does not name the amount" % reason)


tap.check("“12abc” marks the Amount row with the reason and writes nothing", invalid_amount_is_refused)


def negative_amount_is_refused():
    # typing clears the mark; the new value is refused again
    reason = refused("-5")
    if "negative" not in reason and "amount" not in reason.lower():
        raise uitest.Failure("the reason %r does not say what is wrong" % reason)


tap.check("a negative amount is refused the same way", negative_amount_is_refused)


def activities():
    return query("SELECT id, kind, subject FROM activity WHERE deal_id = ? AND %s" % LIVE, deal_id)


def add_activity_from_the_page():
    before = len(activities())
    type_into(uitest.find(window, "text", "New Activity, e.g. “call tomorrow 10:30 pricing”"))
    uitest.type_text("call tomorrow 10:30 pricing review")
    uitest.press_keys("Return")
    uitest.wait_until(lambda: len(activities()) == before + 1, 5, "a new activity of the deal")
    kinds = [(kind, subject) for _, kind, subject in activities()]
    if ("call", "pricing review") not in kinds:
        raise uitest.Failure("no call “pricing review” among %r" % kinds)


tap.check("an activity typed on the page is added to the deal", add_activity_from_the_page)


def todo_items(activity_id):
    return query("SELECT text, done FROM todo_item WHERE activity_id = ? AND %s" % LIVE, activity_id)


def activity_row():
    return uitest.find(window, "list item", "pricing review")


def subtitle():
    """The second label of the activity's row: "Call · date · progress"."""
    labels = uitest.find_all(activity_row(), "label")
    return labels[1].name if len(labels) > 1 else ""


def todo_progress_shows_on_the_row():
    activity_id = next(a for a, _, subject in activities() if subject == "pricing review")
    scroll_to(activity_row())
    uitest.mouse_click(activity_row())
    # the expander's own box holds its header row and its to-do rows
    expander = activity_row().parent.parent
    type_into(uitest.find(expander, "text", "Add a To-Do Item"))
    uitest.type_text("Prepare the price list")
    uitest.press_keys("Return")
    uitest.wait_until(lambda: todo_items(activity_id) == [("Prepare the price list", 0)], 5,
                      "the to-do item in the database (%r)" % (todo_items(activity_id),))
    uitest.wait_until(lambda: "0 of 1 done" in subtitle(), 5,
                      "“0 of 1 done” on the activity's row (it says %r)" % subtitle())
    check = uitest.find(window, "check box", "Done: Prepare the price list")
    scroll_to(check)
    uitest.mouse_click(check)
    uitest.wait_until(lambda: todo_items(activity_id) == [("Prepare the price list", 1)], 5,
                      "the item done in the database")
    uitest.wait_until(lambda: "1 of 1 done" in subtitle(), 5,
                      "“1 of 1 done” on the activity's row (it says %r)" % subtitle())


tap.check("a to-do item added to the activity shows as its progress, and checking it counts",
          todo_progress_shows_on_the_row)


def undo_button():
    """libadwaita 1.2 names the toast's button after its label twice
    ("Undo Undo")."""
    def look():
        for node in uitest.find_all(window, "push button"):
            if node.name.split()[:1] == ["Undo"] and uitest.is_on_screen(node):
                return node
        return None
    return uitest.wait_until(look, 5, "the toast's Undo button")


def delete_and_undo():
    activity_id = next(a for a, _, subject in activities() if subject == "pricing review")
    uitest.click(uitest.find(window, "push button", "Delete “Prepare the price list”"))
    uitest.wait_until(lambda: todo_items(activity_id) == [], 5, "the to-do item deleted in the database")
    uitest.wait_until(lambda: "done" not in subtitle(), 5,
                      "no progress on the activity's row (it says %r)" % subtitle())
    uitest.click(undo_button())
    uitest.wait_until(lambda: todo_items(activity_id) == [("Prepare the price list", 1)], 5,
                      "the to-do item back in the database")
    uitest.wait_until(lambda: "1 of 1 done" in subtitle(), 5,
                      "“1 of 1 done” back on the activity's row (it says %r)" % subtitle())


tap.check("deleting the to-do item removes it; the toast's Undo brings it back", delete_and_undo)


def ctrl_w_closes():
    uitest.mouse_click(amount_row())
    uitest.press_keys("Control_L", "w")
    uitest.wait_until(lambda: not any(w is not None and w.name == deal_title for w in app.accessible),
                      5, "the deal window to close")


tap.check("Ctrl+W closes the deal window", ctrl_w_closes)

def today_enter_opens_the_deal():
    uitest.select_row(uitest.find(root, "list", "Rep pages"), "Today")
    row = uitest.find(uitest.find(root, "list", "Overdue"), None, "Send the revised quote")
    uitest.mouse_click(row)
    time.sleep(0.3)
    uitest.press_keys("Return")
    deal_window()


tap.check("Enter on a Today row whose activity has a deal opens that deal", today_enter_opens_the_deal)

app.stop()
tap.exit()
