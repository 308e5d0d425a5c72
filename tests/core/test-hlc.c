/* test-hlc.c - hybrid logical clock times, with a fake wall clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-util.h"

#include "prospect-hlc.h"

static void
assert_after (const char *later,
              const char *earlier)
{
  if (strcmp (later, earlier) <= 0)
    g_error ("“%s” does not sort after “%s”", later, earlier);
}

static void
assert_time (const char *text,
             gint64      want_ms,
             guint       want_counter)
{
  g_autofree char *device = NULL;
  gint64 ms;
  guint counter;

  g_assert_true (prospect_hlc_parse (text, &ms, &counter, &device));
  g_assert_cmpint (ms, ==, want_ms);
  g_assert_cmpuint (counter, ==, want_counter);
}

/* Edits within one millisecond count on; a later millisecond starts
 * the counter again. */
static void
test_follows_wall_clock (void)
{
  g_autoptr(ProspectHlc) clock = prospect_hlc_new ("laptop", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  prospect_clock_set_fake_ms (1000);
  a = prospect_hlc_now (clock);
  b = prospect_hlc_now (clock);
  prospect_clock_set_fake_ms (1500);
  c = prospect_hlc_now (clock);
  prospect_clock_set_fake_ms (0);

  g_assert_cmpstr (a, ==, "000000000001000.00000.laptop");
  assert_time (b, 1000, 1);
  assert_time (c, 1500, 0);
  assert_after (b, a);
  assert_after (c, b);
}

/* The wall clock set back (NTP, a wrong time zone fixed) does not send
 * the times back. */
static void
test_wall_clock_goes_back (void)
{
  g_autoptr(ProspectHlc) clock = prospect_hlc_new ("laptop", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  prospect_clock_set_fake_ms (2000);
  before = prospect_hlc_now (clock);
  prospect_clock_set_fake_ms (1000);
  after = prospect_hlc_now (clock);
  prospect_clock_set_fake_ms (0);

  assert_time (after, 2000, 1);
  assert_after (after, before);
}

/* A time from a device whose clock runs ahead: what is edited here after
 * seeing it sorts after it. */
static void
test_receive_ahead (void)
{
  g_autoptr(ProspectHlc) clock = prospect_hlc_new ("laptop", NULL);
  const char *remote = "000000000005000.00007.phone";
  g_autofree char *next = NULL;
  g_autofree char *last = NULL;

  prospect_clock_set_fake_ms (3000);
  g_assert_true (prospect_hlc_receive (clock, remote));
  next = prospect_hlc_now (clock);
  prospect_clock_set_fake_ms (0);

  assert_time (next, 5000, 8);
  assert_after (next, remote);
  last = prospect_hlc_last (clock);
  g_assert_cmpstr (last, ==, next);
}

/* A time behind ours changes nothing; garbage is refused. */
static void
test_receive_behind_and_garbage (void)
{
  g_autoptr(ProspectHlc) clock = prospect_hlc_new ("laptop", "000000000009000.00003.laptop");
  const char *bad[] = { "", "9000.3.phone", "000000000009000-00003-phone", "00000000000900a.00003.x",
                        "000000000009000.00003.", "000000000009000.00003.a.b" };
  g_autofree char *next = NULL;

  prospect_clock_set_fake_ms (1000);
  g_assert_true (prospect_hlc_receive (clock, "000000000004000.00000.phone"));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (prospect_hlc_receive (clock, bad[i]));
  next = prospect_hlc_now (clock);
  prospect_clock_set_fake_ms (0);

  assert_time (next, 9000, 4);
}

/* Restarted from the last time kept, the clock goes on after it even
 * when the wall clock is behind; a full counter steps one ms on. */
static void
test_restart_and_full_counter (void)
{
  g_autoptr(ProspectHlc) clock = prospect_hlc_new ("laptop", "000000000001000.99999.laptop");
  g_autofree char *next = NULL;

  prospect_clock_set_fake_ms (500);
  next = prospect_hlc_now (clock);
  prospect_clock_set_fake_ms (0);

  assert_time (next, 1001, 0);
  assert_after (next, "000000000001000.99999.laptop");
}

/* Two devices at the same instant: the device id decides, the same way
 * on every machine. */
static void
test_ties_break_by_device (void)
{
  g_autoptr(ProspectHlc) a = prospect_hlc_new ("device-a", NULL);
  g_autoptr(ProspectHlc) b = prospect_hlc_new ("device-b", NULL);
  g_autofree char *from_a = NULL;
  g_autofree char *from_b = NULL;

  prospect_clock_set_fake_ms (7000);
  from_a = prospect_hlc_now (a);
  from_b = prospect_hlc_now (b);
  prospect_clock_set_fake_ms (0);

  assert_after (from_b, from_a);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/hlc/follows-wall-clock", test_follows_wall_clock);
  g_test_add_func ("/core/hlc/wall-clock-goes-back", test_wall_clock_goes_back);
  g_test_add_func ("/core/hlc/receive-ahead", test_receive_ahead);
  g_test_add_func ("/core/hlc/receive-behind-and-garbage", test_receive_behind_and_garbage);
  g_test_add_func ("/core/hlc/restart-and-full-counter", test_restart_and_full_counter);
  g_test_add_func ("/core/hlc/ties-break-by-device", test_ties_break_by_device);

  return g_test_run ();
}
