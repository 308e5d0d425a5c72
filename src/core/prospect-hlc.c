/* prospect-hlc.c - hybrid logical clock times for team sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prospect-hlc"

#include "config.h"

#include <string.h>

#include "prospect-clock.h"
#include "prospect-hlc.h"

struct _ProspectHlc
{
  char   *device_id;
  gint64  ms;        /* the physical part of the latest time */
  guint   counter;
};

/* 15 digits of ms reach the year 33658: the text sorts by number. */
#define MS_DIGITS 15
#define COUNTER_DIGITS 5

ProspectHlc *
prospect_hlc_new (const char *device_id,
                  const char *last)
{
  ProspectHlc *self;

  g_return_val_if_fail (device_id != NULL && *device_id != '\0', NULL);
  g_return_val_if_fail (strchr (device_id, '.') == NULL, NULL);

  self = g_new0 (ProspectHlc, 1);
  self->device_id = g_strdup (device_id);
  if (last != NULL && !prospect_hlc_parse (last, &self->ms, &self->counter, NULL))
    g_warning ("Not a clock time: “%s”; starting from the wall clock", last);

  return self;
}

void
prospect_hlc_free (ProspectHlc *self)
{
  if (self == NULL)
    return;

  g_free (self->device_id);
  g_free (self);
}

char *
prospect_hlc_format (gint64      ms,
                     guint       counter,
                     const char *device_id)
{
  g_return_val_if_fail (ms >= 0 && counter <= PROSPECT_HLC_MAX_COUNTER, NULL);
  g_return_val_if_fail (device_id != NULL, NULL);

  return g_strdup_printf ("%0*" G_GINT64_FORMAT ".%0*u.%s", MS_DIGITS, ms, COUNTER_DIGITS, counter,
                          device_id);
}

static gboolean
all_digits (const char *text,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

gboolean
prospect_hlc_parse (const char  *text,
                    gint64      *ms,
                    guint       *counter,
                    char       **device)
{
  const char *device_start = text + MS_DIGITS + 1 + COUNTER_DIGITS + 1;

  if (text == NULL || strlen (text) <= MS_DIGITS + 1 + COUNTER_DIGITS + 1 ||
      !all_digits (text, MS_DIGITS) || text[MS_DIGITS] != '.' ||
      !all_digits (text + MS_DIGITS + 1, COUNTER_DIGITS) || device_start[-1] != '.' ||
      strchr (device_start, '.') != NULL)
    return FALSE;

  *ms = g_ascii_strtoll (text, NULL, 10);
  *counter = (guint) g_ascii_strtoull (text + MS_DIGITS + 1, NULL, 10);
  if (device != NULL)
    *device = g_strdup (device_start);

  return TRUE;
}

/* Moves the clock to physical time ms (not behind itself): a new ms
 * starts the counter again, the same ms counts on. When the counter is
 * full the physical part steps one ms ahead of the wall clock rather than
 * wrap, so times stay ordered. */
static void
advance (ProspectHlc *self,
         gint64       ms,
         guint        counter_at_least)
{
  if (ms > self->ms)
    {
      self->ms = ms;
      self->counter = counter_at_least;
    }
  else
    self->counter = MAX (self->counter + 1, counter_at_least);

  if (self->counter > PROSPECT_HLC_MAX_COUNTER)
    {
      self->ms++;
      self->counter = 0;
    }
}

char *
prospect_hlc_now (ProspectHlc *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  advance (self, prospect_clock_now_ms (), 0);

  return prospect_hlc_format (self->ms, self->counter, self->device_id);
}

gboolean
prospect_hlc_receive (ProspectHlc *self,
                      const char  *remote)
{
  gint64 wall = prospect_clock_now_ms ();
  gint64 remote_ms;
  guint remote_counter;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!prospect_hlc_parse (remote, &remote_ms, &remote_counter, NULL))
    return FALSE;

  if (wall > self->ms && wall > remote_ms)
    {
      self->ms = wall;
      self->counter = 0;
    }
  else if (remote_ms > self->ms)
    {
      self->ms = remote_ms;
      self->counter = remote_counter;
    }
  else if (remote_ms == self->ms)
    advance (self, self->ms, remote_counter);

  return TRUE;
}

char *
prospect_hlc_last (ProspectHlc *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return prospect_hlc_format (self->ms, self->counter, self->device_id);
}
