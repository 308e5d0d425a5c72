# SPDX-License-Identifier: GPL-3.0-or-later
"""A second launch of prospect hands over to the running instance: it exits
promptly, no second window appears, and the existing window is raised and
given the keyboard focus."""

import os
import subprocess
import time

import pyatspi

import uitest

tap = uitest.Tap(5)
database = os.path.join(os.environ["PROSPECT_TEST_DIR"], "single.db")
first = uitest.App("--database", database)

try:
    first.wait_for_window()
except uitest.Failure as error:
    tap.bail_out("the first instance did not show a window: %s\n%s" % (error, first.output()))

window = first.windows()[0]
uitest.drop_keyboard_focus()
tap.check("the first window loses the focus to nobody",
          lambda: uitest.wait_until(
              lambda: not window.getState().contains(pyatspi.STATE_ACTIVE),
              5, "the window inactive"))

started = time.monotonic()
second = subprocess.run([os.environ["PROSPECT_BIN"], "--database", database],
                        capture_output=True, text=True, timeout=30)
elapsed = time.monotonic() - started
tap.ok(second.returncode == 0, "the second launch exits with status 0",
       "status %d: %s" % (second.returncode, second.stderr))
tap.ok(elapsed < 5.0, "the second launch exits promptly (%.2f s)" % elapsed)

tap.check("the first window is presented: it has the focus again",
          lambda: uitest.wait_until(
              lambda: window.getState().contains(pyatspi.STATE_ACTIVE),
              5, "the window active"))


def one_window():
    apps = [a for a in pyatspi.Registry.getDesktop(0)
            if a is not None and a.name == first.accessible.name]
    if len(apps) != 1:
        raise uitest.Failure("%d prospect applications on the bus" % len(apps))
    if len(first.windows()) != 1:
        raise uitest.Failure("%d windows in the first instance" % len(first.windows()))


time.sleep(0.5)  # a wrongly opened window would need a moment to map
tap.check("there is still exactly one prospect window", one_window)

first.stop()
tap.exit()
