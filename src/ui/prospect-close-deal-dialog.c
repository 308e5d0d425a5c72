/* prospect-close-deal-dialog.c - asks for the close date (and the reason
 * of a loss) before a deal moves to a won or lost stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-close-deal-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-clock.h"
#include "prospect-validate.h"

#include "prospect-close-deal-dialog.h"

typedef struct
{
  GtkEditable           *date;
  GtkEditable           *reason;     /* NULL for a win */
  GtkLabel              *error;
  AdwMessageDialog      *dialog;
  ProspectCloseDealFunc  func;
  gpointer               user_data;
  GDestroyNotify         destroy;
} CloseDeal;

static void
close_deal_free (gpointer  data,
                 GObject  *dialog)
{
  CloseDeal *state = data;

  if (state->destroy != NULL)
    state->destroy (state->user_data);
  g_free (state);
}

static gboolean
is_blank (const char *text)
{
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

/* Keeps the confirm button disabled, and says why, until the form is
 * valid: nothing is moved with a bad date or without a reason. */
static void
validate_cb (CloseDeal *state)
{
  const char *date = gtk_editable_get_text (state->date);
  const char *message = NULL;

  if (!prospect_validate_date (date, "closed_on", TRUE, NULL))
    message = _("Enter the close date as YYYY-MM-DD");
  else if (state->reason != NULL && is_blank (gtk_editable_get_text (state->reason)))
    message = _("Say why the deal was lost");

  gtk_label_set_text (state->error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (state->error), message != NULL);
  adw_message_dialog_set_response_enabled (state->dialog, "close", message == NULL);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             CloseDeal        *state)
{
  if (g_strcmp0 (response, "close") == 0)
    {
      g_autofree char *reason = NULL;

      if (state->reason != NULL)
        reason = g_strstrip (g_strdup (gtk_editable_get_text (state->reason)));
      state->func (gtk_editable_get_text (state->date), reason, state->user_data);
    }
  else
    state->func (NULL, NULL, state->user_data);
}

static GtkWidget *
labelled_entry (GtkBox      *box,
                const char  *label_text,
                const char  *text,
                GtkEditable **out)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_box_append (box, label);
  gtk_box_append (box, entry);
  *out = GTK_EDITABLE (entry);

  return entry;
}

void
prospect_close_deal_dialog_run (GtkWindow             *parent,
                                const char            *deal_title,
                                const char            *stage_name,
                                gboolean               lost,
                                ProspectCloseDealFunc  func,
                                gpointer               user_data,
                                GDestroyNotify         destroy)
{
  CloseDeal *state = g_new0 (CloseDeal, 1);
  g_autofree char *today = prospect_clock_today_iso ();
  g_autofree char *heading = NULL;
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  GtkWidget *dialog;

  state->func = func;
  state->user_data = user_data;
  state->destroy = destroy;

  /* Translators: %s is a stage name, e.g. "Won" */
  heading = g_strdup_printf (_("Move to %s?"), stage_name);
  dialog = adw_message_dialog_new (parent, heading, deal_title);
  state->dialog = ADW_MESSAGE_DIALOG (dialog);
  adw_message_dialog_add_responses (state->dialog,
                                    "cancel", _("_Cancel"),
                                    "close", lost ? _("_Mark as Lost") : _("_Mark as Won"),
                                    NULL);
  adw_message_dialog_set_response_appearance (state->dialog, "close",
                                              lost ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (state->dialog, "close");
  adw_message_dialog_set_close_response (state->dialog, "cancel");

  g_signal_connect_swapped (labelled_entry (box, _("Close _date"), today, &state->date),
                            "changed", G_CALLBACK (validate_cb), state);
  if (lost)
    g_signal_connect_swapped (labelled_entry (box, _("_Reason"), "", &state->reason),
                              "changed", G_CALLBACK (validate_cb), state);

  state->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (state->error, 0);
  gtk_label_set_wrap (state->error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (state->error), "error");
  gtk_box_append (box, GTK_WIDGET (state->error));
  adw_message_dialog_set_extra_child (state->dialog, GTK_WIDGET (box));

  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), state);
  g_object_weak_ref (G_OBJECT (dialog), close_deal_free, state);
  validate_cb (state);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (lost ? state->reason : state->date));
}
