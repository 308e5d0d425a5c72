/* prospect-application.c - the Prospect GUI application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-application"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-application.h"
#include "prospect-preferences-window.h"
#include "prospect-reminders.h"
#include "prospect-window.h"

struct _ProspectApplication
{
  AdwApplication    parent_instance;

  char             *database_path;
  ProspectDatabase *database;
  GError           *database_error;
  GSettings        *settings;
  ProspectReminders *reminders;
  /* --background: the first activation shows no window. */
  gboolean          start_in_background;
  /* Our own hold, kept while reminders are pending and the user wants
   * them after the window closes. */
  gboolean          holding;
};

G_DEFINE_FINAL_TYPE (ProspectApplication, prospect_application, ADW_TYPE_APPLICATION)

static void
prospect_application_open_database (ProspectApplication *self)
{
  if (self->database_path == NULL)
    {
      g_autofree char *dir = NULL;

      self->database_path = prospect_database_default_path ();
      /* The default location may not exist yet on a fresh account; a path
       * given with --database is taken as it is. */
      dir = g_path_get_dirname (self->database_path);
      g_mkdir_with_parents (dir, 0700);
    }

  self->database = prospect_database_open (self->database_path, &self->database_error);
  if (self->database == NULL)
    g_warning ("%s", self->database_error->message);
}

static void
prospect_application_apply_color_scheme (ProspectApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme adw_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (scheme, "light") == 0)
    adw_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (scheme, "dark") == 0)
    adw_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), adw_scheme);
}

static void
color_scheme_changed_cb (GSettings           *settings,
                         const char          *key,
                         ProspectApplication *self)
{
  prospect_application_apply_color_scheme (self);
}

static void
prospect_application_update_hold (ProspectApplication *self)
{
  gboolean hold = self->reminders != NULL &&
                  prospect_reminders_get_pending (self->reminders) &&
                  g_settings_get_boolean (self->settings, "run-in-background");

  if (hold == self->holding)
    return;

  self->holding = hold;
  if (hold)
    g_application_hold (G_APPLICATION (self));
  else
    g_application_release (G_APPLICATION (self));
}

static void
background_changed_cb (ProspectApplication *self)
{
  prospect_application_update_hold (self);
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Close rather than destroy, so that each window saves its state in
   * ::close-request; then quit for real, even with reminders pending. */
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));

  g_application_quit (G_APPLICATION (app));
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  ProspectApplication *self = PROSPECT_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  ProspectPreferencesWindow *prefs;

  prefs = prospect_preferences_window_new (self->database);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", "Prospect",
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Prospect developers"),
                         "comments", _("Plan your sales day and coach your team"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/prospect/prospect",
                         "issue-url", "https://github.com/prospect/prospect/issues",
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated_cb },
  { "preferences", preferences_activated_cb },
  { "about", about_activated_cb },
};

static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.quit", { "<Primary>q", NULL } },
  { "app.preferences", { "<Primary>comma", NULL } },
  { "win.workspace-rep", { "<Primary>1", NULL } },
  { "win.workspace-manager", { "<Primary>2", NULL } },
  { "window.close", { "<Primary>w", NULL } },
};

static gint
prospect_application_handle_local_options (GApplication *app,
                                           GVariantDict *options)
{
  ProspectApplication *self = PROSPECT_APPLICATION (app);
  const char *path = NULL;

  /* Only the primary instance uses it: a second launch just raises the
   * window that is already running. */
  if (g_variant_dict_lookup (options, "database", "^&ay", &path))
    self->database_path = g_strdup (path);

  if (g_variant_dict_contains (options, "background"))
    {
      g_autoptr(GError) error = NULL;

      /* When Prospect already runs, it already delivers the reminders:
       * nothing to do, and above all no window to raise. */
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        return 0;

      self->start_in_background = TRUE;
    }

  return -1;
}

static void
prospect_application_startup (GApplication *app)
{
  ProspectApplication *self = PROSPECT_APPLICATION (app);

  G_APPLICATION_CLASS (prospect_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           app_accels[i].action,
                                           app_accels[i].accels);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self, 0);
  prospect_application_apply_color_scheme (self);

  prospect_application_open_database (self);
  /* Preferences edit the database; with none there is nothing to edit. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "preferences")),
                               self->database != NULL);

  if (self->database != NULL)
    {
      self->reminders = prospect_reminders_new (GTK_APPLICATION (self), self->database, self->settings);
      g_signal_connect_object (self->reminders, "notify::pending",
                               G_CALLBACK (background_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::run-in-background",
                               G_CALLBACK (background_changed_cb), self, G_CONNECT_SWAPPED);
      prospect_application_update_hold (self);
    }
}

static void
prospect_application_activate (GApplication *app)
{
  ProspectApplication *self = PROSPECT_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (self->start_in_background)
    {
      self->start_in_background = FALSE;
      return;
    }

  if (window == NULL)
    window = GTK_WINDOW (prospect_window_new (PROSPECT_APPLICATION (app)));

  gtk_window_present (window);
}

static void
prospect_application_shutdown (GApplication *app)
{
  ProspectApplication *self = PROSPECT_APPLICATION (app);

  /* The reminders write to the database: stop them before it closes. */
  g_clear_object (&self->reminders);

  G_APPLICATION_CLASS (prospect_application_parent_class)->shutdown (app);
}

static void
prospect_application_finalize (GObject *object)
{
  ProspectApplication *self = PROSPECT_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_object (&self->database);
  g_clear_error (&self->database_error);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (prospect_application_parent_class)->finalize (object);
}

static void
prospect_application_class_init (ProspectApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = prospect_application_finalize;

  app_class->handle_local_options = prospect_application_handle_local_options;
  app_class->startup = prospect_application_startup;
  app_class->activate = prospect_application_activate;
  app_class->shutdown = prospect_application_shutdown;
}

static void
prospect_application_init (ProspectApplication *self)
{
  static const GOptionEntry options[] = {
    { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
      N_("Open this database file instead of the default one"), N_("PATH") },
    { "background", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Start without a window and deliver reminders"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  /* Notification servers show it as the sender of reminders. */
  g_set_application_name ("Prospect");
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan your sales day and coach your team."));
}

ProspectApplication *
prospect_application_new (void)
{
  return g_object_new (PROSPECT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

ProspectDatabase *
prospect_application_get_database (ProspectApplication *self)
{
  g_return_val_if_fail (PROSPECT_IS_APPLICATION (self), NULL);

  return self->database;
}

const GError *
prospect_application_get_database_error (ProspectApplication *self)
{
  g_return_val_if_fail (PROSPECT_IS_APPLICATION (self), NULL);

  return self->database_error;
}
