/* prospect-welcome.h - first run: who is the user, and with what data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "prospect-database.h"

G_BEGIN_DECLS

#define PROSPECT_TYPE_WELCOME (prospect_welcome_get_type ())
G_DECLARE_FINAL_TYPE (ProspectWelcome, prospect_welcome, PROSPECT, WELCOME, AdwBin)

/* Emits ::finished (const char *workspace: "rep" or "manager") once the
 * database has a "me" setting, after the user picked or created a person
 * and, if asked, the sample team was generated. */
ProspectWelcome *prospect_welcome_new (ProspectDatabase *database);

G_END_DECLS
