/* prospect-query-model.c - a lazily paged GListModel over a ProspectQuery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-query-model"

#include "config.h"

#include "prospect-query-model.h"
#include "prospect-query-private.h"

#define DEFAULT_PAGE_SIZE 100

/* A screenful or two of a long list, plus the pages around the rows a
 * view keeps realized for keyboard focus and selection. */
#define MAX_CACHED_PAGES 8

/* Why not LIMIT/OFFSET pages: with a sort on an unindexed column SQLite
 * sorts every matching row again for each page, 200-600 ms per page at
 * 100,000 deals. Instead the first item request after a (re)count reads
 * the sorted rowids once (one narrow sort, 50-170 ms at 100,000), and a
 * page is then a lookup of page-size rows by rowid (about 1 ms). */

typedef struct
{
  guint      index;
  GPtrArray *rows;
} Page;

struct _ProspectQueryModel
{
  GObject           parent_instance;

  ProspectDatabase *db;
  ProspectQuery    *query;
  guint             n_items;
  GArray           *rowids; /* of gint64 in the query's order, or NULL until needed */
  guint             page_size;
  GQueue            pages;  /* of Page*, most recently used first */
};

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_QUERY,
  PROP_PAGE_SIZE,
  PROP_N_ITEMS,
  N_PROPS
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProspectQueryModel, prospect_query_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GParamSpec *properties[N_PROPS];

static void
page_free (gpointer data)
{
  Page *page = data;

  g_clear_pointer (&page->rows, g_ptr_array_unref);
  g_free (page);
}

static void
drop_pages (ProspectQueryModel *self)
{
  g_queue_clear_full (&self->pages, page_free);
}

static gboolean
ensure_rowids (ProspectQueryModel *self)
{
  g_autoptr(GError) error = NULL;

  if (self->rowids != NULL)
    return TRUE;

  self->rowids = prospect_query_fetch_rowids (self->query, self->db, &error);
  if (self->rowids == NULL)
    {
      g_warning ("Could not read the list order: %s", error->message);
      return FALSE;
    }

  return TRUE;
}

static Page *
lookup_page (ProspectQueryModel *self,
             guint               index)
{
  for (GList *link = self->pages.head; link != NULL; link = link->next)
    {
      Page *page = link->data;

      if (page->index == index)
        {
          g_queue_unlink (&self->pages, link);
          g_queue_push_head_link (&self->pages, link);
          return page;
        }
    }

  return NULL;
}

static Page *
load_page (ProspectQueryModel *self,
           guint               index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint first = index * self->page_size;
  Page *page;

  if (!ensure_rowids (self) || first >= self->rowids->len)
    return NULL;

  rows = prospect_query_fetch_by_rowids (self->query, self->db,
                                         &g_array_index (self->rowids, gint64, first),
                                         MIN (self->page_size, self->rowids->len - first),
                                         &error);
  if (rows == NULL)
    {
      g_warning ("Could not load rows %u–%u: %s",
                 index * self->page_size, (index + 1) * self->page_size - 1, error->message);
      return NULL;
    }

  page = g_new0 (Page, 1);
  page->index = index;
  page->rows = g_steal_pointer (&rows);
  g_queue_push_head (&self->pages, page);

  while (self->pages.length > MAX_CACHED_PAGES)
    page_free (g_queue_pop_tail (&self->pages));

  return page;
}

static GType
prospect_query_model_get_item_type (GListModel *model)
{
  ProspectQueryModel *self = PROSPECT_QUERY_MODEL (model);

  return prospect_query_get_record_type (self->query);
}

static guint
prospect_query_model_get_n_items (GListModel *model)
{
  return PROSPECT_QUERY_MODEL (model)->n_items;
}

static gpointer
prospect_query_model_get_item (GListModel *model,
                               guint       position)
{
  ProspectQueryModel *self = PROSPECT_QUERY_MODEL (model);
  guint index = position / self->page_size;
  guint offset = position % self->page_size;
  Page *page;

  if (position >= self->n_items)
    return NULL;

  page = lookup_page (self, index);
  if (page == NULL)
    page = load_page (self, index);

  /* another connection can change the table before we re-count: a row
   * may be gone (NULL) or past the end of the order we read */
  if (page == NULL || offset >= page->rows->len || g_ptr_array_index (page->rows, offset) == NULL)
    return NULL;

  return g_object_ref (g_ptr_array_index (page->rows, offset));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = prospect_query_model_get_item_type;
  iface->get_n_items = prospect_query_model_get_n_items;
  iface->get_item = prospect_query_model_get_item;
}

static void
database_changed_cb (ProspectQueryModel *self,
                     const char         *kind,
                     const char         *id,
                     ProspectChangeKind  change,
                     ProspectDatabase   *db)
{
  prospect_query_model_reload (self);
}

static void
prospect_query_model_constructed (GObject *object)
{
  ProspectQueryModel *self = (ProspectQueryModel *)object;
  g_autofree char *signal = NULL;
  GType record_type;

  G_OBJECT_CLASS (prospect_query_model_parent_class)->constructed (object);

  g_assert (PROSPECT_IS_DATABASE (self->db));
  g_assert (PROSPECT_IS_QUERY (self->query));

  record_type = prospect_query_get_record_type (self->query);
  signal = g_strdup_printf ("changed::%s", prospect_record_type_get_table (record_type));
  g_signal_connect_object (self->db, signal, G_CALLBACK (database_changed_cb),
                           self, G_CONNECT_SWAPPED);

  prospect_query_model_reload (self);
}

static void
prospect_query_model_dispose (GObject *object)
{
  ProspectQueryModel *self = (ProspectQueryModel *)object;

  drop_pages (self);
  g_clear_pointer (&self->rowids, g_array_unref);
  g_clear_object (&self->query);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (prospect_query_model_parent_class)->dispose (object);
}

static void
prospect_query_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ProspectQueryModel *self = PROSPECT_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;

    case PROP_QUERY:
      g_value_set_object (value, self->query);
      break;

    case PROP_PAGE_SIZE:
      g_value_set_uint (value, self->page_size);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_query_model_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ProspectQueryModel *self = PROSPECT_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;

    case PROP_QUERY:
      self->query = g_value_dup_object (value);
      break;

    case PROP_PAGE_SIZE:
      prospect_query_model_set_page_size (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_query_model_class_init (ProspectQueryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = prospect_query_model_constructed;
  object_class->dispose = prospect_query_model_dispose;
  object_class->get_property = prospect_query_model_get_property;
  object_class->set_property = prospect_query_model_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         PROSPECT_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL,
                         PROSPECT_TYPE_QUERY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL,
                       1, G_MAXUINT16, DEFAULT_PAGE_SIZE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
prospect_query_model_init (ProspectQueryModel *self)
{
  self->page_size = DEFAULT_PAGE_SIZE;
  g_queue_init (&self->pages);
}

ProspectQueryModel *
prospect_query_model_new (ProspectDatabase *db,
                          ProspectQuery    *query)
{
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (PROSPECT_IS_QUERY (query), NULL);

  return g_object_new (PROSPECT_TYPE_QUERY_MODEL,
                       "database", db,
                       "query", query,
                       NULL);
}

ProspectQuery *
prospect_query_model_get_query (ProspectQueryModel *self)
{
  g_return_val_if_fail (PROSPECT_IS_QUERY_MODEL (self), NULL);

  return self->query;
}

void
prospect_query_model_reload (ProspectQueryModel *self)
{
  g_autoptr(GError) error = NULL;
  guint old_n_items;
  gint64 count;

  g_return_if_fail (PROSPECT_IS_QUERY_MODEL (self));

  old_n_items = self->n_items;
  drop_pages (self);
  g_clear_pointer (&self->rowids, g_array_unref);

  count = prospect_query_count (self->query, self->db, &error);
  if (count < 0)
    {
      g_warning ("Could not count rows: %s", error->message);
      count = 0;
    }

  self->n_items = (guint) MIN (count, (gint64) G_MAXUINT);

  if (old_n_items > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);

  if (old_n_items != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

guint
prospect_query_model_get_page_size (ProspectQueryModel *self)
{
  g_return_val_if_fail (PROSPECT_IS_QUERY_MODEL (self), 0);

  return self->page_size;
}

void
prospect_query_model_set_page_size (ProspectQueryModel *self,
                                    guint               page_size)
{
  g_return_if_fail (PROSPECT_IS_QUERY_MODEL (self));
  g_return_if_fail (page_size > 0);

  if (self->page_size == page_size)
    return;

  /* cached pages are cut at the old size */
  drop_pages (self);
  self->page_size = page_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_SIZE]);
}
