/* prospect-preferences-window.c - appearance, the user, sales settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-person.h"
#include "prospect-validate.h"

#include "prospect-preferences-window.h"
#include "prospect-reminders.h"

struct _ProspectPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  ProspectDatabase     *database;
  GSettings            *settings;

  AdwComboRow          *style_row;
  AdwPreferencesGroup  *you_group;
  AdwEntryRow          *name_row;
  GtkLabel             *role_label;
  AdwComboRow          *fiscal_year_row;
  AdwEntryRow          *currency_row;
  GtkSpinButton        *lead_spin;
  GtkSpinButton        *all_day_spin;
  GtkSwitch            *digest_switch;
  AdwActionRow         *digest_hour_row;
  GtkSpinButton        *digest_spin;
  GtkSwitch            *background_switch;
  GtkSwitch            *login_switch;
};

/* Same order as the rows of style_row. */
static const char *color_schemes[] = { "default", "light", "dark" };

G_DEFINE_FINAL_TYPE (ProspectPreferencesWindow, prospect_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
color_scheme_to_row (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_strcmp0 (scheme, color_schemes[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
row_to_color_scheme (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (color_schemes))
    return NULL;

  return g_variant_new_string (color_schemes[selected]);
}

static const char *
role_display_name (const char *role)
{
  if (g_strcmp0 (role, "manager") == 0)
    return _("Manager");
  if (g_strcmp0 (role, "director") == 0)
    return _("Director");
  return _("Rep");
}

static ProspectPerson *
prospect_preferences_window_load_me (ProspectPreferencesWindow *self)
{
  g_autofree char *me_id = prospect_database_get_setting (self->database, "me");

  if (me_id == NULL)
    return NULL;

  return prospect_person_load (self->database, me_id, NULL);
}

/* A refused value leaves the row marked and says why in a toast; nothing
 * is written. */
static void
prospect_preferences_window_refuse (ProspectPreferencesWindow *self,
                                    AdwEntryRow               *row,
                                    const char                *message)
{
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (message));
}

static void
clear_refusal (AdwEntryRow *row)
{
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_accessible_reset_property (GTK_ACCESSIBLE (row),
                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
name_apply_cb (ProspectPreferencesWindow *self)
{
  g_autoptr(ProspectPerson) me = prospect_preferences_window_load_me (self);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autoptr(GError) error = NULL;

  if (me == NULL)
    return;

  prospect_person_set_name (me, name);
  if (!prospect_record_update (PROSPECT_RECORD (me), self->database, &error))
    prospect_preferences_window_refuse (self, self->name_row, error->message);
}

static void
name_changed_cb (ProspectPreferencesWindow *self)
{
  clear_refusal (self->name_row);
}

static void
currency_apply_cb (ProspectPreferencesWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->currency_row))));
  g_autofree char *code = g_ascii_strup (text, -1);
  g_autoptr(GError) error = NULL;

  if (!prospect_currency_is_valid (code))
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("“%s” is not a currency code like EUR or USD"), text);
      prospect_preferences_window_refuse (self, self->currency_row, message);
      return;
    }

  if (!prospect_database_set_setting (self->database, "currency", code, &error))
    {
      prospect_preferences_window_refuse (self, self->currency_row, error->message);
      return;
    }

  if (g_strcmp0 (code, gtk_editable_get_text (GTK_EDITABLE (self->currency_row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->currency_row), code);
}

static void
currency_changed_cb (ProspectPreferencesWindow *self)
{
  clear_refusal (self->currency_row);
}

static void
fiscal_year_selected_cb (ProspectPreferencesWindow *self)
{
  guint month = adw_combo_row_get_selected (self->fiscal_year_row) + 1;
  g_autofree char *value = g_strdup_printf ("%u", month);
  g_autoptr(GError) error = NULL;

  if (!prospect_database_set_setting (self->database, "fiscal-year-start-month", value, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (error->message));
}

/* Month names in the user's language, in the nominative form used
 * without a day number. */
static GListModel *
month_names_new (void)
{
  GtkStringList *months = gtk_string_list_new (NULL);

  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (2000, month, 1, 0, 0, 0);
      g_autofree char *name = g_date_time_format (date, "%OB");

      gtk_string_list_append (months, name);
    }

  return G_LIST_MODEL (months);
}

/* Hours show as a time of day, "09:00", and read back from one. */
static gboolean
hour_output_cb (GtkSpinButton *spin)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;

  time = g_date_time_new_utc (2000, 1, 1, gtk_spin_button_get_value_as_int (spin), 0, 0);
  /* Translators: an hour of the day in the reminder preferences, see strftime(3) */
  text = g_date_time_format (time, _("%H:%M"));
  gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static int
hour_input_cb (GtkSpinButton *spin,
               double        *new_value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  guint64 hour;
  g_auto(GStrv) parts = g_strsplit (text, ":", 2);

  if (!g_ascii_string_to_unsigned (g_strstrip (parts[0]), 10, 0, 23, &hour, NULL))
    return GTK_INPUT_ERROR;

  *new_value = hour;

  return TRUE;
}

/* The autostart entry is the state: it may have been removed by hand. */
static void
login_switch_active_cb (ProspectPreferencesWindow *self)
{
  gboolean enabled = gtk_switch_get_active (self->login_switch);
  g_autoptr(GError) error = NULL;

  if (prospect_reminders_set_start_at_login (enabled, &error))
    return;

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
  g_signal_handlers_block_by_func (self->login_switch, login_switch_active_cb, self);
  gtk_switch_set_active (self->login_switch, !enabled);
  g_signal_handlers_unblock_by_func (self->login_switch, login_switch_active_cb, self);
}

static void
prospect_preferences_window_bind_reminders (ProspectPreferencesWindow *self)
{
  g_settings_bind (self->settings, "reminder-lead-minutes",
                   gtk_spin_button_get_adjustment (self->lead_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminder-all-day-hour",
                   gtk_spin_button_get_adjustment (self->all_day_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminder-digest",
                   self->digest_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminder-digest-hour",
                   gtk_spin_button_get_adjustment (self->digest_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "run-in-background",
                   self->background_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_object_bind_property (self->digest_switch, "active",
                          self->digest_hour_row, "sensitive",
                          G_BINDING_SYNC_CREATE);

  gtk_switch_set_active (self->login_switch, prospect_reminders_get_start_at_login ());
  g_signal_connect_object (self->login_switch, "notify::active",
                           G_CALLBACK (login_switch_active_cb), self, G_CONNECT_SWAPPED);
}

static void
prospect_preferences_window_load (ProspectPreferencesWindow *self)
{
  g_autoptr(ProspectPerson) me = prospect_preferences_window_load_me (self);
  g_autofree char *month = prospect_database_get_setting (self->database, "fiscal-year-start-month");
  g_autofree char *currency = prospect_database_get_setting (self->database, "currency");
  guint64 month_number = 1;

  gtk_widget_set_visible (GTK_WIDGET (self->you_group), me != NULL);
  if (me != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), prospect_person_get_name (me));
      gtk_label_set_text (self->role_label, role_display_name (prospect_person_get_role (me)));
    }

  if (month == NULL ||
      !g_ascii_string_to_unsigned (month, 10, 1, 12, &month_number, NULL))
    month_number = 1;
  adw_combo_row_set_selected (self->fiscal_year_row, month_number - 1);

  /* The schema's default currency for amounts that do not say theirs. */
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row),
                         currency != NULL ? currency : "USD");

  /* Connected after loading, so that loading writes nothing. */
  g_signal_connect_object (self->fiscal_year_row, "notify::selected",
                           G_CALLBACK (fiscal_year_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
prospect_preferences_window_dispose (GObject *object)
{
  ProspectPreferencesWindow *self = PROSPECT_PREFERENCES_WINDOW (object);

  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), PROSPECT_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (prospect_preferences_window_parent_class)->dispose (object);
}

static void
prospect_preferences_window_class_init (ProspectPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prospect_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/prospect-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ProspectPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, ProspectPreferencesWindow, you_group);
  gtk_widget_class_bind_template_child (widget_class, ProspectPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, ProspectPreferencesWindow, role_label);
  gtk_widget_class_bind_template_child (widget_class, ProspectPreferencesWindow, fiscal_year_row);
  gtk_widget_class_bind_template_child (widget_class, ProspectPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, ProspectPreferencesWindow, lead_spin);
  gtk_widget_class_bind_template_child (widget_class, ProspectPreferencesWindow, all_day_spin);
  gtk_widget_class_bind_template_child (widget_class, ProspectPreferencesWindow, digest_switch);
  gtk_widget_class_bind_template_child (widget_class, ProspectPreferencesWindow, digest_hour_row);
  gtk_widget_class_bind_template_child (widget_class, ProspectPreferencesWindow, digest_spin);
  gtk_widget_class_bind_template_child (widget_class, ProspectPreferencesWindow, background_switch);
  gtk_widget_class_bind_template_child (widget_class, ProspectPreferencesWindow, login_switch);
  gtk_widget_class_bind_template_callback (widget_class, name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, currency_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, currency_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, hour_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, hour_input_cb);
}

static void
prospect_preferences_window_init (ProspectPreferencesWindow *self)
{
  g_autoptr(GListModel) months = month_names_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_model (self->fiscal_year_row, months);

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                color_scheme_to_row, row_to_color_scheme,
                                NULL, NULL);
  prospect_preferences_window_bind_reminders (self);
}

ProspectPreferencesWindow *
prospect_preferences_window_new (ProspectDatabase *database)
{
  ProspectPreferencesWindow *self;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (database), NULL);

  self = g_object_new (PROSPECT_TYPE_PREFERENCES_WINDOW, NULL);
  self->database = g_object_ref (database);
  prospect_preferences_window_load (self);

  return self;
}
