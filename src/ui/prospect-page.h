/* prospect-page.h - base class of the workspace pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "prospect-database.h"

G_BEGIN_DECLS

#define PROSPECT_TYPE_PAGE (prospect_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (ProspectPage, prospect_page, PROSPECT, PAGE, AdwBin)

struct _ProspectPageClass
{
  AdwBinClass parent_class;

  /* Returns a one-line summary of the live data behind the page (e.g.
   * "3 overdue · 5 today"), or NULL. me_id is the "me" setting, or NULL.
   * Only called while the page is on screen and its data changed since the
   * last time, so a page nobody looks at costs no query. */
  char *(*summarize) (ProspectPage     *self,
                      ProspectDatabase *db,
                      const char       *me_id);

  gpointer padding[4];
};

/* For subclasses, from init: the sidebar title and icon, and, until a
 * later issue gives the page its real content, the heading and the
 * description of the status page it shows instead. */
void              prospect_page_setup           (ProspectPage     *self,
                                                 const char       *title,
                                                 const char       *icon_name,
                                                 const char       *heading,
                                                 const char       *description);

const char       *prospect_page_get_title       (ProspectPage     *self);
const char       *prospect_page_get_icon_name   (ProspectPage     *self);
ProspectDatabase *prospect_page_get_database    (ProspectPage     *self);
void              prospect_page_set_database    (ProspectPage     *self,
                                                 ProspectDatabase *database);

G_END_DECLS
