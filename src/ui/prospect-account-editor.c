/* prospect-account-editor.c - the short form for an account or a contact
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-account-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-accounts.h"
#include "prospect-error.h"

#include "prospect-account-editor.h"

typedef struct
{
  const char *property;  /* also the column an error names */
  const char *label;
} Field;

static const Field account_fields[] = {
  { "name", N_("Name") },
  { "sector", N_("Sector") },
  { "region", N_("Region") },
  { "location", N_("Location") },
};

static const Field contact_fields[] = {
  { "name", N_("Name") },
  { "title", N_("Job Title") },
  { "email", N_("E-mail") },
  { "phone", N_("Phone") },
};

struct _ProspectAccountEditor
{
  AdwWindow             parent_instance;

  ProspectDatabase     *db;
  ProspectRecord       *record;
  const Field          *fields;
  guint                 n_fields;
  GPtrArray            *rows;  /* AdwEntryRow, one per field */

  AdwPreferencesGroup  *group;
  GtkLabel             *error_label;
  GtkWidget            *save_button;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ProspectAccountEditor, prospect_account_editor, ADW_TYPE_WINDOW)

/* Copies the rows into the record: blank optional fields become NULL,
 * a blank name stays blank so that validation names it. */
static void
apply_rows (ProspectAccountEditor *self)
{
  for (guint i = 0; i < self->n_fields; i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (self->rows, i)));
      g_autofree char *value = g_strstrip (g_strdup (text));
      gboolean required = g_str_equal (self->fields[i].property, "name");

      g_object_set (self->record, self->fields[i].property,
                    value[0] != '\0' || required ? value : NULL,
                    NULL);
    }
}

static gboolean
check (ProspectAccountEditor  *self,
       GError                **error)
{
  if (PROSPECT_IS_CONTACT (self->record))
    return prospect_accounts_check_contact (self->db, PROSPECT_CONTACT (self->record), error);

  return prospect_record_validate (self->record, self->db, error);
}

static void
show_problem (ProspectAccountEditor *self,
              const GError          *error)
{
  const char *field = error != NULL ? prospect_error_get_field (error) : NULL;

  for (guint i = 0; i < self->n_fields; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      gboolean at_fault = g_strcmp0 (field, self->fields[i].property) == 0;

      if (at_fault)
        gtk_widget_add_css_class (row, "error");
      else
        gtk_widget_remove_css_class (row, "error");
      /* the reason travels with the row for screen readers */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      at_fault ? error->message : "",
                                      -1);
    }

  gtk_label_set_text (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static void
validate (ProspectAccountEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean valid;

  apply_rows (self);
  valid = check (self, &error);
  show_problem (self, error);
  gtk_widget_set_sensitive (self->save_button, valid);
}

static void
save_clicked_cb (ProspectAccountEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ProspectRecord) previous = NULL;
  gboolean saved;

  validate (self);
  if (!gtk_widget_get_sensitive (self->save_button))
    return;

  /* the stored row before the edit, for Undo */
  if (prospect_record_is_stored (self->record))
    previous = prospect_record_load (self->db, G_OBJECT_TYPE (self->record),
                                     prospect_record_get_id (self->record), NULL);

  if (PROSPECT_IS_CONTACT (self->record))
    saved = prospect_accounts_save_contact (self->db, PROSPECT_CONTACT (self->record), &error);
  else
    saved = prospect_record_save (self->record, self->db, &error);

  if (!saved)
    {
      show_problem (self, error);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->record, previous);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
row_activated_cb (ProspectAccountEditor *self)
{
  if (gtk_widget_get_sensitive (self->save_button))
    save_clicked_cb (self);
}

static void
prospect_account_editor_dispose (GObject *object)
{
  ProspectAccountEditor *self = PROSPECT_ACCOUNT_EDITOR (object);

  g_clear_object (&self->db);
  g_clear_object (&self->record);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), PROSPECT_TYPE_ACCOUNT_EDITOR);

  G_OBJECT_CLASS (prospect_account_editor_parent_class)->dispose (object);
}

static void
prospect_account_editor_class_init (ProspectAccountEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prospect_account_editor_dispose;

  /**
   * ProspectAccountEditor::saved:
   * @record: the saved record
   * @previous: (nullable): the stored row before an edit
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 2, PROSPECT_TYPE_RECORD, PROSPECT_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/prospect-account-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ProspectAccountEditor, group);
  gtk_widget_class_bind_template_child (widget_class, ProspectAccountEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, ProspectAccountEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
prospect_account_editor_init (ProspectAccountEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

static void
add_rows (ProspectAccountEditor *self)
{
  for (guint i = 0; i < self->n_fields; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      g_autofree char *value = NULL;

      g_object_get (self->record, self->fields[i].property, &value, NULL);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(self->fields[i].label));
      gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
      g_signal_connect_swapped (row, "changed", G_CALLBACK (validate), self);
      g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (row_activated_cb), self);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

ProspectAccountEditor *
prospect_account_editor_new (GtkWindow        *parent,
                             ProspectDatabase *db,
                             ProspectRecord   *record)
{
  ProspectAccountEditor *self;
  gboolean contact;
  gboolean stored;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (PROSPECT_IS_ACCOUNT (record) || PROSPECT_IS_CONTACT (record), NULL);

  contact = PROSPECT_IS_CONTACT (record);
  stored = prospect_record_is_stored (record);
  self = g_object_new (PROSPECT_TYPE_ACCOUNT_EDITOR,
                       "transient-for", parent,
                       "title", contact ? (stored ? _("Edit Contact") : _("New Contact"))
                                        : (stored ? _("Edit Account") : _("New Account")),
                       NULL);
  self->db = g_object_ref (db);
  self->record = g_object_ref (record);
  self->fields = contact ? contact_fields : account_fields;
  self->n_fields = contact ? G_N_ELEMENTS (contact_fields) : G_N_ELEMENTS (account_fields);

  add_rows (self);
  validate (self);
  /* the window is not shown yet: make the name its focus for then */
  gtk_window_set_focus (GTK_WINDOW (self), g_ptr_array_index (self->rows, 0));

  return self;
}
