/* cli-run.h - run the built prospect-cli from a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int   status;  /* exit status, -1 when killed by a signal */
  char *out;
  char *err;
} Run;

void  run_free (Run        *run);
Run  *run_cli  (const char *first,
                ...) G_GNUC_NULL_TERMINATED;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

G_END_DECLS
