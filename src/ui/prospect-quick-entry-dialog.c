/* prospect-quick-entry-dialog.c - Ctrl+N: add an activity or a deal in one line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prospect-quick-entry-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>

#include "prospect-account.h"
#include "prospect-clock.h"
#include "prospect-error.h"
#include "prospect-quick-entry.h"
#include "prospect-validate.h"

#include "prospect-quick-entry-dialog.h"

/* Typing pauses shorter than this do not reparse: the preview follows
 * the typing without redrawing on every key. */
#define PARSE_DELAY_MS 100

struct _ProspectQuickEntryDialog
{
  AdwWindow                  parent_instance;

  ProspectDatabase          *database;
  ProspectQuickEntryContext *context;
  ProspectQuickEntry        *parsed;  /* of the line; NULL until typed */
  char                      *me_id;
  guint                      parse_source;
  gboolean                   filling_form;

  GtkButton                 *save_button;
  GtkStack                  *stack;
  GtkEntry                  *entry;
  AdwPreferencesGroup       *preview_group;
  AdwActionRow              *summary_row;
  GtkImage                  *summary_icon;
  AdwActionRow              *problem_row;
  GtkButton                 *create_account_button;
  AdwComboRow               *kind_row;
  AdwEntryRow               *subject_row;
  AdwEntryRow               *account_row;
  AdwEntryRow               *date_row;
  AdwEntryRow               *time_row;
  AdwEntryRow               *duration_row;
  AdwEntryRow               *amount_row;
  AdwEntryRow               *close_row;
  GtkLabel                  *error_label;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ProspectQuickEntryDialog, prospect_quick_entry_dialog, ADW_TYPE_WINDOW)

static const char *kind_icons[] = {
  "call-start-symbolic",          /* call */
  "system-users-symbolic",        /* meeting */
  "mail-unread-symbolic",         /* email */
  "mark-location-symbolic",       /* visit */
  "video-display-symbolic",       /* demo */
  "object-select-symbolic",       /* task */
  "emblem-documents-symbolic",    /* deal */
};

/* Formatting for the preview */

static char *
format_day (const char *iso)
{
  g_autoptr(GDateTime) now = prospect_clock_now_local ();
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) today = NULL;
  int year, month, mday, ahead;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &year, &month, &mday) != 3)
    return NULL;
  day = g_date_time_new_local (year, month, mday, 0, 0, 0);
  today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                 g_date_time_get_day_of_month (now), 0, 0, 0);
  if (day == NULL || today == NULL)
    return NULL;

  ahead = (int) (g_date_time_difference (day, today) / G_TIME_SPAN_DAY);
  if (ahead == 0)
    return g_strdup (_("Today"));
  if (ahead == 1)
    return g_strdup (_("Tomorrow"));
  if (ahead > 1 && ahead < 7)
    return g_date_time_format (day, "%A");
  return g_date_time_format (day, "%x");
}

static char *
format_amount (gint64      amount,
               const char *currency)
{
  const char *point = nl_langinfo (RADIXCHAR);

  /* whole units with the locale's grouping, then the cents */
  return g_strdup_printf ("%'" G_GINT64_FORMAT "%s%02d %s",
                          amount / 100, point, (int) (amount % 100), currency);
}

static char *
format_summary (const ProspectQuickEntry *entry)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *day = NULL;
  const char *account = entry->account_name != NULL ? entry->account_name : entry->account_text;

  g_ptr_array_add (parts, g_strdup (prospect_quick_entry_kind_label (entry->kind)));
  if (account != NULL)
    g_ptr_array_add (parts, g_strdup (account));

  if (prospect_quick_entry_is_activity (entry))
    {
      day = format_day (entry->due_date);
      if (day != NULL && entry->due_hour >= 0)
        g_ptr_array_add (parts, g_strdup_printf ("%s %02d:%02d", day, entry->due_hour, entry->due_minute));
      else if (day != NULL)
        g_ptr_array_add (parts, g_steal_pointer (&day));
      if (entry->duration_minutes > 0)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes",
                                                              entry->duration_minutes),
                                                 entry->duration_minutes));
    }
  else
    {
      if (entry->amount >= 0)
        g_ptr_array_add (parts, format_amount (entry->amount, entry->currency));
      day = format_day (entry->expected_close);
      if (day != NULL)
        g_ptr_array_add (parts, g_strdup_printf (_("closes %s"), day));
    }

  if (entry->subject != NULL && *entry->subject != '\0')
    g_ptr_array_add (parts, g_strdup (entry->subject));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* The line */

static void
prospect_quick_entry_dialog_show_problem (ProspectQuickEntryDialog *self,
                                          const char               *message,
                                          gboolean                  offer_create)
{
  gtk_widget_set_visible (GTK_WIDGET (self->problem_row), message != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->create_account_button), offer_create);
  if (message == NULL)
    return;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->problem_row), message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problem_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, message,
                                  -1);
}

static void
prospect_quick_entry_dialog_update_preview (ProspectQuickEntryDialog *self)
{
  g_autoptr(ProspectRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *offer = NULL;
  gboolean empty = self->parsed == NULL || (self->parsed->spans->len == 0 && *self->parsed->subject == '\0');

  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), !empty);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  if (empty)
    return;

  summary = format_summary (self->parsed);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->summary_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary,
                                  -1);
  gtk_image_set_from_icon_name (self->summary_icon, kind_icons[self->parsed->kind]);

  record = prospect_quick_entry_build (self->parsed, self->database, self->me_id, &error);
  if (record != NULL)
    {
      prospect_quick_entry_dialog_show_problem (self, NULL, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
      return;
    }

  if (self->parsed->account_match == PROSPECT_QUICK_ENTRY_ACCOUNT_UNKNOWN && self->parsed->problem == NULL)
    {
      offer = g_strdup_printf (_("Create account “%s”?"), self->parsed->account_text);
      prospect_quick_entry_dialog_show_problem (self, offer, TRUE);
    }
  else
    prospect_quick_entry_dialog_show_problem (self, error->message, FALSE);
}

/* Underlines what the parser recognised in the line (a wavy line under
 * what it could not read), so the rest is visibly the subject. */
static void
prospect_quick_entry_dialog_highlight (ProspectQuickEntryDialog *self)
{
  PangoAttrList *attributes = pango_attr_list_new ();

  for (guint i = 0; i < self->parsed->spans->len; i++)
    {
      const ProspectQuickEntrySpan *span = &g_array_index (self->parsed->spans, ProspectQuickEntrySpan, i);
      PangoAttribute *underline =
        pango_attr_underline_new (span->role == PROSPECT_QUICK_ENTRY_ROLE_INVALID ? PANGO_UNDERLINE_ERROR
                                                                                 : PANGO_UNDERLINE_SINGLE);

      underline->start_index = span->start;
      underline->end_index = span->end;
      pango_attr_list_insert (attributes, underline);
    }
  gtk_entry_set_attributes (self->entry, attributes);
  pango_attr_list_unref (attributes);
}

static void
prospect_quick_entry_dialog_parse (ProspectQuickEntryDialog *self)
{
  g_autoptr(GDateTime) now = prospect_clock_now_local ();

  g_clear_handle_id (&self->parse_source, g_source_remove);
  g_clear_pointer (&self->parsed, prospect_quick_entry_free);
  self->parsed = prospect_quick_entry_parse (gtk_editable_get_text (GTK_EDITABLE (self->entry)),
                                             now, self->context);
  prospect_quick_entry_dialog_highlight (self);
  prospect_quick_entry_dialog_update_preview (self);
}

static gboolean
parse_timeout_cb (gpointer user_data)
{
  ProspectQuickEntryDialog *self = user_data;

  self->parse_source = 0;
  prospect_quick_entry_dialog_parse (self);

  return G_SOURCE_REMOVE;
}

static void
entry_changed_cb (ProspectQuickEntryDialog *self)
{
  g_clear_handle_id (&self->parse_source, g_source_remove);
  self->parse_source = g_timeout_add (PARSE_DELAY_MS, parse_timeout_cb, self);
}

static gboolean
prospect_quick_entry_dialog_reload_context (ProspectQuickEntryDialog  *self,
                                            GError                   **error)
{
  ProspectQuickEntryContext *context = prospect_quick_entry_context_new_for_database (self->database, error);

  if (context == NULL)
    return FALSE;
  g_clear_pointer (&self->context, prospect_quick_entry_context_free);
  self->context = context;
  return TRUE;
}

static void
create_account_clicked_cb (ProspectQuickEntryDialog *self)
{
  g_autoptr(ProspectAccount) account = prospect_account_new ();
  g_autoptr(GError) error = NULL;

  g_return_if_fail (self->parsed != NULL && self->parsed->account_text != NULL);

  prospect_account_set_name (account, self->parsed->account_text);
  prospect_account_set_owner_id (account, self->me_id);
  if (!prospect_record_insert (PROSPECT_RECORD (account), self->database, &error) ||
      !prospect_quick_entry_dialog_reload_context (self, &error))
    {
      prospect_quick_entry_dialog_show_problem (self, error->message, FALSE);
      return;
    }

  prospect_quick_entry_dialog_parse (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static char *
saved_message (const ProspectQuickEntry *entry)
{
  const char *account = entry->account_name;

  if (!prospect_quick_entry_is_activity (entry))
    return g_strdup (_("Deal added"));
  if (account == NULL)
    /* Translators: e.g. "Call added" */
    return g_strdup_printf (_("%s added"), prospect_quick_entry_kind_label (entry->kind));
  /* Translators: e.g. "Call with Acme Corp added" */
  return g_strdup_printf (_("%s with %s added"), prospect_quick_entry_kind_label (entry->kind), account);
}

/* Stores entry and closes; on failure the caller shows the error. */
static gboolean
prospect_quick_entry_dialog_commit (ProspectQuickEntryDialog  *self,
                                    const ProspectQuickEntry  *entry,
                                    GError                   **error)
{
  g_autoptr(ProspectRecord) record = prospect_quick_entry_commit (entry, self->database, self->me_id, error);
  g_autofree char *message = NULL;

  if (record == NULL)
    return FALSE;

  message = saved_message (entry);
  g_signal_emit (self, signals[SAVED], 0, record, message);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
entry_activate_cb (ProspectQuickEntryDialog *self)
{
  g_autoptr(GError) error = NULL;

  /* Enter right after typing must not save a stale parse. */
  prospect_quick_entry_dialog_parse (self);
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    {
      gtk_widget_error_bell (GTK_WIDGET (self->entry));
      return;
    }
  if (!prospect_quick_entry_dialog_commit (self, self->parsed, &error))
    prospect_quick_entry_dialog_show_problem (self, error->message, FALSE);
}

/* The form */

static AdwEntryRow *
row_for_field (ProspectQuickEntryDialog *self,
               const char               *field)
{
  static const struct { const char *field; gsize offset; } rows[] = {
    { "subject", G_STRUCT_OFFSET (ProspectQuickEntryDialog, subject_row) },
    { "title", G_STRUCT_OFFSET (ProspectQuickEntryDialog, subject_row) },
    { "account_id", G_STRUCT_OFFSET (ProspectQuickEntryDialog, account_row) },
    { "due_date", G_STRUCT_OFFSET (ProspectQuickEntryDialog, date_row) },
    { "due_at", G_STRUCT_OFFSET (ProspectQuickEntryDialog, time_row) },
    { "duration_minutes", G_STRUCT_OFFSET (ProspectQuickEntryDialog, duration_row) },
    { "amount", G_STRUCT_OFFSET (ProspectQuickEntryDialog, amount_row) },
    { "currency", G_STRUCT_OFFSET (ProspectQuickEntryDialog, amount_row) },
    { "expected_close", G_STRUCT_OFFSET (ProspectQuickEntryDialog, close_row) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_strcmp0 (field, rows[i].field) == 0)
      return G_STRUCT_MEMBER (AdwEntryRow *, self, rows[i].offset);
  return NULL;
}

static void
prospect_quick_entry_dialog_clear_errors (ProspectQuickEntryDialog *self)
{
  AdwEntryRow *rows[] = {
    self->subject_row, self->account_row, self->date_row, self->time_row,
    self->duration_row, self->amount_row, self->close_row,
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (rows[i]), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (rows[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
prospect_quick_entry_dialog_show_form_error (ProspectQuickEntryDialog *self,
                                             const GError             *error)
{
  AdwEntryRow *row = row_for_field (self, prospect_error_get_field (error));

  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row == NULL)
    return;
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message,
                                  -1);
}

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static char *
stripped_or_null (AdwEntryRow *row)
{
  const char *text = row_text (row);

  return is_blank (text) ? NULL : g_strstrip (g_strdup (text));
}

static void
read_account (ProspectQuickEntryDialog *self,
              ProspectQuickEntry       *entry)
{
  g_autofree char *text = stripped_or_null (self->account_row);

  g_clear_pointer (&entry->account_id, g_free);
  g_clear_pointer (&entry->account_name, g_free);
  g_clear_pointer (&entry->account_text, g_free);
  g_clear_pointer (&entry->candidates, g_ptr_array_unref);

  entry->account_match = prospect_quick_entry_context_match_account (self->context, text,
                                                                     &entry->account_id,
                                                                     &entry->account_name);
  if (entry->account_match == PROSPECT_QUICK_ENTRY_ACCOUNT_AMBIGUOUS)
    entry->candidates = g_ptr_array_new_with_free_func (g_free);
  entry->account_text = g_steal_pointer (&text);
}

static gboolean
read_date (AdwEntryRow  *row,
           const char   *field,
           char        **out,
           GError      **error)
{
  g_autofree char *text = stripped_or_null (row);

  g_clear_pointer (out, g_free);
  if (text != NULL && !prospect_date_is_valid (text))
    {
      prospect_set_invalid_error (error, field, _("“%s” is not a date: write it like 2026-12-15"), text);
      return FALSE;
    }
  *out = g_steal_pointer (&text);
  return TRUE;
}

static gboolean
read_activity_fields (ProspectQuickEntryDialog  *self,
                      ProspectQuickEntry        *entry,
                      GError                   **error)
{
  g_autofree char *time = stripped_or_null (self->time_row);
  g_autofree char *duration = stripped_or_null (self->duration_row);

  if (!read_date (self->date_row, "due_date", &entry->due_date, error))
    return FALSE;

  entry->due_hour = entry->due_minute = -1;
  if (time != NULL && entry->due_date == NULL)
    {
      prospect_set_invalid_error (error, "due_date", _("A time needs a date"));
      return FALSE;
    }
  if (time != NULL && !prospect_quick_entry_parse_time (time, &entry->due_hour, &entry->due_minute, error))
    return FALSE;

  entry->duration_minutes = -1;
  return duration == NULL || prospect_quick_entry_parse_duration (duration, &entry->duration_minutes, error);
}

static gboolean
read_deal_fields (ProspectQuickEntryDialog  *self,
                  ProspectQuickEntry        *entry,
                  GError                   **error)
{
  g_autofree char *amount = stripped_or_null (self->amount_row);

  entry->amount = -1;
  if (amount != NULL && !prospect_quick_entry_parse_amount (amount, entry->currency, &entry->amount, error))
    return FALSE;
  return read_date (self->close_row, "expected_close", &entry->expected_close, error);
}

/* The line's result with the form's corrections, or NULL and the error
 * of the first field that is wrong. */
static ProspectQuickEntry *
prospect_quick_entry_dialog_read_form (ProspectQuickEntryDialog  *self,
                                       GError                   **error)
{
  g_autoptr(ProspectQuickEntry) entry = prospect_quick_entry_copy (self->parsed);

  entry->kind = adw_combo_row_get_selected (self->kind_row);
  g_clear_pointer (&entry->problem, g_free);
  entry->problem_field = NULL;
  g_free (entry->subject);
  entry->subject = g_strstrip (g_strdup (row_text (self->subject_row)));
  read_account (self, entry);

  if (prospect_quick_entry_is_activity (entry) ? !read_activity_fields (self, entry, error)
                                               : !read_deal_fields (self, entry, error))
    return NULL;
  return g_steal_pointer (&entry);
}

static void
prospect_quick_entry_dialog_update_form_kind (ProspectQuickEntryDialog *self)
{
  gboolean is_deal = adw_combo_row_get_selected (self->kind_row) == PROSPECT_QUICK_ENTRY_DEAL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->subject_row),
                                 is_deal ? _("Title") : _("Subject"));
  gtk_widget_set_visible (GTK_WIDGET (self->date_row), !is_deal);
  gtk_widget_set_visible (GTK_WIDGET (self->time_row), !is_deal);
  gtk_widget_set_visible (GTK_WIDGET (self->duration_row), !is_deal);
  gtk_widget_set_visible (GTK_WIDGET (self->amount_row), is_deal);
  gtk_widget_set_visible (GTK_WIDGET (self->close_row), is_deal);
}

static gboolean
prospect_quick_entry_dialog_validate_form (ProspectQuickEntryDialog *self)
{
  g_autoptr(ProspectQuickEntry) entry = NULL;
  g_autoptr(ProspectRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  prospect_quick_entry_dialog_clear_errors (self);
  entry = prospect_quick_entry_dialog_read_form (self, &error);
  if (entry != NULL)
    record = prospect_quick_entry_build (entry, self->database, self->me_id, &error);
  if (record == NULL)
    prospect_quick_entry_dialog_show_form_error (self, error);

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), record != NULL);
  return record != NULL;
}

static void
form_changed_cb (ProspectQuickEntryDialog *self)
{
  /* the rows change while being filled, and the kind row once at start */
  if (self->filling_form || self->parsed == NULL)
    return;
  prospect_quick_entry_dialog_update_form_kind (self);
  prospect_quick_entry_dialog_validate_form (self);
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* A value the line could not read ("12kk") goes into its row as typed,
 * so the form shows what is wrong with it instead of dropping it. */
static void
prospect_quick_entry_dialog_fill_problem (ProspectQuickEntryDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  AdwEntryRow *row = row_for_field (self, self->parsed->problem_field);

  if (row == NULL)
    return;
  for (guint i = 0; i < self->parsed->spans->len; i++)
    {
      const ProspectQuickEntrySpan *span = &g_array_index (self->parsed->spans, ProspectQuickEntrySpan, i);
      g_autofree char *typed = NULL;

      if (span->role != PROSPECT_QUICK_ENTRY_ROLE_INVALID)
        continue;
      typed = g_strndup (text + span->start, span->end - span->start);
      set_row_text (row, typed);
      return;
    }
}

static void
prospect_quick_entry_dialog_fill_form (ProspectQuickEntryDialog *self)
{
  const ProspectQuickEntry *entry = self->parsed;
  g_autofree char *time = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *amount = NULL;

  if (entry->due_hour >= 0)
    time = g_strdup_printf ("%02d:%02d", entry->due_hour, entry->due_minute);
  if (entry->duration_minutes >= 0)
    duration = g_strdup_printf ("%d", entry->duration_minutes);
  if (entry->amount >= 0)
    amount = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", entry->amount / 100, (int) (entry->amount % 100));

  self->filling_form = TRUE;
  adw_combo_row_set_selected (self->kind_row, entry->kind);
  set_row_text (self->subject_row, entry->subject);
  set_row_text (self->account_row, entry->account_name != NULL ? entry->account_name : entry->account_text);
  set_row_text (self->date_row, entry->due_date);
  set_row_text (self->time_row, time);
  set_row_text (self->duration_row, duration);
  set_row_text (self->amount_row, amount);
  set_row_text (self->close_row, entry->expected_close);
  prospect_quick_entry_dialog_fill_problem (self);
  self->filling_form = FALSE;

  prospect_quick_entry_dialog_update_form_kind (self);
  prospect_quick_entry_dialog_validate_form (self);
}

static void
prospect_quick_entry_dialog_show_form (ProspectQuickEntryDialog *self)
{
  prospect_quick_entry_dialog_parse (self);
  prospect_quick_entry_dialog_fill_form (self);
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_grab_focus (GTK_WIDGET (self->subject_row));
}

static gboolean
entry_key_pressed_cb (GtkEventControllerKey    *controller,
                      guint                     keyval,
                      guint                     keycode,
                      GdkModifierType           state,
                      ProspectQuickEntryDialog *self)
{
  if (keyval != GDK_KEY_Tab || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  prospect_quick_entry_dialog_show_form (self);
  return GDK_EVENT_STOP;
}

static void
prospect_quick_entry_dialog_save_form (ProspectQuickEntryDialog *self)
{
  g_autoptr(ProspectQuickEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  if (!prospect_quick_entry_dialog_validate_form (self))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  entry = prospect_quick_entry_dialog_read_form (self, &error);
  if (entry == NULL || !prospect_quick_entry_dialog_commit (self, entry, &error))
    prospect_quick_entry_dialog_show_form_error (self, error);
}

static void
form_activated_cb (ProspectQuickEntryDialog *self)
{
  prospect_quick_entry_dialog_save_form (self);
}

static void
save_clicked_cb (ProspectQuickEntryDialog *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") == 0)
    prospect_quick_entry_dialog_save_form (self);
  else
    entry_activate_cb (self);
}

/* GObject */

static void
prospect_quick_entry_dialog_dispose (GObject *object)
{
  ProspectQuickEntryDialog *self = PROSPECT_QUICK_ENTRY_DIALOG (object);

  g_clear_handle_id (&self->parse_source, g_source_remove);
  g_clear_pointer (&self->parsed, prospect_quick_entry_free);
  g_clear_pointer (&self->context, prospect_quick_entry_context_free);
  g_clear_object (&self->database);
  g_clear_pointer (&self->me_id, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), PROSPECT_TYPE_QUICK_ENTRY_DIALOG);

  G_OBJECT_CLASS (prospect_quick_entry_dialog_parent_class)->dispose (object);
}

static void
prospect_quick_entry_dialog_class_init (ProspectQuickEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prospect_quick_entry_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 2, PROSPECT_TYPE_RECORD, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/prospect-quick-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ProspectQuickEntryDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ProspectQuickEntryDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ProspectQuickEntryDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, ProspectQuickEntryDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, ProspectQuickEntryDialog, summary_row);
  gtk_widget_class_bind_template_child (widget_class, ProspectQuickEntryDialog, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, ProspectQuickEntryDialog, problem_row);
  gtk_widget_class_bind_template_child (widget_class, ProspectQuickEntryDialog, create_account_button);
  gtk_widget_class_bind_template_child (widget_class, ProspectQuickEntryDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ProspectQuickEntryDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, ProspectQuickEntryDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, ProspectQuickEntryDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, ProspectQuickEntryDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, ProspectQuickEntryDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, ProspectQuickEntryDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, ProspectQuickEntryDialog, close_row);
  gtk_widget_class_bind_template_child (widget_class, ProspectQuickEntryDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_account_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  /* Escape cancels: nothing was written yet */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
prospect_quick_entry_dialog_init (ProspectQuickEntryDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (ProspectQuickEntryKind kind = PROSPECT_QUICK_ENTRY_CALL; kind <= PROSPECT_QUICK_ENTRY_DEAL; kind++)
    gtk_string_list_append (kinds, prospect_quick_entry_kind_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  /* Tab leaves the line for the form instead of moving the focus on:
   * catch it before GtkText does. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);

  /* the window opens to be typed into */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->entry));
}

ProspectQuickEntryDialog *
prospect_quick_entry_dialog_new (GtkWindow        *parent,
                                 ProspectDatabase *database)
{
  ProspectQuickEntryDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PROSPECT_IS_DATABASE (database), NULL);

  self = g_object_new (PROSPECT_TYPE_QUICK_ENTRY_DIALOG,
                       "transient-for", parent,
                       "application", gtk_window_get_application (parent),
                       NULL);
  self->database = g_object_ref (database);
  self->me_id = prospect_database_get_me (database);
  if (!prospect_quick_entry_dialog_reload_context (self, &error))
    {
      /* without the account names every account reads as unknown */
      g_warning ("Could not read the accounts: %s", error->message);
      self->context = prospect_quick_entry_context_new (NULL);
    }

  return self;
}
