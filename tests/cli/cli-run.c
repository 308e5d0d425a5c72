/* cli-run.c - run the built prospect-cli from a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <sys/wait.h>

#include "cli-run.h"

void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

/* Runs the built prospect-cli with the arguments (NULL-terminated). The
 * environment is the test's: TZ and C.UTF-8 from meson, isolated dirs. */
Run *
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  Run *run = g_new0 (Run, 1);
  int wait_status;
  va_list args;

  g_ptr_array_add (argv, (char *) PROSPECT_CLI_PATH);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* GLib isolates the test's own dirs without exporting them. */
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return run;
}
