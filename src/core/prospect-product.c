/* prospect-product.c - something the team sells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-product"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "prospect-product.h"
#include "prospect-record-private.h"
#include "prospect-validate.h"

struct _ProspectProduct
{
  ProspectRecord parent_instance;

  char   *name;
  char   *family;
  gint64  list_price;
  char   *currency;
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_FAMILY,
  PROP_LIST_PRICE,
  PROP_CURRENCY,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (ProspectProduct, prospect_product, PROSPECT_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static gboolean
prospect_product_validate (ProspectRecord    *record,
                           ProspectDatabase  *db,
                           GError           **error)
{
  ProspectProduct *self = PROSPECT_PRODUCT (record);

  return prospect_validate_not_blank (self->name, "name", _("The name cannot be empty"), error) &&
         prospect_validate_non_negative (self->list_price, "list_price",
                                         _("The price cannot be negative"), error) &&
         prospect_validate_currency (self->currency, "currency", error);
}

static void
prospect_product_finalize (GObject *object)
{
  ProspectProduct *self = (ProspectProduct *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->family, g_free);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (prospect_product_parent_class)->finalize (object);
}

static void
prospect_product_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ProspectProduct *self = PROSPECT_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_FAMILY:
      g_value_set_string (value, self->family);
      break;

    case PROP_LIST_PRICE:
      g_value_set_int64 (value, self->list_price);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_product_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ProspectProduct *self = PROSPECT_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      prospect_product_set_name (self, g_value_get_string (value));
      break;

    case PROP_FAMILY:
      prospect_product_set_family (self, g_value_get_string (value));
      break;

    case PROP_LIST_PRICE:
      prospect_product_set_list_price (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      prospect_product_set_currency (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_product_class_init (ProspectProductClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ProspectRecordClass *record_class = PROSPECT_RECORD_CLASS (klass);

  object_class->finalize = prospect_product_finalize;
  object_class->get_property = prospect_product_get_property;
  object_class->set_property = prospect_product_set_property;

  record_class->table = "product";
  record_class->validate = prospect_product_validate;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FAMILY] =
    g_param_spec_string ("family", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LIST_PRICE] =
    g_param_spec_int64 ("list-price", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, "USD",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  prospect_record_class_add_column (record_class, "name", PROSPECT_COLUMN_SEARCHABLE);
  prospect_record_class_add_column (record_class, "family", PROSPECT_COLUMN_NULLABLE | PROSPECT_COLUMN_SEARCHABLE);
  prospect_record_class_add_column (record_class, "list-price", PROSPECT_COLUMN_DEFAULT);
  prospect_record_class_add_column (record_class, "currency", PROSPECT_COLUMN_DEFAULT);
}

static void
prospect_product_init (ProspectProduct *self)
{
  self->currency = g_strdup ("USD");
}

ProspectProduct *
prospect_product_new (void)
{
  return g_object_new (PROSPECT_TYPE_PRODUCT, NULL);
}

ProspectProduct *
prospect_product_load (ProspectDatabase  *db,
                      const char        *id,
                      GError           **error)
{
  return prospect_record_load (db, PROSPECT_TYPE_PRODUCT, id, error);
}

const char *
prospect_product_get_name (ProspectProduct *self)
{
  g_return_val_if_fail (PROSPECT_IS_PRODUCT (self), NULL);

  return self->name;
}

void
prospect_product_set_name (ProspectProduct  *self,
                           const char       *name)
{
  g_return_if_fail (PROSPECT_IS_PRODUCT (self));

  if (prospect_str_set (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
prospect_product_get_family (ProspectProduct *self)
{
  g_return_val_if_fail (PROSPECT_IS_PRODUCT (self), NULL);

  return self->family;
}

void
prospect_product_set_family (ProspectProduct  *self,
                             const char       *family)
{
  g_return_if_fail (PROSPECT_IS_PRODUCT (self));

  if (prospect_str_set (&self->family, family))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY]);
}

gint64
prospect_product_get_list_price (ProspectProduct *self)
{
  g_return_val_if_fail (PROSPECT_IS_PRODUCT (self), 0);

  return self->list_price;
}

void
prospect_product_set_list_price (ProspectProduct  *self,
                                 gint64            list_price)
{
  g_return_if_fail (PROSPECT_IS_PRODUCT (self));

  if (self->list_price != list_price)
    {
      self->list_price = list_price;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST_PRICE]);
    }
}

const char *
prospect_product_get_currency (ProspectProduct *self)
{
  g_return_val_if_fail (PROSPECT_IS_PRODUCT (self), NULL);

  return self->currency;
}

void
prospect_product_set_currency (ProspectProduct  *self,
                               const char       *currency)
{
  g_return_if_fail (PROSPECT_IS_PRODUCT (self));

  if (prospect_str_set (&self->currency, currency))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

ProspectQuery *
prospect_product_query_all (void)
{
  ProspectQuery *query = prospect_query_new (PROSPECT_TYPE_PRODUCT);

  prospect_query_order_by (query, "family", FALSE);
  prospect_query_order_by (query, "name", FALSE);

  return query;
}
