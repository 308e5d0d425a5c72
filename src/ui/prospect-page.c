/* prospect-page.c - base class of the workspace pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-page"

#include "config.h"

#include "prospect-page.h"

typedef struct
{
  ProspectDatabase *database;
  char             *title;
  char             *icon_name;
  AdwStatusPage    *status_page;
  GtkLabel         *summary_label;
  guint             refresh_id;
  gboolean          stale;
} ProspectPagePrivate;

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_TITLE,
  PROP_ICON_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ProspectPage, prospect_page, ADW_TYPE_BIN)

/* The default refresh: the summary line under the placeholder */
static void
prospect_page_real_refresh (ProspectPage *self)
{
  ProspectPagePrivate *priv = prospect_page_get_instance_private (self);
  ProspectPageClass *klass = PROSPECT_PAGE_GET_CLASS (self);
  g_autofree char *me_id = NULL;
  g_autofree char *summary = NULL;

  if (priv->database == NULL || klass->summarize == NULL)
    return;

  me_id = prospect_database_get_setting (priv->database, "me");
  summary = klass->summarize (self, priv->database, me_id);
  gtk_label_set_text (priv->summary_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (priv->summary_label), summary != NULL);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  ProspectPage *self = PROSPECT_PAGE (user_data);
  ProspectPagePrivate *priv = prospect_page_get_instance_private (self);

  priv->refresh_id = 0;
  priv->stale = FALSE;
  PROSPECT_PAGE_GET_CLASS (self)->refresh (self);

  return G_SOURCE_REMOVE;
}

static void
database_changed_cb (ProspectDatabase   *database,
                     const char         *kind,
                     const char         *id,
                     ProspectChangeKind  change,
                     ProspectPage       *self)
{
  prospect_page_queue_refresh (self);
}

static void
connect_database (ProspectPage *self)
{
  ProspectPagePrivate *priv = prospect_page_get_instance_private (self);
  char **watched = PROSPECT_PAGE_GET_CLASS (self)->watched;

  if (watched == NULL)
    {
      g_signal_connect (priv->database, "changed", G_CALLBACK (database_changed_cb), self);
      return;
    }

  for (guint i = 0; watched[i] != NULL; i++)
    g_signal_connect (priv->database, watched[i], G_CALLBACK (database_changed_cb), self);
}

static void
disconnect_database (ProspectPage *self)
{
  ProspectPagePrivate *priv = prospect_page_get_instance_private (self);

  if (priv->database != NULL)
    g_signal_handlers_disconnect_by_func (priv->database, database_changed_cb, self);
}

/* GTK 4.8's GtkStack leaves its hidden pages in the accessibility tree as
 * if they were on screen; a screen reader (and a UI test) must only find
 * the page that is shown. */
static void
prospect_page_set_hidden (ProspectPage *self,
                          gboolean      hidden)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_HIDDEN, hidden,
                               -1);
}

static void
prospect_page_map (GtkWidget *widget)
{
  ProspectPage *self = PROSPECT_PAGE (widget);
  ProspectPagePrivate *priv = prospect_page_get_instance_private (self);

  GTK_WIDGET_CLASS (prospect_page_parent_class)->map (widget);

  prospect_page_set_hidden (self, FALSE);
  if (priv->stale)
    prospect_page_queue_refresh (self);
}

static void
prospect_page_unmap (GtkWidget *widget)
{
  prospect_page_set_hidden (PROSPECT_PAGE (widget), TRUE);

  GTK_WIDGET_CLASS (prospect_page_parent_class)->unmap (widget);
}

static void
prospect_page_dispose (GObject *object)
{
  ProspectPage *self = PROSPECT_PAGE (object);
  ProspectPagePrivate *priv = prospect_page_get_instance_private (self);

  g_clear_handle_id (&priv->refresh_id, g_source_remove);
  disconnect_database (self);
  g_clear_object (&priv->database);

  G_OBJECT_CLASS (prospect_page_parent_class)->dispose (object);
}

static void
prospect_page_finalize (GObject *object)
{
  ProspectPage *self = PROSPECT_PAGE (object);
  ProspectPagePrivate *priv = prospect_page_get_instance_private (self);

  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->icon_name, g_free);

  G_OBJECT_CLASS (prospect_page_parent_class)->finalize (object);
}

static void
prospect_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ProspectPage *self = PROSPECT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, prospect_page_get_database (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, prospect_page_get_title (self));
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, prospect_page_get_icon_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ProspectPage *self = PROSPECT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      prospect_page_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_page_class_init (ProspectPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prospect_page_dispose;
  object_class->finalize = prospect_page_finalize;
  object_class->get_property = prospect_page_get_property;
  object_class->set_property = prospect_page_set_property;

  widget_class->map = prospect_page_map;
  widget_class->unmap = prospect_page_unmap;

  klass->refresh = prospect_page_real_refresh;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         PROSPECT_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
prospect_page_init (ProspectPage *self)
{
  ProspectPagePrivate *priv = prospect_page_get_instance_private (self);

  priv->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (priv->summary_label, TRUE);
  gtk_label_set_justify (priv->summary_label, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (priv->summary_label), "title-4");
  gtk_widget_add_css_class (GTK_WIDGET (priv->summary_label), "numeric");
  gtk_widget_set_visible (GTK_WIDGET (priv->summary_label), FALSE);

  priv->status_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_child (priv->status_page, GTK_WIDGET (priv->summary_label));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (priv->status_page));
  prospect_page_set_hidden (self, TRUE);
}

void
prospect_page_setup (ProspectPage *self,
                     const char   *title,
                     const char   *icon_name,
                     const char   *heading,
                     const char   *description)
{
  ProspectPagePrivate *priv = prospect_page_get_instance_private (self);

  g_return_if_fail (PROSPECT_IS_PAGE (self));

  g_free (priv->title);
  priv->title = g_strdup (title);
  g_free (priv->icon_name);
  priv->icon_name = g_strdup (icon_name);

  adw_status_page_set_icon_name (priv->status_page, icon_name);
  adw_status_page_set_title (priv->status_page, heading);
  adw_status_page_set_description (priv->status_page, description);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
}

const char *
prospect_page_get_title (ProspectPage *self)
{
  ProspectPagePrivate *priv = prospect_page_get_instance_private (self);

  g_return_val_if_fail (PROSPECT_IS_PAGE (self), NULL);

  return priv->title;
}

const char *
prospect_page_get_icon_name (ProspectPage *self)
{
  ProspectPagePrivate *priv = prospect_page_get_instance_private (self);

  g_return_val_if_fail (PROSPECT_IS_PAGE (self), NULL);

  return priv->icon_name;
}

ProspectDatabase *
prospect_page_get_database (ProspectPage *self)
{
  ProspectPagePrivate *priv = prospect_page_get_instance_private (self);

  g_return_val_if_fail (PROSPECT_IS_PAGE (self), NULL);

  return priv->database;
}

void
prospect_page_set_database (ProspectPage     *self,
                            ProspectDatabase *database)
{
  ProspectPagePrivate *priv = prospect_page_get_instance_private (self);

  g_return_if_fail (PROSPECT_IS_PAGE (self));
  g_return_if_fail (!database || PROSPECT_IS_DATABASE (database));

  if (priv->database == database)
    return;

  disconnect_database (self);
  g_set_object (&priv->database, database);
  if (database != NULL)
    connect_database (self);

  /* Subclasses hand the new database to their parts on ::notify, before
   * the idle refresh runs. */
  prospect_page_queue_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/**
 * prospect_page_queue_refresh:
 *
 * Marks the page stale. A burst of changes (an import, the sample team)
 * rebuilds it once, from an idle, and only while it is on screen; a page
 * nobody looks at rebuilds when it is shown again.
 */
void
prospect_page_queue_refresh (ProspectPage *self)
{
  ProspectPagePrivate *priv = prospect_page_get_instance_private (self);

  g_return_if_fail (PROSPECT_IS_PAGE (self));

  priv->stale = TRUE;
  if (priv->refresh_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    priv->refresh_id = g_idle_add (refresh_idle_cb, self);
}

void
prospect_page_class_watch_tables (ProspectPageClass *klass,
                                  const char        *first_table,
                                  ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  g_return_if_fail (PROSPECT_IS_PAGE_CLASS (klass));

  va_start (args, first_table);
  for (const char *table = first_table; table != NULL; table = va_arg (args, const char *))
    {
      g_autofree char *detailed = g_strconcat ("changed::", table, NULL);

      g_strv_builder_add (builder, detailed);
    }
  va_end (args);

  /* A class lives as long as the process: this is never freed */
  klass->watched = g_strv_builder_end (builder);
}
