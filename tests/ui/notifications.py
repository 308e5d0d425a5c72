# SPDX-License-Identifier: GPL-3.0-or-later
"""A real notification server on the test's private session bus, and a
record of every org.freedesktop.Notifications.Notify call made to it
(dbus-monitor), for the reminder tests. Run inside run-ui-test.sh."""

import os
import re
import subprocess

import uitest

SERVER = "/usr/lib/notification-daemon/notification-daemon"
MATCH = ("type='method_call',interface='org.freedesktop.Notifications',"
         "member='Notify'")
_STRING = re.compile(r'string "(.*?)"\n', re.S)


def name_has_owner(name):
    result = subprocess.run(
        ["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
         "--object-path", "/org/freedesktop/DBus",
         "--method", "org.freedesktop.DBus.NameHasOwner", name],
        capture_output=True, text=True)
    return result.returncode == 0 and "true" in result.stdout


class Notify:
    """One Notify call: app name, summary (title), body and the action
    list as [id, label, id, label, ...]."""

    def __init__(self, block):
        head, _, rest = block.partition("array [")
        strings = _STRING.findall(head + "\n")
        if len(strings) < 4:
            raise uitest.Failure("cannot read this Notify call:\n%s" % block)
        self.app_name, _icon, self.summary, self.body = strings[:4]
        self.actions = _STRING.findall(rest.split("\n   ]", 1)[0] + "\n")

    def action_ids(self):
        return self.actions[0::2]

    def action_labels(self):
        return self.actions[1::2]


class NotificationServer:
    def __init__(self):
        for tool in (SERVER, "/usr/bin/dbus-monitor", "/usr/bin/gdbus"):
            if not os.access(tool, os.X_OK):
                raise uitest.Failure("%s is missing (build-aux/install-deps.sh --tests)" % tool)
        work = os.environ["PROSPECT_TEST_DIR"]
        self.log_path = os.path.join(work, "notify.log")
        self.log = open(self.log_path, "w")
        self.server_log = open(os.path.join(work, "notification-daemon.log"), "w")
        self.monitor = subprocess.Popen(["dbus-monitor", "--session", MATCH],
                                        stdout=self.log, stderr=subprocess.STDOUT)
        self.server = subprocess.Popen([SERVER], stdout=self.server_log,
                                       stderr=subprocess.STDOUT)
        # dbus-monitor says NameLost once it has become a monitor.
        uitest.wait_until(lambda: "NameLost" in self.text(), what="dbus-monitor ready")
        uitest.wait_until(lambda: name_has_owner("org.freedesktop.Notifications"),
                          what="the notification server on the bus")

    def text(self):
        with open(self.log_path) as f:
            return f.read()

    def calls(self):
        blocks = self.text().split("method call time=")[1:]
        return [Notify(block) for block in blocks if "member=Notify" in block]

    def stop(self):
        for process in (self.server, self.monitor):
            process.terminate()
            process.wait(5)
        self.log.close()
        self.server_log.close()
