/* prospect-my-coaching-page.c - the rep's own coaching: indicators
 * against the team, plans under way and the notes shared with them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-my-coaching-page"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-chart-widget.h"
#include "prospect-coaching-view.h"

#include "prospect-my-coaching-page.h"

struct _ProspectMyCoachingPage
{
  ProspectPage         parent_instance;

  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkLabel            *window_label;
  GtkLabel            *diagnosis_label;
  GtkGrid             *grid;
  ProspectChartWidget *funnel;
  GtkListBox          *plans_list;
  GtkListBox          *notes_list;
};

G_DEFINE_FINAL_TYPE (ProspectMyCoachingPage, prospect_my_coaching_page, PROSPECT_TYPE_PAGE)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

static void
show_empty (ProspectMyCoachingPage *self,
            const char             *description)
{
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
add_detail (AdwExpanderRow *expander,
            const char     *title,
            const char     *text)
{
  GtkWidget *row;

  if (text == NULL || *text == '\0')
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  adw_expander_row_add_row (expander, row);
}

static void
show_plans (ProspectMyCoachingPage           *self,
            ProspectDatabase                 *db,
            const ProspectCoachingIndicators *indicators,
            GPtrArray                        *plans)
{
  clear_list (self->plans_list);
  for (guint i = 0; i < plans->len; i++)
    {
      ProspectCoachingPlan *plan = g_ptr_array_index (plans, i);
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *summary = prospect_coaching_plan_summary (db, plan, indicators->currency);
      g_autofree char *coach = prospect_coaching_person_name (db, prospect_coaching_plan_get_coach_id (plan));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), prospect_coaching_plan_get_skill (plan));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), summary);
      add_detail (ADW_EXPANDER_ROW (row), _("Coach"), coach);
      add_detail (ADW_EXPANDER_ROW (row), _("Why"), prospect_coaching_plan_get_why (plan));
      add_detail (ADW_EXPANDER_ROW (row), _("Plan"), prospect_coaching_plan_get_plan (plan));
      gtk_list_box_append (self->plans_list, row);
    }
  if (plans->len == 0)
    add_placeholder (self->plans_list, _("No coaching plan under way"));
}

/* Only the notes shared with the rep: the list also holds the rep's own
 * notes, and this page shows what the coach shared. */
static void
show_notes (ProspectMyCoachingPage *self,
            ProspectDatabase       *db,
            GPtrArray              *notes)
{
  guint shown = 0;

  clear_list (self->notes_list);
  for (guint i = 0; i < notes->len; i++)
    {
      ProspectCoachingNote *note = g_ptr_array_index (notes, i);

      if (!prospect_coaching_note_get_shared (note))
        continue;
      gtk_list_box_append (self->notes_list, prospect_coaching_note_row_new (db, note));
      shown++;
    }
  if (shown == 0)
    add_placeholder (self->notes_list, _("No notes shared with you yet"));
}

static void
show_coaching (ProspectMyCoachingPage *self,
               ProspectDatabase       *db,
               const char             *me_id,
               const char             *my_name)
{
  g_autoptr(ProspectCoachingIndicators) indicators = NULL;
  g_autoptr(ProspectDiagnosis) diagnosis = NULL;
  g_autoptr(ProspectFunnelData) funnel = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *window = NULL;

  if (!(indicators = prospect_coaching_indicators_compute (db, me_id, &error)) ||
      !(plans = prospect_coaching_list_plans (db, me_id, TRUE, &error)) ||
      !(notes = prospect_coaching_list_notes (db, me_id, me_id, &error)))
    {
      show_empty (self, error->message);
      return;
    }

  diagnosis = prospect_coaching_diagnose (indicators);
  window = prospect_coaching_window_label (indicators);
  gtk_label_set_text (self->window_label, window);
  gtk_label_set_text (self->diagnosis_label, diagnosis->status == PROSPECT_DIAGNOSIS_FOUND
                                             ? diagnosis->evidence : "");
  gtk_widget_set_visible (GTK_WIDGET (self->diagnosis_label), diagnosis->status == PROSPECT_DIAGNOSIS_FOUND);
  prospect_coaching_fill_grid (self->grid, indicators);
  funnel = prospect_coaching_funnel_data (indicators, my_name);
  prospect_chart_widget_set_funnel (self->funnel, funnel);
  show_plans (self, db, indicators, plans);
  show_notes (self, db, notes);
  gtk_stack_set_visible_child_name (self->stack, "coaching");
}

static void
prospect_my_coaching_page_refresh (ProspectPage *page)
{
  ProspectMyCoachingPage *self = PROSPECT_MY_COACHING_PAGE (page);
  ProspectDatabase *db = prospect_page_get_database (page);
  g_autofree char *me_id = NULL;
  g_autoptr(ProspectPerson) me = NULL;

  if (db == NULL)
    return;

  me_id = prospect_database_get_me (db);
  if (me_id == NULL || !(me = prospect_person_load (db, me_id, NULL)))
    {
      show_empty (self, _("Choose who you are in Preferences to see your coaching."));
      return;
    }
  if (g_strcmp0 (prospect_person_get_role (me), "rep") != 0)
    {
      show_empty (self, _("My Coaching is for sales reps. Your reps’ coaching is in the Manager workspace."));
      return;
    }

  show_coaching (self, db, me_id, prospect_person_get_name (me));
}

static GtkWidget *
new_indicators (ProspectMyCoachingPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *card = gtk_frame_new (NULL);

  self->window_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->window_label, 0);
  gtk_label_set_wrap (self->window_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->window_label), "dim-label");
  self->diagnosis_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->diagnosis_label, 0);
  gtk_label_set_wrap (self->diagnosis_label, TRUE);

  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 12);
  gtk_grid_set_row_spacing (self->grid, 4);
  gtk_widget_set_margin_top (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->grid), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Your Indicators"), -1);
  gtk_widget_add_css_class (card, "card");
  gtk_frame_set_child (GTK_FRAME (card), GTK_WIDGET (self->grid));

  self->funnel = PROSPECT_CHART_WIDGET (prospect_chart_widget_new ());
  prospect_chart_widget_set_title (self->funnel, _("Your funnel beside the team’s"));
  gtk_widget_set_size_request (GTK_WIDGET (self->funnel), -1, 300);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->window_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->diagnosis_label));
  gtk_box_append (GTK_BOX (box), card);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->funnel));

  return prospect_coaching_section_new (_("Your Indicators"), box);
}

static GtkWidget *
new_coaching_view (ProspectMyCoachingPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->plans_list = prospect_coaching_boxed_list_new (_("Your Plans"));
  self->notes_list = prospect_coaching_boxed_list_new (_("Notes Shared with You"));
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), new_indicators (self));
  gtk_box_append (GTK_BOX (box), prospect_coaching_section_new (_("Your Plans"), GTK_WIDGET (self->plans_list)));
  gtk_box_append (GTK_BOX (box), prospect_coaching_section_new (_("Notes Shared with You"), GTK_WIDGET (self->notes_list)));

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);

  return scroller;
}

static void
prospect_my_coaching_page_class_init (ProspectMyCoachingPageClass *klass)
{
  PROSPECT_PAGE_CLASS (klass)->refresh = prospect_my_coaching_page_refresh;
  prospect_page_class_watch_tables (PROSPECT_PAGE_CLASS (klass),
                                    "deal", "activity", "person", "stage", "setting",
                                    "coaching_plan", "coaching_note", NULL);
}

static void
prospect_my_coaching_page_init (ProspectMyCoachingPage *self)
{
  prospect_page_setup (PROSPECT_PAGE (self),
                       _("My Coaching"), "chat-message-new-symbolic",
                       _("My Coaching"), NULL);

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "chat-message-new-symbolic");
  adw_status_page_set_title (self->empty_page, _("No Coaching to Show"));
  gtk_widget_set_vexpand (GTK_WIDGET (self->empty_page), TRUE);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, new_coaching_view (self), "coaching");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}
