/* prospect-record.h - base class of every stored entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-database.h"

G_BEGIN_DECLS

/* A record is a GObject whose column properties map one-to-one onto the
 * columns of its table: property "account-id" <-> column account_id. The
 * base class owns id / created-at / updated-at / deleted-at and does the
 * storage (insert, update, soft delete, load) generically from the class's
 * column list, always with prepared statements and bound values.
 *
 * Column property types: gchararray (TEXT; NULL <-> NULL), gint64 and gint
 * (INTEGER), gboolean (INTEGER 0/1), gdouble (REAL). A column installed
 * with PROSPECT_COLUMN_NULLABLE maps the integer value -1 (or NaN for
 * doubles) to SQL NULL and back; such properties must default to -1/NaN. */

typedef enum
{
  PROSPECT_COLUMN_DEFAULT    = 0,
  PROSPECT_COLUMN_NULLABLE   = 1 << 0,
  PROSPECT_COLUMN_SEARCHABLE = 1 << 1, /* matched by prospect_query_search() */
  PROSPECT_COLUMN_HISTORY    = 1 << 2, /* updates write a field_change row */
} ProspectColumnFlags;

#define PROSPECT_TYPE_RECORD (prospect_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (ProspectRecord, prospect_record, PROSPECT, RECORD, GObject)

struct _ProspectRecordClass
{
  GObjectClass parent_class;

  /* Set in class_init: the table, which is also the ::changed detail. */
  const char *table;

  /* Check every field; on failure set a PROSPECT_ERROR_INVALID error with
   * prospect_set_invalid_error() naming the field, and return FALSE.
   * Called by insert and update before anything is written. The database
   * is given so that references (stage exists, ...) can be checked. */
  gboolean (*validate) (ProspectRecord    *self,
                        ProspectDatabase  *db,
                        GError           **error);

  /* Optional: derive fields from others before validation, e.g. a deal's
   * status and close date from its stage. Runs inside the write's
   * transaction. */
  void     (*normalize) (ProspectRecord    *self,
                         ProspectDatabase  *db);

  /* Optional: extra rows to write in the same transaction once the row is
   * stored (e.g. a deal's stage history). previous is the stored row before
   * an update, NULL after an insert. */
  gboolean (*written)   (ProspectRecord    *self,
                         ProspectRecord    *previous,
                         ProspectDatabase  *db,
                         GError           **error);

  gpointer padding[6];
};

/* For subclasses, in class_init after installing their properties. */
void         prospect_record_class_add_column   (ProspectRecordClass *klass,
                                                 const char          *property_name,
                                                 ProspectColumnFlags  flags);

const char  *prospect_record_get_table          (ProspectRecord *self);
const char  *prospect_record_get_id             (ProspectRecord *self);
/* Before the first insert only: importers and the demo generator keep
 * their own ids and creation times. Unset (NULL / 0) = made on insert. */
void         prospect_record_set_id             (ProspectRecord *self,
                                                 const char     *id);
void         prospect_record_set_created_at     (ProspectRecord *self,
                                                 gint64          created_at);
gint64       prospect_record_get_created_at     (ProspectRecord *self);
gint64       prospect_record_get_updated_at     (ProspectRecord *self);
gint64       prospect_record_get_deleted_at     (ProspectRecord *self);  /* 0 = live */

gboolean     prospect_record_validate           (ProspectRecord    *self,
                                                 ProspectDatabase  *db,
                                                 GError           **error);

/* Assigns a new UUIDv7 id (unless one was set) and the timestamps, validates,
 * writes, then emits ::changed. Nothing is written when it fails. */
gboolean     prospect_record_insert             (ProspectRecord    *self,
                                                 ProspectDatabase  *db,
                                                 GError           **error);
/* TRUE once the record was inserted or loaded. */
gboolean     prospect_record_is_stored          (ProspectRecord    *self);
/* insert when not stored yet, update otherwise */
gboolean     prospect_record_save               (ProspectRecord    *self,
                                                 ProspectDatabase  *db,
                                                 GError           **error);
/* Validates and writes all columns; bumps updated_at. When a column has
 * PROSPECT_COLUMN_HISTORY its change is logged in field_change with the
 * "me" setting as author. */
gboolean     prospect_record_update             (ProspectRecord    *self,
                                                 ProspectDatabase  *db,
                                                 GError           **error);
/* Soft delete: sets deleted_at. */
gboolean     prospect_record_delete             (ProspectRecord    *self,
                                                 ProspectDatabase  *db,
                                                 GError           **error);
/* Undo of a soft delete: clears deleted_at. */
gboolean     prospect_record_restore            (ProspectRecord    *self,
                                                 ProspectDatabase  *db,
                                                 GError           **error);

/* Loads a live row by id; NULL + PROSPECT_ERROR_NOT_FOUND if none. */
gpointer     prospect_record_load               (ProspectDatabase  *db,
                                                 GType              record_type,
                                                 const char        *id,
                                                 GError           **error);

/* For the query layer: the column list ("id, created_at, ...") that
 * prospect_record_new_from_statement() expects at result columns 0..n-1. */
const char  *prospect_record_type_get_table     (GType              record_type);
const char  *prospect_record_type_select_list   (GType              record_type);
guint        prospect_record_type_n_columns     (GType              record_type);
gboolean     prospect_record_type_has_column    (GType              record_type,
                                                 const char        *column);
gpointer     prospect_record_new_from_statement (GType              record_type,
                                                 sqlite3_stmt      *stmt);

G_END_DECLS
