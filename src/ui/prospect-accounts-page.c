/* prospect-accounts-page.c - the Accounts page: a searchable list of
 * accounts beside the selected account's contacts, deals and history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-accounts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-accounts.h"
#include "prospect-activity.h"
#include "prospect-chart-format.h"
#include "prospect-deal.h"
#include "prospect-error.h"
#include "prospect-person.h"

#include "prospect-account-editor.h"
#include "prospect-accounts-page.h"

/* Rows shown per deal section and in the history; the heading gives the
 * full count, and a last row says how many more there are. */
#define SECTION_LIMIT 50

struct _ProspectAccountsPage
{
  ProspectPage          parent_instance;

  ProspectAccountList  *accounts;
  GtkSingleSelection   *selection;
  char                 *account_id;     /* shown in the detail pane */
  char                 *pending_select; /* select once the list has it */
  guint                 show_id;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *list_pane;
  GtkSearchEntry       *search_entry;
  GtkStack             *list_stack;
  GtkListView          *list_view;
  AdwStatusPage        *list_empty;
  GtkStack             *detail_stack;
  GtkWidget            *detail_scroller;
  GtkBox               *detail_box;
  GtkWidget            *back_button;
  GtkWidget            *edit_button;
  GtkLabel             *name_label;
  GtkLabel             *facts_label;

  GtkLabel             *contacts_heading;
  GtkListBox           *contacts_list;
  GtkLabel             *open_heading;
  GtkListBox           *open_list;
  GtkLabel             *closed_heading;
  GtkListBox           *closed_list;
  GtkLabel             *history_heading;
  GtkListBox           *history_list;
};

G_DEFINE_FINAL_TYPE (ProspectAccountsPage, prospect_accounts_page, PROSPECT_TYPE_PAGE)

#define ROW_DEAL_ID "prospect-deal-id"

static const struct
{
  const char *kind;
  const char *icon_name;
} kind_icons[] = {
  { "call", "call-start-symbolic" },
  { "meeting", "system-users-symbolic" },
  { "email", "mail-unread-symbolic" },
  { "visit", "mark-location-symbolic" },
  { "demo", "video-display-symbolic" },
  { "task", "object-select-symbolic" },
};

/* ------------------------------------------------------------ toasts */

typedef gboolean (*UndoFunc) (gpointer           data,
                              ProspectDatabase  *db,
                              GError           **error);

typedef struct
{
  ProspectAccountsPage *self;
  UndoFunc              func;
  gpointer              data;
  GDestroyNotify        destroy;
  char                 *select_id;  /* the account to show after the undo */
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  if (undo->destroy != NULL)
    undo->destroy (undo->data);
  g_object_unref (undo->self);
  g_free (undo->select_id);
  g_free (undo);
}

static void
show_error (ProspectAccountsPage *self,
            const char           *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (markup);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void prospect_accounts_page_select (ProspectAccountsPage *self,
                                           const char           *account_id);

static void
undo_clicked_cb (AdwToast *toast,
                 Undo     *undo)
{
  ProspectDatabase *db = prospect_page_get_database (PROSPECT_PAGE (undo->self));
  g_autoptr(GError) error = NULL;

  if (db == NULL)
    return;

  if (!undo->func (undo->data, db, &error))
    {
      show_error (undo->self, error->message);
      return;
    }
  if (undo->select_id != NULL)
    prospect_accounts_page_select (undo->self, undo->select_id);
}

/* Toast titles are markup: the text is escaped here. */
static void
add_undo_toast (ProspectAccountsPage *self,
                const char           *message,
                UndoFunc              func,
                gpointer              data,
                GDestroyNotify        destroy,
                const char           *select_id)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (markup);
  Undo *undo = g_new0 (Undo, 1);

  undo->self = g_object_ref (self);
  undo->func = func;
  undo->data = data;
  undo->destroy = destroy;
  undo->select_id = g_strdup (select_id);

  /* the latest action's Undo, at once: not queued behind older toasts */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "prospect-undo", undo, undo_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), undo);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
undo_insert (gpointer           data,
             ProspectDatabase  *db,
             GError           **error)
{
  return prospect_record_delete (PROSPECT_RECORD (data), db, error);
}

static gboolean
undo_update (gpointer           data,
             ProspectDatabase  *db,
             GError           **error)
{
  /* data is the row as it was stored before the edit */
  return prospect_record_update (PROSPECT_RECORD (data), db, error);
}

static gboolean
undo_delete (gpointer           data,
             ProspectDatabase  *db,
             GError           **error)
{
  return prospect_record_restore (PROSPECT_RECORD (data), db, error);
}

static gboolean
undo_account_deletion (gpointer           data,
                       ProspectDatabase  *db,
                       GError           **error)
{
  return prospect_account_deletion_undo (data, db, error);
}

/* ------------------------------------------------------------ formatting */

static char *
format_date (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *noon = g_strconcat (iso, "T12:00:00", NULL);
  g_autoptr(GDateTime) day = g_date_time_new_from_iso8601 (noon, utc);

  /* Translators: a date in the account page, strftime format */
  return day != NULL ? g_date_time_format (day, _("%-d %b %Y")) : g_strdup (iso);
}

static char *
format_instant (gint64 ms)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (ms / 1000);

  /* Translators: a date and time in the account's history, strftime format */
  return g_date_time_format (time, _("%-d %b %Y %H:%M"));
}

static char *
join_parts (GPtrArray *parts)
{
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
add_part (GPtrArray  *parts,
          const char *text)
{
  if (text != NULL && text[0] != '\0')
    g_ptr_array_add (parts, (gpointer) text);
}

/* "3 open · $12,000" */
static char *
format_open_figures (ProspectAccountSummary *summary)
{
  gint64 n = prospect_account_summary_get_open_deals (summary);
  const char *currency = prospect_account_summary_get_currency (summary);
  g_autofree char *amount = NULL;

  if (n == 0)
    return g_strdup (_("No open deals"));
  if (currency == NULL)
    return g_strdup_printf (ngettext ("%'d open deal", "%'d open deals", n), (int) n);

  amount = prospect_chart_format_money_whole (prospect_account_summary_get_open_amount (summary), currency);
  /* Translators: open deals of an account and their total, e.g. "3 open · $12,000" */
  return g_strdup_printf (_("%'d open · %s"), (int) n, amount);
}

/* ------------------------------------------------------------ the list */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *facts = gtk_label_new (NULL);
  GtkWidget *figures = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (facts), 0);
  gtk_label_set_ellipsize (GTK_LABEL (facts), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (facts, "dim-label");
  gtk_widget_add_css_class (facts, "caption");
  gtk_label_set_xalign (GTK_LABEL (figures), 0);
  gtk_widget_add_css_class (figures, "caption");
  gtk_widget_add_css_class (figures, "numeric");

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), facts);
  gtk_box_append (GTK_BOX (box), figures);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  ProspectAccountSummary *summary = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *facts = gtk_widget_get_next_sibling (name);
  GtkWidget *figures = gtk_widget_get_next_sibling (facts);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *facts_text = NULL;
  g_autofree char *figures_text = format_open_figures (summary);
  g_autofree char *accessible = NULL;

  add_part (parts, prospect_account_summary_get_sector (summary));
  add_part (parts, prospect_account_summary_get_region (summary));
  facts_text = join_parts (parts);

  gtk_label_set_text (GTK_LABEL (name), prospect_account_summary_get_name (summary));
  gtk_label_set_text (GTK_LABEL (facts), facts_text);
  gtk_widget_set_visible (facts, facts_text[0] != '\0');
  gtk_label_set_text (GTK_LABEL (figures), figures_text);

  /* one sentence for a screen reader: "Acme, Retail · West, 3 open · $12,000" */
  g_ptr_array_set_size (parts, 0);
  add_part (parts, prospect_account_summary_get_name (summary));
  add_part (parts, facts_text);
  add_part (parts, figures_text);
  g_ptr_array_add (parts, NULL);
  accessible = g_strjoinv (", ", (char **) parts->pdata);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
update_list_state (ProspectAccountsPage *self)
{
  g_autofree char *description = NULL;
  const char *search;

  if (self->accounts == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->accounts)) > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (prospect_account_list_get_n_accounts (self->accounts) == 0)
    {
      adw_status_page_set_title (self->list_empty, _("No Accounts Yet"));
      adw_status_page_set_description (self->list_empty,
                                       _("Add your first customer with the + button"));
    }
  else
    {
      g_autofree char *escaped = g_markup_escape_text (search, -1);

      description = g_strdup_printf (_("No account name contains “%s”"), escaped);
      adw_status_page_set_title (self->list_empty, _("No Results"));
      adw_status_page_set_description (self->list_empty, description);
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

/* ------------------------------------------------------------ the detail */

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
action_row_new (const char *title,
                const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* names and subjects are user text, not markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row;

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  row = gtk_list_box_row_new ();
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (list, row);
}

static void
add_more_row (GtkListBox *list,
              gint64      n_total,
              guint       shown)
{
  g_autofree char *text = NULL;

  if (n_total <= shown)
    return;
  text = g_strdup_printf (ngettext ("And %'d more", "And %'d more", n_total - shown),
                          (int) (n_total - shown));
  add_placeholder (list, text);
}

static void
set_heading (GtkLabel   *heading,
             const char *title,
             gint64      count)
{
  g_autofree char *text = g_strdup_printf ("%s (%'d)", title, (int) count);

  gtk_label_set_text (heading, count > 0 ? text : title);
}

static GtkWidget *
icon_button_new (const char *icon_name,
                 const char *label,
                 const char *action_name,
                 const char *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);

  return button;
}

static void
fill_contacts (ProspectAccountsPage *self,
               ProspectDatabase     *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = prospect_accounts_get_contacts (db, self->account_id, &error);

  clear_list_box (self->contacts_list);
  if (contacts == NULL)
    {
      add_placeholder (self->contacts_list, error->message);
      return;
    }

  set_heading (self->contacts_heading, _("Contacts"), contacts->len);
  if (contacts->len == 0)
    add_placeholder (self->contacts_list, _("No contacts yet: add the people you talk to with +"));

  for (guint i = 0; i < contacts->len; i++)
    {
      ProspectContact *contact = g_ptr_array_index (contacts, i);
      const char *id = prospect_record_get_id (PROSPECT_RECORD (contact));
      const char *name = prospect_contact_get_name (contact);
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();
      g_autofree char *subtitle = NULL;
      g_autofree char *edit_label = g_strdup_printf (_("Edit %s"), name);
      g_autofree char *delete_label = g_strdup_printf (_("Delete %s"), name);
      GtkWidget *row;

      add_part (parts, prospect_contact_get_title (contact));
      add_part (parts, prospect_contact_get_email (contact));
      add_part (parts, prospect_contact_get_phone (contact));
      subtitle = join_parts (parts);

      row = action_row_new (name, subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button_new ("document-edit-symbolic", edit_label,
                                                  "accounts.edit-contact", id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button_new ("user-trash-symbolic", delete_label,
                                                  "accounts.delete-contact", id));
      gtk_list_box_append (self->contacts_list, row);
    }
}

static char *
deal_subtitle (ProspectDeal *deal)
{
  const char *status = prospect_deal_get_status (deal);
  g_autofree char *amount = prospect_chart_format_money_whole (prospect_deal_get_amount (deal),
                                                               prospect_deal_get_currency (deal));
  g_autofree char *date = NULL;

  if (g_str_equal (status, "open"))
    {
      const char *close = prospect_deal_get_expected_close (deal);

      if (close == NULL)
        /* Translators: an open deal with no expected close date */
        return g_strdup_printf (_("%s · no close date"), amount);
      date = format_date (close);
      /* Translators: an open deal's amount and expected close date */
      return g_strdup_printf (_("%s · closes %s"), amount, date);
    }

  date = format_date (prospect_deal_get_closed_on (deal));
  if (g_str_equal (status, "won"))
    /* Translators: a won deal's amount and close date */
    return g_strdup_printf (_("%s · won %s"), amount, date);

  if (prospect_deal_get_lost_reason (deal) != NULL)
    /* Translators: a lost deal's amount, close date and reason */
    return g_strdup_printf (_("%s · lost %s · %s"), amount, date, prospect_deal_get_lost_reason (deal));
  /* Translators: a lost deal's amount and close date */
  return g_strdup_printf (_("%s · lost %s"), amount, date);
}

static void
fill_deals (ProspectAccountsPage *self,
            ProspectDatabase     *db,
            ProspectAccountDeals  which)
{
  gboolean open = which == PROSPECT_ACCOUNT_DEALS_OPEN;
  GtkListBox *list = open ? self->open_list : self->closed_list;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deals = NULL;
  gint64 n_total = 0;

  clear_list_box (list);
  deals = prospect_accounts_get_deals (db, self->account_id, which, SECTION_LIMIT, &n_total, &error);
  if (deals == NULL)
    {
      add_placeholder (list, error->message);
      return;
    }

  set_heading (open ? self->open_heading : self->closed_heading,
               open ? _("Open Deals") : _("Closed Deals"), n_total);
  if (deals->len == 0)
    add_placeholder (list, open ? _("No open deals") : _("No deals won or lost yet"));

  for (guint i = 0; i < deals->len; i++)
    {
      ProspectDeal *deal = g_ptr_array_index (deals, i);
      g_autofree char *subtitle = deal_subtitle (deal);
      GtkWidget *row = action_row_new (prospect_deal_get_title (deal), subtitle);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), ROW_DEAL_ID,
                              g_strdup (prospect_record_get_id (PROSPECT_RECORD (deal))), g_free);
      gtk_list_box_append (list, row);
    }
  add_more_row (list, n_total, deals->len);
}

static const char *
kind_icon (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_icons); i++)
    if (g_strcmp0 (kind, kind_icons[i].kind) == 0)
      return kind_icons[i].icon_name;
  return "object-select-symbolic";
}

static char *
activity_when (ProspectActivity *activity)
{
  g_autofree char *when = NULL;

  if (prospect_activity_get_done_at (activity) != -1)
    {
      when = format_instant (prospect_activity_get_done_at (activity));
      /* Translators: when an activity was done */
      return g_strdup_printf (_("Done %s"), when);
    }
  if (prospect_activity_get_due_at (activity) != -1)
    when = format_instant (prospect_activity_get_due_at (activity));
  else if (prospect_activity_get_due_date (activity) != NULL)
    when = format_date (prospect_activity_get_due_date (activity));
  else
    return g_strdup (_("Planned, no date"));

  /* Translators: when a planned activity is due */
  return g_strdup_printf (_("Due %s"), when);
}

static void
fill_history (ProspectAccountsPage *self,
              ProspectDatabase     *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = prospect_accounts_get_history (db, self->account_id, SECTION_LIMIT, &error);

  clear_list_box (self->history_list);
  if (activities == NULL)
    {
      add_placeholder (self->history_list, error->message);
      return;
    }

  if (activities->len == 0)
    add_placeholder (self->history_list, _("No calls, meetings or tasks yet"));

  for (guint i = 0; i < activities->len; i++)
    {
      ProspectActivity *activity = g_ptr_array_index (activities, i);
      g_autofree char *when = activity_when (activity);
      GtkWidget *row = action_row_new (prospect_activity_get_subject (activity), when);
      GtkWidget *icon = gtk_image_new_from_icon_name (kind_icon (prospect_activity_get_kind (activity)));

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->history_list, row);
    }
}

static char *
account_facts (ProspectAccount  *account,
               ProspectDatabase *db)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autoptr(ProspectPerson) owner = NULL;
  g_autofree char *owner_text = NULL;

  add_part (parts, prospect_account_get_sector (account));
  add_part (parts, prospect_account_get_region (account));
  add_part (parts, prospect_account_get_location (account));
  if (prospect_account_get_owner_id (account) != NULL)
    owner = prospect_person_load (db, prospect_account_get_owner_id (account), NULL);
  if (owner != NULL)
    {
      /* Translators: the person who owns an account */
      owner_text = g_strdup_printf (_("Owner: %s"), prospect_person_get_name (owner));
      add_part (parts, owner_text);
    }

  return join_parts (parts);
}

static void
set_account_actions_enabled (ProspectAccountsPage *self,
                             gboolean              enabled)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.edit", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.delete", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.add-contact", enabled);
}

static void
load_detail (ProspectAccountsPage *self)
{
  ProspectDatabase *db = prospect_page_get_database (PROSPECT_PAGE (self));
  g_autoptr(ProspectAccount) account = NULL;
  g_autofree char *facts = NULL;

  if (db != NULL && self->account_id != NULL)
    account = prospect_account_load (db, self->account_id, NULL);

  set_account_actions_enabled (self, account != NULL);
  if (account == NULL)
    {
      g_clear_pointer (&self->account_id, g_free);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  facts = account_facts (account, db);
  gtk_label_set_text (self->name_label, prospect_account_get_name (account));
  gtk_label_set_text (self->facts_label, facts);
  gtk_widget_set_visible (GTK_WIDGET (self->facts_label), facts[0] != '\0');

  fill_contacts (self, db);
  fill_deals (self, db, PROSPECT_ACCOUNT_DEALS_OPEN);
  fill_deals (self, db, PROSPECT_ACCOUNT_DEALS_CLOSED);
  fill_history (self, db);
  gtk_stack_set_visible_child_name (self->detail_stack, "account");
}

static void
show_account (ProspectAccountsPage *self,
              const char           *account_id)
{
  gboolean same = g_strcmp0 (self->account_id, account_id) == 0;

  g_free (self->account_id);
  self->account_id = g_strdup (account_id);
  load_detail (self);
  if (!same)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->detail_scroller)), 0);
}

static const char *
selected_id (ProspectAccountsPage *self)
{
  ProspectAccountSummary *summary;

  if (self->selection == NULL)
    return NULL;
  summary = gtk_single_selection_get_selected_item (self->selection);
  return summary != NULL ? prospect_account_summary_get_id (summary) : NULL;
}

/* Shows the selected account from an idle: while the list refreshes, the
 * selection moves through other rows before it is put back. */
static gboolean
show_selected_idle_cb (gpointer user_data)
{
  ProspectAccountsPage *self = PROSPECT_ACCOUNTS_PAGE (user_data);
  const char *id = selected_id (self);

  self->show_id = 0;
  if (g_strcmp0 (id, self->account_id) != 0)
    show_account (self, id);
  return G_SOURCE_REMOVE;
}

static void
queue_show_selected (ProspectAccountsPage *self)
{
  if (self->show_id == 0)
    self->show_id = g_idle_add (show_selected_idle_cb, self);
}

static void
select_position (ProspectAccountsPage *self,
                 guint                 position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/* After a refresh the rows are new objects: keep the shown account
 * selected, or select the one an action asked for. */
static void
accounts_changed_cb (ProspectAccountsPage *self)
{
  const char *wanted = self->pending_select != NULL ? self->pending_select : self->account_id;
  guint position = wanted != NULL ? prospect_account_list_find (self->accounts, wanted) : G_MAXUINT;

  if (position != G_MAXUINT)
    {
      gtk_single_selection_set_selected (self->selection, position);
      if (self->pending_select != NULL)
        select_position (self, position);
      g_clear_pointer (&self->pending_select, g_free);
    }
  update_list_state (self);
  queue_show_selected (self);
}

static void
prospect_accounts_page_select (ProspectAccountsPage *self,
                               const char           *account_id)
{
  guint position = prospect_account_list_find (self->accounts, account_id);

  if (position == G_MAXUINT)
    {
      /* not listed yet (the list refreshes from an idle) */
      g_free (self->pending_select);
      self->pending_select = g_strdup (account_id);
      return;
    }
  select_position (self, position);
}

/* ------------------------------------------------------------ callbacks */

static void
search_changed_cb (ProspectAccountsPage *self)
{
  if (self->accounts != NULL)
    prospect_account_list_set_search (self->accounts, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
open_detail (ProspectAccountsPage *self)
{
  show_account (self, selected_id (self));
  if (self->account_id == NULL)
    return;
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_stack));
  /* Tab goes on to the contacts and deals; never start on Delete */
  gtk_widget_grab_focus (self->edit_button);
}

static void
search_activate_cb (ProspectAccountsPage *self)
{
  /* the search may still be pending (search-changed waits for a pause) */
  search_changed_cb (self);
  open_detail (self);
}

static void
stop_search_cb (ProspectAccountsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
list_activate_cb (ProspectAccountsPage *self,
                  guint                 position)
{
  gtk_single_selection_set_selected (self->selection, position);
  open_detail (self);
}

static void
back_clicked_cb (ProspectAccountsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
folded_changed_cb (ProspectAccountsPage *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
deal_row_activated_cb (ProspectAccountsPage *self,
                       GtkListBoxRow        *row)
{
  const char *deal_id = g_object_get_data (G_OBJECT (row), ROW_DEAL_ID);

  /* win.open-deal belongs to the deal page; without it nothing happens */
  if (deal_id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-deal", "s", deal_id);
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       ProspectAccountsPage  *self)
{
  if (keyval != GDK_KEY_Down || self->accounts == NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (self->accounts)) == 0)
    return FALSE;

  /* into the list, on the selected account */
  return gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}

/* ------------------------------------------------------------ actions */

static GtkWindow *
parent_window (ProspectAccountsPage *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
account_saved_cb (ProspectAccountsPage *self,
                  ProspectRecord       *record,
                  ProspectRecord       *previous)
{
  const char *id = prospect_record_get_id (record);
  const char *name = prospect_account_get_name (PROSPECT_ACCOUNT (record));
  g_autofree char *message = NULL;

  if (previous == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      prospect_account_list_set_search (self->accounts, NULL);
      message = g_strdup_printf (_("Account “%s” added"), name);
      add_undo_toast (self, message, undo_insert, g_object_ref (record), g_object_unref, NULL);
    }
  else
    {
      message = g_strdup_printf (_("Account “%s” saved"), name);
      add_undo_toast (self, message, undo_update, g_object_ref (previous), g_object_unref, id);
    }
  prospect_accounts_page_select (self, id);
}

static void
open_editor (ProspectAccountsPage *self,
             ProspectRecord       *record,
             GCallback             saved_cb)
{
  ProspectDatabase *db = prospect_page_get_database (PROSPECT_PAGE (self));
  ProspectAccountEditor *editor = prospect_account_editor_new (parent_window (self), db, record);

  g_signal_connect_object (editor, "saved", saved_cb, self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_account_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ProspectAccountsPage *self = PROSPECT_ACCOUNTS_PAGE (widget);
  ProspectDatabase *db = prospect_page_get_database (PROSPECT_PAGE (self));
  g_autoptr(ProspectAccount) account = NULL;
  g_autofree char *me = NULL;
  g_autofree char *currency = NULL;

  if (db == NULL)
    return;

  /* the rep creating an account owns it; amounts in the team's currency */
  account = prospect_account_new ();
  me = prospect_database_get_me (db);
  currency = prospect_database_get_setting (db, "currency");
  prospect_account_set_owner_id (account, me);
  if (currency != NULL)
    prospect_account_set_currency (account, currency);
  open_editor (self, PROSPECT_RECORD (account), G_CALLBACK (account_saved_cb));
}

static void
edit_account_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ProspectAccountsPage *self = PROSPECT_ACCOUNTS_PAGE (widget);
  ProspectDatabase *db = prospect_page_get_database (PROSPECT_PAGE (self));
  g_autoptr(ProspectAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  if (db == NULL || self->account_id == NULL)
    return;

  account = prospect_account_load (db, self->account_id, &error);
  if (account == NULL)
    {
      show_error (self, error->message);
      return;
    }
  open_editor (self, PROSPECT_RECORD (account), G_CALLBACK (account_saved_cb));
}

static void
delete_account_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ProspectAccountsPage *self = PROSPECT_ACCOUNTS_PAGE (widget);
  ProspectDatabase *db = prospect_page_get_database (PROSPECT_PAGE (self));
  /* the selection: the page beside it follows only from an idle */
  g_autofree char *account_id = g_strdup (selected_id (self) != NULL ? selected_id (self) : self->account_id);
  g_autoptr(GError) error = NULL;
  ProspectAccountDeletion *deletion;
  g_autofree char *message = NULL;
  guint n_contacts;

  if (db == NULL || account_id == NULL)
    return;

  deletion = prospect_accounts_delete (db, account_id, &error);
  if (deletion == NULL)
    {
      show_error (self, error->message);
      return;
    }

  n_contacts = prospect_account_deletion_get_n_contacts (deletion);
  if (n_contacts == 0)
    message = g_strdup_printf (_("Account “%s” deleted"),
                               prospect_account_deletion_get_account_name (deletion));
  else
    message = g_strdup_printf (ngettext ("Account “%s” deleted with its contact",
                                         "Account “%s” deleted with its %d contacts",
                                         n_contacts),
                               prospect_account_deletion_get_account_name (deletion), n_contacts);
  add_undo_toast (self, message, undo_account_deletion, deletion,
                  (GDestroyNotify) prospect_account_deletion_free, account_id);
  /* the keyboard stays in the list, on the account now in its place */
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
contact_saved_cb (ProspectAccountsPage *self,
                  ProspectRecord       *record,
                  ProspectRecord       *previous)
{
  const char *name = prospect_contact_get_name (PROSPECT_CONTACT (record));
  g_autofree char *message = NULL;

  if (previous == NULL)
    {
      message = g_strdup_printf (_("Contact “%s” added"), name);
      add_undo_toast (self, message, undo_insert, g_object_ref (record), g_object_unref, NULL);
    }
  else
    {
      message = g_strdup_printf (_("Contact “%s” saved"), name);
      add_undo_toast (self, message, undo_update, g_object_ref (previous), g_object_unref, NULL);
    }
}

static void
add_contact_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ProspectAccountsPage *self = PROSPECT_ACCOUNTS_PAGE (widget);
  g_autoptr(ProspectContact) contact = NULL;

  if (prospect_page_get_database (PROSPECT_PAGE (self)) == NULL || self->account_id == NULL)
    return;

  contact = prospect_contact_new ();
  prospect_contact_set_account_id (contact, self->account_id);
  open_editor (self, PROSPECT_RECORD (contact), G_CALLBACK (contact_saved_cb));
}

static ProspectContact *
load_contact (ProspectAccountsPage *self,
              GVariant             *parameter)
{
  ProspectDatabase *db = prospect_page_get_database (PROSPECT_PAGE (self));
  g_autoptr(GError) error = NULL;
  ProspectContact *contact;

  if (db == NULL)
    return NULL;

  contact = prospect_contact_load (db, g_variant_get_string (parameter, NULL), &error);
  if (contact == NULL)
    show_error (self, error->message);
  return contact;
}

static void
edit_contact_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ProspectAccountsPage *self = PROSPECT_ACCOUNTS_PAGE (widget);
  g_autoptr(ProspectContact) contact = load_contact (self, parameter);

  if (contact != NULL)
    open_editor (self, PROSPECT_RECORD (contact), G_CALLBACK (contact_saved_cb));
}

static void
delete_contact_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ProspectAccountsPage *self = PROSPECT_ACCOUNTS_PAGE (widget);
  g_autoptr(ProspectContact) contact = load_contact (self, parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (contact == NULL)
    return;

  if (!prospect_record_delete (PROSPECT_RECORD (contact), prospect_page_get_database (PROSPECT_PAGE (self)), &error))
    {
      show_error (self, error->message);
      return;
    }
  message = g_strdup_printf (_("Contact “%s” deleted"), prospect_contact_get_name (contact));
  add_undo_toast (self, message, undo_delete, g_object_ref (contact), g_object_unref, NULL);
}

static gboolean
focus_search_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  ProspectAccountsPage *self = PROSPECT_ACCOUNTS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

/* ------------------------------------------------------------ page */

static void
prospect_accounts_page_refresh (ProspectPage *page)
{
  ProspectAccountsPage *self = PROSPECT_ACCOUNTS_PAGE (page);

  /* the list refreshes itself; the detail reads the tables again */
  update_list_state (self);
  load_detail (self);
}

static void
notify_database_cb (ProspectAccountsPage *self)
{
  ProspectDatabase *db = prospect_page_get_database (PROSPECT_PAGE (self));

  g_clear_pointer (&self->account_id, g_free);
  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  g_clear_object (&self->accounts);
  g_clear_object (&self->selection);

  if (db != NULL)
    {
      self->accounts = prospect_account_list_new (db);
      prospect_account_list_set_search (self->accounts,
                                        gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->accounts)));
      /* after the selection's own handler: see accounts_changed_cb() */
      g_signal_connect_swapped (self->accounts, "items-changed", G_CALLBACK (accounts_changed_cb), self);
      g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (queue_show_selected), self);
    }
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  queue_show_selected (self);
}

static void
prospect_accounts_page_dispose (GObject *object)
{
  ProspectAccountsPage *self = PROSPECT_ACCOUNTS_PAGE (object);

  g_clear_handle_id (&self->show_id, g_source_remove);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->accounts);
  g_clear_pointer (&self->account_id, g_free);
  g_clear_pointer (&self->pending_select, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), PROSPECT_TYPE_ACCOUNTS_PAGE);

  G_OBJECT_CLASS (prospect_accounts_page_parent_class)->dispose (object);
}

static void
prospect_accounts_page_class_init (ProspectAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ProspectPageClass *page_class = PROSPECT_PAGE_CLASS (klass);

  object_class->dispose = prospect_accounts_page_dispose;
  page_class->refresh = prospect_accounts_page_refresh;
  prospect_page_class_watch_tables (page_class, "account", "contact", "deal", "activity", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/prospect-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProspectAccountsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ProspectAccountsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ProspectAccountsPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, ProspectAccountsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ProspectAccountsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ProspectAccountsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, ProspectAccountsPage, list_empty);
  gtk_widget_class_bind_template_child (widget_class, ProspectAccountsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, ProspectAccountsPage, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, ProspectAccountsPage, detail_box);
  gtk_widget_class_bind_template_child (widget_class, ProspectAccountsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, ProspectAccountsPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, ProspectAccountsPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, ProspectAccountsPage, facts_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);

  gtk_widget_class_install_action (widget_class, "accounts.new", NULL, new_account_action_cb);
  gtk_widget_class_install_action (widget_class, "accounts.edit", NULL, edit_account_action_cb);
  gtk_widget_class_install_action (widget_class, "accounts.delete", NULL, delete_account_action_cb);
  gtk_widget_class_install_action (widget_class, "accounts.add-contact", NULL, add_contact_action_cb);
  gtk_widget_class_install_action (widget_class, "accounts.edit-contact", "s", edit_contact_action_cb);
  gtk_widget_class_install_action (widget_class, "accounts.delete-contact", "s", delete_contact_action_cb);

}

/* A heading with an optional "+" button, then a boxed list. */
static GtkListBox *
append_section (ProspectAccountsPage *self,
                const char           *title,
                GtkLabel            **heading_out,
                const char           *add_action,
                const char           *add_label)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (header), heading);
  if (add_action != NULL)
    {
      GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

      gtk_widget_add_css_class (add, "flat");
      gtk_widget_set_tooltip_text (add, add_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (add), add_action);
      gtk_box_append (GTK_BOX (header), add);
    }

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_signal_connect_swapped (list, "row-activated", G_CALLBACK (deal_row_activated_cb), self);

  gtk_box_append (GTK_BOX (section), header);
  gtk_box_append (GTK_BOX (section), list);
  gtk_box_append (self->detail_box, section);

  *heading_out = GTK_LABEL (heading);
  return GTK_LIST_BOX (list);
}

static void
prospect_accounts_page_init (ProspectAccountsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkEventController *search_shortcut;

  prospect_page_setup (PROSPECT_PAGE (self),
                       _("Accounts"), "x-office-address-book-symbolic",
                       _("Your Accounts"), NULL);
  /* The template replaces the base class's placeholder */
  gtk_widget_init_template (GTK_WIDGET (self));

  self->contacts_list = append_section (self, _("Contacts"), &self->contacts_heading,
                                        "accounts.add-contact", _("Add Contact"));
  self->open_list = append_section (self, _("Open Deals"), &self->open_heading, NULL, NULL);
  self->closed_list = append_section (self, _("Closed Deals"), &self->closed_heading, NULL, NULL);
  self->history_list = append_section (self, _("History"), &self->history_heading, NULL, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("accounts.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), shortcuts);

  /* Ctrl+F while the page is on screen, wherever the focus is (the
   * sidebar, after picking the page); GTK only runs it while mapped */
  search_shortcut = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (search_shortcut), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (search_shortcut),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (focus_search_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), search_shortcut);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  set_account_actions_enabled (self, FALSE);
  folded_changed_cb (self);
  g_signal_connect (self, "notify::database", G_CALLBACK (notify_database_cb), NULL);
}

void
prospect_accounts_page_show_account (ProspectAccountsPage *self,
                                     const char           *account_id)
{
  g_return_if_fail (PROSPECT_IS_ACCOUNTS_PAGE (self));
  g_return_if_fail (account_id != NULL);

  if (self->accounts == NULL)
    return;

  if (prospect_account_list_find (self->accounts, account_id) == G_MAXUINT)
    {
      /* a search hides it: show every account again */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      prospect_account_list_set_search (self->accounts, NULL);
    }
  prospect_accounts_page_select (self, account_id);
  show_account (self, account_id);
  if (self->account_id != NULL)
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_stack));
}
