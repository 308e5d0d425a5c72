/* prospect-deal-window.c - one deal: its fields edited in place, the hint
 * from won deals and its history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-deal-window"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-chart-format.h"
#include "prospect-close-deal-dialog.h"
#include "prospect-deal-insights.h"
#include "prospect-deal-timeline.h"

#include "prospect-deal-window-private.h"

/* History rows shown: the newest; older ones are rarely what a rep needs
 * on the deal page, and the page must open fast on a deal with years of
 * history. */
#define TIMELINE_LIMIT 100

G_DEFINE_FINAL_TYPE (ProspectDealWindow, prospect_deal_window, ADW_TYPE_WINDOW)

/* The deal's text columns edited with an entry row; an empty entry is
 * NULL (the title's emptiness is refused by the core). */
typedef struct
{
  const char *column;
  const char *property;
  const char *title;
} TextField;

static const TextField title_field = { "title", "title", N_("Title") };
static const TextField currency_field = { "currency", "currency", N_("Currency") };
static const TextField close_field = { "expected_close", "expected-close", N_("Expected Close (YYYY-MM-DD)") };
static const TextField detail_fields[] = {
  { "next_step", "next-step", N_("Next Step") },
  { "challenges", "challenges", N_("Challenges") },
  { "region", "region", N_("Region") },
  { "channel", "channel", N_("Channel") },
};
static const TextField source_field = { "source", "source", N_("Source") };

static const char *priority_names[] = { NC_("priority", "Low"), NC_("priority", "Normal"), NC_("priority", "High") };

/* -------------------------------------------------------------- helpers */

void
prospect_deal_window_show_toast (ProspectDealWindow *self,
                                 const char         *message,
                                 gboolean            error)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (markup);

  if (error)
    adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
prospect_deal_window_refuse (ProspectDealWindow *self,
                             GtkWidget          *row,
                             const char         *message)
{
  gtk_widget_add_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
  prospect_deal_window_show_toast (self, message, TRUE);
}

void
prospect_deal_window_clear_refusal (GtkWidget *row)
{
  if (!gtk_widget_has_css_class (row, "error"))
    return;

  gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, NULL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* The row of the field the core named, else the edited one. */
static void
refuse_error (ProspectDealWindow *self,
              GtkWidget          *edited,
              const GError       *error)
{
  const char *field = g_error_matches (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID)
                        ? prospect_error_get_field (error) : NULL;
  GtkWidget *row = field != NULL ? g_hash_table_lookup (self->field_rows, field) : NULL;

  prospect_deal_window_refuse (self, row != NULL ? row : edited, error->message);
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") == 0)
    return;

  /* A changed text shows the apply button, as if the user had typed it:
   * the stored value needs no applying. */
  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_show_apply_button (row, TRUE);
}

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static char *
dup_string (gpointer    record,
            const char *property)
{
  char *text = NULL;

  g_object_get (record, property, &text, NULL);

  return text;
}

static GPtrArray *
fetch (ProspectQuery    *query,
       ProspectDatabase *database,
       gint64            limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = prospect_query_fetch (query, database, 0, limit, &error);

  if (rows == NULL)
    {
      g_warning ("Could not load the choices: %s", error->message);
      rows = g_ptr_array_new_with_free_func (g_object_unref);
    }

  return rows;
}

/* ---------------------------------------------------------------- saving */

/* Edits go to a copy of the stored row: a refused value must not stay in
 * the object and ride along with the next accepted edit. */
static ProspectDeal *
load_copy (ProspectDealWindow *self)
{
  g_autoptr(GError) error = NULL;
  ProspectDeal *copy = prospect_deal_load (self->database, self->deal_id, &error);

  if (copy == NULL)
    prospect_deal_window_show_toast (self, error->message, TRUE);

  return copy;
}

static void sync_fields (ProspectDealWindow *self);

static gboolean
save_copy (ProspectDealWindow *self,
           ProspectDeal       *copy,
           GtkWidget          *row)
{
  g_autoptr(GError) error = NULL;

  if (!prospect_record_update (PROSPECT_RECORD (copy), self->database, &error))
    {
      refuse_error (self, row, error);
      return FALSE;
    }

  g_set_object (&self->deal, copy);
  prospect_deal_window_clear_refusal (row);
  sync_fields (self);

  return TRUE;
}

static void
text_apply_cb (AdwEntryRow        *row,
               ProspectDealWindow *self)
{
  const TextField *field = g_object_get_data (G_OBJECT (row), "field");
  g_autoptr(ProspectDeal) copy = load_copy (self);
  g_autofree char *text = stripped_text (row);

  if (copy == NULL)
    return;

  if (g_str_equal (field->column, "currency"))
    {
      char *upper = g_ascii_strup (text, -1);

      g_free (text);
      text = upper;
    }
  /* Empty is "no value", except for the title, which the core refuses. */
  g_object_set (copy, field->property,
                text[0] != '\0' || g_str_equal (field->column, "title") ? text : NULL,
                NULL);
  save_copy (self, copy, GTK_WIDGET (row));
}

static void
entry_changed_cb (GtkWidget *row)
{
  prospect_deal_window_clear_refusal (row);
}

static AdwEntryRow *
add_entry_row (ProspectDealWindow *self,
               const char         *column,
               const char         *title,
               GCallback           apply)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (row, TRUE);
  g_signal_connect (row, "apply", apply, self);
  g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), NULL);
  adw_preferences_group_add (self->fields_group, GTK_WIDGET (row));
  g_hash_table_insert (self->field_rows, (gpointer) column, row);

  return row;
}

static void
add_text_row (ProspectDealWindow *self,
              const TextField    *field)
{
  AdwEntryRow *row = add_entry_row (self, field->column, _(field->title), G_CALLBACK (text_apply_cb));

  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
}

/* --------------------------------------------------------------- account */

/* The one account text names (see the quick entry's matcher), else NULL
 * with the reason in message. */
static char *
match_account (ProspectDealWindow  *self,
               const char          *text,
               char               **message)
{
  g_autoptr(ProspectQuery) query = prospect_query_new (PROSPECT_TYPE_ACCOUNT);
  g_autoptr(GPtrArray) accounts = NULL;
  ProspectQuickEntryContext *context = prospect_quick_entry_context_new (NULL);
  ProspectQuickEntryAccountMatch match;
  char *id = NULL;
  g_autofree char *name = NULL;

  prospect_query_set_search (query, text);
  prospect_query_order_by (query, "name", FALSE);
  accounts = fetch (query, self->database, 50);
  for (guint i = 0; i < accounts->len; i++)
    prospect_quick_entry_context_add_account (context,
                                              prospect_record_get_id (accounts->pdata[i]),
                                              prospect_account_get_name (accounts->pdata[i]));

  match = prospect_quick_entry_context_match_account (context, text, &id, &name);
  prospect_quick_entry_context_free (context);

  if (match == PROSPECT_QUICK_ENTRY_ACCOUNT_MATCHED)
    return id;

  g_free (id);
  if (match == PROSPECT_QUICK_ENTRY_ACCOUNT_AMBIGUOUS)
    *message = g_strdup_printf (_("“%s” fits several accounts: type more of the name"), text);
  else
    *message = g_strdup_printf (_("No account is called “%s”"), text);

  return NULL;
}

static void
account_apply_cb (AdwEntryRow        *row,
                  ProspectDealWindow *self)
{
  g_autoptr(ProspectDeal) copy = load_copy (self);
  g_autofree char *text = stripped_text (row);
  g_autofree char *account_id = NULL;
  g_autofree char *message = NULL;

  if (copy == NULL)
    return;

  if (text[0] != '\0' && (account_id = match_account (self, text, &message)) == NULL)
    {
      prospect_deal_window_refuse (self, GTK_WIDGET (row), message);
      return;
    }

  /* The contact belongs to the old account */
  if (g_strcmp0 (account_id, prospect_deal_get_account_id (copy)) != 0)
    prospect_deal_set_contact_id (copy, NULL);
  prospect_deal_set_account_id (copy, account_id);
  save_copy (self, copy, GTK_WIDGET (row));
}

static void
open_account_cb (GtkButton          *button,
                 ProspectDealWindow *self)
{
  const char *account_id = prospect_deal_get_account_id (self->deal);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (account_id == NULL || parent == NULL)
    return;

  /* win.open-account lives on the main window */
  if (!gtk_widget_activate_action (GTK_WIDGET (parent), "win.open-account", "s", account_id))
    prospect_deal_window_show_toast (self, _("Accounts cannot be opened from here yet"), FALSE);
  else
    gtk_window_present (parent);
}

static void
add_account_row (ProspectDealWindow *self)
{
  AdwEntryRow *row = add_entry_row (self, "account_id", _("Account"), G_CALLBACK (account_apply_cb));
  GtkWidget *button = gtk_button_new_from_icon_name ("go-next-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Open the Account"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Open the Account"), -1);
  g_signal_connect (button, "clicked", G_CALLBACK (open_account_cb), self);
  g_object_set_data (G_OBJECT (row), "open-button", button);
  adw_entry_row_add_suffix (row, button);
}

/* ---------------------------------------------------------------- amount */

static void
amount_apply_cb (AdwEntryRow        *row,
                 ProspectDealWindow *self)
{
  g_autoptr(ProspectDeal) copy = load_copy (self);
  g_autofree char *text = stripped_text (row);
  g_autoptr(GError) error = NULL;
  gint64 amount;

  if (copy == NULL)
    return;

  if (!prospect_quick_entry_parse_amount (text, prospect_deal_get_currency (copy), &amount, &error))
    {
      refuse_error (self, GTK_WIDGET (row), error);
      return;
    }

  prospect_deal_set_amount (copy, amount);
  save_copy (self, copy, GTK_WIDGET (row));
}

/* "15000.00": plain digits that the amount parser reads back exactly. */
static char *
amount_text (ProspectDeal *deal)
{
  gint64 amount = prospect_deal_get_amount (deal);
  guint digits = prospect_chart_currency_digits (prospect_deal_get_currency (deal));
  gint64 unit = 1;

  for (guint i = 0; i < digits; i++)
    unit *= 10;
  if (digits == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, amount);

  return g_strdup_printf ("%" G_GINT64_FORMAT ".%0*" G_GINT64_FORMAT,
                          amount / unit, (int) digits, amount % unit);
}

/* ----------------------------------------------------------- probability */

static void
probability_apply_cb (AdwEntryRow        *row,
                      ProspectDealWindow *self)
{
  g_autoptr(ProspectDeal) copy = load_copy (self);
  g_autofree char *text = stripped_text (row);
  gint64 probability = -1;

  if (copy == NULL)
    return;

  if (g_str_has_suffix (text, "%"))
    text[strlen (text) - 1] = '\0';
  g_strstrip (text);

  /* Empty goes back to the stage's default; the range is the core's. */
  if (text[0] != '\0' && !g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &probability, NULL))
    {
      prospect_deal_window_refuse (self, GTK_WIDGET (row),
                                   _("Enter a whole number from 0 to 100, or nothing for the stage’s default"));
      return;
    }

  prospect_deal_set_probability (copy, (gint) probability);
  save_copy (self, copy, GTK_WIDGET (row));
}

static void
sync_probability (ProspectDealWindow *self)
{
  AdwEntryRow *row = g_hash_table_lookup (self->field_rows, "probability");
  gint probability = prospect_deal_get_probability (self->deal);
  g_autofree char *text = g_strdup_printf ("%d", prospect_deal_get_effective_probability (self->deal,
                                                                                         self->database));

  /* The stage's default shows until the rep sets one. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 probability < 0 ? _("Probability (%) · the stage’s default")
                                                 : _("Probability (%) · set for this deal"));
  set_entry_text (row, text);
}

/* ---------------------------------------------------------------- combos */

static AdwComboRow *
add_combo_row (ProspectDealWindow *self,
               const char         *column,
               const char         *title,
               GCallback           selected)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (gtk_string_list_new (NULL)));
  g_signal_connect_swapped (row, "notify::selected", selected, self);
  adw_preferences_group_add (self->fields_group, GTK_WIDGET (row));
  g_hash_table_insert (self->field_rows, (gpointer) column, row);

  return row;
}

/* Replaces the row's choices: first (if given), then name of each record. */
static void
set_choices (AdwComboRow *row,
             const char  *first,
             GPtrArray   *records,
             const char  *property)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (first != NULL)
    gtk_string_list_append (list, first);
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *name = dup_string (records->pdata[i], property);

      gtk_string_list_append (list, name);
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  g_object_unref (list);
}

/* The index of the record with id in records (after an offset for a
 * "None" choice); offset - 1 when absent, i.e. "None". */
static guint
index_of (GPtrArray  *records,
          const char *id,
          guint       offset)
{
  for (guint i = 0; id != NULL && i < records->len; i++)
    if (g_strcmp0 (prospect_record_get_id (records->pdata[i]), id) == 0)
      return i + offset;

  return 0;
}

static const char *
chosen_id (AdwComboRow *row,
           GPtrArray   *records,
           guint        offset)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected < offset || selected - offset >= records->len)
    return NULL;

  return prospect_record_get_id (records->pdata[selected - offset]);
}

static void
contact_selected_cb (ProspectDealWindow *self)
{
  g_autoptr(ProspectDeal) copy = NULL;

  if (self->syncing || !(copy = load_copy (self)))
    return;

  prospect_deal_set_contact_id (copy, chosen_id (self->contact_row, self->contacts, 1));
  save_copy (self, copy, GTK_WIDGET (self->contact_row));
}

static void
product_selected_cb (ProspectDealWindow *self)
{
  g_autoptr(ProspectDeal) copy = NULL;

  if (self->syncing || !(copy = load_copy (self)))
    return;

  prospect_deal_set_product_id (copy, chosen_id (self->product_row, self->products, 1));
  save_copy (self, copy, GTK_WIDGET (self->product_row));
}

static void
priority_selected_cb (ProspectDealWindow *self)
{
  g_autoptr(ProspectDeal) copy = NULL;

  if (self->syncing || !(copy = load_copy (self)))
    return;

  prospect_deal_set_priority (copy, (gint) adw_combo_row_get_selected (self->priority_row));
  save_copy (self, copy, GTK_WIDGET (self->priority_row));
}

/* ----------------------------------------------------------------- stage */

typedef struct
{
  ProspectDealWindow *self;
  char               *stage_id;
} PendingMove;

static void
pending_move_free (gpointer data)
{
  PendingMove *move = data;

  g_object_unref (move->self);
  g_free (move->stage_id);
  g_free (move);
}

static void
move_to_stage (ProspectDealWindow *self,
               const char         *stage_id,
               const char         *closed_on,
               const char         *lost_reason)
{
  g_autoptr(ProspectDeal) copy = load_copy (self);
  g_autoptr(GError) error = NULL;

  if (copy == NULL)
    return;

  if (!prospect_deal_move_to_stage (copy, self->database, stage_id, closed_on, lost_reason, &error))
    {
      sync_fields (self);
      refuse_error (self, GTK_WIDGET (self->stage_row), error);
      return;
    }

  g_set_object (&self->deal, copy);
  prospect_deal_window_clear_refusal (GTK_WIDGET (self->stage_row));
  sync_fields (self);
}

static void
close_deal_cb (const char *closed_on,
               const char *lost_reason,
               gpointer    user_data)
{
  PendingMove *move = user_data;

  /* Cancel puts the stage back */
  if (closed_on == NULL)
    sync_fields (move->self);
  else
    move_to_stage (move->self, move->stage_id, closed_on, lost_reason);
}

/* Open stages move at once; Won and Lost first ask for the date (and the
 * reason of a loss), as on the board. */
static void
stage_selected_cb (ProspectDealWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->stage_row);
  ProspectStage *stage;
  PendingMove *move;

  if (self->syncing || selected >= self->stages->len)
    return;

  stage = self->stages->pdata[selected];
  if (g_strcmp0 (prospect_record_get_id (PROSPECT_RECORD (stage)), prospect_deal_get_stage_id (self->deal)) == 0)
    return;

  if (g_str_equal (prospect_stage_get_kind (stage), "open"))
    {
      move_to_stage (self, prospect_record_get_id (PROSPECT_RECORD (stage)), NULL, NULL);
      return;
    }

  move = g_new0 (PendingMove, 1);
  move->self = g_object_ref (self);
  move->stage_id = g_strdup (prospect_record_get_id (PROSPECT_RECORD (stage)));
  prospect_close_deal_dialog_run (GTK_WINDOW (self), prospect_deal_get_title (self->deal),
                                  prospect_stage_get_name (stage),
                                  g_str_equal (prospect_stage_get_kind (stage), "lost"),
                                  close_deal_cb, move, pending_move_free);
}

/* ---------------------------------------------------------------- fields */

static void
build_fields (ProspectDealWindow *self)
{
  GtkStringList *priorities = gtk_string_list_new (NULL);

  add_text_row (self, &title_field);
  add_account_row (self);
  self->contact_row = add_combo_row (self, "contact_id", _("Contact"), G_CALLBACK (contact_selected_cb));
  add_entry_row (self, "amount", _("Amount"), G_CALLBACK (amount_apply_cb));
  add_text_row (self, &currency_field);
  self->stage_row = add_combo_row (self, "stage_id", _("Stage"), G_CALLBACK (stage_selected_cb));
  add_entry_row (self, "probability", _("Probability (%)"), G_CALLBACK (probability_apply_cb));
  add_text_row (self, &close_field);
  self->priority_row = add_combo_row (self, "priority", _("Priority"), G_CALLBACK (priority_selected_cb));
  for (guint i = 0; i < G_N_ELEMENTS (detail_fields); i++)
    add_text_row (self, &detail_fields[i]);
  self->product_row = add_combo_row (self, "product_id", _("Product"), G_CALLBACK (product_selected_cb));
  add_text_row (self, &source_field);

  for (guint i = 0; i < G_N_ELEMENTS (priority_names); i++)
    gtk_string_list_append (priorities, g_dpgettext2 (NULL, "priority", priority_names[i]));
  adw_combo_row_set_model (self->priority_row, G_LIST_MODEL (priorities));
  g_object_unref (priorities);
}

static void
load_choices (ProspectDealWindow *self)
{
  g_autoptr(ProspectQuery) products = prospect_query_new (PROSPECT_TYPE_PRODUCT);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->stages, g_ptr_array_unref);
  self->stages = prospect_stage_list_ordered (self->database, &error);
  if (self->stages == NULL)
    {
      g_warning ("Could not load the stages: %s", error->message);
      self->stages = g_ptr_array_new_with_free_func (g_object_unref);
    }

  prospect_query_order_by (products, "name", FALSE);
  g_clear_pointer (&self->products, g_ptr_array_unref);
  self->products = fetch (products, self->database, 500);

  self->syncing = TRUE;
  set_choices (self->stage_row, NULL, self->stages, "name");
  set_choices (self->product_row, _("None"), self->products, "name");
  self->syncing = FALSE;
}

static void
load_contacts (ProspectDealWindow *self)
{
  const char *account_id = prospect_deal_get_account_id (self->deal);
  g_autoptr(ProspectQuery) query = prospect_query_new (PROSPECT_TYPE_CONTACT);

  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  if (account_id == NULL)
    {
      self->contacts = g_ptr_array_new_with_free_func (g_object_unref);
      return;
    }

  prospect_query_where_text (query, "account_id", PROSPECT_OP_EQ, account_id);
  prospect_query_order_by (query, "name", FALSE);
  self->contacts = fetch (query, self->database, 200);
}

static void
sync_text_row (ProspectDealWindow *self,
               const TextField    *field)
{
  g_autofree char *text = dup_string (self->deal, field->property);

  set_entry_text (g_hash_table_lookup (self->field_rows, field->column), text);
}

static void
sync_account (ProspectDealWindow *self)
{
  AdwEntryRow *row = g_hash_table_lookup (self->field_rows, "account_id");
  const char *account_id = prospect_deal_get_account_id (self->deal);
  g_autoptr(ProspectAccount) account = NULL;

  if (account_id != NULL)
    account = prospect_account_load (self->database, account_id, NULL);
  set_entry_text (row, account != NULL ? prospect_account_get_name (account) : NULL);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "open-button"), account != NULL);

  load_contacts (self);
  set_choices (self->contact_row, _("None"), self->contacts, "name");
  adw_combo_row_set_selected (self->contact_row,
                              index_of (self->contacts, prospect_deal_get_contact_id (self->deal), 1));
}

static void
sync_header (ProspectDealWindow *self)
{
  g_autoptr(ProspectAccount) account = NULL;
  const char *account_id = prospect_deal_get_account_id (self->deal);
  g_autofree char *amount = prospect_chart_format_money (prospect_deal_get_amount (self->deal),
                                                         prospect_deal_get_currency (self->deal));
  g_autofree char *subtitle = NULL;

  if (account_id != NULL)
    account = prospect_account_load (self->database, account_id, NULL);
  subtitle = account != NULL ? g_strdup_printf ("%s · %s", prospect_account_get_name (account), amount)
                             : g_strdup (amount);
  gtk_window_set_title (GTK_WINDOW (self), prospect_deal_get_title (self->deal));
  adw_window_title_set_title (self->window_title, prospect_deal_get_title (self->deal));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* Every row shows the stored deal. The rows are not user edits while
 * this runs. */
static void
sync_fields (ProspectDealWindow *self)
{
  g_autofree char *amount = amount_text (self->deal);

  self->syncing = TRUE;

  sync_header (self);
  sync_text_row (self, &title_field);
  sync_account (self);
  set_entry_text (g_hash_table_lookup (self->field_rows, "amount"), amount);
  sync_text_row (self, &currency_field);
  adw_combo_row_set_selected (self->stage_row, index_of (self->stages, prospect_deal_get_stage_id (self->deal), 0));
  sync_probability (self);
  sync_text_row (self, &close_field);
  adw_combo_row_set_selected (self->priority_row, CLAMP (prospect_deal_get_priority (self->deal), 0, 2));
  for (guint i = 0; i < G_N_ELEMENTS (detail_fields); i++)
    sync_text_row (self, &detail_fields[i]);
  adw_combo_row_set_selected (self->product_row,
                              index_of (self->products, prospect_deal_get_product_id (self->deal), 1));
  sync_text_row (self, &source_field);

  self->syncing = FALSE;
}

/* ------------------------------------------------------ hint and history */

static void
fill_hint (ProspectDealWindow *self)
{
  g_autoptr(ProspectDealInsights) insights = NULL;
  g_autoptr(GError) error = NULL;

  insights = prospect_deal_insights_compute (self->database, self->deal_id, &error);
  if (error != NULL)
    g_warning ("Could not compute the hint: %s", error->message);

  /* won and lost deals get none */
  gtk_widget_set_visible (GTK_WIDGET (self->hint_group), insights != NULL);
  if (insights != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->hint_row), insights->text);
}

static const char *
timeline_icon (ProspectTimelineKind kind)
{
  switch (kind)
    {
    case PROSPECT_TIMELINE_ACTIVITY_DONE: return "object-select-symbolic";
    case PROSPECT_TIMELINE_ACTIVITY_PLANNED: return "x-office-calendar-symbolic";
    case PROSPECT_TIMELINE_STAGE_CHANGE: return "go-next-symbolic";
    case PROSPECT_TIMELINE_FIELD_CHANGE:
    default: return "document-edit-symbolic";
    }
}

static char *
format_when (const ProspectTimelineEntry *entry)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (entry->at / 1000);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");

  /* an all-day activity's instant is its day at 00:00 UTC */
  if (entry->all_day)
    return g_date_time_format (utc, "%x");

  local = g_date_time_to_local (utc);

  return g_date_time_format (local, "%x %H:%M");
}

static void
fill_timeline (ProspectDealWindow *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->timeline_rows->len; i++)
    adw_preferences_group_remove (self->timeline_group, self->timeline_rows->pdata[i]);
  g_ptr_array_set_size (self->timeline_rows, 0);

  entries = prospect_deal_timeline (self->database, self->deal_id, TIMELINE_LIMIT, &error);
  if (entries == NULL)
    {
      g_warning ("Could not load the history: %s", error->message);
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      ProspectTimelineEntry *entry = entries->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = format_when (entry);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), timeline_icon (entry->kind));
      adw_preferences_group_add (self->timeline_group, row);
      g_ptr_array_add (self->timeline_rows, row);
    }
}

/* --------------------------------------------------------------- refresh */

static gboolean
refresh_cb (gpointer user_data)
{
  ProspectDealWindow *self = user_data;
  g_autoptr(ProspectDeal) deal = NULL;

  self->refresh_id = 0;

  if (self->refresh_fields)
    {
      self->refresh_fields = FALSE;
      deal = prospect_deal_load (self->database, self->deal_id, NULL);
      /* deleted elsewhere: nothing left to show */
      if (deal == NULL)
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return G_SOURCE_REMOVE;
        }
      g_set_object (&self->deal, deal);
      sync_fields (self);
    }

  prospect_deal_window_fill_activities (self);
  fill_hint (self);
  fill_timeline (self);

  return G_SOURCE_REMOVE;
}

static void
queue_refresh (ProspectDealWindow *self,
               gboolean            fields)
{
  self->refresh_fields |= fields;
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

static void
deal_changed_cb (ProspectDatabase   *database,
                 const char         *kind,
                 const char         *id,
                 ProspectChangeKind  change,
                 ProspectDealWindow *self)
{
  if (id == NULL || g_strcmp0 (id, self->deal_id) == 0)
    queue_refresh (self, TRUE);
}

/* TRUE when the activity is (or was, when shown) one of this deal's:
 * reminders and the day plan change other activities all the time, and
 * a rebuild would take the focus from a to-do item being typed. */
static gboolean
concerns_deal (ProspectDealWindow *self,
               const char         *activity_id)
{
  g_autoptr(ProspectActivity) activity = NULL;

  if (activity_id == NULL)
    return TRUE;

  if (prospect_deal_window_find_activity_row (self, activity_id) != NULL)
    return TRUE;

  activity = prospect_activity_load (self->database, activity_id, NULL);

  return activity != NULL && g_strcmp0 (prospect_activity_get_deal_id (activity), self->deal_id) == 0;
}

static void
activity_changed_cb (ProspectDatabase   *database,
                     const char         *kind,
                     const char         *id,
                     ProspectChangeKind  change,
                     ProspectDealWindow *self)
{
  if (concerns_deal (self, id))
    queue_refresh (self, FALSE);
}

/* -------------------------------------------------------------- object */

static void
after_paint_cb (GdkFrameClock      *clock,
                ProspectDealWindow *self)
{
  g_debug ("Deal window: first frame %.1f ms after opening",
           (g_get_monotonic_time () - self->opened_at) / 1000.0);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
}

static void
prospect_deal_window_map (GtkWidget *widget)
{
  ProspectDealWindow *self = PROSPECT_DEAL_WINDOW (widget);

  GTK_WIDGET_CLASS (prospect_deal_window_parent_class)->map (widget);

  if (self->opened_at != 0)
    {
      g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                        G_CALLBACK (after_paint_cb), self);
    }
}

static void
prospect_deal_window_dispose (GObject *object)
{
  ProspectDealWindow *self = PROSPECT_DEAL_WINDOW (object);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock != NULL)
    g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  for (guint i = 0; self->database != NULL && i < G_N_ELEMENTS (self->changed_ids); i++)
    g_clear_signal_handler (&self->changed_ids[i], self->database);

  g_clear_object (&self->database);
  g_clear_object (&self->deal);
  g_clear_pointer (&self->deal_id, g_free);
  g_clear_pointer (&self->field_rows, g_hash_table_unref);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->products, g_ptr_array_unref);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->activity_rows, g_ptr_array_unref);
  g_clear_pointer (&self->timeline_rows, g_ptr_array_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), PROSPECT_TYPE_DEAL_WINDOW);

  G_OBJECT_CLASS (prospect_deal_window_parent_class)->dispose (object);
}

static void
prospect_deal_window_class_init (ProspectDealWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prospect_deal_window_dispose;
  widget_class->map = prospect_deal_window_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/prospect-deal-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ProspectDealWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ProspectDealWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ProspectDealWindow, fields_group);
  gtk_widget_class_bind_template_child (widget_class, ProspectDealWindow, hint_group);
  gtk_widget_class_bind_template_child (widget_class, ProspectDealWindow, hint_row);
  gtk_widget_class_bind_template_child (widget_class, ProspectDealWindow, activities_group);
  gtk_widget_class_bind_template_child (widget_class, ProspectDealWindow, timeline_group);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
prospect_deal_window_init (ProspectDealWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->field_rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->activity_rows = g_ptr_array_new ();
  self->timeline_rows = g_ptr_array_new ();
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Filling the combo rows selects their first choice: not an edit */
  self->syncing = TRUE;
  build_fields (self);
  self->syncing = FALSE;
  prospect_deal_window_build_activities (self);
}

static ProspectDealWindow *
find_open (GtkApplication *application,
           const char     *deal_id)
{
  if (application == NULL)
    return NULL;

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (PROSPECT_IS_DEAL_WINDOW (l->data)
        && g_strcmp0 (PROSPECT_DEAL_WINDOW (l->data)->deal_id, deal_id) == 0)
      return l->data;

  return NULL;
}

ProspectDealWindow *
prospect_deal_window_open (GtkWindow         *parent,
                           ProspectDatabase  *database,
                           const char        *deal_id,
                           GError           **error)
{
  GtkApplication *application = parent != NULL ? gtk_window_get_application (parent) : NULL;
  g_autoptr(ProspectDeal) deal = NULL;
  ProspectDealWindow *self;
  gint64 started = g_get_monotonic_time ();

  g_return_val_if_fail (PROSPECT_IS_DATABASE (database), NULL);
  g_return_val_if_fail (deal_id != NULL, NULL);

  if ((self = find_open (application, deal_id)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (self));
      return self;
    }

  if ((deal = prospect_deal_load (database, deal_id, error)) == NULL)
    return NULL;

  self = g_object_new (PROSPECT_TYPE_DEAL_WINDOW,
                       "transient-for", parent,
                       "application", application,
                       NULL);
  self->opened_at = started;
  self->database = g_object_ref (database);
  self->deal = g_steal_pointer (&deal);
  self->deal_id = g_strdup (deal_id);

  self->changed_ids[0] = g_signal_connect (database, "changed::deal", G_CALLBACK (deal_changed_cb), self);
  self->changed_ids[1] = g_signal_connect (database, "changed::activity", G_CALLBACK (activity_changed_cb), self);

  load_choices (self);
  sync_fields (self);
  prospect_deal_window_fill_activities (self);
  fill_hint (self);
  fill_timeline (self);
  g_debug ("Deal window built in %.1f ms", (g_get_monotonic_time () - started) / 1000.0);

  gtk_window_present (GTK_WINDOW (self));

  return self;
}

const char *
prospect_deal_window_get_deal_id (ProspectDealWindow *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL_WINDOW (self), NULL);

  return self->deal_id;
}
