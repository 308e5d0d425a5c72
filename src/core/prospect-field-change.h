/* prospect-field-change.h - one logged change of a field (the timeline)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-query.h"

G_BEGIN_DECLS

/* Properties (= columns of table "field_change"): entity (table name),
 * entity-id, field (column name), old-value and new-value (as text, NULL
 * for no value), changed-at (UTC ms), changed-by (person id or NULL).
 * Written by prospect_record_update() for HISTORY columns; read by the
 * deal timeline. */
#define PROSPECT_TYPE_FIELD_CHANGE (prospect_field_change_get_type ())
G_DECLARE_FINAL_TYPE (ProspectFieldChange, prospect_field_change, PROSPECT, FIELD_CHANGE, ProspectRecord)

ProspectFieldChange *prospect_field_change_new            (void);
ProspectFieldChange *prospect_field_change_load           (ProspectDatabase  *db,
                                                           const char        *id,
                                                           GError           **error);
const char          *prospect_field_change_get_entity     (ProspectFieldChange *self);
void                 prospect_field_change_set_entity     (ProspectFieldChange *self,
                                                           const char          *entity);
const char          *prospect_field_change_get_entity_id  (ProspectFieldChange *self);
void                 prospect_field_change_set_entity_id  (ProspectFieldChange *self,
                                                           const char          *entity_id);
const char          *prospect_field_change_get_field      (ProspectFieldChange *self);
void                 prospect_field_change_set_field      (ProspectFieldChange *self,
                                                           const char          *field);
const char          *prospect_field_change_get_old_value  (ProspectFieldChange *self);
void                 prospect_field_change_set_old_value  (ProspectFieldChange *self,
                                                           const char          *old_value);
const char          *prospect_field_change_get_new_value  (ProspectFieldChange *self);
void                 prospect_field_change_set_new_value  (ProspectFieldChange *self,
                                                           const char          *new_value);
gint64               prospect_field_change_get_changed_at (ProspectFieldChange *self);
void                 prospect_field_change_set_changed_at (ProspectFieldChange *self,
                                                           gint64               changed_at);
const char          *prospect_field_change_get_changed_by (ProspectFieldChange *self);
void                 prospect_field_change_set_changed_by (ProspectFieldChange *self,
                                                           const char          *changed_by);

/* The logged changes of one row (entity = its table), oldest first. */
ProspectQuery       *prospect_field_change_query_for (const char *entity,
                                                      const char *entity_id);

G_END_DECLS
