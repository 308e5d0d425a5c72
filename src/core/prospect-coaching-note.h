/* prospect-coaching-note.h - notes of a 1:1 between a rep and their coach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-query.h"

G_BEGIN_DECLS

/* Properties (= columns of table "coaching_note"): rep-id, author-id,
 * held-on (the date of the 1:1, "YYYY-MM-DD"), body, shared (TRUE = the
 * rep sees it; FALSE = private to the author). */
#define PROSPECT_TYPE_COACHING_NOTE (prospect_coaching_note_get_type ())
G_DECLARE_FINAL_TYPE (ProspectCoachingNote, prospect_coaching_note, PROSPECT, COACHING_NOTE, ProspectRecord)

ProspectCoachingNote *prospect_coaching_note_new           (void);
ProspectCoachingNote *prospect_coaching_note_load          (ProspectDatabase  *db,
                                                            const char        *id,
                                                            GError           **error);
const char           *prospect_coaching_note_get_rep_id    (ProspectCoachingNote *self);
void                  prospect_coaching_note_set_rep_id    (ProspectCoachingNote *self,
                                                            const char           *rep_id);
const char           *prospect_coaching_note_get_author_id (ProspectCoachingNote *self);
void                  prospect_coaching_note_set_author_id (ProspectCoachingNote *self,
                                                            const char           *author_id);
const char           *prospect_coaching_note_get_held_on   (ProspectCoachingNote *self);
void                  prospect_coaching_note_set_held_on   (ProspectCoachingNote *self,
                                                            const char           *held_on);
const char           *prospect_coaching_note_get_body      (ProspectCoachingNote *self);
void                  prospect_coaching_note_set_body      (ProspectCoachingNote *self,
                                                            const char           *body);
gboolean              prospect_coaching_note_get_shared    (ProspectCoachingNote *self);
void                  prospect_coaching_note_set_shared    (ProspectCoachingNote *self,
                                                            gboolean              shared);

/* The notes about rep_id, latest 1:1 first (private ones included:
 * filter on "shared" / "author_id" to show what a viewer may see). */
ProspectQuery        *prospect_coaching_note_query_for_rep (const char *rep_id);

G_END_DECLS
