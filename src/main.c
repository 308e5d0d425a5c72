/* main.c - entry point of the Prospect GUI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "prospect-application.h"

/* GSettings aborts the process when the schema is missing, which is what
 * happens when the binary runs from the build directory without
 * GSETTINGS_SCHEMA_DIR. Say so in words instead. */
static gboolean
settings_schema_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  return schema != NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ProspectApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!settings_schema_installed ())
    {
      g_printerr (_("The settings schema %s is not installed. When running from "
                    "the build directory, set GSETTINGS_SCHEMA_DIR to its "
                    "data folder.\n"),
                  APPLICATION_ID);
      return 1;
    }

  app = prospect_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
