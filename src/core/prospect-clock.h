/* prospect-clock.h - the core's idea of "now", injectable for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every place in the core that needs the current time asks here, so that
 * tests (and the demo generator) can pin time. With no override this is the
 * real wall clock. */
gint64      prospect_clock_now_ms       (void);      /* UTC ms since the epoch */
GDateTime  *prospect_clock_now_local    (void);      /* the same instant, local zone */
char       *prospect_clock_today_iso    (void);      /* local date, "YYYY-MM-DD" */
void        prospect_clock_set_fake_ms  (gint64 now_ms); /* 0 = back to the real clock */

/* UUIDv7 (RFC 9562): 48-bit ms timestamp + random bits, as 36-char text.
 * Time-ordered, so ids made on one laptop sort by creation time and index
 * locality stays good. */
char       *prospect_id_new             (void);
/* The same layout with the timestamp and random bits given: the seeded demo
 * generator makes the same ids on every run. */
char       *prospect_id_new_with        (gint64 ms,
                                         GRand *rand);

G_END_DECLS
