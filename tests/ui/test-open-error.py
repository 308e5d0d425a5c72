# SPDX-License-Identifier: GPL-3.0-or-later
"""A file that is not a Prospect database: the window says so in words,
the file is left untouched, and Quit ends the application cleanly."""

import hashlib
import os

import uitest

tap = uitest.Tap(3)
path = os.path.join(os.environ["PROSPECT_TEST_DIR"], "notes.db")
with open(path, "w") as f:
    f.write("Shopping list: coffee, paper, stamps.\n" * 100)
with open(path, "rb") as f:
    before = hashlib.sha256(f.read()).hexdigest()

app = uitest.App("--database", path)


def error_page_names_the_file():
    root = app.wait_for_window()
    page = uitest.find(root, "panel", "Could Not Open the Database")
    # The status page's description: the core's message, naming the file.
    described = [l for l in uitest.find_all(page, "label") if path in (l.name or "")]
    if not described:
        raise uitest.Failure("no message naming %s" % path)


if not tap.check("an error page explains that the file cannot be opened",
                 error_page_names_the_file):
    tap.bail_out(app.output())


def file_untouched():
    with open(path, "rb") as f:
        after = hashlib.sha256(f.read()).hexdigest()
    if after != before:
        raise uitest.Failure("the file changed")


tap.check("the file is left as it was", file_untouched)


def quit_button_quits():
    uitest.click(uitest.find(app.accessible, "push button", "Quit"))
    uitest.wait_until(lambda: app.process.poll() is not None, 10, "prospect to exit")
    if app.process.returncode != 0:
        raise uitest.Failure("exit status %d" % app.process.returncode)


tap.check("Quit ends prospect with status 0", quit_button_quits)

app.stop()
tap.exit()
