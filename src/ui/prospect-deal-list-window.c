/* prospect-deal-list-window.c - the deals behind a figure, in a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-deal-list-window"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-analytics.h"
#include "prospect-chart-format.h"

#include "prospect-deal-list-window.h"

/* ------------------------------------------------------------------ item */

/* One row of the table: a ProspectDealRow of the window's array. */
#define PROSPECT_TYPE_DEAL_ITEM (prospect_deal_item_get_type ())
G_DECLARE_FINAL_TYPE (ProspectDealItem, prospect_deal_item, PROSPECT, DEAL_ITEM, GObject)

struct _ProspectDealItem
{
  GObject          parent_instance;
  GPtrArray       *rows;   /* keeps row alive */
  ProspectDealRow *row;
};

G_DEFINE_FINAL_TYPE (ProspectDealItem, prospect_deal_item, G_TYPE_OBJECT)

static void
prospect_deal_item_finalize (GObject *object)
{
  g_clear_pointer (&PROSPECT_DEAL_ITEM (object)->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (prospect_deal_item_parent_class)->finalize (object);
}

static void
prospect_deal_item_class_init (ProspectDealItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = prospect_deal_item_finalize;
}

static void
prospect_deal_item_init (ProspectDealItem *self)
{
}

/* --------------------------------------------------------------- columns */

typedef enum
{
  COLUMN_TITLE,
  COLUMN_ACCOUNT,
  COLUMN_OWNER,
  COLUMN_AMOUNT,
  COLUMN_STAGE,
  COLUMN_DATE,
  N_COLUMNS
} Column;

struct _ProspectDealListWindow
{
  AdwWindow   parent_instance;

  GPtrArray  *rows;
  char       *currency;
};

G_DEFINE_FINAL_TYPE (ProspectDealListWindow, prospect_deal_list_window, ADW_TYPE_WINDOW)

static const char *
row_text (const ProspectDealRow *row,
          Column                 column)
{
  switch (column)
    {
    case COLUMN_TITLE: return row->title;
    case COLUMN_ACCOUNT: return row->account_name;
    case COLUMN_OWNER: return row->owner_name;
    case COLUMN_STAGE: return row->stage_name;
    case COLUMN_DATE: return row->date;
    case COLUMN_AMOUNT:
    case N_COLUMNS:
    default:
      return NULL;
    }
}

static char *
format_date (const char *iso)
{
  GDate date;
  char text[64];

  if (iso == NULL || !prospect_date_from_iso (&date, iso))
    return g_strdup ("");
  /* TRANSLATORS: a close date in the deals table, strftime format */
  if (g_date_strftime (text, sizeof text, _("%-d %b %Y"), &date) == 0)
    return g_strdup (iso);

  return g_strdup (text);
}

static char *
cell_text (const ProspectDealRow *row,
           Column                 column)
{
  if (column == COLUMN_AMOUNT)
    return prospect_chart_format_money (row->amount, row->currency);
  if (column == COLUMN_DATE)
    return format_date (row->date);

  return g_strdup (row_text (row, column) != NULL ? row_text (row, column) : "");
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_AMOUNT ? 1.0 : 0.0);
  if (column == COLUMN_AMOUNT || column == COLUMN_DATE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  ProspectDealItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = cell_text (item->row, GPOINTER_TO_INT (user_data));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  const ProspectDealRow *x = PROSPECT_DEAL_ITEM ((gpointer) a)->row;
  const ProspectDealRow *y = PROSPECT_DEAL_ITEM ((gpointer) b)->row;
  Column column = GPOINTER_TO_INT (user_data);
  int result;

  if (column == COLUMN_AMOUNT)
    result = x->amount < y->amount ? -1 : x->amount > y->amount;
  else if (column == COLUMN_DATE)
    result = g_strcmp0 (x->date, y->date);   /* ISO days sort as text */
  else
    {
      g_autofree char *p = g_utf8_casefold (row_text (x, column) ? row_text (x, column) : "", -1);
      g_autofree char *q = g_utf8_casefold (row_text (y, column) ? row_text (y, column) : "", -1);

      result = g_utf8_collate (p, q);
    }

  if (result < 0)
    return GTK_ORDERING_SMALLER;
  return result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
add_column (GtkColumnView *view,
            const char    *title,
            Column         column,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, GINT_TO_POINTER (column), NULL));
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (view, view_column);
}

/* Enter or a double click opens the deal, from the main window (which
 * has win.open-deal). */
static void
row_activated_cb (GtkColumnView *view,
                  guint          position,
                  gpointer       user_data)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (view))));
  g_autoptr(ProspectDealItem) item = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)),
                                                            position);

  if (item != NULL && parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.open-deal", "s", item->row->id);
}

static GtkWidget *
new_table (ProspectDealListWindow *self)
{
  GListStore *store = g_list_store_new (PROSPECT_TYPE_DEAL_ITEM);
  GtkWidget *view = gtk_column_view_new (NULL);
  GtkSortListModel *sorted;

  for (guint i = 0; i < self->rows->len; i++)
    {
      ProspectDealItem *item = g_object_new (PROSPECT_TYPE_DEAL_ITEM, NULL);

      item->rows = g_ptr_array_ref (self->rows);
      item->row = g_ptr_array_index (self->rows, i);
      g_list_store_append (store, item);
      g_object_unref (item);
    }

  add_column (GTK_COLUMN_VIEW (view), _("Deal"), COLUMN_TITLE, TRUE);
  add_column (GTK_COLUMN_VIEW (view), _("Account"), COLUMN_ACCOUNT, TRUE);
  add_column (GTK_COLUMN_VIEW (view), _("Owner"), COLUMN_OWNER, FALSE);
  add_column (GTK_COLUMN_VIEW (view), _("Amount"), COLUMN_AMOUNT, FALSE);
  add_column (GTK_COLUMN_VIEW (view), _("Stage"), COLUMN_STAGE, FALSE);
  add_column (GTK_COLUMN_VIEW (view), _("Close Date"), COLUMN_DATE, FALSE);

  sorted = gtk_sort_list_model_new (G_LIST_MODEL (store),
                                    g_object_ref (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (view))));
  gtk_column_view_set_model (GTK_COLUMN_VIEW (view),
                             GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (sorted))));
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  gtk_widget_add_css_class (view, "data-table");
  g_signal_connect (view, "activate", G_CALLBACK (row_activated_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Deals"), -1);

  return view;
}

/* "12 deals · $1,234,567.00" (money in the report currency only). */
static char *
summary (ProspectDealListWindow *self)
{
  g_autofree char *money = NULL;
  gint64 total = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      ProspectDealRow *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (row->currency, self->currency) == 0)
        total += row->amount;
    }
  money = prospect_chart_format_money (total, self->currency);

  return g_strdup_printf (ngettext ("%'u deal · %s", "%'u deals · %s", self->rows->len),
                          self->rows->len, money);
}

static void
prospect_deal_list_window_finalize (GObject *object)
{
  ProspectDealListWindow *self = PROSPECT_DEAL_LIST_WINDOW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->currency);

  G_OBJECT_CLASS (prospect_deal_list_window_parent_class)->finalize (object);
}

static void
prospect_deal_list_window_class_init (ProspectDealListWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = prospect_deal_list_window_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
prospect_deal_list_window_init (ProspectDealListWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self), 760, 520);
}

ProspectDealListWindow *
prospect_deal_list_window_new (GtkWindow  *parent,
                               const char *title,
                               GPtrArray  *rows,
                               const char *currency)
{
  ProspectDealListWindow *self;
  g_autofree char *subtitle = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *content;

  g_return_val_if_fail (rows != NULL, NULL);

  self = g_object_new (PROSPECT_TYPE_DEAL_LIST_WINDOW,
                       "transient-for", parent,
                       "title", title,
                       NULL);
  self->rows = g_ptr_array_ref (rows);
  self->currency = g_strdup (currency);

  subtitle = summary (self);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, subtitle));
  gtk_box_append (GTK_BOX (box), header);

  if (rows->len == 0)
    {
      content = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (content), "view-list-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (content), _("No Deals"));
      gtk_widget_set_vexpand (content, TRUE);
    }
  else
    {
      content = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (content), new_table (self));
      gtk_widget_set_vexpand (content, TRUE);
    }
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);

  return self;
}
