# SPDX-License-Identifier: GPL-3.0-or-later
"""The Targets page on a sample team, with "me" a manager: the grid shows
the table's targets; typing "15k" + Enter in a rep's won-value cell for
the current quarter stores 1500000 (minor units); "abc" is refused in its
cell with the reason and writes nothing, and Escape puts the value back;
the team's sum cell is flagged once the team target no longer equals the
sum of the reps' targets; copying last quarter's targets fills the empty
cells and the toast's Undo takes them back."""

import datetime
import os
import sqlite3
import subprocess

import uitest

tap = uitest.Tap(7)
directory = os.environ["PROSPECT_TEST_DIR"]
database = os.path.join(directory, "targets.db")
cli = os.path.join(os.path.dirname(os.environ["PROSPECT_BIN"]), "..", "cli", "prospect-cli")

FLAG = "Team target differs from the sum of rep targets"


def query(sql, *args):
    with sqlite3.connect(database) as db:
        return db.execute(sql, args).fetchall()


def make_sample_team():
    subprocess.run([cli, "--database", database, "demo"], check=True,
                   stdout=subprocess.DEVNULL)
    with sqlite3.connect(database) as db:
        db.execute("INSERT OR REPLACE INTO setting (key, value, updated_at)"
                   " SELECT 'me', id, 0 FROM person WHERE role = 'manager'"
                   " AND deleted_at IS NULL ORDER BY name LIMIT 1")
    return query("SELECT value FROM setting WHERE key = 'me'")[0][0]


def current_quarter():
    """(label, first day) of the fiscal quarter holding today; the fiscal
    year is named by the calendar year it ends in."""
    rows = query("SELECT value FROM setting WHERE key = 'fiscal-year-start-month'")
    start_month = int(rows[0][0]) if rows else 1
    today = datetime.date.today()
    offset = (today.month - start_month) % 12
    year_start = today.year if today.month >= start_month else today.year - 1
    fiscal_year = year_start if start_month == 1 else year_start + 1
    month = (start_month - 1 + offset // 3 * 3) % 12 + 1
    first = datetime.date(year_start + (start_month - 1 + offset // 3 * 3) // 12, month, 1)
    return "Q%d FY%d" % (offset // 3 + 1, fiscal_year), first.isoformat()


def cell_value(person_id, start, metric="won_value"):
    rows = query("SELECT sum(value) FROM target WHERE deleted_at IS NULL"
                 " AND period_kind = 'quarter' AND period_start = ? AND metric = ?"
                 " AND person_id IS ?", start, metric, person_id)
    return rows[0][0]


def log_lines(text):
    return "\n".join("# " + line for line in text.splitlines())


try:
    me = make_sample_team()
except (subprocess.CalledProcessError, OSError, IndexError) as error:
    tap.bail_out("could not make the sample team: %s" % error)

reps = query("SELECT id, name FROM person WHERE manager_id = ? AND deleted_at IS NULL"
             " ORDER BY name COLLATE NOCASE, id", me)
quarter, start = current_quarter()
if len(reps) < 2:
    tap.bail_out("the sample manager has %d reps" % len(reps))

app = uitest.App("--database", database)
try:
    root = app.wait_for_window()
except uitest.Failure as error:
    tap.bail_out("prospect did not show a window: %s\n%s" % (error, log_lines(app.output())))


def cell(name):
    return uitest.find(root, "text", "%s, %s" % (name, quarter))


def text_of(node):
    """A label's text. (GTK 4.8 does not give an entry's text to AT-SPI:
    the cells are checked through the sums they make and the table.)"""
    text = node.queryText()
    return text.getText(0, text.characterCount)


def rep_sum(day):
    rows = query("SELECT sum(value) FROM target WHERE deleted_at IS NULL AND period_kind = 'quarter'"
                 " AND period_start = ? AND metric = 'won_value'"
                 " AND person_id IN (SELECT id FROM person WHERE manager_id = ? AND deleted_at IS NULL)",
                 day, me)
    return rows[0][0]


def shown_sum():
    return int(text_of(sum_cell()).replace(",", "") or 0) * 100


def sum_cell():
    return uitest.find(root, "label", "Sum of Reps, %s" % quarter)


def open_targets():
    uitest.click(uitest.find(root, "page tab", "Manager"))
    uitest.select_row(uitest.find(root, "list", "Manager pages"), "Targets")
    for _, name in reps:
        cell(name)
    uitest.wait_until(lambda: shown_sum() == rep_sum(start), 5,
                      "the sum of the reps' cells %r to be the table's %r" % (text_of(sum_cell()), rep_sum(start)))
    if sum_cell().description:
        raise uitest.Failure("flagged before any change: %r" % sum_cell().description)


if not tap.check("the grid shows each rep's won-value target for %s as the table holds it" % quarter,
                 open_targets):
    tap.bail_out("no Targets grid:\n%s" % log_lines(app.output()))

# A rep whose target is not 15k already, so that typing it changes it
edited_id, edited_name = next((r for r in reps if cell_value(r[0], start) != 1500000))
other_id, other_name = next((r for r in reps if r[0] != edited_id))


def type_into(node, text):
    uitest.mouse_click(node)
    uitest.wait_until(lambda: node.getState().contains(uitest.pyatspi.STATE_FOCUSED)
                      or any(child.getState().contains(uitest.pyatspi.STATE_FOCUSED)
                             for child in node), 5, "the focus in %r" % node.name)
    uitest.press_keys("Control_L", "a")
    uitest.type_text(text)
    uitest.press_keys("Return")


def typing_15k_stores_minor_units():
    type_into(cell(edited_name), "15k")
    uitest.wait_until(lambda: cell_value(edited_id, start) == 1500000, 5,
                      "1500000 in the table (it has %r)" % cell_value(edited_id, start))
    uitest.wait_until(lambda: shown_sum() == rep_sum(start), 5, "the sum to follow")


tap.check("“15k” + Enter in %s's cell stores 1500000 for %s" % (edited_name, quarter),
          typing_15k_stores_minor_units)


def flag_appears():
    uitest.wait_until(lambda: sum_cell().description.startswith(FLAG), 5,
                      "the flag on the sum (description %r)" % sum_cell().description)


tap.check("the team's sum cell is flagged: the team target is no longer the sum",
          flag_appears)


def abc_is_refused():
    before = query("SELECT count(*), max(updated_at) FROM target")
    value = cell_value(other_id, start)
    node = cell(other_name)
    type_into(node, "abc")
    uitest.wait_until(lambda: "is not an amount" in node.description, 5,
                      "the reason on the cell (description %r)" % node.description)
    message = node.description
    uitest.wait_until(lambda: any(message in label.name for label in uitest.find_all(root, "label")
                                  if uitest.is_on_screen(label)), 5, "the reason under the grid")
    if query("SELECT count(*), max(updated_at) FROM target") != before or \
       cell_value(other_id, start) != value:
        raise uitest.Failure("the table changed")


tap.check("“abc” is refused in its cell with the reason, and nothing is written", abc_is_refused)


def escape_reverts():
    node = cell(other_name)
    value = cell_value(other_id, start)
    uitest.press_keys("Escape")
    uitest.wait_until(lambda: node.description == "", 5, "the error gone")
    # Enter on the reverted cell stores what it shows: the same value
    uitest.press_keys("Return")
    if cell_value(other_id, start) != value or node.description != "":
        raise uitest.Failure("the cell held %r, not the stored %r" % (cell_value(other_id, start), value))


tap.check("Escape puts the stored value back and clears the error", escape_reverts)


def next_quarter_start():
    first = datetime.date.fromisoformat(start)
    month = first.month + 3
    return datetime.date(first.year + (month - 1) // 12, (month - 1) % 12 + 1, 1).isoformat()


def live_in(day):
    return query("SELECT count(*) FROM target WHERE deleted_at IS NULL AND period_kind = 'quarter'"
                 " AND period_start = ? AND (person_id IS NULL AND manager_id = ?"
                 " OR person_id IN (SELECT id FROM person WHERE manager_id = ?))", day, me, me)[0][0]


copied = {}


def copy_fills_next_quarter():
    after = next_quarter_start()
    # Empty the next quarter for this team, as at the start of a new year
    with sqlite3.connect(database) as db:
        db.execute("UPDATE target SET deleted_at = 1 WHERE period_start = ? AND"
                   " (person_id IS NULL AND manager_id = ? OR person_id IN"
                   " (SELECT id FROM person WHERE manager_id = ?))", (after, me, me))
    uitest.click(uitest.find(root, "push button", "Next Quarter"))
    uitest.click(uitest.find(root, "push button", "Copy Last Quarter’s Targets"))
    expected = live_in(start)
    uitest.wait_until(lambda: live_in(after) == expected, 5,
                      "%d targets in the next quarter (there are %d)" % (expected, live_in(after)))
    uitest.find(root, "label", "%d targets copied" % expected)
    if cell_value(edited_id, after) != 1500000:
        raise uitest.Failure("%s's copied target is %r" % (edited_name, cell_value(edited_id, after)))
    copied["after"] = after


tap.check("Copy Last Quarter's Targets fills the next quarter and says how many", copy_fills_next_quarter)


def undo_takes_them_back():
    def undo_button():
        for node in uitest.find_all(root, "push button"):
            if node.name.split()[:1] == ["Undo"] and uitest.is_on_screen(node):
                return node
        return None
    uitest.click(uitest.wait_until(undo_button, 5, "the toast's Undo button"))
    uitest.wait_until(lambda: live_in(copied["after"]) == 0, 5, "the copied targets deleted")


tap.check("the toast's Undo deletes the copied targets", undo_takes_them_back)

app.stop()
tap.exit()
