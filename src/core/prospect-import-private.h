/* prospect-import-private.h - what the presets hand to the writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-csv-reader.h"
#include "prospect-import.h"

G_BEGIN_DECLS

/* Strings are interned in ProspectImport.strings; NULL = the file does
 * not say (an existing value is kept on re-import). */
typedef struct
{
  const char *name;
  const char *manager;     /* name of the manager, or NULL */
  const char *region;
  const char *role;        /* "rep" or "manager" */
} ImportPerson;

typedef struct
{
  const char *external_id;
  const char *name;
  const char *sector;
  gint64      revenue;     /* minor units, -1 = unknown */
  gint64      employees;   /* -1 = unknown */
  const char *location;
  const char *parent;      /* name of the parent account */
} ImportAccount;

typedef struct
{
  const char *name;
  const char *family;
  gint64      list_price;  /* minor units */
} ImportProduct;

typedef struct
{
  const char *file;
  guint       line;
  gboolean    bad;

  const char *id;          /* generic preset: a Prospect deal id */
  const char *external_id;
  const char *title;
  gboolean    title_made;  /* made up by the preset: set on insert only */
  const char *account;
  const char *account_external_id;
  const char *contact;
  const char *owner;
  const char *stage;
  char        status;      /* 'o', 'w', 'l', or 0 = from the stage */
  gint64      amount;      /* -1 = not given */
  char        currency[4];
  int         probability; /* -1 = not given */
  int         priority;    /* -1 = not given */
  char        expected_close[11];
  char        closed_on[11];
  char        created_on[11];
  gint64      created_ms;  /* an exact creation instant, 0 = unknown */
  /* A stage passed on the way, with its date (Maven: Engaging on
   * engage_date before Won or Lost); the deal's own stage is dated
   * stage_on, closed_on or created_on, in that order. */
  const char *via_stage;
  char        via_on[11];
  char        stage_on[11];
  const char *next_step;
  const char *challenges;
  const char *region;
  const char *channel;
  const char *product;
  const char *source;
  const char *lost_reason;
} ImportDeal;

struct _ProspectImport
{
  ProspectImportPreset  requested;
  ProspectImportPreset  preset;
  ProspectDateOrder     date_order;
  GPtrArray            *tables;     /* ProspectCsvTable */
  GPtrArray            *names;      /* char *: base name per table */
  char                **mapping;    /* user mapping for the first table */
  guint                 n_mapping;
  char                 *mapping_key;

  GStringChunk         *strings;
  GArray               *people;     /* ImportPerson */
  GArray               *accounts;   /* ImportAccount */
  GArray               *products;   /* ImportProduct */
  GArray               *deals;      /* ImportDeal */
  const char * const   *stage_order; /* open stages in the source's order, or NULL */
  GPtrArray            *notices;
  GPtrArray            *problems;
  gboolean              prepared;
};

/* Interned copy; "" and NULL give NULL. Surrounding spaces are dropped. */
const char *prospect_import_intern   (ProspectImport *self,
                                      const char     *text);
void        prospect_import_problem  (ProspectImport *self,
                                      const char     *file,
                                      guint           line,
                                      const char     *column,
                                      const char     *format,
                                      ...) G_GNUC_PRINTF (5, 6);
void        prospect_import_notice   (ProspectImport *self,
                                      const char     *format,
                                      ...) G_GNUC_PRINTF (2, 3);
void        prospect_import_deal_init (ImportDeal     *deal,
                                       const char     *file,
                                       guint           line);

gboolean    prospect_import_save_mapping (ProspectImport    *self,
                                          ProspectDatabase  *db,
                                          GError           **error);

/* prospect-import-presets.c */
/* Lower-case letters and digits only: "GTXPro" matches "GTX Pro". */
char       *prospect_import_squash       (const char *text);
ProspectImportPreset prospect_import_detect_preset (const ProspectCsvTable *table);
gboolean    prospect_import_map_maven    (ProspectImport  *self,
                                          GError         **error);
gboolean    prospect_import_map_table    (ProspectImport          *self,
                                          ProspectImportPreset     preset,
                                          const ProspectCsvTable  *table,
                                          const char              *file,
                                          const char * const      *user_mapping,
                                          GError                 **error);

G_END_DECLS
