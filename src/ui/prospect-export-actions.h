/* prospect-export-actions.h - the window's Export menu and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "prospect-export-csv.h"

G_BEGIN_DECLS

/* Installs win.export-deals, win.export-activities, win.export-accounts,
 * win.export-contacts (CSV), win.export-calendar (.ics), win.export-report
 * (the report pack as a PDF) and win.print-report on a window class. Each
 * export asks for a file with the file chooser, writes it in a worker
 * thread with its own database connection, and says how it went. The
 * report pack and printing use the window's period and scope (the
 * manager pages' selection). */
void prospect_export_actions_install    (GtkWidgetClass             *widget_class);

/* The filter the next export of table from widget's window applies, e.g.
 * the one a list shows; NULL = every row. A list calls it whenever its
 * filters change. */
void prospect_export_actions_set_filter (GtkWidget                  *widget,
                                         ProspectExportTable         table,
                                         const ProspectExportFilter *filter);

G_END_DECLS
