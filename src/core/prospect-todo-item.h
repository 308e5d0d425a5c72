/* prospect-todo-item.h - one step of an activity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-query.h"

G_BEGIN_DECLS

/* Properties (= columns of table "todo_item"): activity-id, position,
 * text, planned-minutes, resources, result (the measured outcome),
 * done. */
#define PROSPECT_TYPE_TODO_ITEM (prospect_todo_item_get_type ())
G_DECLARE_FINAL_TYPE (ProspectTodoItem, prospect_todo_item, PROSPECT, TODO_ITEM, ProspectRecord)

ProspectTodoItem *prospect_todo_item_new                 (void);
ProspectTodoItem *prospect_todo_item_load                (ProspectDatabase  *db,
                                                          const char        *id,
                                                          GError           **error);
const char       *prospect_todo_item_get_activity_id     (ProspectTodoItem *self);
void              prospect_todo_item_set_activity_id     (ProspectTodoItem *self,
                                                          const char       *activity_id);
gint              prospect_todo_item_get_position        (ProspectTodoItem *self);
void              prospect_todo_item_set_position        (ProspectTodoItem *self,
                                                          gint              position);
const char       *prospect_todo_item_get_text            (ProspectTodoItem *self);
void              prospect_todo_item_set_text            (ProspectTodoItem *self,
                                                          const char       *text);
gint              prospect_todo_item_get_planned_minutes (ProspectTodoItem *self);
void              prospect_todo_item_set_planned_minutes (ProspectTodoItem *self,
                                                          gint              planned_minutes);
const char       *prospect_todo_item_get_resources       (ProspectTodoItem *self);
void              prospect_todo_item_set_resources       (ProspectTodoItem *self,
                                                          const char       *resources);
const char       *prospect_todo_item_get_result          (ProspectTodoItem *self);
void              prospect_todo_item_set_result          (ProspectTodoItem *self,
                                                          const char       *result);
gboolean          prospect_todo_item_get_done            (ProspectTodoItem *self);
void              prospect_todo_item_set_done            (ProspectTodoItem *self,
                                                          gboolean          done);

/* The items of activity_id in their order. */
ProspectQuery    *prospect_todo_item_query_for_activity (const char *activity_id);
/* The progress of activity_id's live items, for its row: how many are
 * done, how many there are and their planned minutes summed. */
gboolean          prospect_todo_item_progress           (ProspectDatabase  *db,
                                                         const char        *activity_id,
                                                         guint             *n_done,
                                                         guint             *n_items,
                                                         gint64            *planned_minutes,
                                                         GError           **error);

G_END_DECLS
