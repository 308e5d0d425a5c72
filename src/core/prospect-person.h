/* prospect-person.h - a member of the sales organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-query.h"

G_BEGIN_DECLS

/* Properties (= columns of table "person"): name, email, role ("rep",
 * "manager", "director"), manager-id (reporting line), region, active. */
#define PROSPECT_TYPE_PERSON (prospect_person_get_type ())
G_DECLARE_FINAL_TYPE (ProspectPerson, prospect_person, PROSPECT, PERSON, ProspectRecord)

ProspectPerson *prospect_person_new            (void);
ProspectPerson *prospect_person_load           (ProspectDatabase  *db,
                                                const char        *id,
                                                GError           **error);
const char     *prospect_person_get_name       (ProspectPerson *self);
void            prospect_person_set_name       (ProspectPerson *self,
                                                const char     *name);
const char     *prospect_person_get_email      (ProspectPerson *self);
void            prospect_person_set_email      (ProspectPerson *self,
                                                const char     *email);
const char     *prospect_person_get_role       (ProspectPerson *self);
void            prospect_person_set_role       (ProspectPerson *self,
                                                const char     *role);
const char     *prospect_person_get_manager_id (ProspectPerson *self);
void            prospect_person_set_manager_id (ProspectPerson *self,
                                                const char     *manager_id);
const char     *prospect_person_get_region     (ProspectPerson *self);
void            prospect_person_set_region     (ProspectPerson *self,
                                                const char     *region);
gboolean        prospect_person_get_active     (ProspectPerson *self);
void            prospect_person_set_active     (ProspectPerson *self,
                                                gboolean        active);

/* Convenience queries: everybody (sorted by name), and the people who
 * report directly to manager_id (sorted by name). */
ProspectQuery  *prospect_person_query_all      (void);
ProspectQuery  *prospect_person_query_reports  (const char *manager_id);

G_END_DECLS
