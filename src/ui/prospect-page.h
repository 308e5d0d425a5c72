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

  /* Rebuilds the page from prospect_page_get_database() (which may be
   * NULL). Called from an idle after the database, a watched table or
   * prospect_page_queue_refresh() made the page stale, and only while the
   * page is on screen. The default shows the summarize() line. */
  void   (*refresh)   (ProspectPage     *self);

  /* Private: the ::changed details set by prospect_page_class_watch_tables() */
  char  **watched;

  gpointer padding[2];
};

/* For subclasses, from class_init: the tables whose ::changed::<table>
 * make the page stale (NULL-terminated). Without it every change does. */
void              prospect_page_class_watch_tables (ProspectPageClass *klass,
                                                    const char        *first_table,
                                                    ...) G_GNUC_NULL_TERMINATED;

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
void              prospect_page_queue_refresh   (ProspectPage     *self);

G_END_DECLS
