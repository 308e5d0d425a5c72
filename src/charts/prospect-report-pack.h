/* prospect-report-pack.h - the report pack: a period's figures as pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "prospect-analytics.h"

G_BEGIN_DECLS

/* The pages, in order (README, "Export"):
 *  1. the cover: period, its days, scope, the day it was made, and the
 *     key figures of the scope;
 *  2. the targets: a gauge for the scope, then one per rep (per
 *     manager's team for a director's team), as the Team page;
 *  3. the funnel of the period's new deals with the step-up rates, and
 *     the stage table;
 *  4. won value per month of the period's fiscal year against the
 *     previous fiscal year;
 *  5. the per-rep table (per manager for a director's team), with a
 *     total line; a long table flows onto more pages, headed again.
 * Every page has "Page N of M" in its footer. All figures come from
 * prospect_report_compute() and prospect_funnel_compute(), the same as
 * prospect-cli report; the charts are the GUI's (src/charts).
 *
 * A pack holds plain figures: compute it where the database is (a worker
 * thread with its own connection), draw it anywhere. Sizes are in points
 * (1/72 inch); the layout is made for the page size asked for, so the
 * number of pages depends on it. */
typedef struct _ProspectReportPack ProspectReportPack;

/* A4 portrait, in points. */
#define PROSPECT_REPORT_PACK_A4_WIDTH  595.276
#define PROSPECT_REPORT_PACK_A4_HEIGHT 841.89

ProspectReportPack *prospect_report_pack_new         (ProspectDatabase          *db,
                                                      const ProspectPeriod      *period,
                                                      const ProspectScope       *scope,
                                                      GError                   **error);
void                prospect_report_pack_free        (ProspectReportPack        *self);

/* "Q4 FY2026 · Team of Olivia Park": for titles and file names. */
const char         *prospect_report_pack_get_title   (const ProspectReportPack  *self);

guint               prospect_report_pack_get_n_pages (ProspectReportPack        *self,
                                                      double                     width,
                                                      double                     height);
/* Draws page (0-based) onto cr, which is width × height points, from its
 * top left corner: a PDF page, a print page, an image. */
void                prospect_report_pack_draw_page   (ProspectReportPack        *self,
                                                      cairo_t                   *cr,
                                                      guint                      page,
                                                      double                     width,
                                                      double                     height);

/* The whole pack as an A4 PDF. */
gboolean            prospect_report_pack_write_pdf   (ProspectReportPack        *self,
                                                      GOutputStream             *stream,
                                                      GError                   **error);
/* The same into path, replaced in one step (prospect_export_to_file). */
gboolean            prospect_report_pack_save_pdf    (ProspectReportPack        *self,
                                                      const char                *path,
                                                      GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectReportPack, prospect_report_pack_free)

G_END_DECLS
