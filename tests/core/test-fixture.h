/* test-fixture.h - a database with one row of each kind to point at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "test-util.h"

G_BEGIN_DECLS

typedef struct
{
  ProspectDatabase *db;
  char             *manager_id;
  char             *rep_id;
  char             *account_id;
  char             *contact_id;
  char             *product_id;
  char             *stage_id;       /* Prospecting */
  char             *next_stage_id;  /* Qualified */
  char             *deal_id;
  char             *activity_id;
} Fixture;

void     fixture_set_up     (Fixture       *fixture,
                             gconstpointer  data);
void     fixture_tear_down  (Fixture       *fixture,
                             gconstpointer  data);

/* A valid, not yet stored record of type, pointing at the fixture's rows. */
GObject *fixture_new_valid  (Fixture       *fixture,
                             GType          type);

G_END_DECLS
