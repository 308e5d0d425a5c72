/* prospect-quick-entry.c - one line of text -> an activity or a deal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prospect-quick-entry"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prospect-account.h"
#include "prospect-activity.h"
#include "prospect-deal.h"
#include "prospect-error.h"
#include "prospect-quick-entry.h"
#include "prospect-stage.h"
#include "prospect-validate.h"

/* Longest account name (in words) tried against the text. */
#define MAX_PHRASE_TOKENS 6
/* Amounts above this (in minor units) are refused rather than overflowing. */
#define MAX_AMOUNT G_GINT64_CONSTANT (1000000000000000)

typedef struct
{
  char *id;
  char *name;
  char *folded;  /* see fold() */
} Account;

struct _ProspectQuickEntryContext
{
  GArray *accounts;       /* Account */
  char   *currency;
  char   *date_format;    /* strftime-style, as nl_langinfo (D_FMT) */
  char   *thousands_sep;  /* "" = none besides ',' and '.' */
};

typedef struct
{
  guint     start;   /* byte extent of the word, trailing ",;" trimmed */
  guint     end;
  guint     raw_end; /* with the trimmed punctuation, for the subject */
  char     *word;    /* the trimmed text */
  char     *folded;
  gboolean  placed;
  gboolean  in_subject; /* placed, but kept in the subject too (an account after "to") */
} Token;

typedef struct
{
  const char                      *text;
  GDate                            today;
  const ProspectQuickEntryContext *ctx;
  GArray                          *tokens;  /* Token */
  ProspectQuickEntry              *entry;
  gboolean                         have_date;
  gboolean                         have_time;
} Parser;

typedef enum
{
  MATCH_NONE,
  MATCH_INNER_WORD,
  MATCH_PARTIAL_PREFIX,
  MATCH_WORD_PREFIX,
  MATCH_EXACT,
} MatchLevel;

static const struct
{
  const char             *word;
  ProspectQuickEntryKind  kind;
} kind_words[] = {
  { "call", PROSPECT_QUICK_ENTRY_CALL },
  { "phone", PROSPECT_QUICK_ENTRY_CALL },
  { "meeting", PROSPECT_QUICK_ENTRY_MEETING },
  { "meet", PROSPECT_QUICK_ENTRY_MEETING },
  { "email", PROSPECT_QUICK_ENTRY_EMAIL },
  { "e-mail", PROSPECT_QUICK_ENTRY_EMAIL },
  { "mail", PROSPECT_QUICK_ENTRY_EMAIL },
  { "visit", PROSPECT_QUICK_ENTRY_VISIT },
  { "demo", PROSPECT_QUICK_ENTRY_DEMO },
  { "task", PROSPECT_QUICK_ENTRY_TASK },
  { "todo", PROSPECT_QUICK_ENTRY_TASK },
  { "deal", PROSPECT_QUICK_ENTRY_DEAL },
};

static const char * const kind_names[] = {
  "call", "meeting", "email", "visit", "demo", "task", "deal",
};

static const char * const weekdays[][3] = {
  /* indexed by GDateWeekday - 1 */
  { "mon", "monday", NULL },
  { "tue", "tuesday", "tues" },
  { "wed", "wednesday", NULL },
  { "thu", "thursday", "thurs" },
  { "fri", "friday", NULL },
  { "sat", "saturday", NULL },
  { "sun", "sunday", NULL },
};

static const char * const months[][2] = {
  { "jan", "january" }, { "feb", "february" }, { "mar", "march" },
  { "apr", "april" }, { "may", "may" }, { "jun", "june" },
  { "jul", "july" }, { "aug", "august" }, { "sep", "september" },
  { "oct", "october" }, { "nov", "november" }, { "dec", "december" },
};

/* Words that glue a sentence together: a phrase starting with one must
 * match an account exactly ("the" is not the start of "Theta Labs"). */
static const char * const prepositions[] = {
  "to", "with", "for", "at", "from", "about", "the", "a", "an", "and", "of", "in", "on", "re", NULL,
};

/* ISO 4217 codes without minor units that people plausibly price in. */
static const char * const zero_decimal_currencies[] = {
  "JPY", "KRW", "ISK", "CLP", "VND", "HUF", NULL,
};

static const char * const known_currencies[] = {
  "USD", "EUR", "GBP", "CHF", "JPY", "CAD", "AUD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", NULL,
};

/* Case- and accent-insensitive form: decomposed, marks dropped,
 * case-folded, runs of anything but letters and digits turned into one
 * space. "Café Müller, GmbH" -> "cafe muller gmbh". */
static char *
fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  g_autofree char *folded = NULL;
  GString *out = g_string_new (NULL);
  gboolean pending_space = FALSE;

  if (decomposed == NULL)
    return g_string_free (out, FALSE);

  folded = g_utf8_casefold (decomposed, -1);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (!g_unichar_isalnum (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
prospect_quick_entry_fold (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return fold (text);
}

static gboolean
str_in (const char         *word,
        const char * const *list)
{
  return word != NULL && g_strv_contains (list, word);
}

static gboolean
is_ascii_digits (const char *s,
                 gsize       len)
{
  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* Context */

static void
account_clear (gpointer data)
{
  Account *account = data;

  g_free (account->id);
  g_free (account->name);
  g_free (account->folded);
}

ProspectQuickEntryContext *
prospect_quick_entry_context_new (const char *currency)
{
  ProspectQuickEntryContext *ctx = g_new0 (ProspectQuickEntryContext, 1);
  const struct lconv *conv = localeconv ();

  ctx->accounts = g_array_new (FALSE, TRUE, sizeof (Account));
  g_array_set_clear_func (ctx->accounts, account_clear);
  ctx->currency = g_strdup (currency != NULL ? currency : "USD");
  ctx->date_format = g_strdup (nl_langinfo (D_FMT));
  ctx->thousands_sep = g_strdup (conv->thousands_sep != NULL ? conv->thousands_sep : "");

  return ctx;
}

ProspectQuickEntryContext *
prospect_quick_entry_context_new_for_database (ProspectDatabase  *db,
                                               GError           **error)
{
  g_autoptr(ProspectQuery) query = prospect_account_query_all ();
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *currency = NULL;
  ProspectQuickEntryContext *ctx;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);

  accounts = prospect_query_fetch (query, db, 0, -1, error);
  if (accounts == NULL)
    return NULL;

  currency = prospect_database_get_setting (db, "currency");
  ctx = prospect_quick_entry_context_new (currency);
  for (guint i = 0; i < accounts->len; i++)
    {
      ProspectAccount *account = g_ptr_array_index (accounts, i);

      prospect_quick_entry_context_add_account (ctx,
                                                prospect_record_get_id (PROSPECT_RECORD (account)),
                                                prospect_account_get_name (account));
    }

  return ctx;
}

void
prospect_quick_entry_context_add_account (ProspectQuickEntryContext *ctx,
                                          const char                *id,
                                          const char                *name)
{
  Account account;

  g_return_if_fail (ctx != NULL);
  g_return_if_fail (id != NULL && name != NULL);

  account.id = g_strdup (id);
  account.name = g_strdup (name);
  account.folded = fold (name);
  g_array_append_val (ctx->accounts, account);
}

void
prospect_quick_entry_context_set_locale (ProspectQuickEntryContext *ctx,
                                         const char                *date_format,
                                         const char                *thousands_sep)
{
  g_return_if_fail (ctx != NULL);

  g_free (ctx->date_format);
  ctx->date_format = g_strdup (date_format != NULL ? date_format : "%m/%d/%y");
  g_free (ctx->thousands_sep);
  ctx->thousands_sep = g_strdup (thousands_sep != NULL ? thousands_sep : "");
}

void
prospect_quick_entry_context_free (ProspectQuickEntryContext *ctx)
{
  if (ctx == NULL)
    return;

  g_array_unref (ctx->accounts);
  g_free (ctx->currency);
  g_free (ctx->date_format);
  g_free (ctx->thousands_sep);
  g_free (ctx);
}

/* Result */

void
prospect_quick_entry_free (ProspectQuickEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->account_id);
  g_free (entry->account_name);
  g_free (entry->account_text);
  g_clear_pointer (&entry->candidates, g_ptr_array_unref);
  g_free (entry->due_date);
  g_free (entry->currency);
  g_free (entry->expected_close);
  g_free (entry->subject);
  g_free (entry->problem);
  g_clear_pointer (&entry->spans, g_array_unref);
  g_free (entry);
}

static gpointer
copy_string (gconstpointer string,
             gpointer      user_data)
{
  return g_strdup (string);
}

ProspectQuickEntry *
prospect_quick_entry_copy (const ProspectQuickEntry *entry)
{
  ProspectQuickEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_memdup2 (entry, sizeof *entry);
  copy->account_id = g_strdup (entry->account_id);
  copy->account_name = g_strdup (entry->account_name);
  copy->account_text = g_strdup (entry->account_text);
  copy->candidates = entry->candidates ? g_ptr_array_copy (entry->candidates, copy_string, NULL) : NULL;
  if (copy->candidates != NULL)
    g_ptr_array_set_free_func (copy->candidates, g_free);
  copy->due_date = g_strdup (entry->due_date);
  copy->currency = g_strdup (entry->currency);
  copy->expected_close = g_strdup (entry->expected_close);
  copy->subject = g_strdup (entry->subject);
  copy->problem = g_strdup (entry->problem);
  copy->spans = entry->spans ? g_array_copy (entry->spans) : NULL;

  return copy;
}

const char *
prospect_quick_entry_kind_to_string (ProspectQuickEntryKind kind)
{
  g_return_val_if_fail (kind <= PROSPECT_QUICK_ENTRY_DEAL, NULL);

  return kind_names[kind];
}

const char *
prospect_quick_entry_kind_label (ProspectQuickEntryKind kind)
{
  switch (kind)
    {
    case PROSPECT_QUICK_ENTRY_CALL: return _("Call");
    case PROSPECT_QUICK_ENTRY_MEETING: return _("Meeting");
    case PROSPECT_QUICK_ENTRY_EMAIL: return _("Email");
    case PROSPECT_QUICK_ENTRY_VISIT: return _("Visit");
    case PROSPECT_QUICK_ENTRY_DEMO: return _("Demo");
    case PROSPECT_QUICK_ENTRY_TASK: return _("Task");
    case PROSPECT_QUICK_ENTRY_DEAL: return _("Deal");
    default: g_return_val_if_reached (NULL);
    }
}

gboolean
prospect_quick_entry_is_activity (const ProspectQuickEntry *entry)
{
  g_return_val_if_fail (entry != NULL, FALSE);

  return entry->kind != PROSPECT_QUICK_ENTRY_DEAL;
}

/* Parser helpers */

static Token *
token_at (Parser *parser,
          guint   i)
{
  if (i >= parser->tokens->len)
    return NULL;
  return &g_array_index (parser->tokens, Token, i);
}

static const char *
folded_at (Parser *parser,
           guint   i)
{
  Token *token = token_at (parser, i);

  return token != NULL && !token->placed ? token->folded : NULL;
}

static void
token_clear (gpointer data)
{
  Token *token = data;

  g_free (token->word);
  g_free (token->folded);
}

static void
tokenize (Parser *parser)
{
  const char *text = parser->text;
  guint i = 0;

  parser->tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  g_array_set_clear_func (parser->tokens, token_clear);

  while (text[i] != '\0')
    {
      Token token = { 0 };

      while (text[i] != '\0' && g_ascii_isspace (text[i]))
        i++;
      if (text[i] == '\0')
        break;

      token.start = i;
      while (text[i] != '\0' && !g_ascii_isspace (text[i]))
        i++;
      token.raw_end = token.end = i;
      while (token.end > token.start + 1 && strchr (",;", text[token.end - 1]) != NULL)
        token.end--;

      token.word = g_strndup (text + token.start, token.end - token.start);
      token.folded = fold (token.word);
      g_array_append_val (parser->tokens, token);
    }
}

static void
add_span (Parser                 *parser,
          guint                   first,
          guint                   n_tokens,
          ProspectQuickEntryRole  role)
{
  ProspectQuickEntrySpan span;

  span.start = token_at (parser, first)->start;
  span.end = token_at (parser, first + n_tokens - 1)->end;
  span.role = role;
  g_array_append_val (parser->entry->spans, span);

  for (guint i = first; i < first + n_tokens; i++)
    token_at (parser, i)->placed = TRUE;
}

static void
set_problem (Parser     *parser,
             guint       first,
             guint       n_tokens,
             const char *field,
             char       *message)
{
  add_span (parser, first, n_tokens, PROSPECT_QUICK_ENTRY_ROLE_INVALID);
  if (parser->entry->problem == NULL)
    {
      parser->entry->problem = message;
      parser->entry->problem_field = field;
    }
  else
    g_free (message);
}

static char *
date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* Dates */

static int
weekday_of (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (weekdays); i++)
    for (guint j = 0; j < 3; j++)
      if (weekdays[i][j] != NULL && g_strcmp0 (word, weekdays[i][j]) == 0)
        return i + 1;
  return 0;
}

static int
month_of (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_strcmp0 (word, months[i][0]) == 0 || g_strcmp0 (word, months[i][1]) == 0)
      return i + 1;
  return 0;
}

/* The next day with this weekday strictly after today: said on a Monday,
 * "mon" is a week away, since "today" is there for today. */
static void
next_weekday (const GDate *today,
              GDateWeekday weekday,
              GDate       *out)
{
  int ahead = ((int) weekday - (int) g_date_get_weekday (today) + 7) % 7;

  *out = *today;
  g_date_add_days (out, ahead == 0 ? 7 : ahead);
}

static gboolean
set_dmy (GDate *out,
         int    day,
         int    month,
         int    year)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

/* Which of day and month comes first in the locale's numeric date. */
static gboolean
locale_day_first (const char *date_format)
{
  for (const char *p = date_format; *p != '\0'; p++)
    {
      if (*p != '%')
        continue;
      p++;
      while (*p == 'E' || *p == 'O')
        p++;
      if (*p == 'd' || *p == 'e')
        return TRUE;
      if (*p == 'm' || *p == 'D')
        return FALSE;
      if (*p == '\0')
        break;
    }
  return FALSE;
}

typedef enum
{
  SHAPE_NONE,     /* not a date at all */
  SHAPE_VALID,
  SHAPE_INVALID,  /* written like a date, but no such day */
} DateShape;

/* "2026-12-15" */
static DateShape
parse_iso_date (const char *word,
                GDate      *out)
{
  g_auto(GStrv) parts = g_strsplit (word, "-", -1);

  if (g_strv_length (parts) != 3 || strlen (parts[0]) != 4 ||
      !is_ascii_digits (parts[0], 4) ||
      !is_ascii_digits (parts[1], strlen (parts[1])) || strlen (parts[1]) > 2 ||
      !is_ascii_digits (parts[2], strlen (parts[2])) || strlen (parts[2]) > 2)
    return SHAPE_NONE;

  return set_dmy (out, atoi (parts[2]), atoi (parts[1]), atoi (parts[0])) ? SHAPE_VALID : SHAPE_INVALID;
}

/* "15/12", "12/15/26", "15.12.2026": the order of day and month is the
 * locale's; without a year it is the next such day from today on. */
static DateShape
parse_numeric_date (Parser     *parser,
                    const char *word,
                    GDate      *out)
{
  char sep = strchr (word, '/') != NULL ? '/' : '.';
  char seps[2] = { sep, '\0' };
  g_auto(GStrv) parts = g_strsplit (word, seps, -1);
  guint n = g_strv_length (parts);
  int a, b, year;

  /* "1.5" and "12.000" are amounts: a dotted date needs its year. */
  if (n < 2 || n > 3 || (sep == '.' && n != 3))
    return SHAPE_NONE;
  for (guint i = 0; i < n; i++)
    if (!is_ascii_digits (parts[i], strlen (parts[i])) || strlen (parts[i]) > 4)
      return SHAPE_NONE;

  if (strlen (parts[0]) == 4 && n == 3)
    return set_dmy (out, atoi (parts[2]), atoi (parts[1]), atoi (parts[0])) ? SHAPE_VALID : SHAPE_INVALID;
  if (strlen (parts[0]) > 2 || strlen (parts[1]) > 2)
    return SHAPE_NONE;

  a = atoi (parts[0]);
  b = atoi (parts[1]);
  if (!locale_day_first (parser->ctx->date_format))
    {
      int t = a;
      a = b;
      b = t;
    }

  if (n == 3)
    {
      year = atoi (parts[2]);
      if (strlen (parts[2]) <= 2)
        year += 2000;
      return set_dmy (out, a, b, year) ? SHAPE_VALID : SHAPE_INVALID;
    }

  year = g_date_get_year (&parser->today);
  if (!set_dmy (out, a, b, year) && !set_dmy (out, a, b, year + 1))
    return SHAPE_INVALID;
  if (g_date_compare (out, &parser->today) < 0 && !set_dmy (out, a, b, year + 1))
    return SHAPE_INVALID;
  return SHAPE_VALID;
}

/* The last day of month in the first year where that day is not past;
 * an explicit year may follow the month name. Returns tokens used. */
static guint
parse_month_end (Parser *parser,
                 guint   i,
                 GDate  *out)
{
  const char *word = folded_at (parser, i);
  const char *next = folded_at (parser, i + 1);
  int month = month_of (word);
  int year = g_date_get_year (&parser->today);

  if (month == 0)
    return 0;

  if (next != NULL && strlen (next) == 4 && is_ascii_digits (next, 4))
    {
      year = atoi (next);
      g_date_set_dmy (out, g_date_get_days_in_month (month, year), month, year);
      return 2;
    }

  g_date_set_dmy (out, g_date_get_days_in_month (month, year), month, year);
  if (g_date_compare (out, &parser->today) < 0)
    g_date_set_dmy (out, g_date_get_days_in_month (month, year + 1), month, year + 1);
  return 1;
}

/* A date starting at token i: returns the number of tokens it takes (0 =
 * none), or -1 after recording a problem for a date-like word. */
static int
parse_date (Parser   *parser,
            guint     i,
            gboolean  allow_month,
            GDate    *out)
{
  const char *word = folded_at (parser, i);
  const char *next = folded_at (parser, i + 1);
  Token *token = token_at (parser, i);
  int weekday;
  DateShape shape;
  guint used;

  if (word == NULL)
    return 0;

  if (g_str_equal (word, "on") && next != NULL)
    {
      GDate probe;
      int n = parse_date (parser, i + 1, allow_month, &probe);

      if (n > 0)
        {
          *out = probe;
          return n + 1;
        }
      return n;
    }

  *out = parser->today;
  if (g_str_equal (word, "today"))
    return 1;
  if (g_str_equal (word, "tomorrow") || g_str_equal (word, "tmrw"))
    {
      g_date_add_days (out, 1);
      return 1;
    }
  if (g_str_equal (word, "next") && g_strcmp0 (next, "week") == 0)
    {
      next_weekday (&parser->today, G_DATE_MONDAY, out);
      return 2;
    }
  if (g_str_equal (word, "next") && (weekday = weekday_of (next)) != 0)
    {
      next_weekday (&parser->today, weekday, out);
      return 2;
    }
  if ((weekday = weekday_of (word)) != 0)
    {
      next_weekday (&parser->today, weekday, out);
      return 1;
    }
  if (allow_month && (used = parse_month_end (parser, i, out)) > 0)
    return used;

  shape = parse_iso_date (token->word, out);
  if (shape == SHAPE_NONE)
    shape = parse_numeric_date (parser, token->word, out);
  if (shape == SHAPE_INVALID)
    {
      set_problem (parser, i, 1, "due_date",
                   g_strdup_printf (_("“%s” is not a date"), token->word));
      return -1;
    }
  return shape == SHAPE_VALID ? 1 : 0;
}

/* Times */

static gboolean
parse_meridiem (const char *suffix,
                gboolean   *pm)
{
  if (g_ascii_strcasecmp (suffix, "am") == 0 || g_ascii_strcasecmp (suffix, "a.m.") == 0)
    *pm = FALSE;
  else if (g_ascii_strcasecmp (suffix, "pm") == 0 || g_ascii_strcasecmp (suffix, "p.m.") == 0)
    *pm = TRUE;
  else
    return FALSE;
  return TRUE;
}

typedef enum
{
  TIME_NONE,
  TIME_VALID,
  TIME_INVALID,
} TimeShape;

/* "10:30", "14:00", "2pm", "2:30pm"; suffix is a following "pm" word. */
static TimeShape
parse_clock (const char *word,
             const char *suffix,
             int        *hour,
             int        *minute,
             gboolean   *used_suffix)
{
  const char *p = word;
  gboolean has_minutes = FALSE, has_meridiem, pm = FALSE;
  int h = 0, m = 0, digits = 0;

  while (g_ascii_isdigit (*p) && digits < 3)
    {
      h = h * 10 + (*p++ - '0');
      digits++;
    }
  if (digits == 0 || digits > 2)
    return TIME_NONE;
  if (*p == ':')
    {
      p++;
      if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
        return TIME_NONE;
      m = (p[0] - '0') * 10 + (p[1] - '0');
      p += 2;
      has_minutes = TRUE;
    }

  *used_suffix = FALSE;
  has_meridiem = *p != '\0' && parse_meridiem (p, &pm);
  if (*p != '\0' && !has_meridiem)
    return TIME_NONE;
  if (!has_meridiem && suffix != NULL && parse_meridiem (suffix, &pm))
    has_meridiem = *used_suffix = TRUE;
  if (!has_meridiem && !has_minutes)
    return TIME_NONE;

  if (m > 59 || (has_meridiem ? (h < 1 || h > 12) : h > 23))
    return TIME_INVALID;

  if (has_meridiem)
    h = (h % 12) + (pm ? 12 : 0);
  *hour = h;
  *minute = m;
  return TIME_VALID;
}

static int
parse_time (Parser *parser,
            guint   i)
{
  const char *word = folded_at (parser, i);
  Token *token = token_at (parser, i);
  Token *next = token_at (parser, i + 1);
  int hour, minute;
  gboolean used_suffix;
  TimeShape shape;
  guint used_at = 0, n;

  if (word == NULL)
    return 0;

  if (g_str_equal (word, "at") && next != NULL && !next->placed)
    {
      Token *after = token_at (parser, i + 2);

      shape = parse_clock (next->word, after ? after->word : NULL, &hour, &minute, &used_suffix);
      if (shape != TIME_VALID)
        return 0;
      used_at = 1;
    }
  else
    {
      shape = parse_clock (token->word, next ? next->word : NULL, &hour, &minute, &used_suffix);
      if (shape == TIME_INVALID)
        {
          set_problem (parser, i, 1, "due_at", g_strdup_printf (_("“%s” is not a time of day"), token->word));
          return -1;
        }
      if (shape == TIME_NONE)
        return 0;
    }

  n = used_at + 1 + (used_suffix ? 1 : 0);
  if (parser->have_time)
    {
      set_problem (parser, i, n, "due_at", g_strdup (_("The time is given twice")));
      return -1;
    }
  parser->have_time = TRUE;
  parser->entry->due_hour = hour;
  parser->entry->due_minute = minute;
  return n;
}

/* Durations: "45min", "1h", "1h30", "1.5h", "90 min", "2 hours". */
static gboolean
unit_is_minutes (const char *unit)
{
  static const char * const words[] = { "m", "min", "mins", "minute", "minutes", NULL };
  return str_in (unit, words);
}

static gboolean
unit_is_hours (const char *unit)
{
  static const char * const words[] = { "h", "hr", "hrs", "hour", "hours", NULL };
  return str_in (unit, words);
}

static gboolean
parse_duration_word (const char *word,
                     const char *unit_word,
                     int        *minutes,
                     gboolean   *used_unit_word)
{
  const char *p = word;
  int whole = 0, tenths = -1, rest = 0;
  g_autofree char *unit = NULL;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p) && whole < 10000)
    whole = whole * 10 + (*p++ - '0');
  if (*p == '.' && g_ascii_isdigit (p[1]))
    {
      tenths = p[1] - '0';
      p += 2;
    }

  unit = g_strdup (p);
  /* "1h30" and "1h30m": hours, then minutes */
  if (g_ascii_tolower (*p) == 'h' && g_ascii_isdigit (p[1]) && tenths < 0)
    {
      const char *q = p + 1;

      while (g_ascii_isdigit (*q))
        rest = rest * 10 + (*q++ - '0');
      if ((*q != '\0' && !unit_is_minutes (q)) || rest > 59)
        return FALSE;
      *minutes = whole * 60 + rest;
      *used_unit_word = FALSE;
      return TRUE;
    }

  *used_unit_word = FALSE;
  if (*unit == '\0' && unit_word != NULL)
    {
      g_free (unit);
      unit = g_ascii_strdown (unit_word, -1);
      *used_unit_word = TRUE;
    }
  /* a bare "m" is a million in "1.5m"; only "min" and longer are minutes
   * when written alone after a number */
  if (unit_is_hours (unit))
    *minutes = whole * 60 + (tenths > 0 ? tenths * 6 : 0);
  else if (unit_is_minutes (unit) && !g_str_equal (unit, "m") && tenths < 0)
    *minutes = whole;
  else
    return FALSE;

  return *minutes > 0;
}

static int
parse_duration (Parser *parser,
                guint   i)
{
  Token *token = token_at (parser, i);
  const char *next = folded_at (parser, i + 1);
  int minutes;
  gboolean used_unit_word;

  if (token == NULL || token->placed || !parse_duration_word (token->word, next, &minutes, &used_unit_word))
    return 0;

  if (parser->entry->duration_minutes >= 0)
    {
      set_problem (parser, i, used_unit_word ? 2 : 1, "duration_minutes",
                   g_strdup (_("The duration is given twice")));
      return -1;
    }
  parser->entry->duration_minutes = minutes;
  return used_unit_word ? 2 : 1;
}

/* Amounts */

static int
currency_exponent (const char *currency)
{
  return str_in (currency, zero_decimal_currencies) ? 0 : 2;
}

/* Splits "12.000,50" into its digits (1200050) and the number of them
 * after the decimal separator (2). Grouping: with two kinds of separator
 * the last one is decimal; one kind used more than once is grouping; one
 * used once is grouping when exactly three digits follow ("12,000") and
 * decimal otherwise ("1.5", "12,5"). The locale's separator is always
 * grouping. */
static gboolean
split_number (const char *text,
              const char *locale_sep,
              gboolean    has_suffix,
              gint64     *digits_out,
              int        *decimals_out)
{
  gsize len = strlen (text);
  char decimal = '\0';
  int n_dot = 0, n_comma = 0, group_len = 0, n_groups = 0, decimals = -1;
  gint64 value = 0;
  gboolean grouped = FALSE;
  char locale_char = strlen (locale_sep) == 1 ? locale_sep[0] : '\0';
  const char *last_sep = NULL;

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '.')
        n_dot++, last_sep = text + i;
      else if (text[i] == ',')
        n_comma++, last_sep = text + i;
      else if (text[i] != locale_char && !g_ascii_isdigit (text[i]))
        return FALSE;
    }

  if (n_dot > 0 && n_comma > 0)
    decimal = *last_sep;
  else if (n_dot + n_comma == 1 && !(strlen (last_sep + 1) == 3 && !has_suffix))
    decimal = *last_sep;
  if (decimal != '\0' && (decimal == '.' ? n_dot : n_comma) > 1)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (g_ascii_isdigit (c))
        {
          if (value > MAX_AMOUNT)
            return FALSE;
          value = value * 10 + (c - '0');
          group_len++;
          if (decimals >= 0)
            decimals++;
          continue;
        }
      if (decimals >= 0 || group_len == 0)
        return FALSE;  /* a separator after the decimal one, or two in a row */
      if (c == decimal)
        {
          if (grouped && group_len != 3)
            return FALSE;
          decimals = 0;
          continue;
        }
      /* a grouping separator: groups after the first have three digits,
       * and nobody groups a leading zero */
      if ((n_groups == 0 && (group_len > 3 || text[0] == '0')) || (n_groups > 0 && group_len != 3))
        return FALSE;
      grouped = TRUE;
      n_groups++;
      group_len = 0;
    }
  if (group_len == 0 || (grouped && decimals < 0 && group_len != 3))
    return FALSE;

  *digits_out = value;
  *decimals_out = MAX (decimals, 0);
  return TRUE;
}

static gboolean
amount_to_minor (const char *text,
                 const char *currency,
                 const char *locale_sep,
                 gint64     *minor)
{
  g_autofree char *number = g_strdup (text);
  gsize len = strlen (number);
  int scale = currency_exponent (currency), decimals;
  gint64 digits;
  char suffix;

  if (len == 0)
    return FALSE;

  suffix = g_ascii_tolower (number[len - 1]);
  if (suffix == 'k' || suffix == 'm')
    {
      number[--len] = '\0';
      scale += suffix == 'k' ? 3 : 6;
    }
  else
    suffix = '\0';

  if (!split_number (number, locale_sep, suffix != '\0', &digits, &decimals))
    return FALSE;

  /* minor = digits * 10^(scale - decimals), exactly */
  for (; decimals > scale; decimals--)
    {
      if (digits % 10 != 0)
        return FALSE;  /* finer than the currency's smallest unit */
      digits /= 10;
    }
  for (; decimals < scale; decimals++)
    {
      if (digits > MAX_AMOUNT / 10)
        return FALSE;
      digits *= 10;
    }

  *minor = digits;
  return TRUE;
}

gboolean
prospect_quick_entry_parse_amount (const char  *text,
                                   const char  *currency,
                                   gint64      *minor,
                                   GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  const struct lconv *conv = localeconv ();

  g_return_val_if_fail (minor != NULL, FALSE);

  if (!amount_to_minor (stripped, currency, conv->thousands_sep ? conv->thousands_sep : "", minor))
    {
      prospect_set_invalid_error (error, "amount",
                                  _("“%s” is not an amount: write it like 12000, 12,000, 12k or 1.5m"),
                                  stripped);
      return FALSE;
    }
  return TRUE;
}

/* A word that starts with a digit and has only separators and k/m after
 * its digits was meant as an amount ("12kk"). */
static gboolean
looks_like_amount (const char *word)
{
  if (!g_ascii_isdigit (word[0]))
    return FALSE;
  for (const char *p = word; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && strchr (".,'kKmM", *p) == NULL)
      return FALSE;
  return TRUE;
}

static int
parse_amount (Parser *parser,
              guint   i)
{
  Token *token = token_at (parser, i);
  Token *next = token_at (parser, i + 1);
  g_autofree char *code = NULL;
  gint64 minor;
  guint used = 1;

  if (token == NULL || token->placed || !looks_like_amount (token->word))
    return 0;

  if (next != NULL && !next->placed)
    {
      code = g_ascii_strup (next->word, -1);
      if (str_in (code, known_currencies))
        used = 2;
      else
        g_clear_pointer (&code, g_free);
    }

  if (!amount_to_minor (token->word, code != NULL ? code : parser->entry->currency,
                        parser->ctx->thousands_sep, &minor))
    {
      set_problem (parser, i, used, "amount", g_strdup_printf (_("“%s” is not an amount"), token->word));
      return -1;
    }
  if (parser->entry->amount >= 0)
    {
      set_problem (parser, i, used, "amount", g_strdup (_("The amount is given twice")));
      return -1;
    }
  parser->entry->amount = minor;
  if (code != NULL)
    {
      g_free (parser->entry->currency);
      parser->entry->currency = g_steal_pointer (&code);
    }
  return used;
}

/* Recognising the values */

static int
parse_close (Parser *parser,
             guint   i)
{
  const char *word = folded_at (parser, i);
  GDate date;
  int n;

  if (word == NULL || !(g_str_equal (word, "close") || g_str_equal (word, "closing") ||
                        g_str_equal (word, "closes")))
    return 0;

  n = parse_date (parser, i + 1, TRUE, &date);
  if (n <= 0)
    return n;

  if (parser->entry->expected_close != NULL)
    {
      set_problem (parser, i, n + 1, "expected_close", g_strdup (_("The close date is given twice")));
      return -1;
    }
  parser->entry->expected_close = date_to_iso (&date);
  add_span (parser, i, n + 1, PROSPECT_QUICK_ENTRY_ROLE_CLOSE);
  return n + 1;
}

static int
parse_due (Parser *parser,
           guint   i)
{
  gboolean is_deal = parser->entry->kind == PROSPECT_QUICK_ENTRY_DEAL;
  GDate date;
  int n = parse_date (parser, i, FALSE, &date);

  if (n <= 0)
    return n;

  /* a deal has no due date: the date it carries is when it should close */
  if (is_deal ? parser->entry->expected_close != NULL : parser->have_date)
    {
      set_problem (parser, i, n, is_deal ? "expected_close" : "due_date",
                   g_strdup (_("The date is given twice")));
      return -1;
    }

  if (is_deal)
    parser->entry->expected_close = date_to_iso (&date);
  else
    {
      parser->entry->due_date = date_to_iso (&date);
      parser->have_date = TRUE;
    }
  add_span (parser, i, n, is_deal ? PROSPECT_QUICK_ENTRY_ROLE_CLOSE : PROSPECT_QUICK_ENTRY_ROLE_DATE);
  return n;
}

static void
parse_values (Parser *parser,
              guint   first)
{
  gboolean is_deal = parser->entry->kind == PROSPECT_QUICK_ENTRY_DEAL;

  for (guint i = first; i < parser->tokens->len;)
    {
      int n;

      if (token_at (parser, i)->placed)
        {
          i++;
          continue;
        }

      if ((n = parse_close (parser, i)) == 0 && (n = parse_due (parser, i)) == 0)
        {
          if (is_deal)
            {
              n = parse_amount (parser, i);
              if (n > 0)
                add_span (parser, i, n, PROSPECT_QUICK_ENTRY_ROLE_AMOUNT);
            }
          else if ((n = parse_time (parser, i)) > 0)
            add_span (parser, i, n, PROSPECT_QUICK_ENTRY_ROLE_TIME);
          else if (n == 0 && (n = parse_duration (parser, i)) > 0)
            add_span (parser, i, n, PROSPECT_QUICK_ENTRY_ROLE_DURATION);
        }

      i += n > 0 ? (guint) n : 1;
    }
}

static void
parse_kind (Parser *parser)
{
  Token *first = token_at (parser, 0);
  g_autofree char *lower = NULL;

  parser->entry->kind = PROSPECT_QUICK_ENTRY_TASK;
  if (first == NULL)
    return;

  /* fold() turns "e-mail" into "e mail": compare the lowered word */
  lower = g_utf8_strdown (first->word, -1);
  for (guint i = 0; i < G_N_ELEMENTS (kind_words); i++)
    {
      if (g_str_equal (lower, kind_words[i].word))
        {
          parser->entry->kind = kind_words[i].kind;
          parser->entry->kind_given = TRUE;
          add_span (parser, 0, 1, PROSPECT_QUICK_ENTRY_ROLE_KIND);
          return;
        }
    }
}

/* Accounts */

static MatchLevel
match_account (const Account *account,
               const char    *phrase,
               gboolean       exact_only)
{
  gsize len = strlen (phrase);
  const char *inner;

  if (g_str_equal (account->folded, phrase))
    return MATCH_EXACT;
  if (exact_only || len < 2)
    return MATCH_NONE;
  if (g_str_has_prefix (account->folded, phrase) && account->folded[len] == ' ')
    return MATCH_WORD_PREFIX;
  if (len < 3)
    return MATCH_NONE;
  if (g_str_has_prefix (account->folded, phrase))
    return MATCH_PARTIAL_PREFIX;
  for (inner = strstr (account->folded, phrase); inner != NULL; inner = strstr (inner + 1, phrase))
    if (inner > account->folded && inner[-1] == ' ')
      return MATCH_INNER_WORD;
  return MATCH_NONE;
}

/* Whole-name and word-start matches beat matches inside a word; among
 * those, more words beat fewer, then the closer match wins. */
static int
match_score (MatchLevel level,
             guint      n_tokens)
{
  if (level == MATCH_NONE)
    return 0;
  return (level >= MATCH_WORD_PREFIX ? 1000 : 0) + (int) n_tokens * 10 + (int) level;
}

typedef struct
{
  int        score;
  guint      first;
  guint      n_tokens;
  MatchLevel level;
  GPtrArray *accounts;  /* const Account *, borrowed */
} BestMatch;

static void
consider_phrase (Parser    *parser,
                 guint      first,
                 guint      n_tokens,
                 const char *phrase,
                 BestMatch *best)
{
  gboolean exact_only = str_in (folded_at (parser, first), prepositions);
  GArray *accounts = parser->ctx->accounts;
  MatchLevel phrase_level = MATCH_NONE;
  g_autoptr(GPtrArray) hits = g_ptr_array_new ();

  for (guint a = 0; a < accounts->len; a++)
    {
      const Account *account = &g_array_index (accounts, Account, a);
      MatchLevel level = match_account (account, phrase, exact_only);

      if (level == MATCH_NONE || level < phrase_level)
        continue;
      if (level > phrase_level)
        g_ptr_array_set_size (hits, 0);
      phrase_level = level;
      g_ptr_array_add (hits, (gpointer) account);
    }

  if (match_score (phrase_level, n_tokens) > best->score)
    {
      best->score = match_score (phrase_level, n_tokens);
      best->first = first;
      best->n_tokens = n_tokens;
      best->level = phrase_level;
      g_clear_pointer (&best->accounts, g_ptr_array_unref);
      best->accounts = g_steal_pointer (&hits);
    }
}

static gboolean
keeps_in_subject (Parser *parser,
                  guint   first)
{
  static const char * const joiners[] = { "to", "with", "for", "at", "from", NULL };

  return first > 0 && str_in (folded_at (parser, first - 1), joiners);
}

static void
take_account (Parser *parser,
              guint   first,
              guint   n_tokens)
{
  gboolean keep = keeps_in_subject (parser, first);

  add_span (parser, first, n_tokens, PROSPECT_QUICK_ENTRY_ROLE_ACCOUNT);
  for (guint i = first; i < first + n_tokens; i++)
    token_at (parser, i)->in_subject = keep;
}

static char *
join_words (Parser *parser,
            guint   first,
            guint   n_tokens)
{
  Token *a = token_at (parser, first);
  Token *b = token_at (parser, first + n_tokens - 1);

  return g_strndup (parser->text + a->start, b->end - a->start);
}

static gboolean
match_known_account (Parser *parser)
{
  BestMatch best = { 0 };
  ProspectQuickEntry *entry = parser->entry;

  for (guint i = 0; i < parser->tokens->len; i++)
    {
      g_autoptr(GString) phrase = g_string_new (NULL);

      for (guint n = 1; n <= MAX_PHRASE_TOKENS && folded_at (parser, i + n - 1) != NULL; n++)
        {
          const char *folded = folded_at (parser, i + n - 1);

          if (*folded == '\0')
            break;
          if (phrase->len > 0)
            g_string_append_c (phrase, ' ');
          g_string_append (phrase, folded);
          consider_phrase (parser, i, n, phrase->str, &best);
        }
    }

  if (best.score == 0)
    return FALSE;

  take_account (parser, best.first, best.n_tokens);
  if (best.accounts->len == 1)
    {
      const Account *account = g_ptr_array_index (best.accounts, 0);

      entry->account_match = PROSPECT_QUICK_ENTRY_ACCOUNT_MATCHED;
      entry->account_id = g_strdup (account->id);
      entry->account_name = g_strdup (account->name);
    }
  else
    {
      entry->account_match = PROSPECT_QUICK_ENTRY_ACCOUNT_AMBIGUOUS;
      entry->account_text = join_words (parser, best.first, best.n_tokens);
      entry->candidates = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < best.accounts->len; i++)
        g_ptr_array_add (entry->candidates,
                         g_strdup (((const Account *) g_ptr_array_index (best.accounts, i))->name));
    }
  g_ptr_array_unref (best.accounts);
  return TRUE;
}

static gboolean
starts_upper (const char *word)
{
  return word != NULL && g_unichar_isupper (g_utf8_get_char (word));
}

/* No account fits: capitalised words right after the kind word or after
 * "with"/"to"/... name one that does not exist yet. They are offered for
 * creation, never created behind the user's back. */
static void
find_unknown_account (Parser *parser)
{
  gboolean first_word = parser->entry->kind_given;
  guint first = G_MAXUINT;
  guint n = 0;

  /* Without a kind word the first word is just a capitalised sentence. */
  for (guint i = 0; i < parser->tokens->len; i++)
    {
      Token *token = token_at (parser, i);

      if (token->placed)
        continue;
      if (starts_upper (token->word) && (first_word || keeps_in_subject (parser, i)))
        {
          first = i;
          break;
        }
      first_word = FALSE;
    }
  if (first == G_MAXUINT)
    return;

  while (first + n < parser->tokens->len && n < MAX_PHRASE_TOKENS &&
         !token_at (parser, first + n)->placed &&
         starts_upper (token_at (parser, first + n)->word))
    n++;
  if (n == 0)
    return;

  parser->entry->account_match = PROSPECT_QUICK_ENTRY_ACCOUNT_UNKNOWN;
  parser->entry->account_text = join_words (parser, first, n);
  take_account (parser, first, n);
}

/* Subject */

static void
collect_subject (Parser *parser)
{
  GString *subject = g_string_new (NULL);

  for (guint i = 0; i < parser->tokens->len; i++)
    {
      Token *token = token_at (parser, i);
      guint end = token->raw_end;

      if (token->placed && !token->in_subject)
        continue;
      /* drop a trailing comma when a recognised word came next */
      if (i + 1 < parser->tokens->len && token_at (parser, i + 1)->placed &&
          !token_at (parser, i + 1)->in_subject)
        end = token->end;
      if (subject->len > 0)
        g_string_append_c (subject, ' ');
      g_string_append_len (subject, parser->text + token->start, end - token->start);
    }

  parser->entry->subject = g_strstrip (g_string_free (subject, FALSE));
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const ProspectQuickEntrySpan *x = a, *y = b;

  return (int) x->start - (int) y->start;
}

ProspectQuickEntry *
prospect_quick_entry_parse (const char                      *text,
                            GDateTime                       *now,
                            const ProspectQuickEntryContext *ctx)
{
  Parser parser = { 0 };
  ProspectQuickEntry *entry;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (ctx != NULL, NULL);

  entry = g_new0 (ProspectQuickEntry, 1);
  entry->due_hour = entry->due_minute = -1;
  entry->duration_minutes = -1;
  entry->amount = -1;
  entry->currency = g_strdup (ctx->currency);
  entry->spans = g_array_new (FALSE, FALSE, sizeof (ProspectQuickEntrySpan));

  parser.text = text;
  parser.ctx = ctx;
  parser.entry = entry;
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (now);

    g_date_set_dmy (&parser.today, g_date_time_get_day_of_month (local),
                    g_date_time_get_month (local), g_date_time_get_year (local));
  }

  tokenize (&parser);
  parse_kind (&parser);
  parse_values (&parser, entry->kind_given ? 1 : 0);
  if (!match_known_account (&parser))
    find_unknown_account (&parser);
  collect_subject (&parser);

  /* An activity always lands on a day, so the day plan shows it: a time
   * alone means today, and so does no date at all. */
  if (prospect_quick_entry_is_activity (entry) && entry->due_date == NULL)
    entry->due_date = date_to_iso (&parser.today);

  g_array_sort (entry->spans, compare_spans);
  g_array_unref (parser.tokens);

  return entry;
}

/* Single fields, for the correction form */

gboolean
prospect_quick_entry_parse_time (const char  *text,
                                 int         *hour,
                                 int         *minute,
                                 GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GStrv) words = g_strsplit (stripped, " ", 2);
  gboolean used_suffix;

  g_return_val_if_fail (hour != NULL && minute != NULL, FALSE);

  if (words[0] == NULL ||
      parse_clock (words[0], words[1] ? g_strstrip (words[1]) : NULL, hour, minute, &used_suffix) != TIME_VALID ||
      (words[1] != NULL && !used_suffix))
    {
      prospect_set_invalid_error (error, "due_at",
                                  _("“%s” is not a time of day: write it like 14:30 or 2:30pm"),
                                  text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

gboolean
prospect_quick_entry_parse_duration (const char  *text,
                                     int         *minutes,
                                     GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GStrv) words = g_strsplit (stripped, " ", 2);
  gboolean used_unit_word;
  guint64 plain;

  g_return_val_if_fail (minutes != NULL, FALSE);

  /* a bare number in a field labelled "minutes" is minutes */
  if (g_ascii_string_to_unsigned (stripped, 10, 0, 24 * 60, &plain, NULL))
    {
      *minutes = (int) plain;
      return TRUE;
    }
  if (words[0] != NULL &&
      parse_duration_word (words[0], words[1], minutes, &used_unit_word) &&
      (words[1] == NULL || used_unit_word))
    return TRUE;

  prospect_set_invalid_error (error, "duration_minutes",
                              _("“%s” is not a duration: write it like 45, 45min or 1h30"), stripped);
  return FALSE;
}

ProspectQuickEntryAccountMatch
prospect_quick_entry_context_match_account (const ProspectQuickEntryContext *ctx,
                                            const char                      *text,
                                            char                           **id,
                                            char                           **name)
{
  g_autofree char *phrase = fold (text != NULL ? text : "");
  const Account *found = NULL;
  MatchLevel best = MATCH_NONE;
  guint n_best = 0;

  g_return_val_if_fail (ctx != NULL, PROSPECT_QUICK_ENTRY_ACCOUNT_NONE);

  if (*phrase == '\0')
    return PROSPECT_QUICK_ENTRY_ACCOUNT_NONE;

  for (guint a = 0; a < ctx->accounts->len; a++)
    {
      const Account *account = &g_array_index (ctx->accounts, Account, a);
      MatchLevel level = match_account (account, phrase, FALSE);

      if (level == MATCH_NONE || level < best)
        continue;
      n_best = level > best ? 1 : n_best + 1;
      best = level;
      found = account;
    }

  if (best == MATCH_NONE)
    return PROSPECT_QUICK_ENTRY_ACCOUNT_UNKNOWN;
  if (n_best > 1)
    return PROSPECT_QUICK_ENTRY_ACCOUNT_AMBIGUOUS;
  if (id != NULL)
    *id = g_strdup (found->id);
  if (name != NULL)
    *name = g_strdup (found->name);
  return PROSPECT_QUICK_ENTRY_ACCOUNT_MATCHED;
}

/* Committing */

char *
prospect_quick_entry_dup_title (const ProspectQuickEntry *entry)
{
  const char *account;

  g_return_val_if_fail (entry != NULL, NULL);

  if (entry->subject != NULL && *entry->subject != '\0')
    return g_strdup (entry->subject);

  account = entry->account_name != NULL ? entry->account_name : entry->account_text;
  if (!prospect_quick_entry_is_activity (entry))
    return g_strdup (account != NULL ? account : _("New deal"));
  if (account == NULL)
    return g_strdup (prospect_quick_entry_kind_label (entry->kind));
  /* Translators: a default activity subject, e.g. "Call Acme Corp" */
  return g_strdup_printf (C_("activity subject", "%s %s"),
                          prospect_quick_entry_kind_label (entry->kind), account);
}

static gboolean
check_account (const ProspectQuickEntry  *entry,
               GError                   **error)
{
  g_autoptr(GString) names = g_string_new (NULL);

  switch (entry->account_match)
    {
    case PROSPECT_QUICK_ENTRY_ACCOUNT_UNKNOWN:
      prospect_set_invalid_error (error, "account_id",
                                  _("There is no account named “%s”: create it first or pick another"),
                                  entry->account_text);
      return FALSE;

    case PROSPECT_QUICK_ENTRY_ACCOUNT_AMBIGUOUS:
      if (entry->candidates == NULL || entry->candidates->len == 0)
        {
          prospect_set_invalid_error (error, "account_id",
                                      _("“%s” could be several accounts: type more of the name"),
                                      entry->account_text);
          return FALSE;
        }
      for (guint i = 0; i < entry->candidates->len; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                                (const char *) g_ptr_array_index (entry->candidates, i));
      prospect_set_invalid_error (error, "account_id",
                                  _("“%s” could be several accounts (%s): type more of the name"),
                                  entry->account_text, names->str);
      return FALSE;

    case PROSPECT_QUICK_ENTRY_ACCOUNT_NONE:
    case PROSPECT_QUICK_ENTRY_ACCOUNT_MATCHED:
    default:
      return TRUE;
    }
}

/* The account's open deal when it has exactly one: the activity is
 * surely about that one. With several, guessing would file it wrong. */
static char *
only_open_deal (ProspectDatabase  *db,
                const char        *account_id,
                GError           **error)
{
  g_autoptr(ProspectQuery) query = prospect_deal_query_for_account (account_id);
  g_autoptr(GPtrArray) deals = NULL;

  prospect_query_where_text (query, "status", PROSPECT_OP_EQ, "open");
  deals = prospect_query_fetch (query, db, 0, 2, error);
  if (deals == NULL || deals->len != 1)
    return NULL;
  return g_strdup (prospect_record_get_id (g_ptr_array_index (deals, 0)));
}

static gint64
local_due_ms (const ProspectQuickEntry *entry)
{
  g_autoptr(GDateTime) due = NULL;
  int year, month, day;

  if (!prospect_date_is_valid (entry->due_date) ||
      sscanf (entry->due_date, "%d-%d-%d", &year, &month, &day) != 3)
    return -1;
  due = g_date_time_new_local (year, month, day, entry->due_hour, MAX (entry->due_minute, 0), 0);
  return due != NULL ? g_date_time_to_unix (due) * 1000 : -1;
}

static ProspectRecord *
build_activity (const ProspectQuickEntry  *entry,
                ProspectDatabase          *db,
                const char                *owner_id,
                GError                   **error)
{
  g_autoptr(ProspectActivity) activity = prospect_activity_new ();
  g_autofree char *subject = prospect_quick_entry_dup_title (entry);
  g_autoptr(GError) local_error = NULL;

  prospect_activity_set_kind (activity, prospect_quick_entry_kind_to_string (entry->kind));
  prospect_activity_set_subject (activity, subject);
  prospect_activity_set_owner_id (activity, owner_id);
  prospect_activity_set_duration_minutes (activity, MAX (entry->duration_minutes, 0));

  if (entry->due_hour >= 0 && entry->due_date != NULL)
    {
      gint64 due_ms = local_due_ms (entry);

      if (due_ms < 0)
        {
          prospect_set_invalid_error (error, "due_date", _("“%s” is not a date"), entry->due_date);
          return NULL;
        }
      prospect_activity_set_due_at (activity, due_ms);
    }
  else
    prospect_activity_set_due_date (activity, entry->due_date);

  if (entry->account_id != NULL)
    {
      g_autofree char *deal_id = only_open_deal (db, entry->account_id, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      prospect_activity_set_account_id (activity, entry->account_id);
      prospect_activity_set_deal_id (activity, deal_id);
    }

  return PROSPECT_RECORD (g_steal_pointer (&activity));
}

static char *
first_open_stage (ProspectDatabase  *db,
                  GError           **error)
{
  g_autoptr(GPtrArray) stages = prospect_stage_list_ordered (db, error);

  if (stages == NULL)
    return NULL;
  for (guint i = 0; i < stages->len; i++)
    {
      ProspectStage *stage = g_ptr_array_index (stages, i);

      if (g_strcmp0 (prospect_stage_get_kind (stage), "open") == 0)
        return g_strdup (prospect_record_get_id (PROSPECT_RECORD (stage)));
    }
  prospect_set_invalid_error (error, "stage_id", _("The pipeline has no open stage to put the deal in"));
  return NULL;
}

static ProspectRecord *
build_deal (const ProspectQuickEntry  *entry,
            ProspectDatabase          *db,
            const char                *owner_id,
            GError                   **error)
{
  g_autoptr(ProspectDeal) deal = prospect_deal_new ();
  g_autofree char *title = prospect_quick_entry_dup_title (entry);
  g_autofree char *stage_id = first_open_stage (db, error);

  if (stage_id == NULL)
    return NULL;

  prospect_deal_set_title (deal, title);
  prospect_deal_set_account_id (deal, entry->account_id);
  prospect_deal_set_owner_id (deal, owner_id);
  prospect_deal_set_stage_id (deal, stage_id);
  prospect_deal_set_amount (deal, MAX (entry->amount, 0));
  prospect_deal_set_currency (deal, entry->currency);
  prospect_deal_set_expected_close (deal, entry->expected_close);

  return PROSPECT_RECORD (g_steal_pointer (&deal));
}

ProspectRecord *
prospect_quick_entry_build (const ProspectQuickEntry  *entry,
                            ProspectDatabase          *db,
                            const char                *owner_id,
                            GError                   **error)
{
  g_autoptr(ProspectRecord) record = NULL;

  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (entry->problem != NULL)
    {
      prospect_set_invalid_error (error, entry->problem_field, "%s", entry->problem);
      return NULL;
    }
  if (!check_account (entry, error))
    return NULL;

  if (prospect_quick_entry_is_activity (entry))
    record = build_activity (entry, db, owner_id, error);
  else
    record = build_deal (entry, db, owner_id, error);

  if (record == NULL || !prospect_record_validate (record, db, error))
    return NULL;
  return g_steal_pointer (&record);
}

ProspectRecord *
prospect_quick_entry_commit (const ProspectQuickEntry  *entry,
                             ProspectDatabase          *db,
                             const char                *owner_id,
                             GError                   **error)
{
  g_autoptr(ProspectRecord) record = prospect_quick_entry_build (entry, db, owner_id, error);

  if (record == NULL || !prospect_record_insert (record, db, error))
    return NULL;
  return g_steal_pointer (&record);
}
