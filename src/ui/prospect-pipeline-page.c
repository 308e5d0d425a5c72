/* prospect-pipeline-page.c - the Pipeline page: a board of deals per
 * stage, and a sortable list of the same deals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-pipeline-page"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-chart-format.h"
#include "prospect-close-deal-dialog.h"
#include "prospect-deal-card.h"
#include "prospect-pipeline.h"
#include "prospect-pipeline-list.h"

#include "prospect-pipeline-page.h"

/* Cards per column before "Show more": the board costs a bounded number
 * of rows per stage whatever the size of the database. */
#define CARDS_PAGE 50

struct _ProspectPipelinePage
{
  ProspectPage          parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkToggleButton      *board_button;
  GtkToggleButton      *team_button;
  GtkLabel             *summary_label;
  GtkBox               *columns_box;
  ProspectPipelineList *list;

  GPtrArray            *columns;     /* ProspectPipelineColumn, as shown */
  GStrv                 owners;
  char                 *currency;
  GHashTable           *limits;      /* stage id -> cards shown */
  GHashTable           *expanded;    /* ids of closed stages shown open */
  char                 *focus_id;    /* deal to focus after the next refresh */
};

G_DEFINE_FINAL_TYPE (ProspectPipelinePage, prospect_pipeline_page, PROSPECT_TYPE_PAGE)

/* -------------------------------------------------------------- moving */

typedef struct
{
  ProspectPipelinePage *self;
  ProspectDeal         *deal;
  char                 *stage_id;
} PendingMove;

static void
pending_move_free (PendingMove *move)
{
  g_object_unref (move->self);
  g_object_unref (move->deal);
  g_free (move->stage_id);
  g_free (move);
}

static void
show_error (ProspectPipelinePage *self,
            const char           *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
do_move (ProspectPipelinePage *self,
         ProspectDeal         *deal,
         const char           *stage_id,
         const char           *closed_on,
         const char           *lost_reason)
{
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  g_autoptr(GError) error = NULL;

  g_free (self->focus_id);
  self->focus_id = g_strdup (prospect_record_get_id (PROSPECT_RECORD (deal)));

  if (!prospect_deal_move_to_stage (deal, database, stage_id, closed_on, lost_reason, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not move the deal: %s"), error->message);

      show_error (self, message);
    }
}

static void
close_deal_cb (const char *closed_on,
               const char *lost_reason,
               gpointer    user_data)
{
  PendingMove *move = user_data;

  /* Cancel: nothing changes */
  if (closed_on != NULL)
    do_move (move->self, move->deal, move->stage_id, closed_on, lost_reason);
  else if (move->self->focus_id != NULL)
    prospect_page_queue_refresh (PROSPECT_PAGE (move->self));
}

static ProspectPipelineColumn *
find_column (ProspectPipelinePage *self,
             const char           *stage_id,
             guint                *index)
{
  for (guint i = 0; self->columns != NULL && i < self->columns->len; i++)
    {
      ProspectPipelineColumn *column = self->columns->pdata[i];

      if (g_strcmp0 (column->stage_id, stage_id) == 0)
        {
          if (index != NULL)
            *index = i;
          return column;
        }
    }

  return NULL;
}

/* Open stages move at once; a win or a loss first asks for the date
 * (and the reason of a loss). */
static void
move_deal (ProspectPipelinePage *self,
           ProspectDeal         *deal,
           const char           *stage_id)
{
  ProspectPipelineColumn *column = find_column (self, stage_id, NULL);
  PendingMove *move;

  if (column == NULL || g_strcmp0 (prospect_deal_get_stage_id (deal), stage_id) == 0)
    return;

  if (g_strcmp0 (column->kind, "open") == 0)
    {
      do_move (self, deal, stage_id, NULL, NULL);
      return;
    }

  move = g_new0 (PendingMove, 1);
  move->self = g_object_ref (self);
  move->deal = g_object_ref (deal);
  move->stage_id = g_strdup (stage_id);
  g_free (self->focus_id);
  self->focus_id = g_strdup (prospect_record_get_id (PROSPECT_RECORD (deal)));
  prospect_close_deal_dialog_run (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                  prospect_deal_get_title (deal), column->name,
                                  g_strcmp0 (column->kind, "lost") == 0,
                                  close_deal_cb, move, (GDestroyNotify) pending_move_free);
}

static void
move_to_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ProspectPipelinePage *self = PROSPECT_PIPELINE_PAGE (widget);
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  g_autoptr(ProspectDeal) deal = NULL;
  g_autoptr(GError) error = NULL;
  const char *deal_id, *stage_id;

  g_variant_get (parameter, "(&s&s)", &deal_id, &stage_id);
  if (!(deal = prospect_deal_load (database, deal_id, &error)))
    {
      show_error (self, error->message);
      return;
    }
  move_deal (self, deal, stage_id);
}

static ProspectDealCard *
focused_card (ProspectPipelinePage *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  while (focus != NULL && !PROSPECT_IS_DEAL_CARD (focus))
    focus = gtk_widget_get_parent (focus);

  return focus != NULL ? PROSPECT_DEAL_CARD (focus) : NULL;
}

/* Ctrl+Left / Ctrl+Right: the focused card to the neighbouring stage. */
static gboolean
move_focused_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  ProspectPipelinePage *self = PROSPECT_PIPELINE_PAGE (widget);
  ProspectDealCard *card = focused_card (self);
  ProspectDeal *deal;
  guint index;
  int target;

  if (card == NULL)
    return FALSE;

  deal = prospect_deal_card_get_deal (card);
  if (find_column (self, prospect_deal_get_stage_id (deal), &index) == NULL)
    return FALSE;

  target = (int) index + g_variant_get_int32 (args);
  if (target < 0 || target >= (int) self->columns->len)
    return TRUE;

  move_deal (self, deal, ((ProspectPipelineColumn *) self->columns->pdata[target])->stage_id);

  return TRUE;
}

/* -------------------------------------------------------- drag and drop */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource    *source,
                 double            x,
                 double            y,
                 ProspectDealCard *card)
{
  ProspectDeal *deal = prospect_deal_card_get_deal (card);

  return gdk_content_provider_new_typed (G_TYPE_STRING, prospect_record_get_id (PROSPECT_RECORD (deal)));
}

static void
drag_begin_cb (GtkDragSource    *source,
               GdkDrag          *drag,
               ProspectDealCard *card)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (card));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *column_box)
{
  ProspectPipelinePage *self = g_object_get_data (G_OBJECT (column_box), "page");
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  const char *stage_id = g_object_get_data (G_OBJECT (column_box), "stage-id");
  g_autoptr(ProspectDeal) deal = NULL;
  g_autoptr(GError) error = NULL;

  if (!(deal = prospect_deal_load (database, g_value_get_string (value), &error)))
    {
      show_error (self, error->message);
      return FALSE;
    }
  move_deal (self, deal, stage_id);

  return TRUE;
}

static void
make_draggable (GtkWidget *card)
{
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), card);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), card);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (source));
}

/* ---------------------------------------------------------------- board */

static GMenuModel *
make_stages_menu (ProspectPipelinePage *self,
                  const char           *deal_id,
                  const char           *current_stage_id)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < self->columns->len; i++)
    {
      ProspectPipelineColumn *column = self->columns->pdata[i];
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (g_strcmp0 (column->stage_id, current_stage_id) == 0)
        continue;
      /* Translators: a menu item, %s is a stage name */
      label = g_strdup_printf (_("Move to %s"), column->name);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "pipeline.move-to",
                                               g_variant_new ("(ss)", deal_id, column->stage_id));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

static char *
format_totals (ProspectPipelinePage         *self,
               const ProspectPipelineColumn *column)
{
  g_autofree char *amount = prospect_chart_format_money_whole (column->total, self->currency);

  /* Translators: the second %s is an amount of money */
  return g_strdup_printf (ngettext ("%s deal · %s", "%s deals · %s", column->n_deals),
                          prospect_chart_format_count (column->n_deals), amount);
}

static GtkWidget *
make_column_header (ProspectPipelinePage         *self,
                    const ProspectPipelineColumn *column)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (column->name);
  g_autofree char *totals_text = format_totals (self, column);
  GtkWidget *totals = gtk_label_new (totals_text);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (totals), 0);
  gtk_widget_add_css_class (totals, "dim-label");
  gtk_box_append (GTK_BOX (header), name);
  gtk_box_append (GTK_BOX (header), totals);
  gtk_widget_set_margin_start (header, 6);

  return header;
}

static void
show_more_cb (GtkButton            *button,
              ProspectPipelinePage *self)
{
  const char *stage_id = g_object_get_data (G_OBJECT (button), "stage-id");
  guint shown = GPOINTER_TO_UINT (g_hash_table_lookup (self->limits, stage_id));

  g_hash_table_insert (self->limits, g_strdup (stage_id),
                       GUINT_TO_POINTER (MAX (shown, CARDS_PAGE) + CARDS_PAGE));
  prospect_page_queue_refresh (PROSPECT_PAGE (self));
}

static void
expanded_cb (GtkExpander          *expander,
             GParamSpec           *pspec,
             ProspectPipelinePage *self)
{
  const char *stage_id = g_object_get_data (G_OBJECT (expander), "stage-id");

  if (gtk_expander_get_expanded (expander))
    g_hash_table_add (self->expanded, g_strdup (stage_id));
  else
    g_hash_table_remove (self->expanded, stage_id);
  prospect_page_queue_refresh (PROSPECT_PAGE (self));
}

static GtkWidget *
make_show_more (ProspectPipelinePage         *self,
                const ProspectPipelineColumn *column,
                guint                         shown)
{
  gint64 rest = column->n_deals - shown;
  g_autofree char *label = NULL;
  GtkWidget *button;

  label = g_strdup_printf (ngettext ("Show %s more", "Show %s more", MIN (rest, CARDS_PAGE)),
                           prospect_chart_format_count (MIN (rest, CARDS_PAGE)));
  button = gtk_button_new_with_label (label);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "stage-id", g_strdup (column->stage_id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (show_more_cb), self);

  return button;
}

/* Enter or a double click on a card opens the deal. (A single click only
 * focuses it, for moving it with the keyboard.) */
static void
card_activated_cb (GtkListBox    *list,
                   GtkListBoxRow *row,
                   gpointer       user_data)
{
  ProspectDeal *deal = prospect_deal_card_get_deal (PROSPECT_DEAL_CARD (row));

  gtk_widget_activate_action (GTK_WIDGET (list), "win.open-deal", "s",
                              prospect_record_get_id (PROSPECT_RECORD (deal)));
}

/* The column's bounded page of cards, or NULL on error. */
static GtkWidget *
make_cards (ProspectPipelinePage         *self,
            const ProspectPipelineColumn *column,
            gboolean                      team)
{
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  guint limit = GPOINTER_TO_UINT (g_hash_table_lookup (self->limits, column->stage_id));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;

  limit = MAX (limit, CARDS_PAGE);
  cards = prospect_pipeline_cards (database, (const char *const *) self->owners,
                                   column->stage_id, 0, limit, &error);
  if (cards == NULL)
    {
      g_warning ("Could not load the deals of %s: %s", column->name, error->message);
      cards = g_ptr_array_new ();
    }

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, column->name, -1);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (list), FALSE);
  g_signal_connect (list, "row-activated", G_CALLBACK (card_activated_cb), NULL);
  for (guint i = 0; i < cards->len; i++)
    {
      ProspectPipelineCard *card = cards->pdata[i];
      const char *deal_id = prospect_record_get_id (PROSPECT_RECORD (card->deal));
      g_autoptr(GMenuModel) menu = make_stages_menu (self, deal_id, column->stage_id);
      GtkWidget *row = prospect_deal_card_new (card, self->currency, menu, team);

      make_draggable (row);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      if (g_strcmp0 (deal_id, self->focus_id) == 0)
        g_object_set_data (G_OBJECT (self), "focus-row", row);
    }
  /* an empty column shows no empty frame, but still takes drops */
  gtk_widget_set_visible (list, cards->len > 0);
  gtk_box_append (GTK_BOX (box), list);

  if (column->n_deals > (gint64) cards->len)
    gtk_box_append (GTK_BOX (box), make_show_more (self, column, cards->len));

  return box;
}

static GtkWidget *
make_column (ProspectPipelinePage         *self,
             const ProspectPipelineColumn *column,
             gboolean                      team)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  gboolean closed = g_strcmp0 (column->kind, "open") != 0;
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  g_object_set_data (G_OBJECT (box), "page", self);
  g_object_set_data_full (G_OBJECT (box), "stage-id", g_strdup (column->stage_id), g_free);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), box);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (target));

  gtk_widget_set_size_request (box, closed ? 200 : 260, -1);
  gtk_box_append (GTK_BOX (box), make_column_header (self, column));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);

  /* Won and Lost sit collapsed at the end: their totals show, their cards
   * only on request. */
  if (closed)
    {
      GtkWidget *expander = gtk_expander_new (_("Show deals"));
      gboolean expanded = g_hash_table_contains (self->expanded, column->stage_id);

      gtk_expander_set_expanded (GTK_EXPANDER (expander), expanded);
      g_object_set_data_full (G_OBJECT (expander), "stage-id", g_strdup (column->stage_id), g_free);
      g_signal_connect (expander, "notify::expanded", G_CALLBACK (expanded_cb), self);
      if (expanded)
        gtk_expander_set_child (GTK_EXPANDER (expander), make_cards (self, column, team));
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), expander);
    }
  else
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), make_cards (self, column, team));

  return box;
}

static void
clear_board (ProspectPipelinePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box))))
    gtk_box_remove (self->columns_box, child);
}

static void
update_summary (ProspectPipelinePage *self,
                gboolean              team)
{
  gint64 open = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->columns->len; i++)
    {
      ProspectPipelineColumn *column = self->columns->pdata[i];

      if (g_strcmp0 (column->kind, "open") == 0)
        open += column->n_deals;
    }

  if (team)
    text = g_strdup_printf (ngettext ("%'d open deal in your team", "%'d open deals in your team", open), (int) open);
  else if (open == 0)
    text = g_strdup (_("You have no open deals yet"));
  else
    text = g_strdup_printf (ngettext ("%'d open deal", "%'d open deals", open), (int) open);
  gtk_label_set_text (self->summary_label, text);
}

static gboolean
load_scope (ProspectPipelinePage *self,
            gboolean              team)
{
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  g_autofree char *me_id = prospect_database_get_me (database);
  g_autofree char *currency = prospect_database_get_setting (database, "currency");
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->owners, g_strfreev);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_free (self->currency);
  self->currency = g_strdup (currency != NULL ? currency : "USD");

  if (me_id == NULL)
    return FALSE;

  if (!(self->owners = prospect_pipeline_scope_owners (database, me_id, team, &error))
      || !(self->columns = prospect_pipeline_columns (database,
                                                       (const char *const *) self->owners, &error)))
    {
      g_warning ("Could not load the pipeline: %s", error->message);
      return FALSE;
    }

  return TRUE;
}

static void
prospect_pipeline_page_refresh (ProspectPage *page)
{
  ProspectPipelinePage *self = PROSPECT_PIPELINE_PAGE (page);
  ProspectDatabase *database = prospect_page_get_database (page);
  gboolean team = gtk_toggle_button_get_active (self->team_button);
  gint64 started = g_get_monotonic_time ();
  GtkWidget *focus_row;

  clear_board (self);
  if (database == NULL || !load_scope (self, team))
    {
      gtk_label_set_text (self->summary_label, "");
      return;
    }

  update_summary (self, team);
  prospect_pipeline_list_set_owners (self->list, (const char *const *) self->owners);

  g_object_set_data (G_OBJECT (self), "focus-row", NULL);
  for (guint i = 0; i < self->columns->len; i++)
    gtk_box_append (self->columns_box, make_column (self, self->columns->pdata[i], team));

  /* After a move the card keeps the keyboard focus in its new column. */
  focus_row = g_object_get_data (G_OBJECT (self), "focus-row");
  if (focus_row != NULL)
    gtk_widget_grab_focus (focus_row);
  g_object_set_data (G_OBJECT (self), "focus-row", NULL);
  g_clear_pointer (&self->focus_id, g_free);

  g_debug ("Board of %u stages built in %.1f ms", self->columns->len,
           (g_get_monotonic_time () - started) / 1000.0);
}

static void
notify_database_cb (ProspectPipelinePage *self)
{
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  prospect_pipeline_list_set_database (self->list, database);
  g_hash_table_remove_all (self->limits);
}

static void
scope_toggled_cb (ProspectPipelinePage *self)
{
  g_hash_table_remove_all (self->limits);
  prospect_page_queue_refresh (PROSPECT_PAGE (self));
}

static void
view_toggled_cb (ProspectPipelinePage *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    gtk_toggle_button_get_active (self->board_button) ? "board" : "list");
}

/* -------------------------------------------------------------- object */

static void
prospect_pipeline_page_dispose (GObject *object)
{
  ProspectPipelinePage *self = PROSPECT_PIPELINE_PAGE (object);

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->owners, g_strfreev);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->limits, g_hash_table_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->focus_id, g_free);

  G_OBJECT_CLASS (prospect_pipeline_page_parent_class)->dispose (object);
}

static void
prospect_pipeline_page_class_init (ProspectPipelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prospect_pipeline_page_dispose;

  PROSPECT_PAGE_CLASS (klass)->refresh = prospect_pipeline_page_refresh;
  prospect_page_class_watch_tables (PROSPECT_PAGE_CLASS (klass), "deal", "activity", NULL);

  gtk_widget_class_install_action (widget_class, "pipeline.move-to", "(ss)", move_to_action_cb);
}

/* In the capture phase: the scrolled windows between a card and the page
 * bind Ctrl+arrows to scrolling and would eat them first. */
static void
add_move_shortcuts (ProspectPipelinePage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const struct { guint key; int step; } moves[] = { { GDK_KEY_Left, -1 }, { GDK_KEY_Right, 1 } };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (moves[i].key, GDK_CONTROL_MASK),
                                                gtk_callback_action_new (move_focused_cb, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (moves[i].step));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static GtkWidget *
make_toggle_pair (const char       *first,
                  const char       *second,
                  GtkToggleButton **first_button)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *a = gtk_toggle_button_new_with_mnemonic (first);
  GtkWidget *b = gtk_toggle_button_new_with_mnemonic (second);

  gtk_widget_add_css_class (box, "linked");
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (b), GTK_TOGGLE_BUTTON (a));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (a), TRUE);
  gtk_box_append (GTK_BOX (box), a);
  gtk_box_append (GTK_BOX (box), b);
  *first_button = GTK_TOGGLE_BUTTON (a);

  return box;
}

static GtkWidget *
make_header (ProspectPipelinePage *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (_("Your Pipeline"));
  GtkWidget *scope, *view;
  GtkToggleButton *mine_button;

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-2");
  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "dim-label");
  gtk_box_append (GTK_BOX (titles), heading);
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->summary_label));
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (header), titles);

  scope = make_toggle_pair (_("_My Deals"), _("_Team"), &mine_button);
  self->team_button = GTK_TOGGLE_BUTTON (gtk_widget_get_last_child (scope));
  g_signal_connect_swapped (self->team_button, "toggled", G_CALLBACK (scope_toggled_cb), self);
  gtk_widget_set_valign (scope, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), scope);

  view = make_toggle_pair (_("_Board"), _("_List"), &self->board_button);
  g_signal_connect_swapped (self->board_button, "toggled", G_CALLBACK (view_toggled_cb), self);
  gtk_widget_set_valign (view, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), view);

  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);

  return header;
}

static void
prospect_pipeline_page_init (ProspectPipelinePage *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *board = gtk_scrolled_window_new ();

  prospect_page_setup (PROSPECT_PAGE (self),
                       _("Pipeline"), "view-paged-symbolic",
                       _("Your Pipeline"), NULL);

  self->limits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Named after its heading, as the other pages' status pages are */
  gtk_accessible_update_property (GTK_ACCESSIBLE (content), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Your Pipeline"), -1);
  gtk_box_append (GTK_BOX (content), make_header (self));

  self->columns_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12));
  gtk_widget_set_margin_start (GTK_WIDGET (self->columns_box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->columns_box), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->columns_box), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->columns_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Board"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (board), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (board), GTK_WIDGET (self->columns_box));

  self->list = prospect_pipeline_list_new ();

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, board, "board");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->list), "list");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, content);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->toast_overlay));

  add_move_shortcuts (self);
  g_signal_connect (self, "notify::database", G_CALLBACK (notify_database_cb), NULL);
}
