/* prospect-demo.c - a deterministic sample sales team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prospect-demo"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "prospect-clock.h"
#include "prospect-demo.h"
#include "prospect-error.h"
#include "prospect-validate.h"

/* The sample data is not translated: the same seed must give the same rows
 * whatever the locale, and it reads as an invented US company either way. */

#define DEMO_MAX_OPEN_STAGES 8
#define DEMO_MAX_EVENTS      (DEMO_MAX_OPEN_STAGES + 1)
#define DEMO_STAGE_WON       100
#define DEMO_STAGE_LOST      101
#define DEMO_CURRENCY        "USD"
#define MINUTES_PER_DAY      (24 * 60)
#define MS_PER_MINUTE        G_GINT64_CONSTANT (60000)
#define CENTS_PER_DOLLAR     100

typedef struct
{
  guint regional_directors; /* between the head of sales and the managers */
  guint managers;
  guint reps;
  guint accounts;
  guint products;
  guint deals;
  guint activities;
} DemoSize;

typedef struct
{
  char *id;
  int   probability;
} DemoStage;

typedef struct
{
  char       *id;
  const char *role;
  const char *region;
  int         manager;        /* index into people, -1 = top of the tree */
  gboolean    is_rep;
  /* How this rep sells. The reps differ on purpose, so that the coaching
   * view finds a weak step to work on. */
  double      step_rate[DEMO_MAX_OPEN_STAGES];      /* chance to pass open stage i */
  double      stage_activity[DEMO_MAX_OPEN_STAGES]; /* activity volume per open stage */
  double      pace;                                 /* > 1: slower deals */
  gint64     *won_per_quarter;                      /* minor units */
  GArray     *open_deals;                           /* guint deal indices */
  GArray     *accounts;                             /* guint account indices */
  guint       n_overdue;
  guint       n_today;
  guint       n_upcoming;
} DemoPerson;

typedef struct
{
  char       *id;
  char       *short_name;     /* "Northwind", for deal titles */
  int         owner;
  const char *region;
  guint       first_contact;
  guint       n_contacts;
  gint64      created_lm;
} DemoAccount;

typedef struct
{
  char       *id;
  const char *name;
  gint64      list_price;
} DemoProduct;

typedef struct
{
  char   *id;
  guint   account;
  int     contact;    /* -1 = none */
  int     owner;
  guint8  status;     /* 'o', 'w' or 'l' */
  guint8  n_events;
  guint8  event_stage[DEMO_MAX_EVENTS]; /* open stage index, DEMO_STAGE_WON or _LOST */
  gint64  event_lm[DEMO_MAX_EVENTS];
} DemoDeal;

/* Times are "local minutes": minutes since local 00:00 of the calendar's
 * first day, so that business hours and weekdays are plain arithmetic.
 * day_ms turns them into UTC milliseconds; each day's offset is taken at
 * noon, which is right for every business hour even on DST change days. */
typedef struct
{
  guint32 today;            /* Julian day */
  guint32 first_day;
  guint   n_days;
  gint64 *day_ms;           /* UTC ms of local 00:00, per day */
  int    *day_quarter;      /* fiscal quarter index per day, -1 before the first */
  guint32 window_start;     /* first day of the previous fiscal year */
  int     first_quarter;    /* month index (year * 12 + month - 1) */
  int     current_quarter;  /* index into the quarters */
  guint   n_quarters;       /* through the quarter after the current one */
  gint64  today_lm;
} DemoCalendar;

typedef struct
{
  ProspectDatabase     *db;
  GRand                *rand;
  const DemoSize       *size;
  DemoCalendar          cal;
  ProspectDemoProgress  progress;
  gpointer              progress_data;
  ProspectDemoStats     stats;

  DemoStage             open[DEMO_MAX_OPEN_STAGES];
  guint                 n_open;
  DemoStage             won;
  DemoStage             lost;

  GArray               *people;    /* DemoPerson */
  GArray               *reps;      /* guint person indices */
  GArray               *accounts;  /* DemoAccount */
  GPtrArray            *contacts;  /* char *id */
  GArray               *products;  /* DemoProduct */
  DemoDeal             *deals;
  guint                 n_deals;
  double               *account_weight_sum; /* cumulative, for weighted picks */

  sqlite3_stmt         *insert_person;
  sqlite3_stmt         *insert_account;
  sqlite3_stmt         *insert_contact;
  sqlite3_stmt         *insert_product;
  sqlite3_stmt         *insert_deal;
  sqlite3_stmt         *insert_stage_change;
  sqlite3_stmt         *insert_activity;
  sqlite3_stmt         *insert_todo;
  sqlite3_stmt         *insert_target;
} DemoGenerator;

typedef enum
{
  KIND_CALL,
  KIND_MEETING,
  KIND_EMAIL,
  KIND_VISIT,
  KIND_DEMO,
  KIND_TASK,
  N_KINDS
} DemoKind;

/* One activity to write; strings are static word-list entries. */
typedef struct
{
  DemoKind    kind;
  gint64      due_lm;
  gboolean    all_day;
  gboolean    done;
  gint64      created_lm;
  int         owner;
  const char *deal_id;
  const char *account_id;
  const char *contact_id;
} DemoActivity;

static const DemoSize demo_sizes[] = {
  [PROSPECT_DEMO_SMALL] = { 0, 2, 8, 40, 6, 400, 3000 },
  [PROSPECT_DEMO_LARGE] = { 3, 24, 172, 5000, 8, 100000, 1000000 },
};

/* ---- word lists --------------------------------------------------------- */

static const char * const first_names[] = {
  "Ana", "Marco", "Priya", "James", "Sofia", "Daniel", "Mei", "Lucas", "Amara",
  "Jonas", "Elena", "Omar", "Hannah", "Mateo", "Yuki", "Grace", "Tomás",
  "Leila", "Noah", "Chloe", "Ravi", "Isabel", "Ethan", "Nadia", "Samuel",
  "Olivia", "Kwame", "Laura", "Diego", "Zoe", "Felix", "Aisha", "Victor",
  "Emma", "Hiro", "Julia", "Andrej", "Maya", "Pedro", "Sara", "Ben", "Fatima",
  "Liam", "Rosa", "Arjun", "Clara", "Tariq", "Eva", "Miguel", "Lena", "Kofi",
  "Nora", "Ivan", "Alice", "Jamal", "Inês", "Oscar", "Mila", "Raj", "Helen",
};

static const char * const last_names[] = {
  "Novak", "Rossi", "Sharma", "Carter", "Garcia", "Müller", "Chen", "Silva",
  "Okafor", "Berg", "Petrova", "Haddad", "Schmidt", "Lopez", "Tanaka",
  "Walker", "Costa", "Rahimi", "Jensen", "Dubois", "Patel", "Moreno", "Brooks",
  "Kowalski", "Reed", "Nguyen", "Mensah", "Fischer", "Ortiz", "Bennett",
  "Weber", "Hassan", "Lindqvist", "Evans", "Sato", "Horvat", "Kovač",
  "Martin", "Alvarez", "Foster", "Kim", "Rahman", "Murphy", "Santos", "Iyer",
  "Fournier", "Nasser", "Vogel", "Ramos", "Hughes", "Boateng", "Larsen",
  "Popescu", "Wright", "Castro", "Yamamoto", "Kaur", "Doyle", "Meyer", "Park",
};

typedef struct
{
  const char        *name;
  const char * const cities[6];
} DemoRegion;

/* East to west, so that a regional director's managers sit side by side. */
static const DemoRegion regions[] = {
  { "Northeast", { "Boston", "New York", "Philadelphia", "Hartford", "Providence", "Albany" } },
  { "Mid-Atlantic", { "Washington", "Baltimore", "Richmond", "Pittsburgh", "Newark", "Wilmington" } },
  { "Southeast", { "Atlanta", "Miami", "Charlotte", "Nashville", "Orlando", "Raleigh" } },
  { "Midwest", { "Chicago", "Detroit", "Minneapolis", "Columbus", "Milwaukee", "St. Louis" } },
  { "South Central", { "Dallas", "Houston", "Austin", "Oklahoma City", "New Orleans", "San Antonio" } },
  { "Mountain", { "Denver", "Phoenix", "Salt Lake City", "Albuquerque", "Boise", "Las Vegas" } },
  { "California", { "San Francisco", "Los Angeles", "San Diego", "Sacramento", "San Jose", "Fresno" } },
  { "Pacific Northwest", { "Seattle", "Portland", "Spokane", "Tacoma", "Eugene", "Anchorage" } },
};

static const char * const director_regions[] = { "East", "Central", "West" };

static const char * const name_starts[] = {
  "North", "South", "East", "West", "Blue", "Red", "Green", "Silver", "Gold",
  "Iron", "Stone", "Oak", "Pine", "Cedar", "Maple", "Bright", "Clear", "High",
  "Lake", "River", "Sun", "Star", "Fox", "Hawk", "Bear", "Elm", "Birch",
  "Copper", "Crystal", "Deep", "Fair", "Glen", "Grand", "Kings", "Long",
  "Mill", "New", "Rock", "Sea", "Wolf",
};

static const char * const name_ends[] = {
  "wind", "water", "field", "ridge", "brook", "gate", "view", "stone", "wood",
  "point", "haven", "crest", "vale", "ford", "bridge", "port", "land", "side",
  "hill", "bay", "creek", "mont", "dale", "line", "path", "spring", "shore",
  "wick", "worth", "moor",
};

static const char * const name_suffixes[] = {
  "", "", "", "Inc.", "Ltd", "Group", "Co.", "LLC", "Partners", "Holdings",
};

typedef struct
{
  const char        *sector;
  const char * const nouns[4];
} DemoSector;

static const DemoSector sectors[] = {
  { "Manufacturing", { "Tooling", "Fabrication", "Machines", "Components" } },
  { "Logistics", { "Logistics", "Freight", "Shipping", "Transport" } },
  { "Healthcare", { "Health", "Clinics", "Medical", "Care" } },
  { "Retail", { "Retail", "Stores", "Outfitters", "Markets" } },
  { "Food and beverage", { "Foods", "Bakeries", "Brewing", "Dairy" } },
  { "Financial services", { "Capital", "Bank", "Insurance", "Finance" } },
  { "Energy", { "Energy", "Power", "Solar", "Utilities" } },
  { "Technology", { "Software", "Systems", "Networks", "Labs" } },
  { "Construction", { "Builders", "Construction", "Engineering", "Homes" } },
  { "Hospitality", { "Hotels", "Resorts", "Hospitality", "Catering" } },
};

static const char * const contact_titles[] = {
  "CEO", "CFO", "CTO", "Head of Purchasing", "IT Director", "Operations Manager",
  "Procurement Lead", "VP Sales", "Plant Manager", "Office Manager",
  "Head of Finance", "Project Manager",
};

typedef struct
{
  const char *name;
  const char *family;
  gint64      list_price; /* dollars */
} DemoProductInfo;

static const DemoProductInfo product_infos[] = {
  { "Analytics Suite", "Software", 12000 },
  { "Field Service App", "Software", 8000 },
  { "Data Platform", "Software", 25000 },
  { "Support Plan Gold", "Services", 6000 },
  { "Training Package", "Services", 3000 },
  { "Consulting Days", "Services", 1600 },
  { "IoT Gateway", "Hardware", 1500 },
  { "Sensor Kit", "Hardware", 900 },
};

static const char * const deal_purposes[] = {
  "rollout", "pilot", "expansion", "renewal", "upgrade", "second site",
  "replacement", "proof of concept",
};

static const char * const deal_sources[] = {
  "Inbound", "Outbound", "Referral", "Event", "Partner", "Website",
};

static const char * const next_steps[] = {
  "Schedule a demo", "Send the revised proposal", "Meet the buyer",
  "Agree on the pilot scope", "Get the budget confirmed", "Send references",
  "Review the contract", "Call back after the board meeting",
};

static const char * const challenges[] = {
  "Budget approval pending", "Competitor is the incumbent",
  "Decision maker not yet met", "IT has security questions",
  "Tight implementation timeline", "Procurement wants three quotes",
};

static const char * const early_lost_reasons[] = {
  "No budget", "No decision", "Not a fit", "Went silent",
};

static const char * const late_lost_reasons[] = {
  "Price", "Lost to a competitor", "Postponed", "Chose to build in-house",
};

static const char * const kind_names[N_KINDS] = {
  "call", "meeting", "email", "visit", "demo", "task",
};

static const int kind_minutes[N_KINDS] = { 20, 60, 10, 90, 45, 30 };

static const char * const subjects[N_KINDS][6] = {
  { "Discovery call", "Follow-up call", "Check-in call", "Call about the proposal", "Pricing call", "Reference call" },
  { "Kick-off meeting", "Requirements workshop", "Steering committee", "Budget review", "Negotiation meeting", "Business review" },
  { "Send product overview", "Send case study", "Send proposal", "Follow-up email", "Send meeting summary", "Send revised quote" },
  { "Site visit", "On-site assessment", "Visit the plant", "Lunch with the buyer", "Visit the head office", "Workshop on site" },
  { "Product demo", "Technical deep dive", "Pilot walkthrough", "Demo for the IT team", "Demo for the users", "Reporting demo" },
  { "Prepare quote", "Prepare proposal", "Update the forecast", "Internal deal review", "Check references", "Draft contract" },
};

static const char * const outcomes[] = {
  "Positive, next step agreed", "Needs more information", "Interested",
  "Decision maker present", "Objection on price", "Asked for a proposal",
  "No response yet", "Done",
};

static const char * const activity_notes[] = {
  "Budget confirmed for this year.", "Wants references from the same sector.",
  "IT needs to sign off.", "Asked for a ten percent discount.",
  "A competitor is also in the running.", "Timeline slipped by two weeks.",
};

typedef struct
{
  const char *text;
  const char *resources;
} DemoTodoInfo;

static const DemoTodoInfo todo_infos[] = {
  { "Check stock and delivery dates", "Price list" },
  { "Confirm the agenda", NULL },
  { "Prepare slides", "Laptop" },
  { "Ask who signs the order", NULL },
  { "Calculate discount options", "Pricing sheet" },
  { "Book a meeting room", "Meeting room" },
  { "Collect two references", "Case studies" },
  { "Review the contract draft", "Legal team" },
};

static const char * const todo_results[] = { "Done", "Sent", "Confirmed", "Postponed" };

/* Activity kind mix (percent) by phase of the pipeline. */
static const int kind_mix_early[N_KINDS]   = { 40, 10, 30, 5, 5, 10 };
static const int kind_mix_middle[N_KINDS]  = { 20, 20, 20, 10, 20, 10 };
static const int kind_mix_late[N_KINDS]    = { 25, 25, 20, 10, 0, 20 };
static const int kind_mix_account[N_KINDS] = { 40, 10, 20, 20, 0, 10 };

/* Business hours start and end, local time. */
#define DAY_START_MINUTE (8 * 60)
#define DAY_END_MINUTE   (17 * 60 + 30)

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

/* ---- random numbers ----------------------------------------------------- */

static double
demo_normal (GRand *rand)
{
  /* Box-Muller; 1 - u keeps the logarithm finite. */
  double u1 = 1.0 - g_rand_double (rand);
  double u2 = g_rand_double (rand);

  return sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

static gboolean
demo_chance (GRand  *rand,
             double  probability)
{
  return g_rand_double (rand) < probability;
}

static double
demo_uniform (GRand  *rand,
              double  low,
              double  high)
{
  return g_rand_double_range (rand, low, high);
}

static DemoKind
demo_pick_kind (GRand     *rand,
                const int  mix[N_KINDS])
{
  int roll = g_rand_int_range (rand, 0, 100);

  for (guint i = 0; i < N_KINDS; i++)
    {
      if (roll < mix[i])
        return i;
      roll -= mix[i];
    }

  return KIND_TASK;
}

/* Rounds x to an integer so that the expected value stays x. */
static guint
demo_round_randomly (GRand  *rand,
                     double  x)
{
  double whole = floor (x);

  return (guint) whole + (demo_chance (rand, x - whole) ? 1 : 0);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* ---- calendar ----------------------------------------------------------- */

static int
positive_mod (int a,
              int n)
{
  return ((a % n) + n) % n;
}

static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  int year;

  if (!prospect_date_is_valid (text))
    return FALSE;

  /* The window reaches two years back; GDateTime stops at year 9999. */
  year = atoi (text);
  if (year < 1900 || year > 9990)
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, atoi (text + 8), atoi (text + 5), year);
  return TRUE;
}

static void
format_iso_date (guint32 julian,
                 char    buffer[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (buffer, 11, "%04d-%02d-%02d",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
}

static int
month_index_of (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_date_get_year (&date) * 12 + g_date_get_month (&date) - 1;
}

static guint32
julian_of_month_index (int month_index)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, month_index % 12 + 1, month_index / 12);
  return g_date_get_julian (&date);
}

static gboolean
is_weekend (guint32 julian)
{
  /* Julian day 1 (1 January of year 1) was a Monday. */
  return (julian - 1) % 7 >= 5;
}

static guint
read_fiscal_year_start (ProspectDatabase *db)
{
  g_autofree char *value = prospect_database_get_setting (db, "fiscal-year-start-month");
  guint64 month = 1;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, 12, &month, NULL))
    return 1;

  return (guint) month;
}

static void
calendar_init (DemoCalendar *cal,
               const GDate  *today,
               guint         fiscal_start_month)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  int today_month = month_index_of (g_date_get_julian (today));
  int fiscal_offset = fiscal_start_month - 1;
  int year_start = today_month - positive_mod (today_month - fiscal_offset, 12);
  int quarter_start = today_month - positive_mod (today_month - fiscal_offset, 3);

  cal->today = g_date_get_julian (today);
  cal->first_quarter = year_start - 12;
  cal->window_start = julian_of_month_index (cal->first_quarter);
  cal->current_quarter = (quarter_start - cal->first_quarter) / 3;
  cal->n_quarters = cal->current_quarter + 2;

  /* Room before the window (weekend shifts, accounts made before the
   * first deal) and after today (the next two weeks of activities). */
  cal->first_day = cal->window_start - 14;
  cal->n_days = cal->today + 21 - cal->first_day;
  cal->day_ms = g_new (gint64, cal->n_days);
  cal->day_quarter = g_new (int, cal->n_days);
  cal->today_lm = (gint64) (cal->today - cal->first_day) * MINUTES_PER_DAY;

  for (guint i = 0; i < cal->n_days; i++)
    {
      GDate date;
      g_autoptr(GDateTime) noon = NULL;
      int month;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, cal->first_day + i);
      noon = g_date_time_new (zone, g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
      cal->day_ms[i] = (g_date_time_to_unix (noon) - 12 * 3600) * 1000;

      month = g_date_get_year (&date) * 12 + g_date_get_month (&date) - 1;
      cal->day_quarter[i] = month < cal->first_quarter ? -1 : (month - cal->first_quarter) / 3;
    }
}

static void
calendar_clear (DemoCalendar *cal)
{
  g_clear_pointer (&cal->day_ms, g_free);
  g_clear_pointer (&cal->day_quarter, g_free);
}

static gint64
lm_of_day (const DemoCalendar *cal,
           guint32             julian,
           int                 minute)
{
  return (gint64) (julian - cal->first_day) * MINUTES_PER_DAY + minute;
}

static guint32
day_of_lm (const DemoCalendar *cal,
           gint64              lm)
{
  return cal->first_day + (guint32) (lm / MINUTES_PER_DAY);
}

static gint64
ms_of_lm (const DemoCalendar *cal,
          gint64              lm)
{
  gint64 day = lm / MINUTES_PER_DAY;

  g_assert (day >= 0 && day < cal->n_days);
  return cal->day_ms[day] + (lm % MINUTES_PER_DAY) * MS_PER_MINUTE;
}

static int
business_minute (GRand *rand)
{
  /* On the quarter hour, like calendar entries people make. */
  return DAY_START_MINUTE + 15 * g_rand_int_range (rand, 0, (DAY_END_MINUTE - DAY_START_MINUTE) / 15);
}

/* ---- generator set-up --------------------------------------------------- */

static gboolean
demo_check_empty (ProspectDatabase  *db,
                  GError           **error)
{
  static const char *sql =
    "SELECT EXISTS (SELECT 1 FROM person) OR EXISTS (SELECT 1 FROM account)"
    " OR EXISTS (SELECT 1 FROM contact) OR EXISTS (SELECT 1 FROM product)"
    " OR EXISTS (SELECT 1 FROM deal) OR EXISTS (SELECT 1 FROM activity)"
    " OR EXISTS (SELECT 1 FROM target)";
  sqlite3_stmt *stmt = prospect_database_prepare (db, sql, error);
  gboolean empty;

  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_DATABASE, "%s",
                   sqlite3_errmsg (prospect_database_get_handle (db)));
      sqlite3_reset (stmt);
      return FALSE;
    }

  empty = sqlite3_column_int (stmt, 0) == 0;
  sqlite3_reset (stmt);

  if (!empty)
    g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID,
                 _("The database already holds people, accounts or deals; sample data can only be added to an empty database"));

  return empty;
}

static gboolean
demo_read_stages (DemoGenerator  *self,
                  GError        **error)
{
  sqlite3_stmt *stmt = prospect_database_prepare (self->db,
                                                  "SELECT id, kind, probability FROM stage"
                                                  " WHERE deleted_at IS NULL ORDER BY position, id",
                                                  error);
  if (stmt == NULL)
    return FALSE;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      DemoStage stage = {
        g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
        sqlite3_column_int (stmt, 2),
      };

      if (g_str_equal (kind, "open") && self->n_open < DEMO_MAX_OPEN_STAGES)
        self->open[self->n_open++] = stage;
      else if (g_str_equal (kind, "won") && self->won.id == NULL)
        self->won = stage;
      else if (g_str_equal (kind, "lost") && self->lost.id == NULL)
        self->lost = stage;
      else
        g_free (stage.id);
    }
  sqlite3_reset (stmt);

  if (self->n_open < 2 || self->won.id == NULL || self->lost.id == NULL)
    {
      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID,
                   _("Sample data needs a pipeline with at least two open stages, a won stage and a lost stage"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
demo_prepare_statements (DemoGenerator  *self,
                         GError        **error)
{
  struct {
    sqlite3_stmt **stmt;
    const char    *sql;
  } statements[] = {
    { &self->insert_person,
      "INSERT INTO person (id, created_at, updated_at, name, email, role, manager_id, region, active)"
      " VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, 1)" },
    { &self->insert_account,
      "INSERT INTO account (id, created_at, updated_at, name, sector, region, revenue, currency,"
      " employees, location, parent_id, owner_id)"
      " VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, '" DEMO_CURRENCY "', ?7, ?8, ?9, ?10)" },
    { &self->insert_contact,
      "INSERT INTO contact (id, created_at, updated_at, account_id, name, title, email, phone)"
      " VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7)" },
    { &self->insert_product,
      "INSERT INTO product (id, created_at, updated_at, name, family, list_price, currency)"
      " VALUES (?1, ?2, ?2, ?3, ?4, ?5, '" DEMO_CURRENCY "')" },
    { &self->insert_deal,
      "INSERT INTO deal (id, created_at, updated_at, title, account_id, contact_id, owner_id,"
      " stage_id, amount, currency, probability, expected_close, priority, next_step, challenges,"
      " region, channel, product_id, source, status, lost_reason, closed_on)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, '" DEMO_CURRENCY "', ?10, ?11, ?12, ?13, ?14,"
      " ?15, ?16, ?17, ?18, ?19, ?20, ?21)" },
    { &self->insert_stage_change,
      "INSERT INTO deal_stage_change (id, created_at, updated_at, deal_id, from_stage_id,"
      " to_stage_id, changed_at, changed_by)"
      " VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?2, ?6)" },
    { &self->insert_activity,
      "INSERT INTO activity (id, created_at, updated_at, kind, subject, notes, due_at, due_date,"
      " duration_minutes, done_at, outcome, deal_id, account_id, contact_id, owner_id, remind_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)" },
    { &self->insert_todo,
      "INSERT INTO todo_item (id, created_at, updated_at, activity_id, position, text,"
      " planned_minutes, resources, result, done)"
      " VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)" },
    { &self->insert_target,
      "INSERT INTO target (id, created_at, updated_at, person_id, manager_id, period_kind,"
      " period_start, metric, value, currency)"
      " VALUES (?1, ?2, ?2, ?3, ?4, 'quarter', ?5, 'won_value', ?6, '" DEMO_CURRENCY "')" },
  };

  /* The database caches these; holding them for the whole run saves a
   * cache lookup per row. */
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    if (!(*statements[i].stmt = prospect_database_prepare (self->db, statements[i].sql, error)))
      return FALSE;

  return TRUE;
}

static void
demo_person_clear (gpointer data)
{
  DemoPerson *person = data;

  g_free (person->id);
  g_free (person->won_per_quarter);
  g_clear_pointer (&person->open_deals, g_array_unref);
  g_clear_pointer (&person->accounts, g_array_unref);
}

static void
demo_account_clear (gpointer data)
{
  DemoAccount *account = data;

  g_free (account->id);
  g_free (account->short_name);
}

static void
demo_product_clear (gpointer data)
{
  DemoProduct *product = data;

  g_free (product->id);
}

static void
demo_generator_clear (DemoGenerator *self)
{
  for (guint i = 0; i < self->n_open; i++)
    g_free (self->open[i].id);
  g_free (self->won.id);
  g_free (self->lost.id);

  for (guint i = 0; i < self->n_deals; i++)
    g_free (self->deals[i].id);
  g_free (self->deals);
  g_free (self->account_weight_sum);

  g_clear_pointer (&self->people, g_array_unref);
  g_clear_pointer (&self->reps, g_array_unref);
  g_clear_pointer (&self->accounts, g_array_unref);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->products, g_array_unref);
  g_clear_pointer (&self->rand, g_rand_free);
  calendar_clear (&self->cal);
}

static void
demo_report (DemoGenerator *self,
             double         fraction,
             const char    *phase)
{
  if (self->progress != NULL)
    self->progress (CLAMP (fraction, 0.0, 1.0), phase, self->progress_data);
}

/* ---- writing rows ------------------------------------------------------- */

static void
bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, value, -1, SQLITE_TRANSIENT);
}

static void
bind_int (sqlite3_stmt *stmt,
          int           column,
          gint64        value)
{
  sqlite3_bind_int64 (stmt, column, value);
}

/* value < 0 binds NULL: every nullable integer here is otherwise >= 0. */
static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           column,
                  gint64        value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_int64 (stmt, column, value);
}

static gboolean
demo_step (DemoGenerator  *self,
           sqlite3_stmt   *stmt,
           GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_DATABASE, "%s",
                 sqlite3_errmsg (prospect_database_get_handle (self->db)));

  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

static char *
demo_new_id (DemoGenerator *self,
             gint64         ms)
{
  return prospect_id_new_with (ms, self->rand);
}

static char *
email_local_part (const char *first,
                  const char *last)
{
  g_autofree char *ascii = g_str_to_ascii (first, "C");
  g_autofree char *ascii_last = g_str_to_ascii (last, "C");
  g_autofree char *joined = g_strdup_printf ("%s.%s", ascii, ascii_last);

  return g_ascii_strdown (joined, -1);
}

/* ---- the team ----------------------------------------------------------- */

static char *
demo_unique_name (DemoGenerator *self,
                  GHashTable    *used)
{
  for (;;)
    {
      const char *first = PICK (self->rand, first_names);
      const char *last = PICK (self->rand, last_names);
      char *name = g_strdup_printf ("%s %s", first, last);

      if (!g_hash_table_contains (used, name))
        {
          g_hash_table_add (used, name);
          return g_strdup (name);
        }
      g_free (name);
    }
}

/* Index i of n reps gets a fixed profile, so that every team has a rep who
 * struggles at one step; jitter keeps the figures from looking typed in. */
static void
demo_set_rep_profile (DemoGenerator *self,
                      DemoPerson    *rep,
                      guint          index)
{
  guint last = self->n_open - 1;
  guint second = MIN (1, last);

  rep->pace = demo_uniform (self->rand, 0.85, 1.15);

  for (guint s = 0; s < self->n_open; s++)
    {
      double base = 0.64 + 0.23 * s / last;

      rep->step_rate[s] = base + demo_uniform (self->rand, -0.04, 0.04);
      rep->stage_activity[s] = demo_uniform (self->rand, 0.85, 1.15);
    }

  switch (index % 8)
    {
    case 0: /* the team's best */
      for (guint s = 0; s < self->n_open; s++)
        {
          rep->step_rate[s] *= 1.15;
          rep->stage_activity[s] *= 1.2;
        }
      break;
    case 1: /* loses deals after qualifying them, and does little there */
      rep->step_rate[second] *= 0.55;
      rep->stage_activity[second] *= 0.5;
      break;
    case 3: /* long sales cycles */
      rep->pace *= 1.4;
      break;
    case 4: /* weak at closing */
      rep->step_rate[last] *= 0.6;
      rep->stage_activity[last] *= 0.6;
      break;
    case 5: /* qualifies few of the leads */
      rep->step_rate[0] *= 0.7;
      rep->stage_activity[0] *= 0.6;
      break;
    case 7: /* busy, average results */
      for (guint s = 0; s < self->n_open; s++)
        rep->stage_activity[s] *= 1.3;
      break;
    default:
      break;
    }

  for (guint s = 0; s < self->n_open; s++)
    rep->step_rate[s] = CLAMP (rep->step_rate[s], 0.05, 0.97);
}

static gboolean
demo_insert_person (DemoGenerator  *self,
                    const char     *role,
                    int             manager,
                    const char     *region,
                    GHashTable     *used_names,
                    GError        **error)
{
  DemoPerson person = { 0 };
  g_autofree char *name = demo_unique_name (self, used_names);
  g_auto(GStrv) parts = g_strsplit (name, " ", 2);
  g_autofree char *local = email_local_part (parts[0], parts[1]);
  g_autofree char *email = g_strdup_printf ("%s@example.com", local);
  gint64 created_lm = lm_of_day (&self->cal, self->cal.first_day, 8 * 60) + self->people->len;
  gint64 created_ms = ms_of_lm (&self->cal, created_lm);
  sqlite3_stmt *stmt = self->insert_person;

  person.id = demo_new_id (self, created_ms);
  person.role = role;
  person.manager = manager;
  person.region = region;
  person.is_rep = g_str_equal (role, "rep");

  bind_text (stmt, 1, person.id);
  bind_int (stmt, 2, created_ms);
  bind_text (stmt, 3, name);
  bind_text (stmt, 4, email);
  bind_text (stmt, 5, role);
  bind_text (stmt, 6, manager < 0 ? NULL : g_array_index (self->people, DemoPerson, manager).id);
  bind_text (stmt, 7, region);

  if (person.is_rep)
    {
      demo_set_rep_profile (self, &person, self->reps->len);
      person.won_per_quarter = g_new0 (gint64, self->cal.n_quarters);
      person.open_deals = g_array_new (FALSE, FALSE, sizeof (guint));
      person.accounts = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (self->reps, self->people->len);
    }

  g_array_append_val (self->people, person);
  self->stats.people++;

  return demo_step (self, stmt, error);
}

static gboolean
demo_create_team (DemoGenerator  *self,
                  GError        **error)
{
  const DemoSize *size = self->size;
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint first_manager;

  if (!demo_insert_person (self, "director", -1, NULL, used, error))
    return FALSE;

  for (guint d = 0; d < size->regional_directors; d++)
    if (!demo_insert_person (self, "director", 0, director_regions[d % G_N_ELEMENTS (director_regions)],
                             used, error))
      return FALSE;

  first_manager = self->people->len;
  for (guint m = 0; m < size->managers; m++)
    {
      int director = size->regional_directors == 0 ? 0 : 1 + m * size->regional_directors / size->managers;
      const char *region = regions[m * G_N_ELEMENTS (regions) / size->managers].name;

      if (!demo_insert_person (self, "manager", director, region, used, error))
        return FALSE;
    }

  for (guint r = 0; r < size->reps; r++)
    {
      int manager = first_manager + r * size->managers / size->reps;
      const char *region = g_array_index (self->people, DemoPerson, manager).region;

      if (!demo_insert_person (self, "rep", manager, region, used, error))
        return FALSE;
    }

  return TRUE;
}

static DemoPerson *
demo_person (DemoGenerator *self,
             int            person)
{
  return &g_array_index (self->people, DemoPerson, person);
}

/* ---- products, accounts and contacts ------------------------------------ */

static gboolean
demo_create_products (DemoGenerator  *self,
                      GError        **error)
{
  gint64 created_ms = ms_of_lm (&self->cal, lm_of_day (&self->cal, self->cal.first_day, 7 * 60));

  for (guint i = 0; i < self->size->products; i++)
    {
      const DemoProductInfo *info = &product_infos[i % G_N_ELEMENTS (product_infos)];
      DemoProduct product = {
        demo_new_id (self, created_ms + i),
        info->name,
        info->list_price * CENTS_PER_DOLLAR,
      };
      sqlite3_stmt *stmt = self->insert_product;

      bind_text (stmt, 1, product.id);
      bind_int (stmt, 2, created_ms + i);
      bind_text (stmt, 3, info->name);
      bind_text (stmt, 4, info->family);
      bind_int (stmt, 5, product.list_price);
      g_array_append_val (self->products, product);
      self->stats.products++;

      if (!demo_step (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* "Northwind Logistics Inc.": a made-up compound, a word of the sector
 * and sometimes a legal suffix. Also gives the compound alone (for deal
 * titles) and a slug for e-mail domains. */
static char *
demo_account_name (DemoGenerator     *self,
                   const DemoSector  *sector,
                   GHashTable        *used,
                   char             **short_name_out,
                   char             **slug_out)
{
  for (;;)
    {
      const char *start = PICK (self->rand, name_starts);
      const char *end = PICK (self->rand, name_ends);
      g_autofree char *compound = g_strconcat (start, end, NULL);
      g_autofree char *base = g_strdup_printf ("%s %s", compound, PICK (self->rand, sector->nouns));
      const char *suffix = PICK (self->rand, name_suffixes);

      if (g_hash_table_contains (used, base))
        continue;

      g_hash_table_add (used, g_strdup (base));
      *slug_out = g_ascii_strdown (base, -1);
      g_strdelimit (*slug_out, " ", '-');
      *short_name_out = g_steal_pointer (&compound);
      return *suffix ? g_strdup_printf ("%s %s", base, suffix) : g_steal_pointer (&base);
    }
}

static gboolean
demo_insert_contacts (DemoGenerator      *self,
                      DemoAccount        *account,
                      const char         *slug,
                      gint64              created_ms,
                      GError            **error)
{
  account->first_contact = self->contacts->len;
  account->n_contacts = g_rand_int_range (self->rand, 1, 5);

  for (guint c = 0; c < account->n_contacts; c++)
    {
      const char *first = PICK (self->rand, first_names);
      const char *last = PICK (self->rand, last_names);
      g_autofree char *name = g_strdup_printf ("%s %s", first, last);
      g_autofree char *local = email_local_part (first, last);
      g_autofree char *email = g_strdup_printf ("%s@%s.example", local, slug);
      int area = g_rand_int_range (self->rand, 201, 990);
      int line = g_rand_int_range (self->rand, 0, 100);
      g_autofree char *phone = g_strdup_printf ("+1 %03d 555 01%02d", area, line);
      char *id = demo_new_id (self, created_ms + c + 1);
      sqlite3_stmt *stmt = self->insert_contact;

      g_ptr_array_add (self->contacts, id);
      bind_text (stmt, 1, id);
      bind_int (stmt, 2, created_ms + c + 1);
      bind_text (stmt, 3, account->id);
      bind_text (stmt, 4, name);
      bind_text (stmt, 5, PICK (self->rand, contact_titles));
      bind_text (stmt, 6, email);
      bind_text (stmt, 7, phone);
      self->stats.contacts++;

      if (!demo_step (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
demo_insert_account (DemoGenerator  *self,
                     guint           index,
                     GHashTable     *used_names,
                     GError        **error)
{
  const DemoSector *sector = &PICK (self->rand, sectors);
  guint rep_index = g_array_index (self->reps, guint, index % self->reps->len);
  DemoPerson *owner = demo_person (self, rep_index);
  const DemoRegion *region = &regions[0];
  g_autofree char *slug = NULL;
  g_autofree char *short_name = NULL;
  g_autofree char *name = demo_account_name (self, sector, used_names, &short_name, &slug);
  double revenue = exp (log (4e7) + 1.2 * demo_normal (self->rand));
  double revenue_per_employee = demo_uniform (self->rand, 150e3, 400e3);
  guint32 created_day = self->cal.first_day + g_rand_int_range (self->rand, 0, 10);
  gint64 employees;
  DemoAccount account = { 0 };
  sqlite3_stmt *stmt = self->insert_account;
  const char *parent = NULL;
  gint64 created_ms;

  for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
    if (g_str_equal (regions[r].name, owner->region))
      region = &regions[r];

  revenue = CLAMP (revenue, 1e6, 5e10);
  employees = MAX (5, (gint64) (revenue / revenue_per_employee));
  account.owner = rep_index;
  account.short_name = g_steal_pointer (&short_name);
  account.region = region->name;
  account.created_lm = lm_of_day (&self->cal, created_day, business_minute (self->rand));
  created_ms = ms_of_lm (&self->cal, account.created_lm);
  account.id = demo_new_id (self, created_ms);

  /* A few subsidiaries, so that the parent account field has examples. */
  if (index >= 10 && demo_chance (self->rand, 0.05))
    parent = g_array_index (self->accounts, DemoAccount, g_rand_int_range (self->rand, 0, index)).id;

  bind_text (stmt, 1, account.id);
  bind_int (stmt, 2, created_ms);
  bind_text (stmt, 3, name);
  bind_text (stmt, 4, sector->sector);
  bind_text (stmt, 5, region->name);
  bind_int (stmt, 6, (gint64) revenue * CENTS_PER_DOLLAR);
  bind_int (stmt, 7, employees);
  bind_text (stmt, 8, PICK (self->rand, region->cities));
  bind_text (stmt, 9, parent);
  bind_text (stmt, 10, owner->id);
  self->stats.accounts++;

  g_array_append_val (owner->accounts, index);
  g_array_append_val (self->accounts, account);

  if (!demo_step (self, stmt, error))
    return FALSE;

  /* Bigger companies buy more often. */
  self->account_weight_sum[index] = (index > 0 ? self->account_weight_sum[index - 1] : 0)
                                    + pow (revenue / 1e7, 0.3);

  return demo_insert_contacts (self, &g_array_index (self->accounts, DemoAccount, index),
                               slug, created_ms, error);
}

static gboolean
demo_create_accounts (DemoGenerator  *self,
                      GError        **error)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->account_weight_sum = g_new0 (double, self->size->accounts);

  for (guint i = 0; i < self->size->accounts; i++)
    if (!demo_insert_account (self, i, used, error))
      return FALSE;

  return TRUE;
}

static guint
demo_pick_account (DemoGenerator *self)
{
  double total = self->account_weight_sum[self->accounts->len - 1];
  double x = g_rand_double (self->rand) * total;
  guint low = 0, high = self->accounts->len - 1;

  while (low < high)
    {
      guint mid = (low + high) / 2;

      if (self->account_weight_sum[mid] <= x)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

/* ---- deals -------------------------------------------------------------- */

/* Creation times: spread over the whole window, with extra deals in the
 * last months so that there is an open pipeline to forecast. */
static gint64 *
demo_deal_creation_times (DemoGenerator *self)
{
  const DemoCalendar *cal = &self->cal;
  gint64 *times = g_new (gint64, self->size->deals);
  guint window_days = cal->today - cal->window_start;
  guint recent_days = MIN (100, window_days);

  for (guint i = 0; i < self->size->deals; i++)
    {
      guint32 day = demo_chance (self->rand, 0.3)
                    ? cal->today - (guint32) g_rand_int_range (self->rand, 1, recent_days + 1)
                    : cal->window_start + (guint32) g_rand_int_range (self->rand, 0, window_days);

      while (is_weekend (day))
        day--;
      times[i] = lm_of_day (cal, day, business_minute (self->rand));
    }

  qsort (times, self->size->deals, sizeof (gint64), compare_gint64);
  return times;
}

static gint64
demo_next_move (DemoGenerator    *self,
                const DemoPerson *rep,
                guint             stage,
                gint64            from_lm)
{
  double days = (10 + 5 * stage) * rep->pace * exp (0.5 * demo_normal (self->rand));
  guint32 day;

  /* Some deals stall for a while before anything happens. */
  if (demo_chance (self->rand, 0.05))
    days *= 4;

  day = day_of_lm (&self->cal, from_lm) + (guint32) MAX (1, lround (days));
  while (is_weekend (day))
    day++;

  return lm_of_day (&self->cal, day, business_minute (self->rand));
}

static void
demo_deal_add_event (DemoDeal *deal,
                     guint     stage,
                     gint64    lm)
{
  g_assert (deal->n_events < DEMO_MAX_EVENTS);
  deal->event_stage[deal->n_events] = stage;
  deal->event_lm[deal->n_events] = lm;
  deal->n_events++;
}

/* Walks the deal through the pipeline until it is won, lost, or still
 * open today. A step is passed with the rep's rate for it; sometimes a
 * stage is skipped. */
static void
demo_walk_deal (DemoGenerator    *self,
                DemoDeal         *deal,
                const DemoPerson *rep,
                gint64            created_lm)
{
  guint stage = demo_chance (self->rand, 0.12) ? 1 : 0;
  gint64 at = created_lm;

  demo_deal_add_event (deal, stage, at);

  for (;;)
    {
      gint64 next = demo_next_move (self, rep, stage, at);

      if (next >= self->cal.today_lm)
        {
          deal->status = 'o';
          return;
        }

      if (!demo_chance (self->rand, rep->step_rate[stage]))
        {
          demo_deal_add_event (deal, DEMO_STAGE_LOST, next);
          deal->status = 'l';
          return;
        }

      stage += demo_chance (self->rand, 0.07) ? 2 : 1;
      if (stage >= self->n_open)
        {
          demo_deal_add_event (deal, DEMO_STAGE_WON, next);
          deal->status = 'w';
          return;
        }

      demo_deal_add_event (deal, stage, next);
      at = next;
    }
}

static const char *
demo_stage_id (DemoGenerator *self,
               guint          stage)
{
  if (stage == DEMO_STAGE_WON)
    return self->won.id;
  if (stage == DEMO_STAGE_LOST)
    return self->lost.id;
  return self->open[stage].id;
}

static guint
demo_last_open_stage (const DemoDeal *deal)
{
  for (guint i = deal->n_events; i > 0; i--)
    if (deal->event_stage[i - 1] < DEMO_STAGE_WON)
      return deal->event_stage[i - 1];

  g_assert_not_reached ();
}

/* Open deals mostly close this quarter or next; some have a date that
 * already passed (the rep has to update it), a few are further out. */
static guint32
demo_expected_close (DemoGenerator  *self,
                     const DemoDeal *deal)
{
  const DemoCalendar *cal = &self->cal;
  guint32 next_quarter = julian_of_month_index (cal->first_quarter + 3 * (cal->current_quarter + 1));
  guint32 quarter_after = julian_of_month_index (cal->first_quarter + 3 * (cal->current_quarter + 2));
  guint32 after_that = julian_of_month_index (cal->first_quarter + 3 * (cal->current_quarter + 3));
  guint32 closed_day = day_of_lm (cal, deal->event_lm[deal->n_events - 1]);
  double roll;
  guint32 day;

  /* A closed deal's forecast was somewhat off. */
  if (deal->status != 'o')
    return (guint32) ((gint64) closed_day + g_rand_int_range (self->rand, -20, 16));

  roll = g_rand_double (self->rand);
  if (roll < 0.10)
    return cal->today - (guint32) g_rand_int_range (self->rand, 1, 31);

  if (roll >= 0.92)
    return (guint32) g_rand_int_range (self->rand, quarter_after, after_that);

  day = cal->today;
  for (guint s = demo_last_open_stage (deal); s < self->n_open; s++)
    day += (guint32) ((10 + 5 * s) * demo_uniform (self->rand, 0.5, 1.5));

  if (day < quarter_after)
    return day;

  return (guint32) g_rand_int_range (self->rand, next_quarter, quarter_after);
}

static const char *
demo_lost_reason (DemoGenerator  *self,
                  const DemoDeal *deal)
{
  if (demo_last_open_stage (deal) < self->n_open / 2)
    return PICK (self->rand, early_lost_reasons);
  return PICK (self->rand, late_lost_reasons);
}

/* Amount in cents: the product's price times a log-normal quantity, a
 * discount, rounded to a hundred dollars. */
static gint64
demo_amount (DemoGenerator     *self,
             const DemoProduct *product)
{
  double dollars;

  if (product != NULL)
    {
      double quantity = exp (1.1 + 0.7 * demo_normal (self->rand));
      double discount = demo_uniform (self->rand, 0.85, 1.0);

      dollars = product->list_price / CENTS_PER_DOLLAR * quantity * discount;
    }
  else
    dollars = exp (log (20000) + 0.8 * demo_normal (self->rand));

  dollars = MAX (1000, round (dollars / 100) * 100);
  return (gint64) dollars * CENTS_PER_DOLLAR;
}

static int
demo_probability (DemoGenerator  *self,
                  const DemoDeal *deal)
{
  int stage_default;
  int adjustment;

  /* Most deals use the stage's default (NULL); some reps override it. */
  if (deal->status != 'o' || !demo_chance (self->rand, 0.2))
    return -1;

  stage_default = self->open[demo_last_open_stage (deal)].probability;
  adjustment = 5 * g_rand_int_range (self->rand, -2, 3);
  return CLAMP (stage_default + adjustment, 0, 100);
}

static gboolean
demo_insert_stage_changes (DemoGenerator   *self,
                           const DemoDeal  *deal,
                           const char      *owner_id,
                           GError         **error)
{
  for (guint i = 0; i < deal->n_events; i++)
    {
      sqlite3_stmt *stmt = self->insert_stage_change;
      gint64 at_ms = ms_of_lm (&self->cal, deal->event_lm[i]);
      g_autofree char *id = demo_new_id (self, at_ms);

      bind_text (stmt, 1, id);
      bind_int (stmt, 2, at_ms);
      bind_text (stmt, 3, deal->id);
      bind_text (stmt, 4, i == 0 ? NULL : demo_stage_id (self, deal->event_stage[i - 1]));
      bind_text (stmt, 5, demo_stage_id (self, deal->event_stage[i]));
      bind_text (stmt, 6, owner_id);
      self->stats.stage_changes++;

      if (!demo_step (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static void
demo_count_won (DemoGenerator  *self,
                DemoPerson     *rep,
                const DemoDeal *deal,
                gint64          amount)
{
  guint32 day = day_of_lm (&self->cal, deal->event_lm[deal->n_events - 1]);
  int quarter = self->cal.day_quarter[day - self->cal.first_day];

  if (quarter >= 0 && (guint) quarter < self->cal.n_quarters)
    rep->won_per_quarter[quarter] += amount;
}


static const DemoProduct *
demo_pick_product (DemoGenerator *self)
{
  guint index;

  if (!demo_chance (self->rand, 0.9))
    return NULL;

  index = g_rand_int_range (self->rand, 0, self->products->len);
  return &g_array_index (self->products, DemoProduct, index);
}

static const char *
demo_channel (GRand *rand)
{
  double roll = g_rand_double (rand);

  return roll < 0.7 ? "Direct" : roll < 0.95 ? "Partner" : "Online";
}

static int
demo_priority (GRand *rand)
{
  double roll = g_rand_double (rand);

  return roll < 0.2 ? 0 : roll < 0.8 ? 1 : 2;
}

static const char *
demo_status_name (const DemoDeal *deal)
{
  return deal->status == 'w' ? "won" : deal->status == 'l' ? "lost" : "open";
}

static void
demo_bind_deal_details (DemoGenerator     *self,
                        const DemoDeal    *deal,
                        const DemoAccount *account,
                        const DemoProduct *product)
{
  sqlite3_stmt *stmt = self->insert_deal;
  const char *purpose = PICK (self->rand, deal_purposes);
  g_autofree char *title = g_strdup_printf ("%s: %s %s", account->short_name,
                                            product != NULL ? product->name : "Service contract",
                                            purpose);
  char expected[11];

  format_iso_date (demo_expected_close (self, deal), expected);

  bind_text (stmt, 4, title);
  bind_int_or_null (stmt, 10, demo_probability (self, deal));
  bind_text (stmt, 11, expected);
  bind_int (stmt, 12, demo_priority (self->rand));
  bind_text (stmt, 13, deal->status == 'o' && demo_chance (self->rand, 0.7)
                       ? PICK (self->rand, next_steps) : NULL);
  bind_text (stmt, 14, demo_chance (self->rand, 0.25) ? PICK (self->rand, challenges) : NULL);
  bind_text (stmt, 15, account->region);
  bind_text (stmt, 16, demo_channel (self->rand));
  bind_text (stmt, 17, product != NULL ? product->id : NULL);
  bind_text (stmt, 18, PICK (self->rand, deal_sources));
}

static gboolean
demo_insert_deal (DemoGenerator  *self,
                  guint           index,
                  gint64          created_lm,
                  GError        **error)
{
  DemoDeal *deal = &self->deals[index];
  guint account_index = demo_pick_account (self);
  const DemoAccount *account = &g_array_index (self->accounts, DemoAccount, account_index);
  DemoPerson *rep = demo_person (self, account->owner);
  const DemoProduct *product = demo_pick_product (self);
  gint64 amount = demo_amount (self, product);
  gint64 created_ms = ms_of_lm (&self->cal, created_lm);
  sqlite3_stmt *stmt = self->insert_deal;
  gint64 last_lm;
  char closed[11];

  deal->account = account_index;
  deal->owner = account->owner;
  deal->contact = demo_chance (self->rand, 0.9)
                  ? (int) (account->first_contact + g_rand_int_range (self->rand, 0, account->n_contacts))
                  : -1;
  deal->id = demo_new_id (self, created_ms);
  demo_walk_deal (self, deal, rep, created_lm);
  last_lm = deal->event_lm[deal->n_events - 1];
  format_iso_date (day_of_lm (&self->cal, last_lm), closed);

  bind_text (stmt, 1, deal->id);
  bind_int (stmt, 2, created_ms);
  bind_int (stmt, 3, ms_of_lm (&self->cal, last_lm));
  bind_text (stmt, 5, account->id);
  bind_text (stmt, 6, deal->contact < 0 ? NULL : g_ptr_array_index (self->contacts, deal->contact));
  bind_text (stmt, 7, rep->id);
  bind_text (stmt, 8, demo_stage_id (self, deal->event_stage[deal->n_events - 1]));
  bind_int (stmt, 9, amount);
  bind_text (stmt, 19, demo_status_name (deal));
  bind_text (stmt, 20, deal->status == 'l' ? demo_lost_reason (self, deal) : NULL);
  bind_text (stmt, 21, deal->status == 'o' ? NULL : closed);
  demo_bind_deal_details (self, deal, account, product);
  self->stats.deals++;

  if (!demo_step (self, stmt, error))
    return FALSE;

  if (deal->status == 'w')
    demo_count_won (self, rep, deal, amount);
  else if (deal->status == 'o')
    g_array_append_val (rep->open_deals, index);

  return demo_insert_stage_changes (self, deal, rep->id, error);
}

static gboolean
demo_create_deals (DemoGenerator  *self,
                   GError        **error)
{
  g_autofree gint64 *created = demo_deal_creation_times (self);

  self->n_deals = self->size->deals;
  self->deals = g_new0 (DemoDeal, self->n_deals);

  for (guint i = 0; i < self->n_deals; i++)
    {
      if (!demo_insert_deal (self, i, created[i], error))
        return FALSE;

      if (i % 1000 == 0)
        demo_report (self, 0.05 + 0.2 * i / self->n_deals, _("Creating deals"));
    }

  return TRUE;
}

/* ---- activities --------------------------------------------------------- */

static gboolean
demo_insert_todos (DemoGenerator  *self,
                   const char     *activity_id,
                   gint64          created_ms,
                   gboolean        activity_done,
                   GError        **error)
{
  guint n = g_rand_int_range (self->rand, 2, 5);
  guint first = g_rand_int_range (self->rand, 0, G_N_ELEMENTS (todo_infos));

  for (guint i = 0; i < n; i++)
    {
      const DemoTodoInfo *info = &todo_infos[(first + i) % G_N_ELEMENTS (todo_infos)];
      gboolean done = activity_done && demo_chance (self->rand, 0.9);
      g_autofree char *id = demo_new_id (self, created_ms);
      sqlite3_stmt *stmt = self->insert_todo;

      bind_text (stmt, 1, id);
      bind_int (stmt, 2, created_ms);
      bind_text (stmt, 3, activity_id);
      bind_int (stmt, 4, i);
      bind_text (stmt, 5, info->text);
      bind_int (stmt, 6, 5 * g_rand_int_range (self->rand, 2, 13));
      bind_text (stmt, 7, info->resources);
      bind_text (stmt, 8, done ? PICK (self->rand, todo_results) : NULL);
      bind_int (stmt, 9, done);
      self->stats.todo_items++;

      if (!demo_step (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gint64
demo_remind_at (DemoGenerator      *self,
                const DemoActivity *activity,
                gint64              due_ms)
{
  if (activity->done || activity->all_day || activity->due_lm < self->cal.today_lm
      || !demo_chance (self->rand, 0.5))
    return -1;

  return due_ms - 15 * MS_PER_MINUTE;
}

static gboolean
demo_insert_activity (DemoGenerator       *self,
                      const DemoActivity  *activity,
                      GError             **error)
{
  const DemoCalendar *cal = &self->cal;
  sqlite3_stmt *stmt = self->insert_activity;
  gint64 created_ms = ms_of_lm (cal, activity->created_lm);
  gint64 due_ms = ms_of_lm (cal, activity->due_lm);
  int duration = kind_minutes[activity->kind];
  gint64 done_ms = -1;
  g_autofree char *id = demo_new_id (self, created_ms);
  char due_date[11];

  if (activity->done)
    done_ms = due_ms + (duration + g_rand_int_range (self->rand, 0, 30)) * MS_PER_MINUTE;
  format_iso_date (day_of_lm (cal, activity->due_lm), due_date);

  bind_text (stmt, 1, id);
  bind_int (stmt, 2, created_ms);
  bind_int (stmt, 3, activity->done ? done_ms : created_ms);
  bind_text (stmt, 4, kind_names[activity->kind]);
  bind_text (stmt, 5, PICK (self->rand, subjects[activity->kind]));
  bind_text (stmt, 6, demo_chance (self->rand, 0.15) ? PICK (self->rand, activity_notes) : NULL);
  bind_int_or_null (stmt, 7, activity->all_day ? -1 : due_ms);
  bind_text (stmt, 8, activity->all_day ? due_date : NULL);
  bind_int (stmt, 9, duration);
  bind_int_or_null (stmt, 10, done_ms);
  bind_text (stmt, 11, activity->done ? PICK (self->rand, outcomes) : NULL);
  bind_text (stmt, 12, activity->deal_id);
  bind_text (stmt, 13, activity->account_id);
  bind_text (stmt, 14, activity->contact_id);
  bind_text (stmt, 15, demo_person (self, activity->owner)->id);
  bind_int_or_null (stmt, 16, demo_remind_at (self, activity, due_ms));
  self->stats.activities++;

  if (!demo_step (self, stmt, error))
    return FALSE;

  if ((activity->kind == KIND_TASK || activity->kind == KIND_MEETING) && demo_chance (self->rand, 0.25))
    return demo_insert_todos (self, id, created_ms, activity->done, error);

  return TRUE;
}

/* A business-hours time strictly inside (start_lm, end_lm), on a weekday
 * when possible. */
static gint64
demo_due_between (DemoGenerator *self,
                  gint64         start_lm,
                  gint64         end_lm)
{
  const DemoCalendar *cal = &self->cal;
  guint32 start_day = day_of_lm (cal, start_lm);

  for (guint attempt = 0; attempt < 8; attempt++)
    {
      gint64 lm = start_lm + (gint64) (g_rand_double (self->rand) * (end_lm - start_lm));
      guint32 day = day_of_lm (cal, lm);

      while (is_weekend (day) && day > start_day)
        day--;

      lm = lm_of_day (cal, day, business_minute (self->rand));
      if (lm > start_lm && lm < end_lm)
        return lm;
    }

  /* A stay from one evening to the next morning has no business hours
   * in it; stage moves happen in business hours, so just after is too. */
  return start_lm + 1;
}

/* When the activity was entered: a few days ahead of its due time, never
 * before the deal or account existed and never after today began. */
static gint64
demo_created_before (DemoGenerator *self,
                     gint64         due_lm,
                     gint64         floor_lm)
{
  gint64 lead = g_rand_int_range (self->rand, 0, 5 * MINUTES_PER_DAY);
  gint64 created = MIN (due_lm, self->cal.today_lm) - lead;

  created = MAX (created, floor_lm);
  return MIN (created, self->cal.today_lm - 1);
}

static const int *
demo_kind_mix (DemoGenerator *self,
               guint          stage)
{
  switch (stage * 3 / self->n_open)
    {
    case 0:
      return kind_mix_early;
    case 1:
      return kind_mix_middle;
    default:
      return kind_mix_late;
    }
}

static void
demo_activity_set_due (DemoGenerator *self,
                       DemoActivity  *activity,
                       gint64         due_lm)
{
  activity->due_lm = due_lm;
  activity->all_day = activity->kind == KIND_TASK && demo_chance (self->rand, 0.3);
  /* Everything before today is done, except the agenda's overdue items. */
  activity->done = due_lm < self->cal.today_lm;
}

static gint64
demo_horizon_lm (DemoGenerator *self)
{
  /* Activities are planned up to two weeks ahead. */
  return self->cal.today_lm + 15 * MINUTES_PER_DAY;
}

static gboolean
demo_insert_deal_activities (DemoGenerator   *self,
                             const DemoDeal  *deal,
                             double           per_weight,
                             GError         **error)
{
  const DemoAccount *account = &g_array_index (self->accounts, DemoAccount, deal->account);
  const DemoPerson *rep = demo_person (self, deal->owner);

  for (guint i = 0; i < deal->n_events; i++)
    {
      guint stage = deal->event_stage[i];
      gint64 end = i + 1 < deal->n_events ? deal->event_lm[i + 1] : demo_horizon_lm (self);
      guint n;

      if (stage >= DEMO_STAGE_WON)
        continue;

      n = demo_round_randomly (self->rand, per_weight * rep->stage_activity[stage]);
      for (guint k = 0; k < n; k++)
        {
          DemoActivity activity = {
            .kind = demo_pick_kind (self->rand, demo_kind_mix (self, stage)),
            .owner = deal->owner,
            .deal_id = deal->id,
            .account_id = account->id,
            .contact_id = deal->contact < 0 ? NULL : g_ptr_array_index (self->contacts, deal->contact),
          };

          demo_activity_set_due (self, &activity, demo_due_between (self, deal->event_lm[i], end));
          activity.created_lm = demo_created_before (self, activity.due_lm, deal->event_lm[0]);

          if (!demo_insert_activity (self, &activity, error))
            return FALSE;
        }
    }

  return TRUE;
}

static const char *
demo_pick_contact (DemoGenerator     *self,
                   const DemoAccount *account)
{
  guint offset = g_rand_int_range (self->rand, 0, account->n_contacts);

  return g_ptr_array_index (self->contacts, account->first_contact + offset);
}

/* Calls and visits that belong to an account rather than to one deal. */
static gboolean
demo_insert_account_activities (DemoGenerator  *self,
                                guint           n,
                                GError        **error)
{
  gint64 window_lm = lm_of_day (&self->cal, self->cal.window_start, 0);

  for (guint k = 0; k < n; k++)
    {
      guint index = g_rand_int_range (self->rand, 0, self->accounts->len);
      const DemoAccount *account = &g_array_index (self->accounts, DemoAccount, index);
      gint64 start = MAX (window_lm, account->created_lm);
      DemoActivity activity = {
        .kind = demo_pick_kind (self->rand, kind_mix_account),
        .owner = account->owner,
        .account_id = account->id,
      };

      activity.contact_id = demo_pick_contact (self, account);
      demo_activity_set_due (self, &activity, demo_due_between (self, start, demo_horizon_lm (self)));
      activity.created_lm = demo_created_before (self, activity.due_lm, account->created_lm);

      if (!demo_insert_activity (self, &activity, error))
        return FALSE;
    }

  return TRUE;
}

/* One item of a rep's agenda, on one of their open deals (or accounts). */
static gboolean
demo_insert_agenda_item (DemoGenerator  *self,
                         guint           rep_index,
                         gint64          due_lm,
                         GError        **error)
{
  DemoPerson *rep = demo_person (self, rep_index);
  DemoActivity activity = {
    .kind = demo_pick_kind (self->rand, kind_mix_late),
    .owner = rep_index,
    .due_lm = due_lm,
  };
  gint64 floor_lm;

  if (rep->open_deals->len > 0)
    {
      guint pick = g_rand_int_range (self->rand, 0, rep->open_deals->len);
      const DemoDeal *deal = &self->deals[g_array_index (rep->open_deals, guint, pick)];
      const DemoAccount *account = &g_array_index (self->accounts, DemoAccount, deal->account);

      activity.deal_id = deal->id;
      activity.account_id = account->id;
      activity.contact_id = deal->contact < 0 ? NULL : g_ptr_array_index (self->contacts, deal->contact);
      floor_lm = deal->event_lm[0];
    }
  else
    {
      guint pick = g_rand_int_range (self->rand, 0, rep->accounts->len);
      const DemoAccount *account = &g_array_index (self->accounts, DemoAccount,
                                                   g_array_index (rep->accounts, guint, pick));

      activity.account_id = account->id;
      activity.contact_id = demo_pick_contact (self, account);
      floor_lm = account->created_lm;
    }

  activity.created_lm = demo_created_before (self, due_lm, floor_lm);
  return demo_insert_activity (self, &activity, error);
}

static guint32
demo_weekday_near_today (DemoGenerator *self,
                         int            from,
                         int            to)
{
  guint32 day;

  /* Any span of a week or more holds a weekday. */
  do
    day = self->cal.today + g_rand_int_range (self->rand, from, to);
  while (is_weekend (day));

  return day;
}

/* Every rep gets something overdue, a few things today and a plan for the
 * next two weeks, so that the day plan always has something to show. */
static gboolean
demo_insert_agenda (DemoGenerator  *self,
                    guint           rep_index,
                    GError        **error)
{
  static const int today_slots[] = { 9 * 60, 10 * 60 + 30, 11 * 60 + 30, 13 * 60 + 30, 15 * 60, 16 * 60 + 30 };
  const DemoPerson *rep = demo_person (self, rep_index);
  const DemoCalendar *cal = &self->cal;
  guint first_slot = g_rand_int_range (self->rand, 0, G_N_ELEMENTS (today_slots));

  for (guint k = 0; k < rep->n_overdue; k++)
    {
      guint32 day = demo_weekday_near_today (self, -10, 0);

      if (!demo_insert_agenda_item (self, rep_index, lm_of_day (cal, day, business_minute (self->rand)), error))
        return FALSE;
    }

  for (guint k = 0; k < rep->n_today; k++)
    {
      int minute = today_slots[(first_slot + k) % G_N_ELEMENTS (today_slots)];

      if (!demo_insert_agenda_item (self, rep_index, lm_of_day (cal, cal->today, minute), error))
        return FALSE;
    }

  for (guint k = 0; k < rep->n_upcoming; k++)
    {
      guint32 day = demo_weekday_near_today (self, 1, 15);

      if (!demo_insert_agenda_item (self, rep_index, lm_of_day (cal, day, business_minute (self->rand)), error))
        return FALSE;
    }

  return TRUE;
}

static guint
demo_plan_agendas (DemoGenerator *self)
{
  guint total = 0;

  for (guint r = 0; r < self->reps->len; r++)
    {
      DemoPerson *rep = demo_person (self, g_array_index (self->reps, guint, r));

      rep->n_overdue = g_rand_int_range (self->rand, 2, 5);
      rep->n_today = g_rand_int_range (self->rand, 2, 5);
      rep->n_upcoming = g_rand_int_range (self->rand, 3, 7);
      total += rep->n_overdue + rep->n_today + rep->n_upcoming;
    }

  return total;
}

/* The weight of every stay of every deal in an open stage; the activity
 * budget is shared out in proportion, so the total comes out as asked. */
static double
demo_total_stay_weight (DemoGenerator *self)
{
  double total = 0;

  for (guint d = 0; d < self->n_deals; d++)
    {
      const DemoDeal *deal = &self->deals[d];
      const DemoPerson *rep = demo_person (self, deal->owner);

      for (guint i = 0; i < deal->n_events; i++)
        if (deal->event_stage[i] < DEMO_STAGE_WON)
          total += rep->stage_activity[deal->event_stage[i]];
    }

  return total;
}

static gboolean
demo_create_activities (DemoGenerator  *self,
                        GError        **error)
{
  guint agenda = demo_plan_agendas (self);
  guint per_account = self->size->activities * 3 / 100;
  guint on_deals = self->size->activities - MIN (self->size->activities, agenda + per_account);
  double per_weight = on_deals / MAX (1.0, demo_total_stay_weight (self));

  for (guint d = 0; d < self->n_deals; d++)
    {
      if (!demo_insert_deal_activities (self, &self->deals[d], per_weight, error))
        return FALSE;

      if (d % 500 == 0)
        demo_report (self, 0.25 + 0.7 * self->stats.activities / self->size->activities,
                     _("Creating activities"));
    }

  if (!demo_insert_account_activities (self, per_account, error))
    return FALSE;

  for (guint r = 0; r < self->reps->len; r++)
    if (!demo_insert_agenda (self, g_array_index (self->reps, guint, r), error))
      return FALSE;

  return TRUE;
}

/* ---- targets ------------------------------------------------------------ */

/* Average won value per quarter over the full quarters behind us, leaving
 * out the first one, when the pipeline was still filling up. */
static gint64
demo_quarter_average (const DemoCalendar *cal,
                      const DemoPerson   *rep)
{
  gint64 sum = 0;
  int n = 0;

  for (int q = 1; q < cal->current_quarter; q++, n++)
    sum += rep->won_per_quarter[q];

  return n > 0 ? sum / n : 0;
}

static gint64
round_to_thousand_dollars (double cents)
{
  double step = 1000.0 * CENTS_PER_DOLLAR;

  return (gint64) (round (cents / step) * step);
}

static gboolean
demo_insert_target (DemoGenerator  *self,
                    const char     *person_id,
                    const char     *manager_id,
                    guint           quarter,
                    gint64          value,
                    GError        **error)
{
  const DemoCalendar *cal = &self->cal;
  guint32 start = julian_of_month_index (cal->first_quarter + 3 * quarter);
  guint32 created_day = MIN (start - 10, cal->today - 1);
  gint64 created_ms = ms_of_lm (cal, lm_of_day (cal, created_day, 9 * 60));
  g_autofree char *id = demo_new_id (self, created_ms);
  sqlite3_stmt *stmt = self->insert_target;
  char start_iso[11];

  format_iso_date (start, start_iso);
  bind_text (stmt, 1, id);
  bind_int (stmt, 2, created_ms);
  bind_text (stmt, 3, person_id);
  bind_text (stmt, 4, manager_id);
  bind_text (stmt, 5, start_iso);
  bind_int (stmt, 6, value);
  self->stats.targets++;

  return demo_step (self, stmt, error);
}

static gint64
demo_team_quarter_average (DemoGenerator *self)
{
  gint64 sum = 0;

  for (guint r = 0; r < self->reps->len; r++)
    sum += demo_quarter_average (&self->cal, demo_person (self, g_array_index (self->reps, guint, r)));

  return sum / self->reps->len;
}

/* Rep targets a little above what each rep has been winning (more so this
 * fiscal year), and each manager's team target as the sum of their reps'. */
static gboolean
demo_create_targets (DemoGenerator  *self,
                     GError        **error)
{
  guint n_quarters = self->cal.n_quarters;
  g_autofree gint64 *team = g_new0 (gint64, self->people->len * n_quarters);
  gint64 fallback = MAX (demo_team_quarter_average (self), 10000 * CENTS_PER_DOLLAR);

  for (guint r = 0; r < self->reps->len; r++)
    {
      DemoPerson *rep = demo_person (self, g_array_index (self->reps, guint, r));
      gint64 average = demo_quarter_average (&self->cal, rep);

      if (average == 0)
        average = fallback;

      for (guint q = 0; q < n_quarters; q++)
        {
          double growth = q < 4 ? demo_uniform (self->rand, 0.9, 1.1) : demo_uniform (self->rand, 1.05, 1.2);
          gint64 value = MAX (round_to_thousand_dollars (average * growth), 1000 * CENTS_PER_DOLLAR);

          team[rep->manager * n_quarters + q] += value;
          /* manager_id on a rep's target = the manager who set it, so a
           * manager's Targets page finds the team's and the reps' targets */
          if (!demo_insert_target (self, rep->id, demo_person (self, rep->manager)->id,
                                   q, value, error))
            return FALSE;
        }
    }

  for (guint m = 0; m < self->people->len; m++)
    {
      const DemoPerson *manager = demo_person (self, m);

      if (!g_str_equal (manager->role, "manager"))
        continue;

      for (guint q = 0; q < n_quarters; q++)
        if (!demo_insert_target (self, NULL, manager->id, q, team[m * n_quarters + q], error))
          return FALSE;
    }

  return TRUE;
}

/* ---- the whole run ------------------------------------------------------ */

static void
demo_generator_init (DemoGenerator        *self,
                     ProspectDatabase     *db,
                     ProspectDemoScale     scale,
                     guint32               seed,
                     const GDate          *today,
                     ProspectDemoProgress  progress,
                     gpointer              progress_data)
{
  self->db = db;
  self->rand = g_rand_new_with_seed (seed);
  self->size = &demo_sizes[scale];
  self->progress = progress;
  self->progress_data = progress_data;
  calendar_init (&self->cal, today, read_fiscal_year_start (db));

  self->people = g_array_new (FALSE, TRUE, sizeof (DemoPerson));
  g_array_set_clear_func (self->people, demo_person_clear);
  self->reps = g_array_new (FALSE, FALSE, sizeof (guint));
  self->accounts = g_array_new (FALSE, TRUE, sizeof (DemoAccount));
  g_array_set_clear_func (self->accounts, demo_account_clear);
  self->contacts = g_ptr_array_new_with_free_func (g_free);
  self->products = g_array_new (FALSE, TRUE, sizeof (DemoProduct));
  g_array_set_clear_func (self->products, demo_product_clear);
}

static gboolean
demo_run (DemoGenerator  *self,
          GError        **error)
{
  demo_report (self, 0.0, _("Creating the team"));
  if (!demo_check_empty (self->db, error)
      || !demo_read_stages (self, error)
      || !demo_prepare_statements (self, error)
      || !demo_create_team (self, error)
      || !demo_create_products (self, error))
    return FALSE;

  demo_report (self, 0.01, _("Creating accounts"));
  if (!demo_create_accounts (self, error))
    return FALSE;

  demo_report (self, 0.05, _("Creating deals"));
  if (!demo_create_deals (self, error))
    return FALSE;

  demo_report (self, 0.25, _("Creating activities"));
  if (!demo_create_activities (self, error))
    return FALSE;

  demo_report (self, 0.95, _("Setting targets"));
  return demo_create_targets (self, error);
}

/* The indexes of a million-row run do not fit SQLite's default 2 MiB
 * page cache: every index update would read its page back from the WAL.
 * The cache is raised for the run only, then set back. */
#define DEMO_CACHE_KIB 131072

static int
demo_get_cache_size (ProspectDatabase *db)
{
  sqlite3_stmt *stmt = prospect_database_prepare (db, "PRAGMA cache_size", NULL);
  int size = -2000;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    size = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return size;
}

static void
demo_set_cache_size (ProspectDatabase *db,
                     int               size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d", size);

  sqlite3_exec (prospect_database_get_handle (db), sql, NULL, NULL, NULL);
}

static void
demo_notify (ProspectDatabase *db)
{
  static const char * const tables[] = {
    "person", "account", "contact", "product", "deal", "deal_stage_change",
    "activity", "todo_item", "target",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    prospect_database_notify_changed (db, tables[i], NULL, PROSPECT_CHANGE_MANY);
}

gboolean
prospect_demo_generate (ProspectDatabase     *db,
                        ProspectDemoScale     scale,
                        guint32               seed,
                        const char           *today,
                        ProspectDemoProgress  progress,
                        gpointer              progress_data,
                        ProspectDemoStats    *stats_out,
                        GError              **error)
{
  g_autofree char *clock_today = NULL;
  DemoGenerator self = { 0 };
  GDate date;
  int cache_size;
  gboolean ok;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (scale == PROSPECT_DEMO_SMALL || scale == PROSPECT_DEMO_LARGE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (today == NULL)
    today = clock_today = prospect_clock_today_iso ();

  if (!parse_iso_date (today, &date))
    {
      prospect_set_invalid_error (error, "today", _("“%s” is not a date of the form YYYY-MM-DD"), today);
      return FALSE;
    }

  if (!prospect_database_begin (db, error))
    return FALSE;

  cache_size = demo_get_cache_size (db);
  if (scale == PROSPECT_DEMO_LARGE)
    demo_set_cache_size (db, -DEMO_CACHE_KIB);

  demo_generator_init (&self, db, scale, seed, &date, progress, progress_data);
  ok = demo_run (&self, error);

  if (ok)
    {
      demo_notify (db);
      demo_report (&self, 0.97, _("Saving"));
      ok = prospect_database_commit (db, error);
    }

  /* Nothing is kept from a run that failed, also when COMMIT itself did. */
  if (!ok)
    prospect_database_rollback (db);

  demo_set_cache_size (db, cache_size);

  if (ok)
    {
      demo_report (&self, 1.0, _("Done"));
      if (stats_out != NULL)
        *stats_out = self.stats;
    }

  demo_generator_clear (&self);
  return ok;
}

char *
prospect_demo_pick_person (ProspectDatabase *db,
                           const char       *role)
{
  sqlite3_stmt *stmt;
  char *id = NULL;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (role != NULL, NULL);

  stmt = prospect_database_prepare (db,
                                    "SELECT id FROM person WHERE role = ?1 AND deleted_at IS NULL"
                                    " ORDER BY name COLLATE NOCASE, id LIMIT 1",
                                    NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, role, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return id;
}
