# SPDX-License-Identifier: GPL-3.0-or-later
"""The manager's pages on a sample team, with "me" a manager: Team shows
this quarter's gauge for each rep, whose accessible description states
the won value and the target that prospect-cli report computes on the
same file, and its bars state each month's and each rep's won value as
the report does; a custom span of days refuses a day that is not one and then shows the
figures the report computes for that span; Funnel's bands open a window listing exactly as many deals as
the band says reached the stage, and Escape closes it."""

import json
import os
import re
import sqlite3
import subprocess
import time

import pyatspi

import uitest

tap = uitest.Tap(10)
directory = os.environ["PROSPECT_TEST_DIR"]
database = os.path.join(directory, "manager.db")
cli = os.path.join(os.path.dirname(os.environ["PROSPECT_BIN"]), "..", "cli", "prospect-cli")


def make_sample_team():
    """The sample team, with "me" the first manager by name."""
    subprocess.run([cli, "--database", database, "demo"], check=True,
                   stdout=subprocess.DEVNULL)
    with sqlite3.connect(database) as db:
        me = db.execute("SELECT id FROM person WHERE role = 'manager' AND deleted_at IS NULL"
                        " ORDER BY name LIMIT 1").fetchone()[0]
        db.execute("INSERT OR REPLACE INTO setting (key, value, updated_at) VALUES ('me', ?, ?)",
                   (me, int(time.time() * 1000)))
    return me


def report(*args):
    output = subprocess.run([cli, "--database", database, "report", "--period", "this-quarter",
                             "--format", "json", *args],
                            check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(output)


def minor_units(money):
    """"$156,000.00" (or "$156000.00" without a thousands separator) in
    cents. The sample team's currency has two minor digits."""
    digits = re.sub(r"[^0-9]", "", money)
    if not re.search(r"[.,]\d\d$", money):
        raise uitest.Failure("%r has no cents" % money)
    return int(digits)


def log_lines(text):
    return "\n".join("# " + line for line in text.splitlines())


try:
    me = make_sample_team()
    team = report("--scope", "team:" + me, "--group-by", "rep")
    funnel = report("--scope", "team:" + me, "--funnel")
except (subprocess.CalledProcessError, OSError, TypeError, ValueError) as error:
    tap.bail_out("could not make the sample team or its report: %s" % error)

# A rep with a target and something won, so that both figures are stated
reps = [g for g in team["groups"] if g["target_value"] and g["won_to_date_value"] > 0]
if not reps:
    tap.bail_out("no rep of the sample team has a target and won deals this quarter")
rep = reps[0]

app = uitest.App("--database", database)
try:
    root = app.wait_for_window()
except uitest.Failure as error:
    tap.bail_out("prospect did not show a window: %s\n%s" % (error, log_lines(app.output())))


def open_page(name):
    uitest.click(uitest.find(root, "page tab", "Manager"))
    uitest.select_row(uitest.find(root, "list", "Manager pages"), name)


def gauge_matches_report():
    open_page("Team")
    gauge = uitest.find(root, "image", rep["label"])
    description = uitest.wait_until(lambda: gauge.description, 5, "the gauge's description")
    match = re.search(r"Won (\S+) of a (\S+) target", description)
    if match is None:
        raise uitest.Failure("no won and target figures in %r" % description)
    shown = (minor_units(match.group(1)), minor_units(match.group(2)))
    wanted = (rep["won_to_date_value"], rep["target_value"])
    if shown != wanted:
        raise uitest.Failure("the gauge says won, target = %r; prospect-cli report says %r"
                             % (shown, wanted))
    if rep["won_to_date_value"] != rep["won_value"]:
        raise uitest.Failure("the sample team has deals won after today")


if not tap.check("Team: %s's gauge states this quarter's won value and target as "
                 "prospect-cli report computes them" % rep["label"], gauge_matches_report):
    tap.bail_out("no Team figures:\n%s" % log_lines(app.output()))


def team_gauge_matches_report():
    gauge = uitest.find(root, "image", "Team")
    match = re.search(r"Won (\S+) of a (\S+) target", gauge.description)
    total = team["total"]
    if match is None or (minor_units(match.group(1)), minor_units(match.group(2))) != \
            (total["won_to_date_value"], total["target_value"]):
        raise uitest.Failure("the team gauge says %r; the report's total is won %d of %r"
                             % (gauge.description, total["won_to_date_value"],
                                total["target_value"]))
    shown = [node.name for node in uitest.find_all(root, "image")
             if node.name in {g["label"] for g in team["groups"]}]
    if sorted(shown) != sorted(g["label"] for g in team["groups"]):
        raise uitest.Failure("gauges for %r; the report has %r"
                             % (shown, [g["label"] for g in team["groups"]]))


tap.check("Team: the team gauge states the report's total, and every rep has a gauge",
          team_gauge_matches_report)


def bars_of(title):
    chart = uitest.find(root, "image", title)
    return uitest.wait_until(lambda: chart.description, 5, "the %s chart's description" % title)


def month_bars_match_report():
    """This month's bar is the month's won value; the one beside it is the
    whole of the same month a year earlier."""
    month = report("--scope", "team:" + me, "--period", "this-month")
    name = month["period"]["name"]  # "2026-11"
    year_before = "%04d-%s" % (int(name[:4]) - 1, name[5:])
    before = report("--scope", "team:" + me, "--period", year_before)
    abbreviation = time.strftime("%b", time.strptime(name, "%Y-%m"))
    description = bars_of("Won by Month")
    match = re.search(r"%s: \S+ (\S+), \S+ (\S+)\." % abbreviation, description)
    if match is None:
        raise uitest.Failure("no bar for %s in %r" % (abbreviation, description))
    shown = (minor_units(match.group(1)), minor_units(match.group(2)))
    wanted = (month["total"]["won_value"], before["total"]["won_value"])
    if shown != wanted:
        raise uitest.Failure("%s's bars say %r; prospect-cli report says %r"
                             % (abbreviation, shown, wanted))


tap.check("Team: the month bars state this month's and the same month last year's won value",
          month_bars_match_report)


def person_bars_match_report():
    description = bars_of("Won per Person")
    for group in team["groups"]:
        match = re.search(r"%s: Won (\S+), Same Time Last Year (\S+)\." % re.escape(group["label"]),
                          description)
        if match is None:
            raise uitest.Failure("no bars for %s in %r" % (group["label"], description))
        shown = (minor_units(match.group(1)), minor_units(match.group(2)))
        wanted = (group["won_value"], group["previous_year_to_date_value"])
        if shown != wanted:
            raise uitest.Failure("%s's bars say %r; prospect-cli report says %r"
                                 % (group["label"], shown, wanted))


tap.check("Team: each rep's bars state the report's won value and last year's to date",
          person_bars_match_report)


def funnel_chart():
    return uitest.wait_until(lambda: next((node for node in uitest.find_all(root, "image")
                                           if node.name.startswith("Funnel")
                                           and uitest.is_on_screen(node)), None),
                             what="the funnel chart")


def deals_window():
    return next((w for w in app.windows() if " · " in w.name), None)


def open_band():
    """A real click in the middle of the funnel's column; the chart then
    has the keyboard focus, and Enter chooses its band if the click fell
    between two bands."""
    open_page("Funnel")
    chart = funnel_chart()
    uitest.wait_until(lambda: "Prospecting" in chart.description, 5, "the funnel's figures")
    extents = chart.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    # prospect-funnel-chart.h: the stage names take a column of 28% of
    # the width (at most 150 px) in front of the bands
    names = min(0.28 * (extents.width - 24), 150)
    x = extents.x + 12 + names + (extents.width - 24 - names) / 2
    y = extents.y + extents.height / 2
    pyatspi.Registry.generateMouseEvent(int(x), int(y), "b1c")
    try:
        return uitest.wait_until(deals_window, 3, "a deals window")
    except uitest.Failure:
        uitest.press_keys("Return")
        return uitest.wait_until(deals_window, 5, "a deals window")


window = None


def band_opens_its_deals():
    global window
    window = open_band()
    stage = window.name.split(" · ")[0]
    steps = {step["name"]: step["reached_count"] for step in funnel["funnel"]["steps"]}
    if stage not in steps:
        raise uitest.Failure("the window %r names no stage of %r" % (window.name, list(steps)))
    count = steps[stage]
    wanted = "%d deal%s · " % (count, "" if count == 1 else "s")
    uitest.wait_until(lambda: any(label.name.startswith(wanted)
                                  for label in uitest.find_all(window, "label")),
                      5, "“%s…” in the deals window" % wanted)
    chart_says = "%s: %d deal" % (stage, count)
    if chart_says not in funnel_chart().description:
        raise uitest.Failure("the band does not say %r: %r"
                             % (chart_says, funnel_chart().description))
    if count > 0 and count <= 8:
        uitest.wait_until(lambda: len(table_rows(window)) == count, 5,
                          "%d rows in the table" % count)


def table_rows(node):
    """The deal rows of the table (the header row holds no cells)."""
    return [row for row in uitest.find_all(node, "table row")
            if any(child is not None and child.getRoleName() == "table cell" for child in row)]


if not tap.check("Funnel: a band opens a window with exactly as many deals as the band says",
                 band_opens_its_deals):
    tap.bail_out("no deals window:\n%s" % log_lines(app.output()))


def escape_closes():
    uitest.press_keys("Escape")
    uitest.wait_until(lambda: deals_window() is None, 5, "the deals window to close")


tap.check("Escape closes the deals window", escape_closes)


def stage_table_matches():
    rows = [node for node in uitest.find_all(root, "list", "Stages") if uitest.is_on_screen(node)]
    if not rows:
        raise uitest.Failure("no stage table")
    names = [row.name for row in rows[0]]
    wanted = [step["name"] for step in funnel["funnel"]["steps"]]
    if names != wanted:
        raise uitest.Failure("stage rows %r, the funnel has %r" % (names, wanted))
    for row, step in zip(rows[0], funnel["funnel"]["steps"]):
        count = step["reached_count"]
        if not row.description.startswith("%d deal" % count):
            raise uitest.Failure("%s says %r; the report says %d" % (row.name, row.description, count))


tap.check("Funnel: the stage table lists each stage with the report's count", stage_table_matches)


def selection_is_shared():
    """The period chosen on Funnel is the one Team shows."""
    uitest.click(uitest.find(root, "push button", "Previous Period"))
    previous = report("--scope", "team:" + me, "--group-by", "rep", "--period", "previous-quarter")
    name = previous["period"]["name"]  # "2026-Q3"
    label = "Q%s FY%s" % (name[-1], name[:4])
    open_page("Team")
    uitest.wait_until(lambda: any(node.name.startswith(label) and uitest.is_on_screen(node)
                                  for node in uitest.find_all(root, "label")),
                      5, "Team to show %s" % label)


tap.check("the period stepped back on Funnel is the one Team shows", selection_is_shared)

def type_into_focus(text):
    uitest.press_keys("Control_L", "a")
    uitest.type_text(text)


def period_label():
    return next((node.name for node in uitest.find_all(root, "label")
                 if " · " in node.name and uitest.is_on_screen(node)), None)


def bad_day_is_refused():
    """A day that is not one is marked, says why, and changes nothing."""
    open_page("Team")
    before = uitest.wait_until(period_label, 5, "the period label")
    # a menu button: the inner button is the one that clicks
    buttons = [node for node in uitest.find_all(root, "push button", "Choose Days…")
               if node.queryAction().nActions > 0]
    if not buttons:
        raise uitest.Failure("no Choose Days… button")
    uitest.click(buttons[0])
    start = uitest.find(root, "text", "From")
    uitest.wait_until(lambda: start.getState().contains(pyatspi.STATE_FOCUSED), 5,
                      "the From field to take the focus")
    type_into_focus("2026-02-30")
    uitest.press_keys("Return")
    uitest.wait_until(lambda: "is not a day" in (start.description or ""), 5,
                      "From to say why 2026-02-30 is refused")
    if period_label() != before:
        raise uitest.Failure("the period changed to %r after a bad day" % period_label())


tap.check("Team: a custom span refuses a day that does not exist and keeps the period",
          bad_day_is_refused)


def custom_span_matches_report():
    span = "%s..%s" % (team["period"]["start"], team["period"]["today"])
    wanted = report("--scope", "team:" + me, "--period", span)["total"]
    type_into_focus(team["period"]["start"])
    uitest.press_keys("Tab")
    type_into_focus(team["period"]["today"])
    uitest.press_keys("Return")
    gauge = uitest.find(root, "image", "Team")

    def figures():
        match = re.search(r"Won (\S+?),? ", gauge.description or "")
        return match and minor_units(match.group(1))
    uitest.wait_until(lambda: figures() == wanted["won_to_date_value"], 5,
                      "the team gauge to show %d won from %s" % (wanted["won_to_date_value"], span))
    label = period_label() or ""
    if label.startswith("Q"):
        raise uitest.Failure("the period still reads %r" % label)


tap.check("Team: a custom span of days shows the won value the report computes for it",
          custom_span_matches_report)

app.stop()
tap.exit()
