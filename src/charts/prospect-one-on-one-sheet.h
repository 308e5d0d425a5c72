/* prospect-one-on-one-sheet.h - the one-page 1:1 sheet: a rep's
 * indicators, funnel, plans and shared notes, for PDF and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "prospect-chart-style.h"
#include "prospect-funnel-chart.h"

G_BEGIN_DECLS

/* Plain, already formatted text: the page draws what the screen shows. */
typedef struct
{
  char     *label;
  char     *value;
  char     *median;
  gboolean  marked;   /* among the largest gaps */
} ProspectSheetIndicator;

typedef struct
{
  char               *title;       /* "1:1 · Rita Novak" */
  char               *subtitle;    /* window, manager, date */
  GArray             *indicators;  /* ProspectSheetIndicator */
  ProspectFunnelData *funnel;      /* the rep beside the team; may be NULL */
  char               *diagnosis;   /* may be NULL */
  GPtrArray          *plans;       /* char *: open plans, one paragraph each */
  GPtrArray          *notes;       /* char *: recent shared notes, latest first */
} ProspectOneOnOneSheet;

/* A4 portrait, in points */
#define PROSPECT_SHEET_WIDTH  595.0
#define PROSPECT_SHEET_HEIGHT 842.0

ProspectOneOnOneSheet *prospect_one_on_one_sheet_new            (const char                  *title,
                                                                 const char                  *subtitle);
void                   prospect_one_on_one_sheet_free           (ProspectOneOnOneSheet       *sheet);
void                   prospect_one_on_one_sheet_add_indicator  (ProspectOneOnOneSheet       *sheet,
                                                                 const char                  *label,
                                                                 const char                  *value,
                                                                 const char                  *median,
                                                                 gboolean                     marked);
/* Draws the whole sheet into width × height; what does not fit is left
 * out (lists end with "…"), so that it is always one page. */
void                   prospect_one_on_one_sheet_draw           (cairo_t                     *cr,
                                                                 const ProspectOneOnOneSheet *sheet,
                                                                 double                       width,
                                                                 double                       height,
                                                                 const ProspectChartStyle    *style);
/* One A4 page. The file is replaced in one step: a failed export leaves
 * an existing file as it was. */
gboolean               prospect_one_on_one_sheet_export_pdf     (const ProspectOneOnOneSheet *sheet,
                                                                 const char                  *path,
                                                                 GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectOneOnOneSheet, prospect_one_on_one_sheet_free)

G_END_DECLS
