# SPDX-License-Identifier: GPL-3.0-or-later
"""First run on a fresh database: the welcome page asks who the user is;
"Start with a Sample Team" fills the database and opens the workspaces;
every page of both workspaces opens; the live counts match the database;
the keyboard shortcuts switch workspaces and quit."""

import datetime
import os
import sqlite3
import time

import uitest

NAME = "Mira Test"

# (workspace, sidebar row, heading of the page: of its status page, or for
# the day plan the heading of its Today section, for My Numbers that of
# its figures)
PAGES = [
    ("Rep", "Today", "Today"),
    ("Rep", "Pipeline", "Your Pipeline"),
    ("Rep", "Accounts", "Your Accounts"),
    ("Rep", "My Numbers", "Your Numbers"),
    ("Manager", "Team", "No Team Yet"),
    ("Manager", "Funnel", "Deals by Furthest Stage"),
    ("Manager", "Coaching", "Coaching"),
    ("Manager", "Targets", "No One Reports to You"),
]

# prospect-demo.h: the small sample team is 2 managers, 8 reps and 1
# director, about 400 deals.
SAMPLE_PEOPLE = 2 + 8 + 1

tap = uitest.Tap(3 + len(PAGES) + 6)
database = os.path.join(os.environ["PROSPECT_TEST_DIR"], "first-run.db")
app = uitest.App("--database", database)

try:
    root = app.wait_for_window()
except uitest.Failure as error:
    tap.bail_out("prospect did not show a window: %s\n%s" % (error, app.output()))

if not tap.check("a fresh database opens on the welcome page",
                 lambda: uitest.find(root, "label", "Welcome to Prospect")):
    tap.bail_out("no welcome page")


def people_in_database():
    with sqlite3.connect(database) as db:
        return db.execute("SELECT count(*) FROM person").fetchone()[0]


def empty_name_is_refused():
    uitest.click(uitest.find(root, "push button", "Start with a Sample Team"))
    name_row = uitest.find(root, "text", "Your Name")
    # The core's validation message, shown next to the row and given to
    # assistive technologies as the row's description.
    message = uitest.wait_until(lambda: name_row.description, 5, "an error on the name row")
    uitest.find(root, "label", message)
    time.sleep(1)  # a wrongly started sample team would write meanwhile
    if people_in_database() != 0:
        raise uitest.Failure("%d people written" % people_in_database())


tap.check("an empty name is refused on its row and nothing is written",
          empty_name_is_refused)


def start_with_sample_team():
    # The name field has the focus (the welcome page and the refusal give
    # it).
    uitest.type_text(NAME)
    uitest.click(uitest.find(root, "push button", "Start with a Sample Team"))
    # Generating the sample team takes a second or two.
    uitest.find(root, "page tab", "Rep", timeout=90)
    uitest.find(root, "page tab", "Manager")
    welcome = uitest.find_all(root, "label", "Welcome to Prospect")
    if any(uitest.is_on_screen(label) for label in welcome):
        raise uitest.Failure("the welcome page is still on screen")


if not tap.check("the sample team opens the Rep and Manager workspaces",
                 start_with_sample_team):
    tap.bail_out("no workspaces:\n%s" % app.output())


HEADINGS = {heading for _, _, heading in PAGES}


def headings_on_screen():
    """The headings of the pages on screen: their status page or section
    (labelled by its title label) and that label are in the tree and
    drawn. One walk of the tree: each AT-SPI call is a D-Bus round trip."""
    shown = []
    for page in uitest.find_all(root, "panel"):
        if page.name in HEADINGS and uitest.is_on_screen(page):
            labels = uitest.find_all(page, "label", page.name)
            if any(uitest.is_on_screen(label) for label in labels):
                shown.append(page.name)
    return shown


def open_page(workspace, row, heading):
    def run():
        uitest.click(uitest.find(root, "page tab", workspace))
        sidebar = uitest.find(root, "list", "%s pages" % workspace)
        uitest.select_row(sidebar, row)
        uitest.wait_until(lambda: headings_on_screen() == [heading],
                          what="only “%s” on screen" % heading)
    return run


for workspace, row, heading in PAGES:
    tap.check("%s workspace: the %s page opens and shows “%s”" % (workspace, row, heading),
              open_page(workspace, row, heading))


def my_id():
    with sqlite3.connect(database) as db:
        row = db.execute("SELECT value FROM setting WHERE key = 'me'").fetchone()
    if row is None:
        raise uitest.Failure("no 'me' setting")
    return row[0]


def day_plan_sections():
    """What the day plan must show for the user right now, as the core
    defines it: overdue = not done and due before now (timed) or before
    today (all-day), newest first; today = from now to midnight, all-day
    first. At most 200 rows a section, then an "And N more" row."""
    now = int(time.time() * 1000)
    today = datetime.date.today()
    midnight = int(datetime.datetime.combine(today + datetime.timedelta(days=1),
                                             datetime.time()).timestamp() * 1000)
    open_activities = ("FROM activity WHERE owner_id = ? AND done_at IS NULL"
                       " AND deleted_at IS NULL")
    with sqlite3.connect(database) as db:
        overdue = db.execute("SELECT count(*) %s AND (due_at < ? OR due_date < ?)"
                             % open_activities, (my_id(), now, today.isoformat())).fetchone()[0]
        due_today = db.execute("SELECT count(*) %s AND ((due_at >= ? AND due_at < ?)"
                               " OR (due_at IS NULL AND due_date = ?))" % open_activities,
                               (my_id(), now, midnight, today.isoformat())).fetchone()[0]
    return overdue, due_today


def shown_rows(name):
    """Rows of the section's list; an empty Today shows only a note."""
    lists = [node for node in uitest.find_all(root, "list", name) if uitest.is_on_screen(node)]
    if not lists:
        return 0
    return len([row for row in lists[0] if row.getRoleName() == "list item"])


def rows_for(count):
    return min(count, 200) + (1 if count > 200 else 0)


def day_plan_matches():
    open_page("Rep", "Today", "Today")()

    def same():
        overdue, due_today = day_plan_sections()
        return (shown_rows("Overdue") == rows_for(overdue)
                and shown_rows("Today") == rows_for(due_today))
    try:
        uitest.wait_until(same, what="the sections to match the database")
    except uitest.Failure:
        raise uitest.Failure("shown (overdue, today) %r, the database has %r" % (
            (shown_rows("Overdue"), shown_rows("Today")), day_plan_sections()))


def summary_matches(workspace, row, expected):
    def run():
        open_page(workspace, row, dict((r, h) for _, r, h in PAGES)[row])()
        uitest.find(root, "label", expected())
    return run


def expected_open_deals():
    with sqlite3.connect(database) as db:
        n = db.execute("SELECT count(*) FROM deal WHERE owner_id = ? AND status = 'open'"
                       " AND deleted_at IS NULL", (my_id(),)).fetchone()[0]
    if n == 0:
        raise uitest.Failure("the user owns no open deal in the sample team")
    return "%d open deal%s" % (n, "" if n == 1 else "s")


tap.check("Today lists as many overdue and today's activities as the database holds for the user",
          day_plan_matches)
tap.check("Pipeline counts the user's open deals",
          summary_matches("Rep", "Pipeline", expected_open_deals))


def workspace_on_screen(workspace):
    """Some page of workspace is shown, and none of another."""
    shown = headings_on_screen()
    return len(shown) == 1 and [w for w, _, h in PAGES if h == shown[0]] == [workspace]


def shortcuts_switch_workspaces():
    uitest.press_keys("Control_L", "2")
    uitest.wait_until(lambda: workspace_on_screen("Manager"), what="the Manager workspace")
    uitest.press_keys("Control_L", "1")
    uitest.wait_until(lambda: workspace_on_screen("Rep"), what="the Rep workspace")


tap.check("Ctrl+2 and Ctrl+1 switch between the Manager and Rep workspaces",
          shortcuts_switch_workspaces)


def quit_with_ctrl_q():
    uitest.press_keys("Control_L", "q")
    uitest.wait_until(lambda: app.process.poll() is not None, 10, "prospect to exit")
    if app.process.returncode != 0:
        raise uitest.Failure("exit status %d:\n%s" % (app.process.returncode, app.output()))


tap.check("Ctrl+Q quits", quit_with_ctrl_q)


def database_holds_the_user():
    with sqlite3.connect(database) as db:
        people = db.execute("SELECT count(*) FROM person WHERE deleted_at IS NULL").fetchone()[0]
        me = db.execute("SELECT name, role FROM person WHERE id = ?", (my_id(),)).fetchone()
    if people != SAMPLE_PEOPLE:
        raise uitest.Failure("%d people, expected the %d of the sample team" % (people, SAMPLE_PEOPLE))
    if me != (NAME, "rep"):
        raise uitest.Failure("'me' is %r, expected (%r, 'rep')" % (me, NAME))


def database_holds_the_sample_team():
    with sqlite3.connect(database) as db:
        deals = db.execute("SELECT count(*) FROM deal").fetchone()[0]
        mine = db.execute("SELECT count(*) FROM deal WHERE owner_id = ?", (my_id(),)).fetchone()[0]
        activities = db.execute("SELECT count(*) FROM activity").fetchone()[0]
    if deals <= 300 or mine == 0 or activities == 0:
        raise uitest.Failure("%d deals (%d the user's), %d activities" % (deals, mine, activities))


tap.check("the user is a sample rep renamed %s, and is 'me'" % NAME, database_holds_the_user)
tap.check("the database holds the sample team's deals and activities",
          database_holds_the_sample_team)

app.stop()
tap.exit()
