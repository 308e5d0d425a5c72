# SPDX-License-Identifier: GPL-3.0-or-later
"""Coaching on the sample team, with "me" a manager: a plan made from a
rep's diagnosis and one by hand (a target that is not a number refused),
a shared and a private 1:1 note, the 1:1 sheet exported
as a one-page PDF that holds the shared note and not the private one;
then, with "me" that rep, My Coaching shows the plan and the shared note
and never the private one."""

import os
import shutil
import sqlite3
import subprocess
import time

import pyatspi

import uitest

tap = uitest.Tap(8)
directory = os.environ["PROSPECT_TEST_DIR"]
database = os.path.join(directory, "coaching.db")
cli = os.path.join(os.path.dirname(os.environ["PROSPECT_BIN"]), "..", "cli", "prospect-cli")
PLAN_TEXT = "Ask for the budget in every discovery call"
SHARED = "Shared note about the proposals"
PRIVATE = "Private note only for the manager"


def set_me(person_id):
    with sqlite3.connect(database) as db:
        db.execute("INSERT OR REPLACE INTO setting (key, value, updated_at) VALUES ('me', ?, ?)",
                   (person_id, int(time.time() * 1000)))


def make_sample_team():
    subprocess.run([cli, "--database", database, "demo"], check=True, stdout=subprocess.DEVNULL)
    with sqlite3.connect(database) as db:
        me = db.execute("SELECT id FROM person WHERE role = 'manager' AND deleted_at IS NULL"
                        " ORDER BY name LIMIT 1").fetchone()[0]
    set_me(me)
    return me


def log_lines(text):
    return "\n".join("# " + line for line in text.splitlines())


def open_page(root, workspace, name):
    uitest.click(uitest.find(root, "page tab", workspace))
    uitest.select_row(uitest.find(root, "list", workspace + " pages"), name)


def texts(root):
    """Every name and description in the tree, for "is it shown?" checks.
    Nodes that go away while they are read are skipped."""
    found = []
    for node in uitest.find_all(root):
        try:
            found.append(node.name or "")
            found.append(node.description or "")
        except Exception:  # a widget destroyed meanwhile
            pass
    return "\n".join(found)


try:
    manager = make_sample_team()
except (subprocess.CalledProcessError, OSError, TypeError) as error:
    tap.bail_out("could not make the sample team: %s" % error)

app = uitest.App("--database", database)
try:
    root = app.wait_for_window()
except uitest.Failure as error:
    tap.bail_out("prospect did not show a window: %s\n%s" % (error, log_lines(app.output())))

state = {}


def find_diagnosed_rep():
    """The first rep whose page proposes a plan."""
    open_page(root, "Manager", "Coaching")
    reps = uitest.find(root, "list", "Reps")
    for row in list(reps):
        name = row.name
        uitest.select_row(reps, name)
        try:
            button = uitest.find(root, "push button", "Create Plan…", timeout=3)
        except uitest.Failure:
            continue
        state["rep"] = name
        state["button"] = button
        return
    raise uitest.Failure("no rep of the sample team has a diagnosis")


if not tap.check("Coaching: a rep of the sample team has a diagnosis with Create Plan…",
                 find_diagnosed_rep):
    tap.bail_out("nothing to coach:\n%s" % log_lines(app.output()))

with sqlite3.connect(database) as db:
    rep_id = db.execute("SELECT id FROM person WHERE name = ?", (state["rep"],)).fetchone()[0]


def create_plan():
    uitest.click(state["button"])
    # the dialog opens with the Plan field focused
    uitest.find(root, "text", "Plan")
    time.sleep(0.5)
    uitest.type_text(PLAN_TEXT)
    uitest.press_keys("Return")
    uitest.wait_until(lambda: PLAN_TEXT in texts(root) or None, 5, "the plan on the page")
    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT skill, plan, status, baseline_value, target_value FROM coaching_plan"
                          " WHERE rep_id = ? AND deleted_at IS NULL", (rep_id,)).fetchall()
    if len(rows) != 1 or rows[0][1] != PLAN_TEXT or rows[0][2] != "active":
        raise uitest.Failure("stored plans: %r" % rows)
    if not " → " in rows[0][0] or rows[0][3] is None or rows[0][4] is None or rows[0][3] >= rows[0][4]:
        raise uitest.Failure("the plan is not a step below its target: %r" % rows)
    state["skill"] = rows[0][0]


tap.check("Create Plan… stores an active plan for the diagnosed step, baseline below target",
          create_plan)


def plans_stored():
    with sqlite3.connect(database) as db:
        return db.execute("SELECT indicator, target_value FROM coaching_plan"
                          " WHERE rep_id = ? AND deleted_at IS NULL ORDER BY created_at", (rep_id,)).fetchall()


def fill_target(text):
    target = next(node for node in uitest.find_all(root, "text")
                  if node.name.startswith("Target") and uitest.is_on_screen(node))
    uitest.mouse_click(target)
    time.sleep(0.3)
    uitest.press_keys("Control_L", "a")
    uitest.type_text(text)
    uitest.press_keys("Return")


def plan_by_hand():
    before = plans_stored()
    uitest.click(uitest.find(root, "push button", "New Plan…"))
    uitest.find(root, "text", "Plan")
    fill_target("lots")
    uitest.wait_until(lambda: "must be" in texts(root) or None, 5, "the form to say why the target is refused")
    if plans_stored() != before:
        raise uitest.Failure("a plan was stored with the target 'lots'")
    fill_target("55")
    uitest.wait_until(lambda: len(plans_stored()) == len(before) + 1 or None, 5, "a second plan")
    indicator, target = plans_stored()[-1]
    wanted = (0.55 if indicator.startswith(("step-up", "win-rate"))
              else 5500 if indicator == "deal-size" else 55)
    if abs(target - wanted) > 1e-9:
        raise uitest.Failure("plan on %s stored target %r, wanted %r" % (indicator, target, wanted))


tap.check("New Plan… by hand: a target that is not a number is refused, then the plan is "
          "stored on the chosen indicator with the target in its unit", plan_by_hand)


def scroll_to_bottom():
    """Mouse wheel over the page until the notes form is in view."""
    heading = uitest.find(root, "label", "Indicators")
    extents = heading.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    for _ in range(40):
        pyatspi.Registry.generateMouseEvent(extents.x + 10, extents.y + 40, "b5c")
        time.sleep(0.02)
    time.sleep(0.5)


def add_note(text, private):
    scroll_to_bottom()
    uitest.mouse_click(uitest.find(root, "text", "New 1:1 Note"))
    time.sleep(0.3)
    uitest.type_text(text)
    if private:
        # the row toggles its switch, as a click on it does for a person
        uitest.mouse_click(uitest.find(root, "list item", "Private"))
        time.sleep(0.3)
        uitest.mouse_click(uitest.find(root, "text", "New 1:1 Note"))
        time.sleep(0.3)
    uitest.press_keys("Return")


def add_notes():
    add_note(SHARED, False)
    uitest.wait_until(lambda: SHARED in texts(root) or None, 5, "the shared note")
    add_note(PRIVATE, True)
    uitest.wait_until(lambda: PRIVATE in texts(root) or None, 5, "the private note")
    with sqlite3.connect(database) as db:
        rows = dict(db.execute("SELECT body, shared FROM coaching_note WHERE rep_id = ?", (rep_id,)))
    if rows != {SHARED: 1, PRIVATE: 0}:
        raise uitest.Failure("stored notes: %r" % rows)


tap.check("1:1 notes: one shared (the default) and one private, both on the manager's page",
          add_notes)


def delete_and_undo():
    """Deleting the newest note (the private one) and undoing it."""
    def deleted():
        with sqlite3.connect(database) as db:
            return db.execute("SELECT deleted_at IS NOT NULL FROM coaching_note WHERE body = ?",
                              (PRIVATE,)).fetchone()[0]
    uitest.click(uitest.find(root, "push button", "Delete Note"))
    uitest.wait_until(lambda: deleted() or None, 5, "the note deleted")
    # GTK 4.8 names the toast's button by its label twice: "Undo Undo"
    undo = uitest.wait_until(
        lambda: next((node for node in uitest.find_all(root, "push button")
                      if node.name.split()[:1] == ["Undo"] and uitest.is_on_screen(node)), None),
        5, "the toast's Undo button")
    uitest.click(undo)
    uitest.wait_until(lambda: not deleted() or None, 5, "the note back")
    uitest.wait_until(lambda: PRIVATE in texts(root) or None, 5, "the note back on the page")


tap.check("Delete Note, then Undo, brings the note back", delete_and_undo)


def export_sheet():
    home = os.environ["HOME"]
    before = set(os.listdir(home))
    uitest.click(uitest.find(root, "push button", "Export 1:1 Sheet…"))
    # the file chooser opens in the home folder with the name filled in
    time.sleep(1.5)
    uitest.press_keys("Return")
    path = uitest.wait_until(
        lambda: next((os.path.join(home, f) for f in set(os.listdir(home)) - before
                      if f.endswith(".pdf")), None), 10, "the exported PDF")
    time.sleep(0.5)
    pdfinfo = shutil.which("pdfinfo")
    pdftotext = shutil.which("pdftotext")
    if pdfinfo is None or pdftotext is None:
        raise uitest.Failure("pdfinfo and pdftotext (poppler-utils) are needed")
    info = subprocess.run([pdfinfo, path], check=True, stdout=subprocess.PIPE, text=True).stdout
    pages = [line.split()[1] for line in info.splitlines() if line.startswith("Pages:")]
    if pages != ["1"]:
        raise uitest.Failure("the sheet has %r pages:\n%s" % (pages, info))
    text = subprocess.run([pdftotext, path, "-"], check=True, stdout=subprocess.PIPE, text=True).stdout
    flat = " ".join(text.split())
    if SHARED not in flat or PLAN_TEXT not in flat or state["rep"] not in flat:
        raise uitest.Failure("the sheet lacks the rep, plan or shared note:\n%s" % text)
    if PRIVATE in flat:
        raise uitest.Failure("the sheet shows the private note")


tap.check("Export 1:1 Sheet… writes one PDF page with the plan and the shared note, "
          "not the private one", export_sheet)

app.stop()
set_me(rep_id)
app = uitest.App("--database", database)
try:
    root = app.wait_for_window()
except uitest.Failure as error:
    tap.bail_out("prospect did not show a window as the rep: %s\n%s" % (error, log_lines(app.output())))


def my_coaching_shows_plan():
    open_page(root, "Rep", "My Coaching")
    uitest.wait_until(lambda: state["skill"] in texts(root) or None, 10, "the plan in My Coaching")
    shown = texts(root)
    if SHARED not in shown:
        raise uitest.Failure("the shared note is not in My Coaching")


tap.check("My Coaching (as the rep): the plan and the shared note", my_coaching_shows_plan)


def private_note_hidden():
    shown = texts(root)
    if PRIVATE in shown:
        raise uitest.Failure("the private note is shown to the rep")
    if "Private" in shown.split("\n"):
        raise uitest.Failure("a note marked Private is shown to the rep")


tap.check("My Coaching never shows the manager's private note", private_note_hidden)

app.stop()
tap.exit()
