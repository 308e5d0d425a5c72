# SPDX-License-Identifier: GPL-3.0-or-later
"""Accounts on a sample team: searching in another case and without the
accents finds "Café Müller GmbH"; Enter opens it with its contacts and
deals as the database holds them; deleting an account with open deals is
refused; a new account through the form (Save disabled with the reason
while the name is empty); a contact added to it (a bad e-mail address is
refused in place); Delete removes the account with its contact and Undo
brings both back."""

import os
import sqlite3
import subprocess
import time

import uitest

tap = uitest.Tap(8)
directory = os.environ["PROSPECT_TEST_DIR"]
database = os.path.join(directory, "accounts.db")
cli = os.path.join(os.path.dirname(os.environ["PROSPECT_BIN"]), "..", "cli", "prospect-cli")

ACCENTED = "Café Müller GmbH"
NEW_ACCOUNT = "Zephyr Robotics"
NEW_CONTACT = "Nora Nilsson"


def query(sql, *args):
    with sqlite3.connect(database) as db:
        return db.execute(sql, args).fetchall()


def make_sample_team():
    """The sample team; "me" is a rep, and the account with the most
    contacts among those with open and closed deals is renamed with
    accents."""
    subprocess.run([cli, "--database", database, "demo"], check=True, stdout=subprocess.DEVNULL)
    me = query("SELECT id FROM person WHERE role = 'rep' ORDER BY name LIMIT 1")[0][0]
    account = query(
        "SELECT a.id FROM account a WHERE a.deleted_at IS NULL"
        " AND EXISTS (SELECT 1 FROM deal d WHERE d.account_id = a.id AND d.deleted_at IS NULL AND d.status = 'open')"
        " AND EXISTS (SELECT 1 FROM deal d WHERE d.account_id = a.id AND d.deleted_at IS NULL AND d.status <> 'open')"
        " ORDER BY (SELECT count(*) FROM contact c WHERE c.account_id = a.id AND c.deleted_at IS NULL) DESC, a.id"
        " LIMIT 1")[0][0]
    with sqlite3.connect(database) as db:
        db.execute("INSERT OR REPLACE INTO setting (key, value, updated_at) VALUES ('me', ?, 0)", (me,))
        db.execute("UPDATE account SET name = ? WHERE id = ?", (ACCENTED, account))
    return me, account


def focused(root):
    return uitest.wait_until(
        lambda: next((n for n in uitest.find_all(root)
                      if n.getState().contains(uitest.pyatspi.STATE_FOCUSED)), None),
        5, "a focused widget")


def sensitive(node):
    return node.getState().contains(uitest.pyatspi.STATE_SENSITIVE)


def labels_in(node):
    return [n.name for n in uitest.find_all(node, "label")]


def dialog(title):
    """GTK 4.8 gives only the main window the showing state (and an
    AdwWindow the role "filler"): find the form by its title."""
    return uitest.wait_until(
        lambda: next((w for w in app.accessible if w is not None and w.name == title), None),
        5, "the “%s” window" % title)


def click_field(form, name):
    """With no window manager, X gives the keyboard to the window under
    the pointer: a click on the field (the form sits at the screen's
    origin) puts both there."""
    field = next((n for n in uitest.find_all(form, "text", name)), None)
    if field is None:
        raise uitest.Failure("no %r field in %r" % (name, form.name))
    uitest.mouse_click(field)
    time.sleep(0.3)


def form_button(form, label):
    """A button named after its mnemonic and its label ("_Save Save")."""
    for node in uitest.find_all(form, "push button"):
        if node.name == label or node.name.endswith(" " + label):
            return node
    raise uitest.Failure("no %r button in %r" % (label, form.name))


def account_rows():
    """The account names shown in the list (the first label of each row)."""
    names = []
    for item in uitest.find(root, "list", "Account List"):
        if item is None:
            continue
        labels = labels_in(item)
        if labels:
            names.append(labels[0])
    return names


try:
    me, accented_id = make_sample_team()
except (subprocess.CalledProcessError, OSError, IndexError) as error:
    tap.bail_out("could not make the sample team: %s" % error)

app = uitest.App("--database", database)
try:
    root = app.wait_for_window()
except uitest.Failure as error:
    tap.bail_out("prospect did not show a window: %s\n%s" % (error, app.output()))


def open_accounts():
    uitest.click(uitest.find(root, "page tab", "Rep"))
    uitest.select_row(uitest.find(root, "list", "Rep pages"), "Accounts")
    uitest.find(root, "entry", "Search Accounts")


if not tap.check("the Accounts page opens", open_accounts):
    tap.bail_out("no Accounts page:\n%s" % app.output())


def search_without_accents():
    uitest.press_keys("Control_L", "f")
    uitest.wait_until(lambda: focused(root).name == "Search Accounts", 5, "the focus in the search")
    uitest.type_text("CAFE muller")
    uitest.wait_until(lambda: account_rows() == [ACCENTED], 5,
                      "only %r listed (the list shows %r)" % (ACCENTED, account_rows()))


tap.check("Ctrl+F, then “CAFE muller” lists only “%s”" % ACCENTED, search_without_accents)


def enter_opens_the_account():
    contacts = [row[0] for row in query("SELECT name FROM contact WHERE account_id = ? AND deleted_at IS NULL",
                                        accented_id)]
    open_deals = [row[0] for row in query("SELECT title FROM deal WHERE account_id = ? AND deleted_at IS NULL"
                                          " AND status = 'open'", accented_id)]
    closed_deals = [row[0] for row in query("SELECT title FROM deal WHERE account_id = ? AND deleted_at IS NULL"
                                            " AND status <> 'open'", accented_id)]
    if not contacts:
        raise uitest.Failure("the sample account has no contacts to show")
    uitest.press_keys("Return")
    uitest.find(root, "label", ACCENTED)
    uitest.find(root, "label", "Contacts (%d)" % len(contacts))
    uitest.find(root, "label", "Open Deals (%d)" % len(open_deals))
    uitest.find(root, "label", "Closed Deals (%d)" % len(closed_deals))
    shown = labels_in(uitest.find(root, "list", "Contacts"))
    missing = [name for name in contacts if name not in shown]
    shown_deals = labels_in(uitest.find(root, "list", "Open Deals")) + \
        labels_in(uitest.find(root, "list", "Closed Deals"))
    missing += [title for title in open_deals + closed_deals if title not in shown_deals]
    if missing:
        raise uitest.Failure("not shown: %r" % missing)


tap.check("Enter opens it: its contacts, open and closed deals as in the database",
          enter_opens_the_account)


def delete_refused_with_open_deals():
    n_open = query("SELECT count(*) FROM deal WHERE account_id = ? AND deleted_at IS NULL AND status = 'open'",
                   accented_id)[0][0]
    uitest.click(uitest.find(root, "push button", "Delete Account"))
    expected = "“%s” has %d open deal%s" % (ACCENTED, n_open, "s" if n_open > 1 else "")
    uitest.wait_until(lambda: any(name.startswith(expected) for name in labels_in(root)), 5,
                      "a toast saying %r" % expected)
    if query("SELECT deleted_at FROM account WHERE id = ?", accented_id)[0][0] is not None:
        raise uitest.Failure("the account was deleted")


tap.check("deleting an account with open deals is refused, saying how many", delete_refused_with_open_deals)


def create_account():
    uitest.click(uitest.find(root, "push button", "New Account"))
    form = dialog("New Account")
    save = form_button(form, "Save")
    if sensitive(save):
        raise uitest.Failure("Save is enabled with an empty name")
    uitest.find(form, "label", "The name cannot be empty")
    click_field(form, "Name")
    uitest.type_text(NEW_ACCOUNT)
    uitest.wait_until(lambda: sensitive(save), 5, "Save to be enabled")
    uitest.click(save)
    uitest.wait_until(lambda: query("SELECT owner_id FROM account WHERE name = ? AND deleted_at IS NULL",
                                    NEW_ACCOUNT) == [(me,)], 5, "the account stored, owned by me")
    uitest.find(root, "label", NEW_ACCOUNT)
    uitest.find(root, "label", "No open deals")


tap.check("a new account through the form: Save disabled, saying why, until it has a name",
          create_account)


def add_contact():
    account_id = query("SELECT id FROM account WHERE name = ?", NEW_ACCOUNT)[0][0]
    uitest.click(uitest.find(root, "push button", "Add Contact"))
    form = dialog("New Contact")
    save = form_button(form, "Save")
    click_field(form, "Name")
    uitest.type_text(NEW_CONTACT)
    click_field(form, "E-mail")
    uitest.type_text("nora at zephyr")
    uitest.find(form, "label", "An e-mail address looks like name@example.com")
    if sensitive(save):
        raise uitest.Failure("Save is enabled with a bad e-mail address")
    uitest.press_keys("Control_L", "a")
    uitest.type_text("nora@zephyr.example")
    uitest.wait_until(lambda: sensitive(save), 5, "Save to be enabled")
    uitest.click(save)
    uitest.wait_until(lambda: query("SELECT account_id, email FROM contact WHERE name = ? AND deleted_at IS NULL",
                                    NEW_CONTACT) == [(account_id, "nora@zephyr.example")], 5,
                      "the contact stored")
    uitest.find(uitest.find(root, "list", "Contacts"), "label", NEW_CONTACT)


tap.check("a contact added to it; a bad e-mail address keeps Save disabled", add_contact)


def undo_button():
    """libadwaita 1.2 names the toast's button after its mnemonic and its
    label ("_Undo Undo")."""
    return uitest.wait_until(
        lambda: next((node for node in uitest.find_all(root, "push button")
                      if node.name.endswith("Undo") and uitest.is_on_screen(node)), None),
        5, "the toast's Undo button")


def live(table, sql_filter, *args):
    return query("SELECT count(*) FROM %s WHERE deleted_at IS NULL AND %s" % (table, sql_filter), *args)[0][0]


def delete_and_undo():
    # the keyboard: Ctrl+F, its name, Down into the list, Delete
    uitest.press_keys("Control_L", "f")
    uitest.wait_until(lambda: focused(root).name == "Search Accounts", 5, "the focus in the search")
    uitest.press_keys("Control_L", "a")
    uitest.type_text(NEW_ACCOUNT.lower())
    uitest.wait_until(lambda: account_rows() == [NEW_ACCOUNT], 5, "only %r listed" % NEW_ACCOUNT)
    uitest.press_keys("Down")
    uitest.wait_until(lambda: focused(root).getRoleName() == "list item", 5, "the focus on its row")
    uitest.press_keys("Delete")
    uitest.wait_until(lambda: live("account", "name = ?", NEW_ACCOUNT) == 0, 10, "the account deleted")
    if live("contact", "name = ?", NEW_CONTACT) != 0:
        raise uitest.Failure("the contact was not deleted with its account")
    toast = "Account “%s” deleted with its contact" % NEW_ACCOUNT
    seen = []

    def toast_shown():
        seen[:] = [name for name in labels_in(root) if "“" in name]
        return toast in seen
    try:
        uitest.wait_until(toast_shown, 5, "the toast %r" % toast)
    except uitest.Failure as error:
        raise uitest.Failure("%s; quoting labels: %r" % (error, seen))
    uitest.click(undo_button())
    uitest.wait_until(lambda: live("account", "name = ?", NEW_ACCOUNT) == 1, 5, "the account back")
    if live("contact", "name = ?", NEW_CONTACT) != 1:
        raise uitest.Failure("Undo did not bring the contact back")
    uitest.wait_until(lambda: NEW_ACCOUNT in account_rows(), 5, "the account listed again")


tap.check("Delete removes the account with its contact; Undo brings both back", delete_and_undo)

def open_account_from_a_deal():
    """win.open-account, as the deal window's "Open the Account" button
    activates it, brings back the Accounts page on that account."""
    title = query("SELECT title FROM deal WHERE account_id = ? AND deleted_at IS NULL AND status = 'open'"
                  " ORDER BY expected_close IS NOT NULL, expected_close, id LIMIT 1", accented_id)[0][0]
    uitest.press_keys("Control_L", "f")
    uitest.press_keys("Control_L", "a")
    uitest.type_text("muller")
    uitest.wait_until(lambda: account_rows() == [ACCENTED], 5, "only %r listed" % ACCENTED)
    uitest.press_keys("Return")
    row = uitest.find(uitest.find(root, "list", "Open Deals"), None, title)
    uitest.mouse_click(row)
    deal_window = uitest.wait_until(
        lambda: next((w for w in app.accessible if w is not None and w.name == title), None),
        10, "the deal window")
    uitest.select_row(uitest.find(root, "list", "Rep pages"), "Today")
    uitest.wait_until(lambda: not uitest.find_all(root, "entry", "Search Accounts")
                      or not uitest.is_on_screen(uitest.find_all(root, "entry", "Search Accounts")[0]),
                      5, "the Accounts page hidden")
    uitest.click(next(n for n in uitest.find_all(deal_window, "push button", "Open the Account")))
    uitest.find(root, "entry", "Search Accounts", timeout=5)
    uitest.find(root, "label", ACCENTED, timeout=5)


tap.check("the deal window's “Open the Account” (win.open-account) shows the account", open_account_from_a_deal)

if tap.failed:
    for line in app.output().splitlines():
        print("# " + line)
app.stop()
tap.exit()
