/* prospect-deal-card.c - one deal on the pipeline board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-deal-card"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-chart-format.h"

#include "prospect-deal-card.h"

struct _ProspectDealCard
{
  GtkListBoxRow  parent_instance;

  ProspectDeal  *deal;
  GMenuModel    *stages_menu;
  GtkMenuButton *menu_button;
};

G_DEFINE_FINAL_TYPE (ProspectDealCard, prospect_deal_card, GTK_TYPE_LIST_BOX_ROW)

/* The dot's colour comes with words (tooltip and accessible text): colour
 * alone says nothing to a colour-blind user or a screen reader. */
static const struct
{
  const char *css_class;
  const char *text;
} next_activity_styles[] = {
  [PROSPECT_NEXT_ACTIVITY_NONE]    = { "warning", N_("No next activity planned") },
  [PROSPECT_NEXT_ACTIVITY_OVERDUE] = { "error", N_("Next activity overdue") },
  [PROSPECT_NEXT_ACTIVITY_TODAY]   = { "success", N_("Next activity today") },
  [PROSPECT_NEXT_ACTIVITY_FUTURE]  = { "dim-label", N_("Next activity planned") },
};

static char *
format_date (const char *iso)
{
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;
  date = g_date_time_new_local (year, month, day, 12, 0, 0);

  return date != NULL ? g_date_time_format (date, "%x") : NULL;
}

static GtkWidget *
add_label (GtkBox     *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);

  return label;
}

static void
right_click_cb (GtkGestureClick  *gesture,
                int               n_press,
                double            x,
                double            y,
                ProspectDealCard *self)
{
  gtk_menu_button_popup (self->menu_button);
}

/* A popover per card made up front costs more than all the board's
 * queries together: make it when the menu is first opened. */
static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  ProspectDealCard *self = user_data;

  gtk_menu_button_set_menu_model (button, self->stages_menu);
}

static void
prospect_deal_card_dispose (GObject *object)
{
  ProspectDealCard *self = PROSPECT_DEAL_CARD (object);

  g_clear_object (&self->deal);
  g_clear_object (&self->stages_menu);

  G_OBJECT_CLASS (prospect_deal_card_parent_class)->dispose (object);
}

static void
prospect_deal_card_class_init (ProspectDealCardClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = prospect_deal_card_dispose;
}

static void
prospect_deal_card_init (ProspectDealCard *self)
{
  GtkGesture *gesture = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (right_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

static GtkWidget *
make_title_line (ProspectDealCard           *self,
                 const ProspectPipelineCard *card,
                 GMenuModel                 *stages_menu)
{
  GtkBox *line = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  const char *dot_text = _(next_activity_styles[card->next_activity].text);
  GtkWidget *dot = gtk_label_new ("●");
  GtkWidget *title;

  gtk_widget_add_css_class (dot, next_activity_styles[card->next_activity].css_class);
  gtk_widget_set_tooltip_text (dot, dot_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dot), GTK_ACCESSIBLE_PROPERTY_LABEL, dot_text, -1);
  gtk_widget_set_valign (dot, GTK_ALIGN_START);
  gtk_box_append (line, dot);

  /* Titles often start with the account's name: give them two lines */
  title = add_label (line, prospect_deal_get_title (card->deal), "heading");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_width_chars (GTK_LABEL (title), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 30);

  self->menu_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->menu_button, "view-more-symbolic");
  self->stages_menu = g_object_ref (stages_menu);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_popup_cb, self, NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), _("Move to…"));
  /* GTK 4.8 names a menu button and its inner button after the class */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->menu_button));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Move to…"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->menu_button), "flat");
  gtk_widget_set_valign (GTK_WIDGET (self->menu_button), GTK_ALIGN_START);
  gtk_box_append (line, GTK_WIDGET (self->menu_button));

  return GTK_WIDGET (line);
}

GtkWidget *
prospect_deal_card_new (const ProspectPipelineCard *card,
                        const char                 *currency,
                        GMenuModel                 *stages_menu,
                        gboolean                    show_owner)
{
  ProspectDealCard *self = g_object_new (PROSPECT_TYPE_DEAL_CARD, NULL);
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 3));
  g_autofree char *amount = prospect_chart_format_money_whole (prospect_deal_get_amount (card->deal), currency);
  g_autofree char *close = format_date (prospect_deal_get_expected_close (card->deal));
  g_autofree char *close_text = NULL;
  g_autofree char *who = NULL;
  g_autofree char *accessible = NULL;
  const char *account = card->account_name != NULL ? card->account_name : _("No account");

  self->deal = g_object_ref (card->deal);

  gtk_widget_set_margin_top (GTK_WIDGET (box), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (box), 8);
  gtk_widget_set_margin_start (GTK_WIDGET (box), 10);
  gtk_widget_set_margin_end (GTK_WIDGET (box), 4);
  gtk_box_append (box, make_title_line (self, card, stages_menu));

  if (show_owner && card->owner_name != NULL)
    who = g_strdup_printf ("%s · %s", account, card->owner_name);
  else
    who = g_strdup (account);
  add_label (box, who, "dim-label");

  /* Translators: %s is a date */
  close_text = close != NULL ? g_strdup_printf (_("closes %s"), close) : g_strdup (_("no close date"));
  {
    g_autofree char *line = g_strdup_printf ("%s · %s", amount, close_text);
    add_label (box, line, "caption");
  }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), GTK_WIDGET (box));

  accessible = g_strdup_printf ("%s, %s, %s, %s, %s", prospect_deal_get_title (card->deal), who,
                                amount, close_text, _(next_activity_styles[card->next_activity].text));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return GTK_WIDGET (self);
}

ProspectDeal *
prospect_deal_card_get_deal (ProspectDealCard *self)
{
  g_return_val_if_fail (PROSPECT_IS_DEAL_CARD (self), NULL);

  return self->deal;
}
