# SPDX-License-Identifier: GPL-3.0-or-later
"""Export from the main menu on a sample team, with "me" a manager:
Main Menu → Export → Report Pack as PDF… opens the file chooser with a
name made of the quarter; a name typed there gets the report pack, a PDF
with as many pages as prospect-cli export report makes for the same
period and scope (this quarter, my team), whose cover names the period
and the team; the window says where it went. Deals as CSV… writes every
live deal. Print Report Pack… opens the print dialog, and Cancel closes
it."""

import csv
import os
import re
import shutil
import sqlite3
import subprocess
import time

import uitest

tap = uitest.Tap(4)
directory = os.environ["PROSPECT_TEST_DIR"]
database = os.path.join(directory, "export.db")
cli = os.path.join(os.path.dirname(os.environ["PROSPECT_BIN"]), "..", "cli", "prospect-cli")


def query(sql, *args):
    with sqlite3.connect(database) as db:
        return db.execute(sql, args).fetchall()


def make_sample_team():
    """The sample team, with "me" the first manager by name."""
    subprocess.run([cli, "--database", database, "demo"], check=True, stdout=subprocess.DEVNULL)
    me, name = query("SELECT id, name FROM person WHERE role = 'manager' AND deleted_at IS NULL"
                     " ORDER BY name LIMIT 1")[0]
    with sqlite3.connect(database) as db:
        db.execute("INSERT OR REPLACE INTO setting (key, value, updated_at) VALUES ('me', ?, ?)",
                   (me, int(time.time() * 1000)))
    return me, name


def log_lines(text):
    return "\n".join("# " + line for line in text.splitlines())


def pdf_tool(name):
    path = shutil.which(name)
    if path is None:
        raise uitest.Failure("%s (poppler-utils) is needed" % name)
    return path


def pdf_pages(path):
    info = subprocess.run([pdf_tool("pdfinfo"), path], check=True, stdout=subprocess.PIPE,
                          text=True).stdout
    pages = [line.split()[1] for line in info.splitlines() if line.startswith("Pages:")]
    if len(pages) != 1:
        raise uitest.Failure("pdfinfo says:\n%s" % info)
    return int(pages[0])


def pdf_text(path, page):
    return subprocess.run([pdf_tool("pdftotext"), "-f", str(page), "-l", str(page), path, "-"],
                          check=True, stdout=subprocess.PIPE, text=True).stdout


try:
    me, my_name = make_sample_team()
except (subprocess.CalledProcessError, OSError, TypeError, IndexError) as error:
    tap.bail_out("could not make the sample team: %s" % error)

app = uitest.App("--database", database)
try:
    root = app.wait_for_window()
except uitest.Failure as error:
    tap.bail_out("prospect did not show a window: %s\n%s" % (error, log_lines(app.output())))


def clickable(node, name):
    """The descendant called name that clicks. GTK 4.8 exposes a menu
    button twice (the outer one has no action) and names a dialog's button
    with its mnemonic too ("_Export Export")."""
    def look():
        for found in uitest.find_all(node):
            if found is None or (found.name != name and not found.name.endswith(" " + name)):
                continue
            action = found.queryAction()
            if uitest.is_on_screen(found) and \
                    "click" in [action.getName(i) for i in range(action.nActions)]:
                return found
        return None
    return uitest.wait_until(look, 10, "a %r that clicks" % name)


def choose_from_export_menu(item):
    uitest.click(clickable(root, "Main Menu"))
    uitest.click(clickable(root, "Export"))
    uitest.click(clickable(root, item))


def dialog(title):
    """GTK 4.8 gives only the main window the showing state, and the file
    chooser the role "filler": find a window by its title."""
    return uitest.wait_until(
        lambda: next((w for w in app.accessible if w is not None and w.name == title), None),
        10, "the “%s” window" % title)


def gone(title):
    return not any(w is not None and w.name == title for w in app.accessible)


def save_with_suggested_name(title, suggested):
    """Answers the file chooser as a person would: checks the suggested
    name and presses Export. The chooser opens in the Documents folder,
    or the home folder without one (as here). Returns the path written."""
    chooser = dialog(title)
    name = uitest.find(chooser, "text", "Name:")
    text = name.queryText()
    shown = uitest.wait_until(lambda: text.getText(0, text.characterCount) or None, 5, "a suggested name")
    if shown != suggested:
        raise uitest.Failure("the chooser suggests %r, not %r" % (shown, suggested))
    folder = os.environ["HOME"]
    before = set(os.listdir(folder))
    uitest.click(clickable(chooser, "Export"))
    uitest.wait_until(lambda: gone(title), 10, "the chooser to close")
    return uitest.wait_until(
        lambda: next((os.path.join(folder, f) for f in set(os.listdir(folder)) - before
                      if f == suggested), None), 20, "the file %s" % suggested)


def texts():
    return "\n".join(node.name or "" for w in app.accessible if w is not None
                     for node in uitest.find_all(w))


def quarter_label():
    """"Q4 FY2026": the quarter prospect-cli calls this-quarter."""
    output = subprocess.run([cli, "--database", database, "report", "--period", "this-quarter"],
                            check=True, stdout=subprocess.PIPE, text=True).stdout
    year, quarter = re.search(r'"name": "(\d{4})-Q(\d)"', output).groups()
    return "Q%s FY%s" % (quarter, year)


def report_pack():
    label = quarter_label()
    choose_from_export_menu("Report Pack as PDF…")
    path = save_with_suggested_name("Export Report Pack", "Prospect report %s.pdf" % label)
    message = "Report pack saved to “%s”" % os.path.basename(path)
    uitest.wait_until(lambda: message in texts() or None, 20, "the message %r" % message)

    # the same pack from the command line: same period, same scope
    other = os.path.join(directory, "cli.pdf")
    subprocess.run([cli, "--database", database, "export", "report", "--period", "this-quarter",
                    "--scope", "team:" + me, "--output", other], check=True, stdout=subprocess.DEVNULL)
    pages, wanted = pdf_pages(path), pdf_pages(other)
    if pages != wanted or pages < 5:
        raise uitest.Failure("the pack has %d pages; prospect-cli export report makes %d"
                             % (pages, wanted))
    cover = " ".join(pdf_text(path, 1).split())
    for text in (label, "Team of " + my_name, "Page 1 of %d" % pages):
        if text not in cover:
            raise uitest.Failure("the cover lacks %r:\n%s" % (text, cover))


tap.check("Export → Report Pack as PDF…: the chooser suggests the quarter's name; the PDF "
          "has the pages and cover that prospect-cli export report makes", report_pack)


def close_message():
    """A dialog says it when the page has no toast overlay: close it."""
    for w in app.accessible:
        if w is not None and w.name == "Export Finished":
            uitest.click(clickable(w, "Close"))
            uitest.wait_until(lambda: gone("Export Finished"), 5, "the message to close")


def deals_csv():
    close_message()
    today = time.strftime("%Y-%m-%d")
    choose_from_export_menu("Deals as CSV…")
    path = save_with_suggested_name("Export Deals", "Prospect deals %s.csv" % today)
    live = query("SELECT count(*) FROM deal WHERE deleted_at IS NULL")[0][0]
    message = "%d deals exported to “%s”" % (live, os.path.basename(path))
    uitest.wait_until(lambda: message in texts() or None, 20, "the message %r" % message)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if rows[0][:3] != ["external_id", "title", "account"] or len(rows) != live + 1:
        raise uitest.Failure("the CSV has %d lines under %r; the database %d live deals"
                             % (len(rows) - 1, rows[0][:3], live))
    ids = {row[0] for row in rows[1:]}
    if ids != {row[0] for row in query("SELECT id FROM deal WHERE deleted_at IS NULL")}:
        raise uitest.Failure("the CSV's deals are not the database's")


tap.check("Export → Deals as CSV…: every live deal, one line each, and a message that says so",
          deals_csv)


def print_dialog():
    close_message()
    choose_from_export_menu("Print Report Pack…")
    printing = dialog("Print")
    uitest.click(clickable(printing, "Cancel"))
    uitest.wait_until(lambda: gone("Print"), 10, "the print dialog to close")
    # the actions are back once the job is over: the menu offers them again
    choose_from_export_menu("Deals as CSV…")
    uitest.click(clickable(dialog("Export Deals"), "Cancel"))
    uitest.wait_until(lambda: gone("Export Deals"), 10, "the chooser to close")


tap.check("Export → Print Report Pack…: the print dialog opens; Cancel closes it and the "
          "exports work again", print_dialog)


def still_running():
    if app.process.poll() is not None:
        raise uitest.Failure("prospect exited:\n%s" % app.output())
    if "CRITICAL" in app.output() or "WARNING" in app.output():
        raise uitest.Failure("prospect logged problems:\n%s" % app.output())


tap.check("nothing was logged on the way", still_running)

app.stop()
tap.exit()
