# SPDX-License-Identifier: GPL-3.0-or-later
"""Small helpers for Prospect's UI tests: start the app, find widgets in
its accessibility tree (AT-SPI), act on them as a person would, and report
in TAP. Run by run-ui-test.sh inside a private X server and session bus."""

import ctypes
import os
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

# libatspi asks every application for an org.a11y.atspi.Cache interface,
# which GTK 4 does not have, and warns each time. Not a test problem.
GLib.log_set_handler("dbind", GLib.LogLevelFlags.LEVEL_WARNING,
                     lambda *args: None, None)

TIMEOUT = 20.0


class Failure(Exception):
    pass


class Tap:
    """Numbered TAP test points; a failed prerequisite bails out."""

    def __init__(self, planned):
        self.number = 0
        self.failed = 0
        print("1..%d" % planned, flush=True)

    def ok(self, passed, description, diagnostic=None):
        self.number += 1
        if not passed:
            self.failed += 1
        print("%s %d - %s" % ("ok" if passed else "not ok", self.number, description),
              flush=True)
        if not passed and diagnostic:
            for line in str(diagnostic).splitlines():
                print("#   %s" % line, flush=True)
        return passed

    def check(self, description, function):
        """Runs function(); a Failure (or any error) fails the point."""
        try:
            function()
        except Exception as error:  # the test point reports it
            return self.ok(False, description, "%s: %s" % (type(error).__name__, error))
        return self.ok(True, description)

    def bail_out(self, reason):
        print("Bail out! %s" % reason, flush=True)
        sys.exit(1)

    def exit(self):
        sys.exit(1 if self.failed else 0)


def wait_until(predicate, timeout=TIMEOUT, what="condition"):
    end = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            result = predicate()
            if result:
                return result
        except Failure:
            raise
        except Exception as error:  # the tree changes under our feet
            last_error = error
        if time.monotonic() > end:
            raise Failure("%s not met after %.0f s%s" % (
                what, timeout, " (%s)" % last_error if last_error else ""))
        time.sleep(0.05)


class App:
    """A Prospect process and its accessible application object."""

    def __init__(self, *args):
        self.log_path = os.path.join(os.environ["PROSPECT_TEST_DIR"],
                                     "prospect-%d.log" % time.monotonic_ns())
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen([os.environ["PROSPECT_BIN"], *args],
                                        stdout=self.log, stderr=subprocess.STDOUT)
        self.accessible = None

    def wait_for_window(self, timeout=TIMEOUT):
        def registered():
            if self.process.poll() is not None:
                raise Failure("prospect exited with status %d" % self.process.returncode)
            for app in pyatspi.Registry.getDesktop(0):
                if app is not None and app.get_process_id() == self.process.pid:
                    if any(is_window_showing(w) for w in app):
                        return app
            return None
        self.accessible = wait_until(registered, timeout, "a window of prospect")
        return self.accessible

    def windows(self):
        return [w for w in self.accessible if w is not None and is_window_showing(w)]

    def output(self):
        self.log.flush()
        with open(self.log_path) as f:
            return f.read()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def is_window_showing(node):
    return node.getState().contains(pyatspi.STATE_SHOWING)


def is_on_screen(node):
    """GTK 4.8 sets the AT-SPI 'showing' state on windows only. A widget
    that was never drawn has empty extents; Prospect's pages leave the
    tree when they are not shown."""
    if not node.getState().contains(pyatspi.STATE_VISIBLE):
        return False
    extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return extents.width > 0 and extents.height > 0


def find_all(root, role=None, name=None):
    def matches(node):
        return (node is not None
                and (role is None or node.getRoleName() == role)
                and (name is None or node.name == name))
    return pyatspi.findAllDescendants(root, matches)


def find(root, role=None, name=None, timeout=TIMEOUT):
    """The first descendant on screen with this role and name."""
    def look():
        for node in find_all(root, role, name):
            if is_on_screen(node):
                return node
        return None
    return wait_until(look, timeout, "%s %r" % (role or "widget", name))


def click(node):
    action = node.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    if "click" not in names:
        raise Failure("%r has no click action (%s)" % (node.name, names))
    action.doAction(names.index("click"))


def mouse_click(node):
    """A real pointer click at the middle of node. With no window manager
    the window sits at the screen's origin, so window coordinates are
    screen coordinates."""
    extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    if extents.width <= 0 or extents.height <= 0:
        raise Failure("%r is not on screen" % node.name)
    pyatspi.Registry.generateMouseEvent(extents.x + extents.width // 2,
                                        extents.y + extents.height // 2, "b1c")


def select_row(list_node, name):
    """Selects the row with this name in a GtkListBox, as a screen reader
    user does, through the AT-SPI Selection interface."""
    for index, child in enumerate(list_node):
        if child is not None and child.name == name:
            list_node.querySelection().selectChild(index)
            return
    raise Failure("no row %r in %r" % (name, list_node.name))


def type_text(text):
    """Real key events (XTest) into the focused widget."""
    pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)


def press_keys(*keysyms):
    """Presses the keys in order and releases them in reverse: a chord
    such as Control+q."""
    codes = [xlib_keycode(keysym) for keysym in keysyms]
    for code in codes:
        pyatspi.Registry.generateKeyboardEvent(code, None, pyatspi.KEY_PRESS)
    for code in reversed(codes):
        pyatspi.Registry.generateKeyboardEvent(code, None, pyatspi.KEY_RELEASE)


_xlib = None
_display = None


def _x():
    global _xlib, _display
    if _display is None:
        _xlib = ctypes.CDLL("libX11.so.6")
        _xlib.XOpenDisplay.restype = ctypes.c_void_p
        _xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        _xlib.XStringToKeysym.restype = ctypes.c_ulong
        _xlib.XStringToKeysym.argtypes = [ctypes.c_char_p]
        _xlib.XKeysymToKeycode.restype = ctypes.c_ubyte
        _xlib.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        _xlib.XSetInputFocus.argtypes = [ctypes.c_void_p, ctypes.c_ulong,
                                         ctypes.c_int, ctypes.c_ulong]
        _xlib.XFlush.argtypes = [ctypes.c_void_p]
        _xlib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        _display = _xlib.XOpenDisplay(None)
        if not _display:
            raise Failure("cannot open the X display")
    return _xlib, _display


def xlib_keycode(keysym_name):
    xlib, display = _x()
    keysym = xlib.XStringToKeysym(keysym_name.encode())
    code = xlib.XKeysymToKeycode(display, keysym)
    if code == 0:
        raise Failure("no keycode for %s" % keysym_name)
    return code


def drop_keyboard_focus():
    """Gives the X input focus to nobody, as when the user works in
    another application (there is no window manager to ask)."""
    xlib, display = _x()
    xlib.XSetInputFocus(display, 0, 0, 0)  # None, RevertToNone, CurrentTime
    xlib.XSync(display, 0)
