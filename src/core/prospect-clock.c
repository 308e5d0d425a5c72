/* prospect-clock.c - the core's idea of "now", and record ids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-clock"

#include "config.h"

#include "prospect-clock.h"

/* Set by tests before any worker thread starts; read everywhere. A plain
 * atomic int64 is not in GLib 2.74, and a torn read cannot happen on the
 * 64-bit platforms we ship for. */
static gint64 fake_now_ms;

gint64
prospect_clock_now_ms (void)
{
  if (fake_now_ms != 0)
    return fake_now_ms;

  return g_get_real_time () / 1000;
}

GDateTime *
prospect_clock_now_local (void)
{
  gint64 now_ms = prospect_clock_now_ms ();
  g_autoptr(GDateTime) whole_seconds = NULL;

  whole_seconds = g_date_time_new_from_unix_local (now_ms / 1000);

  return g_date_time_add (whole_seconds, (now_ms % 1000) * G_TIME_SPAN_MILLISECOND);
}

char *
prospect_clock_today_iso (void)
{
  g_autoptr(GDateTime) now = prospect_clock_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

void
prospect_clock_set_fake_ms (gint64 now_ms)
{
  fake_now_ms = now_ms;
}

static char *
format_uuid_v7 (gint64        ms,
                const guint32 random_words[3])
{
  guint8 b[16];

  /* 48-bit big-endian Unix milliseconds */
  for (guint i = 0; i < 6; i++)
    b[i] = (ms >> (8 * (5 - i))) & 0xff;

  for (guint i = 0; i < 10; i++)
    b[6 + i] = (random_words[i / 4] >> (8 * (i % 4))) & 0xff;

  b[6] = 0x70 | (b[6] & 0x0f);  /* version 7 */
  b[8] = 0x80 | (b[8] & 0x3f);  /* variant 0b10 */

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                          b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

char *
prospect_id_new (void)
{
  guint32 words[3] = { g_random_int (), g_random_int (), g_random_int () };

  return format_uuid_v7 (prospect_clock_now_ms (), words);
}

char *
prospect_id_new_with (gint64  ms,
                      GRand  *rand)
{
  guint32 words[3];

  g_return_val_if_fail (rand != NULL, NULL);
  g_return_val_if_fail (ms >= 0, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    words[i] = g_rand_int (rand);

  return format_uuid_v7 (ms, words);
}
