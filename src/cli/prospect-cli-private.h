/* prospect-cli-private.h - shared by prospect-cli's subcommands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-core.h"

G_BEGIN_DECLS

#define PROSPECT_CLI_EXIT_OK     0
#define PROSPECT_CLI_EXIT_FAILED 1   /* the command ran and found or hit a problem */
#define PROSPECT_CLI_EXIT_USAGE  2   /* the command line itself was wrong */

typedef struct
{
  char     *database_path;       /* from --database; NULL = the default */
  gboolean  stderr_is_terminal;  /* progress is only drawn for a person watching */
} ProspectCli;

/* A subcommand gets argv[0] = its own name, then its arguments, and
 * returns the exit status. */
typedef int (*ProspectCliRun) (ProspectCli  *cli,
                               int           argc,
                               char        **argv);

typedef struct
{
  const char     *name;
  const char     *summary;   /* N_(): one line, listed by "help" */
  ProspectCliRun  run;
} ProspectCliCommand;

const char     *prospect_cli_get_database_path (ProspectCli        *cli);

/* The option context of a subcommand: "Usage: prospect-cli NAME [OPTION…]"
 * plus the summary and description, with --database accepted there too. */
GOptionContext *prospect_cli_context_new       (ProspectCli        *cli,
                                                const char         *command,
                                                const char         *parameter_string,
                                                const char         *summary,
                                                const char         *description,
                                                const GOptionEntry *entries);
/* Parses; on a usage error prints it and returns FALSE (exit with
 * PROSPECT_CLI_EXIT_USAGE). */
gboolean        prospect_cli_parse             (GOptionContext     *context,
                                                const char         *command,
                                                int                *argc,
                                                char             ***argv);

/* "prospect-cli: message" on stderr; returns PROSPECT_CLI_EXIT_FAILED. */
int             prospect_cli_fail              (const char         *format,
                                                ...) G_GNUC_PRINTF (1, 2);
/* The same plus a pointer to the help; returns PROSPECT_CLI_EXIT_USAGE.
 * command NULL = the global help. */
int             prospect_cli_usage_error       (const char         *command,
                                                const char         *format,
                                                ...) G_GNUC_PRINTF (2, 3);

int             prospect_cli_demo              (ProspectCli        *cli,
                                                int                 argc,
                                                char              **argv);
int             prospect_cli_check             (ProspectCli        *cli,
                                                int                 argc,
                                                char              **argv);
int             prospect_cli_report            (ProspectCli        *cli,
                                                int                 argc,
                                                char              **argv);
int             prospect_cli_server            (ProspectCli        *cli,
                                                int                 argc,
                                                char              **argv);
int             prospect_cli_sync              (ProspectCli        *cli,
                                                int                 argc,
                                                char              **argv);
int             prospect_cli_import            (ProspectCli        *cli,
                                                int                 argc,
                                                char              **argv);
int             prospect_cli_export            (ProspectCli        *cli,
                                                int                 argc,
                                                char              **argv);

G_END_DECLS
