# SPDX-License-Identifier: GPL-3.0-or-later
"""My Numbers on a sample team, with "me" a rep: the Won, Open pipeline
and Win rate rows show exactly what `prospect-cli report --scope
person:ME` computes, and their "Team median" what the team report grouped
by rep gives for the rep's peers (reps with the same manager), formatted
as the page formats them. A deal added with quick entry shows at once.
Switching to the Fiscal Year shows that period's figures; a manager gets
an empty state."""

import json
import locale
import math
import os
import sqlite3
import statistics
import subprocess
import time

import uitest

tap = uitest.Tap(7)
directory = os.environ["PROSPECT_TEST_DIR"]
database = os.path.join(directory, "my-numbers.db")
cli = os.path.join(os.path.dirname(os.environ["PROSPECT_BIN"]), "..", "cli", "prospect-cli")

# The app formats for the locale of its environment, which is ours.
locale.setlocale(locale.LC_ALL, "")

# src/charts/prospect-chart-format.c
SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "INR": "₹"}
NO_MINOR = {"JPY", "KRW", "ISK", "CLP", "VND", "UGX", "XAF", "XOF"}
THREE_DIGITS = {"BHD", "KWD", "JOD", "OMR", "TND", "IQD", "LYD"}


def money(minor, currency):
    digits = 0 if currency in NO_MINOR else 3 if currency in THREE_DIGITS else 2
    unit = 10 ** digits
    magnitude = abs(minor)
    number = locale.format_string("%d", magnitude // unit, grouping=True)
    if digits:
        number += "%s%0*d" % (locale.localeconv()["decimal_point"], digits, magnitude % unit)
    sign = "-" if minor < 0 else ""
    if currency in SYMBOLS:
        return sign + SYMBOLS[currency] + number
    return "%s%s %s" % (sign, number, currency)


def percent(rate):
    return "n/a" if rate is None else "%.0f%%" % (rate * 100.0)


def money_median(values):
    """An even count takes the mean of the middle two; money is then
    rounded half up to a minor unit (prospect-my-numbers.h)."""
    return math.floor(statistics.median(values) + 0.5)


def make_sample_team():
    """The sample team, with "me" the first rep by name who has a
    manager."""
    subprocess.run([cli, "--database", database, "demo"], check=True,
                   stdout=subprocess.DEVNULL)
    with sqlite3.connect(database) as db:
        me = db.execute("SELECT id FROM person WHERE role = 'rep' AND manager_id IS NOT NULL"
                        " AND deleted_at IS NULL ORDER BY name LIMIT 1").fetchone()[0]
        db.execute("INSERT OR REPLACE INTO setting (key, value, updated_at) VALUES ('me', ?, ?)",
                   (me, int(time.time() * 1000)))
    return me


def peers(me):
    """The rep and the other active reps with the same manager."""
    with sqlite3.connect(database) as db:
        manager = db.execute("SELECT manager_id FROM person WHERE id = ?", (me,)).fetchone()[0]
        ids = [row[0] for row in db.execute(
            "SELECT id FROM person WHERE manager_id = ? AND role = 'rep' AND active = 1"
            " AND deleted_at IS NULL", (manager,))]
    return manager, set(ids) | {me}


def report(period, scope, group_by="none"):
    out = subprocess.run([cli, "--database", database, "report", "--period", period,
                          "--scope", scope, "--group-by", group_by, "--format", "json"],
                         check=True, stdout=subprocess.PIPE).stdout
    return json.loads(out)


def expected_rows(me, period):
    """{row title: (value, subtitle)} for Won, Open pipeline and Win
    rate."""
    mine = report(period, "person:" + me)
    currency = mine["currency"]
    manager, team = peers(me)
    groups = [g for g in report(period, "team:" + manager, "rep")["groups"] if g["key"] in team]
    if len(groups) != len(team) or len(team) < 2:
        raise uitest.Failure("%d peers in the team report, %d in the database"
                             % (len(groups), len(team)))
    rates = [g["win_rate"] for g in groups if g["win_rate"] is not None]
    rate_median = percent(statistics.median(rates) if rates else None)

    def money_row(figure):
        median = money(money_median([g[figure] for g in groups]), currency)
        return (money(mine["total"][figure], currency), "Team median: " + median)
    return {
        "Won": money_row("won_value"),
        "Open pipeline": money_row("open_value"),
        "Win rate": (percent(mine["total"]["win_rate"]), "Team median: " + rate_median),
    }


try:
    me = make_sample_team()
except (subprocess.CalledProcessError, OSError, TypeError) as error:
    tap.bail_out("could not make the sample team: %s" % error)

app = uitest.App("--database", database)
try:
    root = app.wait_for_window()
except uitest.Failure as error:
    tap.bail_out("prospect did not show a window: %s\n%s" % (error, app.output()))


def open_my_numbers_tab():
    uitest.click(uitest.find(root, "page tab", "Rep"))
    uitest.select_row(uitest.find(root, "list", "Rep pages"), "My Numbers")


def open_my_numbers():
    open_my_numbers_tab()
    uitest.find(root, "panel", "Your Numbers")


if not tap.check("the My Numbers page opens on the figures", open_my_numbers):
    tap.bail_out("no My Numbers page:\n%s" % app.output())


def row_texts(title):
    """The texts of the labels in the figure row called title."""
    row = uitest.find(root, "list item", title)
    return row, [node.name for node in uitest.find_all(row, "label")]


def rows_match(period):
    def run():
        expected = expected_rows(me, period)

        def same():
            for title, (value, subtitle) in expected.items():
                row, texts = row_texts(title)
                if value not in texts or subtitle not in texts:
                    return False
                if not row.description.startswith(value + ". "):
                    return False
            return True
        try:
            uitest.wait_until(same, what="the rows to show the report's figures")
        except uitest.Failure:
            shown = {title: row_texts(title)[1] for title in expected}
            raise uitest.Failure("expected %r, shown %r" % (expected, shown))
    return run


tap.check("this quarter: Won, Open pipeline and Win rate match the CLI report, with the peers' medians",
          rows_match("this-quarter"))


def new_deal_shows_at_once():
    """A deal added with quick entry, expected to close on the last day
    of the quarter, is in the open pipeline as soon as it is stored."""
    end = report("this-quarter", "person:" + me)["period"]["end"]
    with sqlite3.connect(database) as db:
        account = db.execute("SELECT name FROM account WHERE deleted_at IS NULL"
                             " ORDER BY name LIMIT 1").fetchone()[0]
        before = db.execute("SELECT count(*) FROM deal").fetchone()[0]
    old_value = row_texts("Open pipeline")[0].description.split(". ")[0]
    uitest.press_keys("Control_L", "n")
    uitest.find(root, "text", "What to add", timeout=5)
    uitest.type_text("deal %s numbers test 12k close %s" % (account, end))
    time.sleep(0.5)  # the preview follows the typing
    uitest.press_keys("Return")

    def stored():
        with sqlite3.connect(database) as db:
            return db.execute("SELECT count(*) FROM deal").fetchone()[0] == before + 1
    uitest.wait_until(stored, 5, "the deal in the database")
    rows_match("this-quarter")()
    if row_texts("Open pipeline")[0].description.split(". ")[0] == old_value:
        raise uitest.Failure("the open pipeline still shows %s" % old_value)


tap.check("a deal added with quick entry shows in the open pipeline at once",
          new_deal_shows_at_once)


def is_pressed(button):
    # GTK 4.8 gives a toggle button the role "push button" and the state
    # "pressed" (or "checked", in later versions) while it is down
    state = button.getState()
    return (state.contains(uitest.pyatspi.STATE_PRESSED)
            or state.contains(uitest.pyatspi.STATE_CHECKED))


def period_button(name):
    return uitest.find(root, "push button", name)


def quarter_is_default():
    uitest.wait_until(lambda: is_pressed(period_button("Quarter")), 5, "Quarter pressed")
    if is_pressed(period_button("Month")) or is_pressed(period_button("Fiscal Year")):
        raise uitest.Failure("another period is pressed too")


tap.check("the period is this quarter by default", quarter_is_default)


def switch_to_year():
    uitest.click(period_button("Fiscal Year"))
    uitest.wait_until(lambda: is_pressed(period_button("Fiscal Year"))
                      and not is_pressed(period_button("Quarter")), 5,
                      "Fiscal Year pressed instead")
    rows_match("this-year")()


tap.check("Fiscal Year: Won, Open pipeline and Win rate match the CLI report for the year",
          switch_to_year)


def no_rank_or_names():
    """Helps, never ranks: no peer's name is anywhere on the page."""
    manager, team = peers(me)
    with sqlite3.connect(database) as db:
        names = {db.execute("SELECT name FROM person WHERE id = ?", (i,)).fetchone()[0]
                 for i in team - {me}}
    page = uitest.find(root, "panel", "Period").parent
    shown = " ".join(node.name + " " + (node.description or "")
                     for node in uitest.find_all(page) if node is not None)
    leaked = [name for name in names if name in shown]
    if leaked:
        raise uitest.Failure("peers named on the page: %r" % leaked)


tap.check("no other rep's name appears on the page", no_rank_or_names)

app.stop()


def manager_sees_empty_state():
    """A manager has no numbers of their own here: the page says so."""
    global root
    with sqlite3.connect(database) as db:
        db.execute("UPDATE setting SET value = (SELECT id FROM person WHERE role = 'manager'"
                   " ORDER BY name LIMIT 1) WHERE key = 'me'")
    second = uitest.App("--database", database)
    try:
        root = second.wait_for_window()
        open_my_numbers_tab()
        uitest.find(root, "label", "No Numbers to Show")
        if any(uitest.is_on_screen(node) for node in uitest.find_all(root, "panel", "Your Numbers")):
            raise uitest.Failure("the figures are on screen for a manager")
    finally:
        second.stop()


tap.check("for a manager, the page shows an empty state instead of figures",
          manager_sees_empty_state)
tap.exit()
