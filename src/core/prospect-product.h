/* prospect-product.h - something the team sells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-query.h"

G_BEGIN_DECLS

/* Properties (= columns of table "product"): name, family (series),
 * list-price (minor units of currency), currency. */
#define PROSPECT_TYPE_PRODUCT (prospect_product_get_type ())
G_DECLARE_FINAL_TYPE (ProspectProduct, prospect_product, PROSPECT, PRODUCT, ProspectRecord)

ProspectProduct *prospect_product_new            (void);
ProspectProduct *prospect_product_load           (ProspectDatabase  *db,
                                                  const char        *id,
                                                  GError           **error);
const char      *prospect_product_get_name       (ProspectProduct *self);
void             prospect_product_set_name       (ProspectProduct *self,
                                                  const char      *name);
const char      *prospect_product_get_family     (ProspectProduct *self);
void             prospect_product_set_family     (ProspectProduct *self,
                                                  const char      *family);
gint64           prospect_product_get_list_price (ProspectProduct *self);
void             prospect_product_set_list_price (ProspectProduct *self,
                                                  gint64           list_price);
const char      *prospect_product_get_currency   (ProspectProduct *self);
void             prospect_product_set_currency   (ProspectProduct *self,
                                                  const char      *currency);

/* Every product, sorted by family then name. */
ProspectQuery   *prospect_product_query_all      (void);

G_END_DECLS
