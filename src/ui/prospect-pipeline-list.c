/* prospect-pipeline-list.c - the pipeline's deals as a sortable table
 *
 * The rows come from a ProspectQueryModel, which pages them in lazily;
 * sorting and filtering change the query (ORDER BY / WHERE), never a
 * GTK sort or filter model, so 100,000 deals cost one sorted read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-pipeline-list"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-account.h"
#include "prospect-chart-format.h"
#include "prospect-clock.h"
#include "prospect-deal.h"
#include "prospect-export-actions.h"
#include "prospect-period.h"
#include "prospect-person.h"
#include "prospect-query-model.h"
#include "prospect-stage.h"

#include "prospect-pipeline-list.h"

typedef enum
{
  COLUMN_TITLE,
  COLUMN_ACCOUNT,
  COLUMN_OWNER,
  COLUMN_STAGE,
  COLUMN_AMOUNT,
  COLUMN_EXPECTED_CLOSE,
  COLUMN_PRIORITY,
  N_COLUMNS
} Column;

/* How each column sorts in SQL: a deal column, or a column of the row a
 * deal column points at. */
static const struct
{
  const char *title;
  const char *column;
  GType     (*related_type) (void);
  const char *related_column;
} columns[N_COLUMNS] = {
  [COLUMN_TITLE]          = { N_("Title"), "title", NULL, NULL },
  [COLUMN_ACCOUNT]        = { N_("Account"), "account_id", prospect_account_get_type, "name" },
  [COLUMN_OWNER]          = { N_("Owner"), "owner_id", prospect_person_get_type, "name" },
  [COLUMN_STAGE]          = { N_("Stage"), "stage_id", prospect_stage_get_type, "position" },
  [COLUMN_AMOUNT]         = { N_("Amount"), "amount", NULL, NULL },
  [COLUMN_EXPECTED_CLOSE] = { N_("Expected Close"), "expected_close", NULL, NULL },
  [COLUMN_PRIORITY]       = { N_("Priority"), "priority", NULL, NULL },
};

static const char *priority_names[] = { N_("Low"), N_("Normal"), N_("High") };

typedef enum
{
  CLOSE_ANY,
  CLOSE_PAST,
  CLOSE_MONTH,
  CLOSE_QUARTER,
  CLOSE_YEAR,
} ClosePeriod;

struct _ProspectPipelineList
{
  GtkBox              parent_instance;

  ProspectDatabase   *database;
  ProspectQueryModel *model;
  GListModel         *empty;
  GtkSingleSelection *selection;
  GtkColumnView      *view;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *owner_filter;
  GtkDropDown        *stage_filter;
  GtkDropDown        *close_filter;
  GtkDropDown        *priority_filter;

  GStrv               owners;       /* owner filter choices after "Any owner" */
  GPtrArray          *stages;       /* ProspectStage, by position */
  GHashTable         *names;        /* person / account / stage id -> name */
  char               *currency;

  /* Set while the column view's sorter is probed (see read_sort) */
  int                 probed_column;
  gboolean            stale;          /* filters changed while hidden */
};

G_DEFINE_FINAL_TYPE (ProspectPipelineList, prospect_pipeline_list, GTK_TYPE_BOX)

/* -------------------------------------------------------------- names */

/* Names of the few rows on screen, cached: binding a row must not cost a
 * query each time it scrolls by. */
static const char *
lookup_name (ProspectPipelineList *self,
             GType                 type,
             const char           *id)
{
  g_autoptr(ProspectRecord) record = NULL;
  const char *name;
  char *text = NULL;

  if (id == NULL || self->database == NULL)
    return "";
  if ((name = g_hash_table_lookup (self->names, id)))
    return name;

  record = prospect_record_load (self->database, type, id, NULL);
  if (record != NULL)
    g_object_get (record, "name", &text, NULL);
  g_hash_table_insert (self->names, g_strdup (id), text != NULL ? text : g_strdup (""));

  return g_hash_table_lookup (self->names, id);
}

static char *
format_date (const char *iso)
{
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup ("");
  date = g_date_time_new_local (year, month, day, 12, 0, 0);

  return date != NULL ? g_date_time_format (date, "%x") : g_strdup (iso);
}

static char *
cell_text (ProspectPipelineList *self,
           ProspectDeal         *deal,
           Column                column)
{
  gint priority;

  switch (column)
    {
    case COLUMN_TITLE:
      return g_strdup (prospect_deal_get_title (deal));
    case COLUMN_ACCOUNT:
      return g_strdup (lookup_name (self, PROSPECT_TYPE_ACCOUNT, prospect_deal_get_account_id (deal)));
    case COLUMN_OWNER:
      return g_strdup (lookup_name (self, PROSPECT_TYPE_PERSON, prospect_deal_get_owner_id (deal)));
    case COLUMN_STAGE:
      return g_strdup (lookup_name (self, PROSPECT_TYPE_STAGE, prospect_deal_get_stage_id (deal)));
    case COLUMN_AMOUNT:
      return prospect_chart_format_money_whole (prospect_deal_get_amount (deal),
                                                prospect_deal_get_currency (deal));
    case COLUMN_EXPECTED_CLOSE:
      return format_date (prospect_deal_get_expected_close (deal));
    case COLUMN_PRIORITY:
      priority = CLAMP (prospect_deal_get_priority (deal), 0, 2);
      return g_strdup (_(priority_names[priority]));
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* -------------------------------------------------------------- cells */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  Column column = GPOINTER_TO_INT (user_data);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_AMOUNT ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_AMOUNT)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  ProspectPipelineList *self = g_object_get_data (G_OBJECT (factory), "list");
  ProspectDeal *deal = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  /* A row that vanished between count and read is a NULL item */
  if (deal == NULL)
    return;
  text = cell_text (self, deal, GPOINTER_TO_INT (user_data));
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

/* ------------------------------------------------------------ sorting */

static int
probe_compare_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  ProspectPipelineList *self = g_object_get_data (G_OBJECT (user_data), "list");

  self->probed_column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (user_data), "column"));

  return GTK_ORDERING_LARGER;
}

/* GTK 4.8 has no API for the column view's primary sort column; its
 * sorter asks the primary column's sorter first and flips the answer when
 * the order is descending, so one probe comparison tells both. */
static gboolean
read_sort (ProspectPipelineList *self,
           Column               *column,
           gboolean             *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->view);
  GtkOrdering ordering;

  self->probed_column = -1;
  ordering = gtk_sorter_compare (sorter, self, self->view);
  if (self->probed_column < 0)
    return FALSE;

  *column = self->probed_column;
  *descending = ordering == GTK_ORDERING_SMALLER;

  return TRUE;
}

static void
apply_sort (ProspectPipelineList *self,
            ProspectQuery        *query)
{
  Column column;
  gboolean descending;

  prospect_query_clear_order (query);
  if (!read_sort (self, &column, &descending))
    {
      prospect_query_order_by (query, "expected_close", FALSE);
      return;
    }

  if (columns[column].related_type != NULL)
    prospect_query_order_by_related (query, columns[column].column, columns[column].related_type (),
                                     columns[column].related_column, descending);
  else
    prospect_query_order_by (query, columns[column].column, descending);
}

static void
sorter_changed_cb (ProspectPipelineList *self)
{
  if (self->model == NULL)
    return;

  apply_sort (self, prospect_query_model_get_query (self->model));
  prospect_query_model_reload (self->model);
}

/* ---------------------------------------------------------- filtering */

static void
add_close_period (ProspectPipelineList *self,
                  ProspectQuery        *query)
{
  ClosePeriod choice = gtk_drop_down_get_selected (self->close_filter);
  g_autofree char *today = NULL;
  ProspectPeriodKind kind;
  ProspectPeriod period;
  char start[11], end[11];

  if (choice == CLOSE_ANY || choice == GTK_INVALID_LIST_POSITION)
    return;

  if (choice == CLOSE_PAST)
    {
      today = prospect_clock_today_iso ();
      prospect_query_where_text (query, "expected_close", PROSPECT_OP_LT, today);
      prospect_query_where_text (query, "status", PROSPECT_OP_EQ, "open");
      return;
    }

  kind = choice == CLOSE_MONTH ? PROSPECT_PERIOD_MONTH
       : choice == CLOSE_QUARTER ? PROSPECT_PERIOD_QUARTER : PROSPECT_PERIOD_YEAR;
  prospect_period_init_today (&period, kind, prospect_fiscal_start_month (self->database));
  g_date_strftime (start, sizeof start, "%Y-%m-%d", &period.start);
  g_date_strftime (end, sizeof end, "%Y-%m-%d", &period.end);
  prospect_query_where_text (query, "expected_close", PROSPECT_OP_GE, start);
  prospect_query_where_text (query, "expected_close", PROSPECT_OP_LE, end);
}

static ProspectQuery *
build_query (ProspectPipelineList *self)
{
  ProspectQuery *query = prospect_query_new (PROSPECT_TYPE_DEAL);
  guint owner = gtk_drop_down_get_selected (self->owner_filter);
  guint stage = gtk_drop_down_get_selected (self->stage_filter);
  guint priority = gtk_drop_down_get_selected (self->priority_filter);

  /* position 0 is "Any owner"; the board's scope follows */
  if (self->owners != NULL && owner > 0 && owner <= g_strv_length (self->owners))
    prospect_query_where_text (query, "owner_id", PROSPECT_OP_EQ, self->owners[owner - 1]);
  /* position 0 is "Open deals" (the default: what the page's heading
   * counts, and what a rep works on), 1 "Any stage", then each stage */
  if (stage == 0)
    prospect_query_where_text (query, "status", PROSPECT_OP_EQ, "open");
  else if (self->stages != NULL && stage > 1 && stage - 1 <= self->stages->len)
    prospect_query_where_text (query, "stage_id", PROSPECT_OP_EQ,
                               prospect_record_get_id (self->stages->pdata[stage - 2]));
  if (priority > 0 && priority <= G_N_ELEMENTS (priority_names))
    prospect_query_where_int (query, "priority", PROSPECT_OP_EQ, G_N_ELEMENTS (priority_names) - priority);
  add_close_period (self, query);
  prospect_query_set_search (query, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  apply_sort (self, query);

  return query;
}

/* While the list is on screen, "Deals as CSV…" exports what its filters
 * choose (not its search text): the same owner, stage or open deals,
 * priority and close days as build_query(). Elsewhere it exports every
 * deal. */
static void
share_export_filter (ProspectPipelineList *self)
{
  g_auto(ProspectExportFilter) filter = { 0 };
  guint owner = gtk_drop_down_get_selected (self->owner_filter);
  guint stage = gtk_drop_down_get_selected (self->stage_filter);
  guint priority = gtk_drop_down_get_selected (self->priority_filter);
  ClosePeriod close = gtk_drop_down_get_selected (self->close_filter);
  const char *owner_ids[2] = { NULL, NULL };

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      prospect_export_actions_set_filter (GTK_WIDGET (self), PROSPECT_EXPORT_DEALS, NULL);
      return;
    }

  prospect_export_filter_init (&filter);
  if (self->owners != NULL && owner > 0 && owner <= g_strv_length (self->owners))
    {
      owner_ids[0] = self->owners[owner - 1];
      filter.owner_ids = g_strdupv ((char **) owner_ids);
    }
  if (stage == 0)
    filter.status = g_strdup ("open");
  else if (self->stages != NULL && stage > 1 && stage - 1 <= self->stages->len)
    filter.stage_id = g_strdup (prospect_record_get_id (self->stages->pdata[stage - 2]));
  if (priority > 0 && priority <= G_N_ELEMENTS (priority_names))
    filter.priority = G_N_ELEMENTS (priority_names) - priority;

  if (close == CLOSE_PAST)
    {
      /* open deals that should have closed before today */
      g_free (filter.status);
      filter.status = g_strdup ("open");
      g_date_set_dmy (&filter.first_day, 1, 1, 1900);
      prospect_date_set_today (&filter.last_day);
      g_date_subtract_days (&filter.last_day, 1);
    }
  else if (close != CLOSE_ANY && close != GTK_INVALID_LIST_POSITION && self->database != NULL)
    {
      ProspectPeriod period;

      prospect_period_init_today (&period, close == CLOSE_MONTH ? PROSPECT_PERIOD_MONTH
                                           : close == CLOSE_QUARTER ? PROSPECT_PERIOD_QUARTER
                                           : PROSPECT_PERIOD_YEAR,
                                  prospect_fiscal_start_month (self->database));
      prospect_export_filter_set_period (&filter, &period);
    }

  prospect_export_actions_set_filter (GTK_WIDGET (self), PROSPECT_EXPORT_DEALS, &filter);
}

/* The table is only queried while it is on screen (and has a scope to
 * show): the board next to it must not pay for it. */
static void
filters_changed_cb (ProspectPipelineList *self)
{
  g_autoptr(ProspectQuery) query = NULL;

  share_export_filter (self);

  if (self->database == NULL || self->owners == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = self->database != NULL;
      gtk_single_selection_set_model (self->selection, self->empty);
      g_clear_object (&self->model);
      return;
    }

  self->stale = FALSE;

  query = build_query (self);
  g_clear_object (&self->model);
  self->model = prospect_query_model_new (self->database, query);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
}

/* ------------------------------------------------------------ filters */

static GtkDropDown *
add_filter (ProspectPipelineList *self,
            GtkFlowBox           *bar,
            const char           *accessible_name,
            GtkStringList        *choices)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (choices), NULL));

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (drop_down), accessible_name);
  g_signal_connect_swapped (drop_down, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  gtk_flow_box_insert (bar, GTK_WIDGET (drop_down), -1);

  return drop_down;
}

static void
set_choices (GtkDropDown *drop_down,
             const char  *first,
             GPtrArray   *names)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, first);
  for (guint i = 0; i < names->len; i++)
    gtk_string_list_append (list, names->pdata[i]);
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (list));
}

static void
load_stages (ProspectPipelineList *self)
{
  g_autoptr(ProspectQuery) query = prospect_stage_query_ordered ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->stages, g_ptr_array_unref);
  if (self->database != NULL
      && !(self->stages = prospect_query_fetch (query, self->database, 0, -1, &error)))
    g_warning ("Could not load the stages: %s", error->message);

  g_ptr_array_add (names, (gpointer) _("Any stage"));
  for (guint i = 0; self->stages != NULL && i < self->stages->len; i++)
    g_ptr_array_add (names, (gpointer) prospect_stage_get_name (self->stages->pdata[i]));
  set_choices (self->stage_filter, _("Open deals"), names);
}

static GtkWidget *
make_filter_bar (ProspectPipelineList *self)
{
  /* A flow box, so that the filters wrap in a narrow window instead of
   * forcing it wide */
  GtkFlowBox *bar = GTK_FLOW_BOX (gtk_flow_box_new ());
  const char *close_choices[] = { N_("Any close date"), N_("Past due"), N_("This month"),
                                  N_("This quarter"), N_("This fiscal year") };
  const char *priority_choices[] = { N_("Any priority"), N_("High"), N_("Normal"), N_("Low") };
  /* owned by their drop-downs */
  GtkStringList *close = gtk_string_list_new (NULL);
  GtkStringList *priority = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (close_choices); i++)
    gtk_string_list_append (close, _(close_choices[i]));
  for (guint i = 0; i < G_N_ELEMENTS (priority_choices); i++)
    gtk_string_list_append (priority, _(priority_choices[i]));

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Search deals"), NULL);
  gtk_widget_set_size_request (GTK_WIDGET (self->search_entry), 200, -1);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (filters_changed_cb), self);
  gtk_flow_box_set_selection_mode (bar, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (bar, 5);
  gtk_flow_box_set_column_spacing (bar, 6);
  gtk_flow_box_set_row_spacing (bar, 6);
  gtk_flow_box_insert (bar, GTK_WIDGET (self->search_entry), -1);

  self->owner_filter = add_filter (self, bar, _("Owner"), gtk_string_list_new (NULL));
  self->stage_filter = add_filter (self, bar, _("Stage"), gtk_string_list_new (NULL));
  self->close_filter = add_filter (self, bar, _("Expected close"), close);
  self->priority_filter = add_filter (self, bar, _("Priority"), priority);

  return GTK_WIDGET (bar);
}

/* ---------------------------------------------------------------- view */

static void
add_view_column (ProspectPipelineList *self,
                 Column                column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  g_autoptr(GtkSorter) probe = NULL;

  g_object_set_data (G_OBJECT (factory), "list", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));

  view_column = gtk_column_view_column_new (_(columns[column].title), factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, column == COLUMN_TITLE || column == COLUMN_ACCOUNT);

  /* Only probed by read_sort(): the query does the sorting */
  probe = GTK_SORTER (gtk_custom_sorter_new (NULL, NULL, NULL));
  gtk_custom_sorter_set_sort_func (GTK_CUSTOM_SORTER (probe), probe_compare_cb, probe, NULL);
  g_object_set_data (G_OBJECT (probe), "list", self);
  g_object_set_data (G_OBJECT (probe), "column", GINT_TO_POINTER (column));
  gtk_column_view_column_set_sorter (view_column, probe);

  gtk_column_view_append_column (self->view, view_column);
}

/* Enter or a double click on a row opens the deal. */
static void
row_activated_cb (GtkColumnView        *view,
                  guint                 position,
                  ProspectPipelineList *self)
{
  g_autoptr(ProspectDeal) deal = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (deal != NULL)
    gtk_widget_activate_action (GTK_WIDGET (view), "win.open-deal", "s",
                                prospect_record_get_id (PROSPECT_RECORD (deal)));
}

static GtkWidget *
make_view (ProspectPipelineList *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  /* GTK 4.8's list views crash on disposal over a NULL model: an empty
   * one stands in while nothing is queried. */
  self->empty = G_LIST_MODEL (g_list_store_new (PROSPECT_TYPE_DEAL));
  self->selection = gtk_single_selection_new (g_object_ref (self->empty));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection))));
  gtk_column_view_set_show_column_separators (self->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Deals"), -1);
  for (Column column = 0; column < N_COLUMNS; column++)
    add_view_column (self, column);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->view), "changed",
                            G_CALLBACK (sorter_changed_cb), self);
  g_signal_connect (self->view, "activate", G_CALLBACK (row_activated_cb), self);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scroller, TRUE);

  return scroller;
}

/* -------------------------------------------------------------- object */

static void
prospect_pipeline_list_dispose (GObject *object)
{
  ProspectPipelineList *self = PROSPECT_PIPELINE_LIST (object);

  g_clear_object (&self->model);
  g_clear_object (&self->selection);
  g_clear_object (&self->empty);
  g_clear_object (&self->database);
  g_clear_pointer (&self->owners, g_strfreev);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);

  G_OBJECT_CLASS (prospect_pipeline_list_parent_class)->dispose (object);
}

static void
prospect_pipeline_list_map (GtkWidget *widget)
{
  ProspectPipelineList *self = PROSPECT_PIPELINE_LIST (widget);

  GTK_WIDGET_CLASS (prospect_pipeline_list_parent_class)->map (widget);

  if (self->stale)
    filters_changed_cb (self);
  else
    share_export_filter (self);
}

static void
prospect_pipeline_list_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (prospect_pipeline_list_parent_class)->unmap (widget);

  share_export_filter (PROSPECT_PIPELINE_LIST (widget));
}

static void
prospect_pipeline_list_class_init (ProspectPipelineListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = prospect_pipeline_list_dispose;
  GTK_WIDGET_CLASS (klass)->map = prospect_pipeline_list_map;
  GTK_WIDGET_CLASS (klass)->unmap = prospect_pipeline_list_unmap;
}

static void
prospect_pipeline_list_init (ProspectPipelineList *self)
{
  GtkWidget *bar;

  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  bar = make_filter_bar (self);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_box_append (GTK_BOX (self), bar);
  gtk_box_append (GTK_BOX (self), make_view (self));
}

ProspectPipelineList *
prospect_pipeline_list_new (void)
{
  return g_object_new (PROSPECT_TYPE_PIPELINE_LIST, NULL);
}

void
prospect_pipeline_list_set_database (ProspectPipelineList *self,
                                     ProspectDatabase     *database)
{
  g_return_if_fail (PROSPECT_IS_PIPELINE_LIST (self));

  g_set_object (&self->database, database);
  g_hash_table_remove_all (self->names);
  load_stages (self);
  filters_changed_cb (self);
}

void
prospect_pipeline_list_set_owners (ProspectPipelineList *self,
                                   const char *const    *owner_ids)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_return_if_fail (PROSPECT_IS_PIPELINE_LIST (self));

  if (self->owners != NULL && owner_ids != NULL
      && g_strv_equal ((const char *const *) self->owners, owner_ids))
    return;

  g_clear_pointer (&self->owners, g_strfreev);
  self->owners = g_strdupv ((char **) owner_ids);
  for (guint i = 0; self->owners != NULL && self->owners[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer) lookup_name (self, PROSPECT_TYPE_PERSON, self->owners[i]));

  /* Changing the choices re-selects, which rebuilds the query once more;
   * block that and rebuild once with "me" selected. */
  g_signal_handlers_block_by_func (self->owner_filter, filters_changed_cb, self);
  set_choices (self->owner_filter, _("Any owner"), names);
  gtk_drop_down_set_selected (self->owner_filter, self->owners != NULL ? 1 : 0);
  g_signal_handlers_unblock_by_func (self->owner_filter, filters_changed_cb, self);
  filters_changed_cb (self);
}
