/* prospect-hlc.h - hybrid logical clock times for team sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A hybrid logical clock (Kulkarni et al., 2014) orders the edits made on
 * every laptop of a team: its times follow the wall clock, never go back
 * (even when the wall clock does), and a time received from another
 * device moves the clock past it, so an edit made after seeing a change
 * always sorts after that change.
 *
 * A time is text that sorts like the clock: "MMMMMMMMMMMMMMM.CCCCC.DEVICE",
 * the physical part in UTC ms (15 digits), a counter for times within one
 * ms (5 digits) and the id of the device that made it, which breaks ties.
 * The team server compares these strings (data/server/prospect-server.sql). */

#define PROSPECT_HLC_MAX_COUNTER 99999

typedef struct _ProspectHlc ProspectHlc;

/* device_id: a short text without '.' (a UUID). The clock starts at
 * last (a time it made before, e.g. kept in the database) or from
 * nothing when last is NULL. */
ProspectHlc *prospect_hlc_new          (const char   *device_id,
                                        const char   *last);
void         prospect_hlc_free         (ProspectHlc  *self);

/* A new time for a local edit, after every time made or received. */
char        *prospect_hlc_now          (ProspectHlc  *self);
/* Takes in a time from another device: later local times sort after it.
 * FALSE (and the clock unchanged) when remote is not a time. */
gboolean     prospect_hlc_receive      (ProspectHlc  *self,
                                        const char   *remote);
/* The latest time made or received, to keep across restarts. */
char        *prospect_hlc_last         (ProspectHlc  *self);

/* Reads a time; FALSE when text is not one. device may be NULL. */
gboolean     prospect_hlc_parse        (const char   *text,
                                        gint64       *ms,
                                        guint        *counter,
                                        char        **device);
char        *prospect_hlc_format       (gint64        ms,
                                        guint         counter,
                                        const char   *device_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectHlc, prospect_hlc_free)

G_END_DECLS
