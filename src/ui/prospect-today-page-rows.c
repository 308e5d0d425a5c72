/* prospect-today-page-rows.c - the day plan's rows: an activity with its
 * check button, kind, time and menu, or a deal without a next step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-today-page"

#include "config.h"

#include <langinfo.h>

#include <glib/gi18n.h>

#include "prospect-account.h"
#include "prospect-clock.h"

#include "prospect-today-page-private.h"

typedef struct
{
  const char *kind;
  const char *icon_name;
  const char *label;
} KindInfo;

static const KindInfo kinds[] = {
  { "call", "call-start-symbolic", N_("Call") },
  { "meeting", "system-users-symbolic", N_("Meeting") },
  { "email", "mail-unread-symbolic", N_("Email") },
  { "visit", "mark-location-symbolic", N_("Visit") },
  { "demo", "video-display-symbolic", N_("Demo") },
  { "task", "object-select-symbolic", N_("Task") },
};

/* ------------------------------------------------------------ formatting */

static const KindInfo *
kind_info (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, kind) == 0)
      return &kinds[i];

  return &kinds[G_N_ELEMENTS (kinds) - 1];
}

/* The locale's clock: 12-hour when its time format uses AM/PM hours. */
static const char *
time_format (void)
{
  static const char *format;

  if (format == NULL)
    {
      const char *t_fmt = nl_langinfo (T_FMT);

      format = (strstr (t_fmt, "%r") || strstr (t_fmt, "%I") || strstr (t_fmt, "%l"))
               ? "%l:%M %p" : "%H:%M";
    }

  return format;
}

GDateTime *
prospect_today_date_from_iso (const char *date)
{
  g_autofree char *text = g_strconcat (date, "T12:00:00", NULL);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();

  return g_date_time_new_from_iso8601 (text, local);
}

static char *
format_time (gint64 ms)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (ms / 1000);
  g_autofree char *text = g_date_time_format (time, time_format ());

  return g_strdup (g_strstrip (text));
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/* "Today", "Yesterday" or "Fri 20 Nov" for an overdue activity's day. */
static char *
format_past_day (GDateTime  *day,
                 const char *today)
{
  g_autoptr(GDateTime) today_noon = prospect_today_date_from_iso (today);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (today_noon, -1);

  if (same_day (day, today_noon))
    return g_strdup (_("Today"));
  if (same_day (day, yesterday))
    return g_strdup (_("Yesterday"));

  /* Translators: an overdue activity's day, strftime format, e.g. "Fri 20 Nov" */
  return g_date_time_format (day, _("%a %-d %b"));
}

/* What the time column says: the time, "All day", or for an overdue
 * activity its day too. */
static char *
format_when (ProspectActivity *activity,
             gboolean          overdue,
             const char       *today)
{
  gint64 due_at = prospect_activity_get_due_at (activity);
  const char *due_date = prospect_activity_get_due_date (activity);
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *time_text = NULL;

  if (due_at == -1 && due_date == NULL)
    return g_strdup (_("No date"));
  if (!overdue)
    return due_at != -1 ? format_time (due_at) : g_strdup (_("All day"));

  day = due_at != -1 ? g_date_time_new_from_unix_local (due_at / 1000) : prospect_today_date_from_iso (due_date);
  day_text = format_past_day (day, today);
  if (due_at == -1)
    return g_steal_pointer (&day_text);

  time_text = format_time (due_at);
  /* Translators: an overdue activity's day and time, e.g. "Yesterday 09:00" */
  return g_strdup_printf (_("%s %s"), day_text, time_text);
}

char *
prospect_today_format_day_heading (const char *date,
                    const char *today)
{
  g_autoptr(GDateTime) day = prospect_today_date_from_iso (date);
  g_autoptr(GDateTime) today_noon = prospect_today_date_from_iso (today);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today_noon, 1);

  if (same_day (day, tomorrow))
    return g_strdup (_("Tomorrow"));

  /* Translators: a day of the coming week, strftime format, e.g.
   * "Wednesday 25 November" */
  return g_date_time_format (day, _("%A %-d %B"));
}

/* -------------------------------------------------------------- names */

static const char *
lookup_name (ProspectTodayPage *self,
             GType              type,
             const char        *id)
{
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  g_autoptr(GObject) record = NULL;
  char *name;

  if (id == NULL)
    return NULL;
  if (g_hash_table_lookup_extended (self->names, id, NULL, (gpointer *) &name))
    return name;

  record = prospect_record_load (database, type, id, NULL);
  if (record == NULL)
    name = NULL;
  else if (PROSPECT_IS_DEAL (record))
    name = g_strdup (prospect_deal_get_title (PROSPECT_DEAL (record)));
  else
    name = g_strdup (prospect_account_get_name (PROSPECT_ACCOUNT (record)));
  g_hash_table_insert (self->names, g_strdup (id), name);

  return name;
}

/* "Acme · Server upgrade": the account, then the deal. */
static char *
activity_context (ProspectTodayPage *self,
                  ProspectActivity  *activity)
{
  const char *account = lookup_name (self, PROSPECT_TYPE_ACCOUNT,
                                     prospect_activity_get_account_id (activity));
  const char *deal = lookup_name (self, PROSPECT_TYPE_DEAL,
                                  prospect_activity_get_deal_id (activity));

  if (account != NULL && deal != NULL)
    /* Translators: an activity's account and deal */
    return g_strdup_printf (_("%s · %s"), account, deal);

  return g_strdup (account != NULL ? account : deal);
}

/* --------------------------------------------------------------- rows */

const char *
prospect_today_row_get_id (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "item-id");
}

static void
calendar_move_clicked_cb (GtkButton   *button,
                          GtkCalendar *calendar)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
  const char *id = g_object_get_data (G_OBJECT (button), "item-id");

  gtk_widget_activate_action (GTK_WIDGET (button), "today.reschedule-to", "(ss)", id, date);
}

/* The "Pick a Date" submenu: a calendar and a button. */
static GtkWidget *
new_calendar_box (const char *id)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *move = gtk_button_new_with_mnemonic (_("_Move"));
  g_autoptr(GDateTime) now = prospect_clock_now_local ();

  gtk_calendar_select_day (GTK_CALENDAR (calendar), now);
  gtk_widget_add_css_class (move, "suggested-action");
  g_object_set_data_full (G_OBJECT (move), "item-id", g_strdup (id), g_free);
  g_signal_connect (move, "clicked", G_CALLBACK (calendar_move_clicked_cb), calendar);
  gtk_box_append (GTK_BOX (box), calendar);
  gtk_box_append (GTK_BOX (box), move);

  return box;
}

/* An overdue activity's reminder has already fired: these bring it back
 * later (the app actions of src/ui/prospect-reminders.c). For a future
 * activity a snooze would change nothing, so they are not offered. */
static GMenuModel *
new_remind_section (const char *id)
{
  GMenu *section = g_menu_new ();
  static const struct { const char *label; const char *action; } choices[] = {
    { N_("Remind Me in an _Hour"), "app.reminder-snooze-hour" },
    { N_("Remind Me To_morrow"), "app.reminder-snooze-tomorrow" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(choices[i].label), NULL);

      g_menu_item_set_action_and_target (item, choices[i].action, "s", id);
      g_menu_append_item (section, item);
    }

  return G_MENU_MODEL (section);
}

static GMenuModel *
new_activity_menu (const char *id,
                   gboolean    overdue)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  g_autoptr(GMenu) pick = g_menu_new ();
  g_autoptr(GMenu) others = g_menu_new ();
  g_autoptr(GMenuItem) calendar = g_menu_item_new (NULL, NULL);
  g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete"), NULL);
  static const struct { const char *label; const char *when; } choices[] = {
    { N_("Later _Today"), "later-today" },
    { N_("T_omorrow"), "tomorrow" },
    { N_("_Next Week"), "next-week" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(choices[i].label), NULL);

      g_menu_item_set_action_and_target (item, "today.reschedule", "(ss)", id, choices[i].when);
      g_menu_append_item (moves, item);
    }
  g_menu_item_set_attribute (calendar, "custom", "s", "calendar");
  g_menu_append_item (pick, calendar);
  g_menu_append_submenu (moves, _("_Pick a Date…"), G_MENU_MODEL (pick));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));

  if (overdue)
    {
      g_autoptr(GMenuModel) remind = new_remind_section (id);

      g_menu_append_section (menu, NULL, remind);
    }

  g_menu_item_set_action_and_target (delete, "today.delete", "s", id);
  g_menu_append_item (others, delete);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (others));

  return G_MENU_MODEL (menu);
}

/* Back on the row, where Space and Delete act, not on the menu button
 * (a row the menu's action removed is gone by then: no harm). */
static void
popover_closed_cb (GtkPopover    *popover,
                   GtkMenuButton *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  if (row != NULL && gtk_widget_get_root (row) != NULL)
    gtk_widget_grab_focus (row);
}

/* Built the first time the menu opens: a page of a thousand rows does
 * not pay for a thousand menus. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  const char *id = user_data;
  gboolean overdue = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "overdue"));
  g_autoptr(GMenuModel) menu = new_activity_menu (id, overdue);
  GtkPopover *popover;

  gtk_menu_button_set_menu_model (button, menu);
  popover = gtk_menu_button_get_popover (button);
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), new_calendar_box (id), "calendar");
  g_signal_connect (popover, "closed", G_CALLBACK (popover_closed_cb), button);
}

static GtkWidget *
new_menu_button (const char *id,
                 const char *subject,
                 gboolean    overdue)
{
  GtkWidget *button = gtk_menu_button_new ();
  g_autofree char *label = NULL;

  g_object_set_data (G_OBJECT (button), "overdue", GINT_TO_POINTER (overdue));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_menu_cb,
                                         g_strdup (id), g_free);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Reschedule or Delete"));
  /* Translators: the accessible name of an activity's menu button */
  label = g_strdup_printf (_("Reschedule “%s”"), subject);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return button;
}

static void
check_toggled_cb (GtkCheckButton *check,
                  const char     *id)
{
  if (gtk_check_button_get_active (check))
    gtk_widget_activate_action (GTK_WIDGET (check), "today.check-off", "s", id);
}

static GtkWidget *
new_check_button (const char *id,
                  const char *subject)
{
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *label = NULL;

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* Translators: the accessible name of an activity's check button */
  label = g_strdup_printf (_("Mark “%s” done"), subject);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (check, _("Mark Done"));
  g_signal_connect_data (check, "toggled", G_CALLBACK (check_toggled_cb),
                         g_strdup (id), (GClosureNotify) (void (*) (void)) g_free, 0);

  return check;
}

static GtkWidget *
new_when_label (ProspectActivity *activity,
                gboolean          overdue,
                const char        *today)
{
  g_autofree char *when = format_when (activity, overdue, today);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (when);

  gtk_widget_add_css_class (label, "numeric");
  if (overdue)
    {
      /* Colour is not the only signal: an icon says it too */
      GtkWidget *icon = gtk_image_new_from_icon_name ("task-past-due-symbolic");

      gtk_widget_add_css_class (icon, "error");
      gtk_widget_set_tooltip_text (icon, _("Overdue"));
      gtk_box_append (GTK_BOX (box), icon);
      gtk_widget_add_css_class (label, "error");
    }
  else
    gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static GtkWidget *
new_activity_row (ProspectTodayPage *self,
                  ProspectActivity  *activity,
                  gboolean           overdue,
                  const char        *today,
                  const char        *context,
                  const char        *description)
{
  const char *id = prospect_record_get_id (PROSPECT_RECORD (activity));
  const char *subject = prospect_activity_get_subject (activity);
  const KindInfo *kind = kind_info (prospect_activity_get_kind (activity));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (kind->icon_name);
  GtkWidget *menu_button = new_menu_button (id, subject, overdue);
  GtkWidget *check = new_check_button (id, subject);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), subject);
  if (context != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), context);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_set_tooltip_text (icon, _(kind->label));
  /* Prefixes are prepended: the check button comes first */
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_when_label (activity, overdue, today));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);

  g_object_set_data_full (G_OBJECT (row), "item-id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (row), "menu-button", menu_button);
  g_object_set_data (G_OBJECT (row), "check-button", check);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);

  return row;
}

static GtkWidget *
new_deal_row (ProspectTodayPage *self,
              ProspectDeal      *deal)
{
  const char *account = lookup_name (self, PROSPECT_TYPE_ACCOUNT, prospect_deal_get_account_id (deal));
  const char *close = prospect_deal_get_expected_close (deal);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), prospect_deal_get_title (deal));
  if (account != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), account);

  if (close != NULL)
    {
      g_autoptr(GDateTime) day = prospect_today_date_from_iso (close);
      /* Translators: a deal's expected close date, strftime format */
      g_autofree char *date = g_date_time_format (day, _("%-d %b %Y"));
      /* Translators: %s is a date, e.g. "Closes 30 Nov 2026" */
      g_autofree char *text = g_strdup_printf (_("Closes %s"), date);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  g_object_set_data_full (G_OBJECT (row), "item-id",
                          g_strdup (prospect_record_get_id (PROSPECT_RECORD (deal))), g_free);

  return row;
}

GtkWidget *
prospect_today_new_note (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);

  return label;
}

/* The last row of a section cut at the limit: "And 1,234 more". */
GtkWidget *
prospect_today_new_more_row (gint64 n_more)
{
  g_autofree char *text = g_strdup_printf (ngettext ("And %'d more", "And %'d more", n_more),
                                           (int) n_more);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), prospect_today_new_note (text));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  return row;
}

const char *
prospect_today_item_get_id (gpointer item)
{
  return prospect_record_get_id (PROSPECT_RECORD (item));
}

static char *
activity_description (ProspectTodayPage *self,
                      ProspectActivity  *activity,
                      gboolean           overdue,
                      const char        *today)
{
  const KindInfo *kind = kind_info (prospect_activity_get_kind (activity));
  g_autofree char *context = activity_context (self, activity);
  g_autofree char *when = format_when (activity, overdue, today);

  /* Translators: how a screen reader describes an activity row: kind,
   * time, account and deal, e.g. "Call, Yesterday 09:00, overdue, Acme · Renewal" */
  return g_strdup_printf ("%s, %s%s%s%s", _(kind->label), when,
                          overdue ? _(", overdue") : "",
                          context != NULL ? ", " : "", context != NULL ? context : "");
}

/* Everything a row shows, to tell whether a row of an earlier refresh
 * still looks right. */
char *
prospect_today_page_item_signature (ProspectTodayPage *self,
                gpointer           item,
                gboolean           overdue,
                const char        *today)
{
  g_autofree char *description = NULL;

  if (PROSPECT_IS_DEAL (item))
    {
      const char *account = lookup_name (self, PROSPECT_TYPE_ACCOUNT, prospect_deal_get_account_id (item));
      const char *close = prospect_deal_get_expected_close (item);

      return g_strjoin ("\n", prospect_deal_get_title (item), account ? account : "",
                        close ? close : "", NULL);
    }

  description = activity_description (self, item, overdue, today);

  return g_strjoin ("\n", prospect_activity_get_subject (item), description, NULL);
}

GtkWidget *
prospect_today_page_new_row (ProspectTodayPage *self,
         gpointer           item,
         gboolean           overdue,
         const char        *today,
         const char        *signature)
{
  GtkWidget *row;

  if (PROSPECT_IS_DEAL (item))
    row = new_deal_row (self, item);
  else
    {
      g_autofree char *context = activity_context (self, item);
      g_autofree char *description = activity_description (self, item, overdue, today);

      row = new_activity_row (self, item, overdue, today, context, description);
    }
  g_object_set_data_full (G_OBJECT (row), "signature", g_strdup (signature), g_free);

  return row;
}
