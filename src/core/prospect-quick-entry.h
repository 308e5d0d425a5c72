/* prospect-quick-entry.h - one line of text -> an activity or a deal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "prospect-record.h"

G_BEGIN_DECLS

/* The quick entry turns "call Acme tomorrow 10:30 about renewal" into the
 * fields of a record. Parsing is pure: it reads only the text, the given
 * "now" and a context holding the account names, so it can run on every
 * keystroke and be tested with a fixed clock. Committing goes through the
 * record API, so the usual validation applies. */

typedef enum
{
  PROSPECT_QUICK_ENTRY_CALL,
  PROSPECT_QUICK_ENTRY_MEETING,
  PROSPECT_QUICK_ENTRY_EMAIL,
  PROSPECT_QUICK_ENTRY_VISIT,
  PROSPECT_QUICK_ENTRY_DEMO,
  PROSPECT_QUICK_ENTRY_TASK,
  PROSPECT_QUICK_ENTRY_DEAL,
} ProspectQuickEntryKind;

typedef enum
{
  PROSPECT_QUICK_ENTRY_ACCOUNT_NONE,      /* no account mentioned */
  PROSPECT_QUICK_ENTRY_ACCOUNT_MATCHED,   /* account_id / account_name set */
  PROSPECT_QUICK_ENTRY_ACCOUNT_UNKNOWN,   /* account_text names no account: offer to create it */
  PROSPECT_QUICK_ENTRY_ACCOUNT_AMBIGUOUS, /* account_text fits several: candidates */
} ProspectQuickEntryAccountMatch;

/* What a recognised piece of the text stands for (for highlighting). */
typedef enum
{
  PROSPECT_QUICK_ENTRY_ROLE_KIND,
  PROSPECT_QUICK_ENTRY_ROLE_ACCOUNT,
  PROSPECT_QUICK_ENTRY_ROLE_DATE,
  PROSPECT_QUICK_ENTRY_ROLE_TIME,
  PROSPECT_QUICK_ENTRY_ROLE_DURATION,
  PROSPECT_QUICK_ENTRY_ROLE_AMOUNT,
  PROSPECT_QUICK_ENTRY_ROLE_CLOSE,
  PROSPECT_QUICK_ENTRY_ROLE_INVALID,  /* looked like a time/date/amount but is not one */
} ProspectQuickEntryRole;

typedef struct
{
  guint                  start;  /* byte offsets into the parsed text, end exclusive */
  guint                  end;
  ProspectQuickEntryRole role;
} ProspectQuickEntrySpan;

/* The result of a parse. The UI's correction form edits these fields
 * directly before committing, so they are public. Strings are owned. */
typedef struct
{
  ProspectQuickEntryKind         kind;
  gboolean                       kind_given;      /* FALSE: no kind word, defaulted to task */

  ProspectQuickEntryAccountMatch account_match;
  char                          *account_id;
  char                          *account_name;
  char                          *account_text;    /* the words typed for an unknown/ambiguous account */
  GPtrArray                     *candidates;      /* names (char *) when ambiguous */

  char                          *due_date;        /* local "YYYY-MM-DD"; activities only */
  int                            due_hour;        /* -1 = all day */
  int                            due_minute;
  int                            duration_minutes; /* -1 = not given */

  gint64                         amount;          /* minor units, -1 = not given; deals only */
  char                          *currency;
  char                          *expected_close;  /* "YYYY-MM-DD"; deals only */

  char                          *subject;         /* everything not placed, in order */

  /* The first thing that looked like a value but is not one: commit
   * refuses with this message, naming problem_field. */
  char                          *problem;
  const char                    *problem_field;   /* a column name: "due_at", "amount", ... */

  GArray                        *spans;           /* ProspectQuickEntrySpan, in text order */
} ProspectQuickEntry;

typedef struct _ProspectQuickEntryContext ProspectQuickEntryContext;

ProspectQuickEntryContext *prospect_quick_entry_context_new           (const char *currency);
/* Every live account of db, and its "currency" setting. */
ProspectQuickEntryContext *prospect_quick_entry_context_new_for_database (ProspectDatabase  *db,
                                                                       GError           **error);
void                       prospect_quick_entry_context_add_account   (ProspectQuickEntryContext *ctx,
                                                                       const char                *id,
                                                                       const char                *name);
/* The context reads the user's date order (nl_langinfo (D_FMT)) and
 * thousands separator (localeconv) when made; tests set them instead. */
void                       prospect_quick_entry_context_set_locale    (ProspectQuickEntryContext *ctx,
                                                                       const char                *date_format,
                                                                       const char                *thousands_sep);
void                       prospect_quick_entry_context_free          (ProspectQuickEntryContext *ctx);

ProspectQuickEntry *prospect_quick_entry_parse           (const char                      *text,
                                                          GDateTime                       *now,
                                                          const ProspectQuickEntryContext *ctx);
ProspectQuickEntry *prospect_quick_entry_copy            (const ProspectQuickEntry *entry);
void                prospect_quick_entry_free            (ProspectQuickEntry *entry);

const char         *prospect_quick_entry_kind_to_string  (ProspectQuickEntryKind kind); /* "call", ..., "deal" */
const char         *prospect_quick_entry_kind_label      (ProspectQuickEntryKind kind); /* translated, capitalised */
gboolean            prospect_quick_entry_is_activity     (const ProspectQuickEntry *entry);

/* The subject the record gets: the typed one, or "Call Acme Corp" when
 * nothing was left over. */
char               *prospect_quick_entry_dup_title       (const ProspectQuickEntry *entry);

/* Amount text as typed ("12k", "1.5m", "12,000", "12.000,50") to minor
 * units of currency; FALSE + an INVALID error on field "amount". */
gboolean            prospect_quick_entry_parse_amount    (const char  *text,
                                                          const char  *currency,
                                                          gint64      *minor,
                                                          GError     **error);

/* For the correction form, each field on its own. Each returns FALSE and
 * sets an INVALID error naming the field's column when text is not a
 * value of its kind. */
gboolean            prospect_quick_entry_parse_time      (const char  *text,      /* "14:00", "2pm" */
                                                          int         *hour,
                                                          int         *minute,
                                                          GError     **error);
gboolean            prospect_quick_entry_parse_duration  (const char  *text,      /* "45", "45min", "1h30" */
                                                          int         *minutes,
                                                          GError     **error);
/* The account text names: the same rules as in a line (exact name first,
 * then the start of a name or of a word in it). id and name are set when
 * MATCHED. */
ProspectQuickEntryAccountMatch
                    prospect_quick_entry_context_match_account (const ProspectQuickEntryContext *ctx,
                                                                const char                      *text,
                                                                char                           **id,
                                                                char                           **name);

/* The case- and accent-insensitive form the account matcher compares:
 * decomposed, marks dropped, case-folded, runs of anything but letters and
 * digits turned into one space ("Café Müller, GmbH" -> "cafe muller gmbh").
 * Other searches use it so that they find what quick entry finds. */
char               *prospect_quick_entry_fold            (const char *text);

/* The record the entry would create (a ProspectActivity or a
 * ProspectDeal), validated but not stored. Errors name their field. */
ProspectRecord     *prospect_quick_entry_build           (const ProspectQuickEntry  *entry,
                                                          ProspectDatabase          *db,
                                                          const char                *owner_id,
                                                          GError                   **error);
/* build + insert. Nothing is written on failure. */
ProspectRecord     *prospect_quick_entry_commit          (const ProspectQuickEntry  *entry,
                                                          ProspectDatabase          *db,
                                                          const char                *owner_id,
                                                          GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectQuickEntry, prospect_quick_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectQuickEntryContext, prospect_quick_entry_context_free)

G_END_DECLS
