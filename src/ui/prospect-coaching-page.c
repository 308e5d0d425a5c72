/* prospect-coaching-page.c - the Coaching page: a rep's indicators against
 * the team, the skill to coach, plans, the director's assessments, 1:1
 * notes and the 1:1 sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-coaching-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "prospect-chart-format.h"
#include "prospect-chart-widget.h"
#include "prospect-clock.h"
#include "prospect-coaching-view.h"
#include "prospect-quick-entry.h"

#include "prospect-coaching-page.h"

struct _ProspectCoachingPage
{
  ProspectPage                parent_instance;

  char                       *me_id;
  char                       *rep_id;
  char                       *rep_name;
  ProspectCoachingIndicators *indicators;
  ProspectDiagnosis          *diagnosis;
  gboolean                    filling_reps;

  AdwToastOverlay            *toasts;
  AdwToast                   *toast;       /* the one on screen, weak */
  GtkStack                   *stack;
  AdwStatusPage              *empty_page;
  GtkListBox                 *rep_list;
  GtkLabel                   *rep_title;
  GtkLabel                   *window_label;
  GtkGrid                    *grid;
  ProspectChartWidget        *funnel;
  GtkLabel                   *diagnosis_label;
  GtkWidget                  *create_plan_button;
  GtkListBox                 *plans_list;
  AdwEntryRow                *note_entry;
  GtkSwitch                  *private_switch;
  GtkListBox                 *notes_list;
};

G_DEFINE_FINAL_TYPE (ProspectCoachingPage, prospect_coaching_page, PROSPECT_TYPE_PAGE)

#define PERSON_ID_KEY "prospect-person-id"

static void show_rep (ProspectCoachingPage *self);

/* -------------------------------------------------------------- helpers */

static ProspectDatabase *
get_database (ProspectCoachingPage *self)
{
  return prospect_page_get_database (PROSPECT_PAGE (self));
}

/* A new toast replaces the one on screen rather than queueing behind it:
 * an Undo must be at hand at once. */
static void
show_toast (ProspectCoachingPage *self,
            AdwToast             *toast)
{
  if (self->toast != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
      adw_toast_dismiss (self->toast);
    }

  self->toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->toast);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
toast (ProspectCoachingPage *self,
       const char           *text)
{
  show_toast (self, adw_toast_new (text));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static char *
today_iso (void)
{
  return prospect_clock_today_iso ();
}

static AdwMessageDialog *
new_dialog (ProspectCoachingPage *self,
            const char           *heading,
            const char           *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  return ADW_MESSAGE_DIALOG (dialog);
}

static AdwEntryRow *
form_entry (GtkWidget  *group,
            const char *title,
            const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  /* Enter in any field gives the dialog's default response */
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return ADW_ENTRY_ROW (row);
}

/* ---------------------------------------------------------- create plan */

/* A plan is measured by one indicator: the diagnosis's, or (by hand) the
 * one chosen in the form's list. */
typedef struct
{
  ProspectCoachingPage *self;
  gboolean              by_hand;
  AdwComboRow          *indicator;   /* by hand only */
  AdwEntryRow          *skill;
  AdwEntryRow          *plan;
  AdwEntryRow          *ends_on;
  AdwEntryRow          *target;
} PlanForm;

typedef struct
{
  gboolean    by_hand;
  guint       indicator;
  const char *skill;
  const char *plan;
  const char *ends_on;
  const char *target;
  const char *problem;
} PlanDraft;

static void open_plan_dialog (ProspectCoachingPage *self,
                              const PlanDraft      *draft);

static const ProspectIndicator *
indicator_at (ProspectCoachingPage *self,
              guint                 index)
{
  return &g_array_index (self->indicators->indicators, ProspectIndicator, index);
}

static gboolean
is_rate (ProspectIndicatorKind kind)
{
  return kind == PROSPECT_INDICATOR_STEP_UP || kind == PROSPECT_INDICATOR_WIN_RATE;
}

/* A target as people type it, in the indicator's unit: "60" or "60%" for
 * a rate (0.6), an amount for the deal size (minor units), a number for
 * the rest. FALSE with the reason for anything else. */
static gboolean
parse_target (const ProspectIndicator  *indicator,
              const char               *currency,
              const char               *text,
              double                   *value,
              char                    **problem)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gboolean rate = is_rate (indicator->kind);
  char *end = NULL;
  double number;

  if (indicator->kind == PROSPECT_INDICATOR_DEAL_SIZE)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor;

      if (!prospect_quick_entry_parse_amount (copy, currency, &minor, &error))
        {
          *problem = g_strdup (error->message);
          return FALSE;
        }
      *value = (double) minor;
      return TRUE;
    }

  if (rate && g_str_has_suffix (copy, "%"))
    copy[strlen (copy) - 1] = '\0';
  g_strstrip (copy);
  number = g_ascii_strtod (copy, &end);
  if (*copy == '\0' || end == NULL || *end != '\0' || !isfinite (number) || number < 0 ||
      (rate && number > 100))
    {
      *problem = g_strdup (rate ? _("The target must be a percentage from 0 to 100.")
                                : _("The target must be a number, 0 or more."));
      return FALSE;
    }

  *value = rate ? number / 100 : number;
  return TRUE;
}

/* The target field's text for a value in the indicator's unit. */
static char *
target_text (const ProspectIndicator *indicator,
             const char              *currency)
{
  if (isnan (indicator->median))
    return g_strdup ("");
  if (is_rate (indicator->kind))
    return g_strdup_printf ("%.0f", indicator->median * 100);
  if (indicator->kind == PROSPECT_INDICATOR_DEAL_SIZE)
    return prospect_chart_format_money (llround (indicator->median), currency);

  return g_strdup_printf ("%.1f", indicator->median);
}

static guint
chosen_indicator (PlanForm *form)
{
  ProspectCoachingPage *self = form->self;

  if (form->by_hand)
    return adw_combo_row_get_selected (form->indicator);

  return (guint) self->diagnosis->indicator;
}

static void
plan_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  PlanForm         *form)
{
  ProspectCoachingPage *self = form->self;
  PlanDraft draft = {
    form->by_hand, 0,
    gtk_editable_get_text (GTK_EDITABLE (form->skill)),
    gtk_editable_get_text (GTK_EDITABLE (form->plan)),
    gtk_editable_get_text (GTK_EDITABLE (form->ends_on)),
    gtk_editable_get_text (GTK_EDITABLE (form->target)),
    NULL,
  };
  g_autoptr(ProspectCoachingPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *skill = g_strstrip (g_strdup (draft.skill));
  const ProspectIndicator *indicator;
  double target;

  if (!g_str_equal (response, "create") || self->indicators == NULL)
    return;
  if (!form->by_hand && (self->diagnosis == NULL || self->diagnosis->status != PROSPECT_DIAGNOSIS_FOUND))
    return;

  draft.indicator = chosen_indicator (form);
  if (draft.indicator >= self->indicators->indicators->len)
    return;
  indicator = indicator_at (self, draft.indicator);

  if (!parse_target (indicator, self->indicators->currency, draft.target, &target, &problem))
    {
      draft.problem = problem;
      open_plan_dialog (self, &draft);
      return;
    }

  plan = form->by_hand
    ? prospect_coaching_plan_for_indicator (self->indicators, draft.indicator, self->me_id)
    : prospect_coaching_plan_from_diagnosis (self->indicators, self->diagnosis, self->me_id);
  /* A blank skill is the indicator's own name */
  if (*skill != '\0' || !form->by_hand)
    prospect_coaching_plan_set_skill (plan, skill);
  prospect_coaching_plan_set_plan (plan, *draft.plan != '\0' ? draft.plan : NULL);
  prospect_coaching_plan_set_ends_on (plan, *draft.ends_on != '\0' ? draft.ends_on : NULL);
  prospect_coaching_plan_set_target_value (plan, target);
  if (!prospect_record_insert (PROSPECT_RECORD (plan), get_database (self), &error))
    {
      draft.problem = error->message;
      open_plan_dialog (self, &draft);
      return;
    }

  toast (self, _("Coaching plan created"));
}

/* Choosing another indicator proposes its team median as the target. */
static void
indicator_chosen_cb (PlanForm *form)
{
  const ProspectIndicator *indicator = indicator_at (form->self, chosen_indicator (form));
  g_autofree char *target = target_text (indicator, form->self->indicators->currency);

  gtk_editable_set_text (GTK_EDITABLE (form->target), target);
  /* the unit follows the indicator */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->target),
                                 is_rate (indicator->kind) ? _("Target (%)") : _("Target"));
}

static AdwComboRow *
indicator_row (ProspectCoachingPage *self,
               guint                 selected)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; i < self->indicators->indicators->len; i++)
    gtk_string_list_append (labels, indicator_at (self, i)->label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Measured By"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);

  return ADW_COMBO_ROW (row);
}

static void
open_plan_dialog (ProspectCoachingPage *self,
                  const PlanDraft      *draft)
{
  g_autofree char *heading = g_strdup_printf (_("Coaching Plan for %s"), self->rep_name);
  const char *why = draft->by_hand
    ? _("Choose the indicator the plan will be measured by: its value today is the baseline, "
        "and the review compares it again at the end.")
    : self->diagnosis->evidence;
  g_autofree char *body = draft->problem != NULL ? g_strdup_printf ("%s\n\n%s", why, draft->problem)
                                                 : g_strdup (why);
  AdwMessageDialog *dialog = new_dialog (self, heading, body);
  GtkWidget *group = adw_preferences_group_new ();
  PlanForm *form = g_new0 (PlanForm, 1);

  form->self = self;
  form->by_hand = draft->by_hand;
  if (draft->by_hand)
    {
      form->indicator = indicator_row (self, draft->indicator);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->indicator));
    }
  form->skill = form_entry (group, _("Skill"), draft->skill);
  form->plan = form_entry (group, _("Plan"), draft->plan);
  form->ends_on = form_entry (group, _("Ends On (YYYY-MM-DD)"), draft->ends_on);
  form->target = form_entry (group, is_rate (indicator_at (self, draft->indicator)->kind) || !draft->by_hand
                                    ? _("Target (%)") : _("Target"),
                             draft->target);
  if (draft->by_hand)
    g_signal_connect_swapped (form->indicator, "notify::selected", G_CALLBACK (indicator_chosen_cb), form);
  adw_message_dialog_set_extra_child (dialog, group);

  adw_message_dialog_add_response (dialog, "create", _("C_reate Plan"));
  adw_message_dialog_set_response_appearance (dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "create");
  g_signal_connect_data (dialog, "response", G_CALLBACK (plan_response_cb), form,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (draft->by_hand ? (gpointer) form->indicator : (gpointer) form->plan));
}

static void
create_plan_clicked_cb (ProspectCoachingPage *self)
{
  g_autoptr(ProspectCoachingPlan) draft_plan = NULL;
  g_autofree char *target = NULL;
  PlanDraft draft = { FALSE };

  if (self->diagnosis == NULL || self->diagnosis->status != PROSPECT_DIAGNOSIS_FOUND)
    return;

  draft_plan = prospect_coaching_plan_from_diagnosis (self->indicators, self->diagnosis, self->me_id);
  target = g_strdup_printf ("%.0f", prospect_coaching_plan_get_target_value (draft_plan) * 100);
  draft.indicator = (guint) self->diagnosis->indicator;
  draft.skill = prospect_coaching_plan_get_skill (draft_plan);
  draft.ends_on = prospect_coaching_plan_get_ends_on (draft_plan);
  draft.target = target;
  open_plan_dialog (self, &draft);
}

/* A plan on any indicator, for what the manager sees that the numbers do
 * not propose: it starts on the first marked gap. */
static void
new_plan_clicked_cb (ProspectCoachingPage *self)
{
  g_autoptr(ProspectCoachingPlan) draft_plan = NULL;
  g_autofree char *target = NULL;
  PlanDraft draft = { TRUE };

  if (self->indicators == NULL || self->indicators->indicators->len == 0)
    return;

  for (guint i = 0; i < self->indicators->indicators->len; i++)
    if (indicator_at (self, i)->marked)
      {
        draft.indicator = i;
        break;
      }

  draft_plan = prospect_coaching_plan_for_indicator (self->indicators, draft.indicator, self->me_id);
  target = target_text (indicator_at (self, draft.indicator), self->indicators->currency);
  draft.skill = "";
  draft.ends_on = prospect_coaching_plan_get_ends_on (draft_plan);
  draft.target = target;
  open_plan_dialog (self, &draft);
}

/* --------------------------------------------------- review and assess */

static void open_review_dialog (ProspectCoachingPage *self,
                                ProspectCoachingPlan *plan,
                                const char           *note,
                                const char           *problem);

static void
review_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    AdwEntryRow      *entry)
{
  ProspectCoachingPage *self = g_object_get_data (G_OBJECT (dialog), "page");
  ProspectCoachingPlan *plan = g_object_get_data (G_OBJECT (dialog), "plan");
  const char *note = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "review"))
    return;

  if (!prospect_coaching_review_plan (get_database (self), plan, note, &error))
    {
      open_review_dialog (self, plan, note, error->message);
      return;
    }

  toast (self, _("Review recorded"));
}

static void
open_review_dialog (ProspectCoachingPage *self,
                    ProspectCoachingPlan *plan,
                    const char           *note,
                    const char           *problem)
{
  const char *key = prospect_coaching_plan_get_indicator (plan);
  const char *currency = self->indicators != NULL ? self->indicators->currency : "USD";
  g_autofree char *label = prospect_coaching_describe_key (get_database (self), key);
  g_autofree char *baseline = prospect_coaching_format_key_value (key, prospect_coaching_plan_get_baseline_value (plan), currency);
  g_autofree char *target = prospect_coaching_format_key_value (key, prospect_coaching_plan_get_target_value (plan), currency);
  g_autofree char *now_text = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *group = adw_preferences_group_new ();
  AdwEntryRow *entry;
  double now = NAN;

  if (key != NULL && !prospect_coaching_measure (get_database (self), prospect_coaching_plan_get_rep_id (plan),
                                                 key, &now, &error))
    g_warning ("Could not measure the plan's indicator: %s", error->message);
  now_text = prospect_coaching_format_key_value (key, now, currency);

  /* TRANSLATORS: "Qualified → Proposal now: 50% · baseline 25% · target 60%" */
  body = g_strdup_printf (_("%s now: %s · baseline %s · target %s%s%s"),
                          label != NULL ? label : prospect_coaching_plan_get_skill (plan),
                          now_text, baseline, target,
                          problem != NULL ? "\n\n" : "", problem != NULL ? problem : "");
  dialog = new_dialog (self, _("Review Plan"), body);
  entry = form_entry (group, _("Review Note"), note);
  adw_message_dialog_set_extra_child (dialog, group);
  adw_message_dialog_add_response (dialog, "review", _("_Record Review"));
  adw_message_dialog_set_response_appearance (dialog, "review", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "review");
  g_object_set_data (G_OBJECT (dialog), "page", self);
  g_object_set_data_full (G_OBJECT (dialog), "plan", g_object_ref (plan), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (review_response_cb), entry);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
review_clicked_cb (GtkButton            *button,
                   ProspectCoachingPage *self)
{
  open_review_dialog (self, g_object_get_data (G_OBJECT (button), "plan"), NULL, NULL);
}

static void
assess_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    AdwEntryRow      *entry)
{
  ProspectCoachingPage *self = g_object_get_data (G_OBJECT (dialog), "page");
  ProspectCoachingPlan *plan = g_object_get_data (G_OBJECT (dialog), "plan");
  g_autoptr(ProspectCoachingAssessment) assessment = prospect_coaching_assessment_new ();
  g_autofree char *today = today_iso ();
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "assess"))
    return;

  prospect_coaching_assessment_set_plan_id (assessment, prospect_record_get_id (PROSPECT_RECORD (plan)));
  prospect_coaching_assessment_set_author_id (assessment, self->me_id);
  prospect_coaching_assessment_set_written_on (assessment, today);
  prospect_coaching_assessment_set_body (assessment, gtk_editable_get_text (GTK_EDITABLE (entry)));
  if (!prospect_record_insert (PROSPECT_RECORD (assessment), get_database (self), &error))
    {
      toast (self, error->message);
      return;
    }

  toast (self, _("Assessment added"));
}

static void
assess_clicked_cb (GtkButton            *button,
                   ProspectCoachingPage *self)
{
  ProspectCoachingPlan *plan = g_object_get_data (G_OBJECT (button), "plan");
  g_autofree char *coach = prospect_coaching_person_name (get_database (self),
                                                          prospect_coaching_plan_get_coach_id (plan));
  g_autofree char *body = g_strdup_printf (_("How %s coaches %s on “%s”"), coach, self->rep_name,
                                           prospect_coaching_plan_get_skill (plan));
  AdwMessageDialog *dialog = new_dialog (self, _("Assess Plan"), body);
  GtkWidget *group = adw_preferences_group_new ();
  AdwEntryRow *entry = form_entry (group, _("Assessment"), NULL);

  adw_message_dialog_set_extra_child (dialog, group);
  adw_message_dialog_add_response (dialog, "assess", _("_Add Assessment"));
  adw_message_dialog_set_response_appearance (dialog, "assess", ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (dialog), "page", self);
  g_object_set_data_full (G_OBJECT (dialog), "plan", g_object_ref (plan), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (assess_response_cb), entry);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------------- plans */

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

static GtkWidget *
plan_button (ProspectCoachingPage *self,
             ProspectCoachingPlan *plan,
             const char           *label,
             GCallback             callback)
{
  GtkWidget *button = prospect_coaching_button_new (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "plan", g_object_ref (plan), g_object_unref);
  g_signal_connect (button, "clicked", callback, self);

  return button;
}

static void
add_assessments (ProspectCoachingPage *self,
                 AdwExpanderRow       *expander,
                 ProspectCoachingPlan *plan)
{
  g_autoptr(ProspectQuery) query = prospect_coaching_assessment_query_for_plan (prospect_record_get_id (PROSPECT_RECORD (plan)));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) assessments = prospect_query_fetch (query, get_database (self), 0, -1, &error);

  if (assessments == NULL)
    {
      g_warning ("Could not read the assessments: %s", error->message);
      return;
    }

  for (guint i = 0; i < assessments->len; i++)
    {
      ProspectCoachingAssessment *assessment = g_ptr_array_index (assessments, i);
      g_autofree char *author = prospect_coaching_person_name (get_database (self),
                                                               prospect_coaching_assessment_get_author_id (assessment));
      g_autofree char *day = prospect_coaching_format_day (prospect_coaching_assessment_get_written_on (assessment));
      /* TRANSLATORS: "Assessment by Dana Weber · 25 Nov 2026" */
      g_autofree char *title = g_strdup_printf (_("Assessment by %s · %s"), author, day);

      add_detail (expander, title, prospect_coaching_assessment_get_body (assessment));
    }
}

static GtkWidget *
plan_row (ProspectCoachingPage *self,
          ProspectCoachingPlan *plan)
{
  GtkWidget *row = adw_expander_row_new ();
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (row);
  g_autofree char *summary = prospect_coaching_plan_summary (get_database (self), plan,
                                                             self->indicators->currency);
  g_autofree char *coach = prospect_coaching_person_name (get_database (self),
                                                          prospect_coaching_plan_get_coach_id (plan));
  g_autofree char *indicator = prospect_coaching_describe_key (get_database (self),
                                                               prospect_coaching_plan_get_indicator (plan));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), prospect_coaching_plan_get_skill (plan));
  adw_expander_row_set_subtitle (expander, summary);

  if (g_strcmp0 (prospect_coaching_plan_get_status (plan), "reviewed") != 0 &&
      g_strcmp0 (prospect_coaching_plan_get_coach_id (plan), self->me_id) == 0)
    adw_expander_row_add_action (expander, plan_button (self, plan, _("Re_view…"), G_CALLBACK (review_clicked_cb)));
  if (prospect_coaching_can_assess (get_database (self), self->me_id, plan))
    adw_expander_row_add_action (expander, plan_button (self, plan, _("_Assess…"), G_CALLBACK (assess_clicked_cb)));

  add_detail (expander, _("Coach"), coach);
  add_detail (expander, _("Indicator"), indicator);
  add_detail (expander, _("Why"), prospect_coaching_plan_get_why (plan));
  add_detail (expander, _("Plan"), prospect_coaching_plan_get_plan (plan));
  add_detail (expander, _("Review"), prospect_coaching_plan_get_review (plan));
  add_assessments (self, expander, plan);

  return row;
}

static void
show_plans (ProspectCoachingPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = prospect_coaching_list_plans (get_database (self), self->rep_id, FALSE, &error);

  clear_list (self->plans_list);
  if (plans == NULL)
    {
      g_warning ("Could not read the plans: %s", error->message);
      return;
    }

  for (guint i = 0; i < plans->len; i++)
    gtk_list_box_append (self->plans_list, plan_row (self, g_ptr_array_index (plans, i)));
  if (plans->len == 0)
    gtk_list_box_append (self->plans_list, placeholder_row (_("No coaching plans yet")));
}

/* ---------------------------------------------------------------- notes */

static void
undo_delete_cb (AdwToast             *undo,
                ProspectCoachingPage *self)
{
  ProspectCoachingNote *note = g_object_get_data (G_OBJECT (undo), "note");
  g_autoptr(GError) error = NULL;

  if (!prospect_record_restore (PROSPECT_RECORD (note), get_database (self), &error))
    toast (self, error->message);
}

static void
delete_note_clicked_cb (GtkButton            *button,
                        ProspectCoachingPage *self)
{
  ProspectCoachingNote *note = g_object_get_data (G_OBJECT (button), "note");
  g_autoptr(GError) error = NULL;
  AdwToast *undo;

  if (!prospect_record_delete (PROSPECT_RECORD (note), get_database (self), &error))
    {
      toast (self, error->message);
      return;
    }

  undo = adw_toast_new (_("Note deleted"));
  adw_toast_set_button_label (undo, _("Undo"));
  g_object_set_data_full (G_OBJECT (undo), "note", g_object_ref (note), g_object_unref);
  g_signal_connect (undo, "button-clicked", G_CALLBACK (undo_delete_cb), self);
  show_toast (self, undo);
}

static void
show_notes (ProspectCoachingPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = prospect_coaching_list_notes (get_database (self), self->rep_id,
                                                             self->me_id, &error);

  clear_list (self->notes_list);
  if (notes == NULL)
    {
      g_warning ("Could not read the notes: %s", error->message);
      return;
    }

  for (guint i = 0; i < notes->len; i++)
    {
      ProspectCoachingNote *note = g_ptr_array_index (notes, i);
      GtkWidget *row = prospect_coaching_note_row_new (get_database (self), note);

      if (g_strcmp0 (prospect_coaching_note_get_author_id (note), self->me_id) == 0)
        {
          GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, _("Delete Note"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Note"), -1);
          g_object_set_data_full (G_OBJECT (button), "note", g_object_ref (note), g_object_unref);
          g_signal_connect (button, "clicked", G_CALLBACK (delete_note_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->notes_list, row);
    }
  if (notes->len == 0)
    gtk_list_box_append (self->notes_list, placeholder_row (_("No 1:1 notes yet")));
}

static void
add_note_cb (ProspectCoachingPage *self)
{
  g_autoptr(ProspectCoachingNote) note = prospect_coaching_note_new ();
  g_autofree char *today = today_iso ();
  g_autoptr(GError) error = NULL;

  if (self->rep_id == NULL)
    return;

  prospect_coaching_note_set_rep_id (note, self->rep_id);
  prospect_coaching_note_set_author_id (note, self->me_id);
  prospect_coaching_note_set_held_on (note, today);
  prospect_coaching_note_set_body (note, gtk_editable_get_text (GTK_EDITABLE (self->note_entry)));
  prospect_coaching_note_set_shared (note, !gtk_switch_get_active (self->private_switch));
  if (!prospect_record_insert (PROSPECT_RECORD (note), get_database (self), &error))
    {
      toast (self, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  gtk_switch_set_active (self->private_switch, FALSE);
}

/* ---------------------------------------------------------- 1:1 sheet */

static ProspectOneOnOneSheet *
build_sheet (ProspectCoachingPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) notes = NULL;

  if (self->indicators == NULL)
    return NULL;

  /* the notes the rep may read: the sheet is for the meeting with them */
  if (!(plans = prospect_coaching_list_plans (get_database (self), self->rep_id, TRUE, &error)) ||
      !(notes = prospect_coaching_list_notes (get_database (self), self->rep_id, self->rep_id, &error)))
    {
      toast (self, error->message);
      return NULL;
    }

  return prospect_coaching_sheet_new (get_database (self), self->indicators, self->diagnosis,
                                      self->rep_name, plans, notes);
}

static void
export_response_cb (GtkNativeDialog      *chooser,
                    int                   response,
                    ProspectCoachingPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ProspectOneOnOneSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) &&
      (path = g_file_get_path (file)) &&
      (sheet = build_sheet (self)))
    {
      if (prospect_one_on_one_sheet_export_pdf (sheet, path, &error))
        toast (self, _("1:1 sheet exported"));
      else
        toast (self, error->message);
    }

  g_object_unref (chooser);
}

static void
export_clicked_cb (ProspectCoachingPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *folder = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder != NULL ? folder : g_get_home_dir ());
  g_autofree char *today = today_iso ();
  g_autofree char *name = g_strdup_printf (_("1-1 %s %s.pdf"), self->rep_name, today);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Export 1:1 Sheet"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder_file, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
draw_page_cb (GtkPrintOperation     *operation,
              GtkPrintContext       *context,
              int                    page_number,
              ProspectOneOnOneSheet *sheet)
{
  g_autoptr(ProspectChartStyle) style = prospect_chart_style_new (PROSPECT_CHART_PALETTE_LIGHT);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double scale = MIN (width / PROSPECT_SHEET_WIDTH, height / PROSPECT_SHEET_HEIGHT);

  /* the page is laid out on A4 and scaled to the paper */
  cairo_scale (cr, scale, scale);
  prospect_one_on_one_sheet_draw (cr, sheet, PROSPECT_SHEET_WIDTH, PROSPECT_SHEET_HEIGHT, style);
}

static void
print_clicked_cb (ProspectCoachingPage *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ProspectOneOnOneSheet *sheet = build_sheet (self);

  if (sheet == NULL)
    return;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, sheet->title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), sheet,
                         (GClosureNotify) (void (*) (void)) prospect_one_on_one_sheet_free, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, error->message);
}

/* -------------------------------------------------------------- showing */

/* The status page keeps the title "Coaching" (the page's heading, as
 * assistive technologies and the first-run test find it); the
 * description says why there is nothing to show. */
static void
show_empty (ProspectCoachingPage *self,
            const char           *description)
{
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
show_diagnosis (ProspectCoachingPage *self)
{
  const ProspectDiagnosis *diagnosis = self->diagnosis;
  g_autofree char *text = NULL;

  if (diagnosis->status == PROSPECT_DIAGNOSIS_FOUND)
    text = g_strdup_printf (_("Work on %s.\n%s"), diagnosis->skill, diagnosis->evidence);
  else
    text = g_strdup (diagnosis->evidence);

  gtk_label_set_text (self->diagnosis_label, text);
  gtk_widget_set_visible (self->create_plan_button, diagnosis->status == PROSPECT_DIAGNOSIS_FOUND);
}

static void
show_rep (ProspectCoachingPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ProspectFunnelData) funnel = NULL;
  g_autofree char *window = NULL;
  g_autofree char *chart_title = NULL;
  gint64 started = g_get_monotonic_time ();

  g_clear_pointer (&self->indicators, prospect_coaching_indicators_free);
  g_clear_pointer (&self->diagnosis, prospect_diagnosis_free);
  if (self->rep_id == NULL)
    return;

  self->indicators = prospect_coaching_indicators_compute (get_database (self), self->rep_id, &error);
  if (self->indicators == NULL)
    {
      show_empty (self, error->message);
      return;
    }
  self->diagnosis = prospect_coaching_diagnose (self->indicators);
  g_debug ("Indicators of %s computed in %.1f ms", self->rep_name,
           (g_get_monotonic_time () - started) / 1000.0);

  gtk_label_set_text (self->rep_title, self->rep_name);
  window = prospect_coaching_window_label (self->indicators);
  gtk_label_set_text (self->window_label, window);
  prospect_coaching_fill_grid (self->grid, self->indicators);
  funnel = prospect_coaching_funnel_data (self->indicators, self->rep_name);
  chart_title = g_strdup_printf (_("Funnel of %s beside the team"), self->rep_name);
  prospect_chart_widget_set_title (self->funnel, chart_title);
  prospect_chart_widget_set_funnel (self->funnel, funnel);
  show_diagnosis (self);
  show_plans (self);
  show_notes (self);
  gtk_stack_set_visible_child_name (self->stack, "coaching");
}

static GtkWidget *
rep_row (ProspectDatabase *db,
         ProspectPerson   *rep,
         gboolean          with_manager)
{
  GtkWidget *row = adw_action_row_new ();
  const char *name = prospect_person_get_name (rep);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  if (with_manager)
    {
      g_autofree char *manager = prospect_coaching_person_name (db, prospect_person_get_manager_id (rep));
      g_autofree char *team = g_strdup_printf (_("Team of %s"), manager);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), team);
    }
  g_object_set_data_full (G_OBJECT (row), PERSON_ID_KEY,
                          g_strdup (prospect_record_get_id (PROSPECT_RECORD (rep))), g_free);
  g_object_set_data_full (G_OBJECT (row), "name", g_strdup (name), g_free);

  return row;
}

/* Lists the reps and selects the one shown before (or the first). */
static void
fill_reps (ProspectCoachingPage *self,
           GPtrArray            *reps,
           gboolean              director)
{
  GtkListBoxRow *selected = NULL;

  self->filling_reps = TRUE;
  clear_list (self->rep_list);
  for (guint i = 0; i < reps->len; i++)
    {
      ProspectPerson *rep = g_ptr_array_index (reps, i);
      GtkWidget *row = rep_row (get_database (self), rep, director);

      gtk_list_box_append (self->rep_list, row);
      if (selected == NULL || g_strcmp0 (self->rep_id, prospect_record_get_id (PROSPECT_RECORD (rep))) == 0)
        selected = GTK_LIST_BOX_ROW (row);
    }
  gtk_list_box_select_row (self->rep_list, selected);
  self->filling_reps = FALSE;

  g_free (self->rep_id);
  g_free (self->rep_name);
  self->rep_id = g_strdup (g_object_get_data (G_OBJECT (selected), PERSON_ID_KEY));
  self->rep_name = g_strdup (g_object_get_data (G_OBJECT (selected), "name"));
}

static void
prospect_coaching_page_refresh (ProspectPage *page)
{
  ProspectCoachingPage *self = PROSPECT_COACHING_PAGE (page);
  ProspectDatabase *db = get_database (self);
  g_autoptr(ProspectPerson) me = NULL;
  g_autoptr(GPtrArray) reps = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->me_id, g_free);
  if (db == NULL)
    return;

  self->me_id = prospect_database_get_me (db);
  if (self->me_id == NULL || !(me = prospect_person_load (db, self->me_id, NULL)))
    {
      show_empty (self, _("Choose who you are in Preferences to coach your reps."));
      return;
    }

  if (!(reps = prospect_coaching_list_reps (db, self->me_id, &error)))
    {
      show_empty (self, error->message);
      return;
    }
  if (reps->len == 0)
    {
      show_empty (self, _("No one reports to you yet. Coaching shows the reps who report to you, "
                          "and to your managers, with their indicators, plans and 1:1 notes."));
      return;
    }

  fill_reps (self, reps, g_strcmp0 (prospect_person_get_role (me), "director") == 0);
  show_rep (self);
}

static void
rep_selected_cb (GtkListBox           *list,
                 GtkListBoxRow        *row,
                 ProspectCoachingPage *self)
{
  if (self->filling_reps || row == NULL)
    return;

  g_free (self->rep_id);
  g_free (self->rep_name);
  self->rep_id = g_strdup (g_object_get_data (G_OBJECT (row), PERSON_ID_KEY));
  self->rep_name = g_strdup (g_object_get_data (G_OBJECT (row), "name"));
  show_rep (self);
}

/* ---------------------------------------------------------------- build */

static GtkWidget *
new_header (ProspectCoachingPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *export = prospect_coaching_button_new (_("_Export 1:1 Sheet…"));
  GtkWidget *print = gtk_button_new_from_icon_name ("printer-symbolic");

  self->rep_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->rep_title), "title-2");
  gtk_label_set_xalign (self->rep_title, 0);
  gtk_label_set_wrap (self->rep_title, TRUE);
  self->window_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->window_label), "dim-label");
  gtk_label_set_xalign (self->window_label, 0);
  gtk_label_set_wrap (self->window_label, TRUE);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->rep_title));
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->window_label));

  gtk_widget_set_valign (export, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (print, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (print, _("Print 1:1 Sheet…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (print), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Print 1:1 Sheet…"), -1);
  g_signal_connect_swapped (export, "clicked", G_CALLBACK (export_clicked_cb), self);
  g_signal_connect_swapped (print, "clicked", G_CALLBACK (print_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), titles);
  gtk_box_append (GTK_BOX (box), export);
  gtk_box_append (GTK_BOX (box), print);

  return box;
}

static GtkWidget *
new_indicators (ProspectCoachingPage *self)
{
  GtkWidget *flow = gtk_flow_box_new ();
  GtkWidget *card = gtk_frame_new (NULL);

  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 12);
  gtk_grid_set_row_spacing (self->grid, 4);
  gtk_widget_set_margin_top (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_size_request (GTK_WIDGET (self->grid), 300, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Indicators"), -1);
  gtk_widget_add_css_class (card, "card");
  gtk_frame_set_child (GTK_FRAME (card), GTK_WIDGET (self->grid));

  self->funnel = PROSPECT_CHART_WIDGET (prospect_chart_widget_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->funnel), 300, 320);

  /* side by side when there is room, one above the other when narrow */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), card);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), GTK_WIDGET (self->funnel));
  for (GtkWidget *child = gtk_widget_get_first_child (flow); child; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  return prospect_coaching_section_new (_("Indicators"), flow);
}

static GtkWidget *
new_diagnosis (ProspectCoachingPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->diagnosis_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->diagnosis_label, 0);
  gtk_label_set_wrap (self->diagnosis_label, TRUE);
  gtk_label_set_selectable (self->diagnosis_label, TRUE);
  self->create_plan_button = prospect_coaching_button_new (_("_Create Plan…"));
  gtk_widget_set_halign (self->create_plan_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->create_plan_button, "suggested-action");
  g_signal_connect_swapped (self->create_plan_button, "clicked", G_CALLBACK (create_plan_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->diagnosis_label));
  gtk_box_append (GTK_BOX (box), self->create_plan_button);

  return prospect_coaching_section_new (_("Skill to Coach"), box);
}

static GtkWidget *
new_notes (ProspectCoachingPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkListBox *form = prospect_coaching_boxed_list_new (_("New Note"));
  GtkWidget *private_row = adw_action_row_new ();

  self->note_entry = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_entry), _("New 1:1 Note"));
  adw_entry_row_set_show_apply_button (self->note_entry, TRUE);
  g_signal_connect_swapped (self->note_entry, "apply", G_CALLBACK (add_note_cb), self);
  g_signal_connect_swapped (self->note_entry, "entry-activated", G_CALLBACK (add_note_cb), self);

  self->private_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->private_switch), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (private_row), _("Private"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (private_row),
                               _("Only you will read it; shared notes are also for the rep"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (private_row), GTK_WIDGET (self->private_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (private_row), GTK_WIDGET (self->private_switch));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->private_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Private"), -1);

  gtk_list_box_append (form, GTK_WIDGET (self->note_entry));
  gtk_list_box_append (form, private_row);
  self->notes_list = prospect_coaching_boxed_list_new (_("1:1 Notes"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->notes_list));

  return prospect_coaching_section_new (_("1:1 Notes"), box);
}

/* The plans, and a plan made by hand on any indicator */
static GtkWidget *
new_plans (ProspectCoachingPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *button = prospect_coaching_button_new (_("_New Plan…"));

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("A plan on any indicator, chosen by hand"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (new_plan_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->plans_list));
  gtk_box_append (GTK_BOX (box), button);

  return prospect_coaching_section_new (_("Coaching Plans"), box);
}

static GtkWidget *
new_content (ProspectCoachingPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->plans_list = prospect_coaching_boxed_list_new (_("Coaching Plans"));
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), new_header (self));
  gtk_box_append (GTK_BOX (box), new_indicators (self));
  gtk_box_append (GTK_BOX (box), new_diagnosis (self));
  gtk_box_append (GTK_BOX (box), new_plans (self));
  gtk_box_append (GTK_BOX (box), new_notes (self));

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_hexpand (scroller, TRUE);
  gtk_widget_set_vexpand (scroller, TRUE);

  return scroller;
}

/* The reps in a flap: beside the content, or over it when narrow. */
static GtkWidget *
new_coaching_view (ProspectCoachingPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *flap = adw_flap_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *toggle = gtk_toggle_button_new ();
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->rep_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->rep_list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rep_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reps"), -1);
  g_signal_connect (self->rep_list, "row-selected", G_CALLBACK (rep_selected_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->rep_list));
  gtk_widget_set_size_request (scroller, 200, -1);
  gtk_widget_add_css_class (scroller, "background");

  adw_flap_set_flap (ADW_FLAP (flap), scroller);
  adw_flap_set_separator (ADW_FLAP (flap), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_flap_set_content (ADW_FLAP (flap), new_content (self));
  gtk_widget_set_vexpand (flap, TRUE);

  /* only needed when folded: the list is then hidden over the content */
  gtk_button_set_icon_name (GTK_BUTTON (toggle), "system-users-symbolic");
  gtk_widget_set_tooltip_text (toggle, _("Reps"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show Reps"), -1);
  g_object_bind_property (flap, "reveal-flap", toggle, "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (flap, "folded", bar, "visible", G_BINDING_SYNC_CREATE);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_box_append (GTK_BOX (bar), toggle);

  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), flap);

  return box;
}

/* ---------------------------------------------------------------- object */

static char *
prospect_coaching_page_summarize (ProspectPage     *page,
                                  ProspectDatabase *db,
                                  const char       *me_id)
{
  g_autoptr(ProspectQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  gint64 plans;

  if (me_id == NULL)
    return NULL;

  query = prospect_query_new (PROSPECT_TYPE_COACHING_PLAN);
  prospect_query_where_text (query, "coach_id", PROSPECT_OP_EQ, me_id);
  prospect_query_where_text (query, "status", PROSPECT_OP_NE, "reviewed");
  plans = prospect_query_count (query, db, &error);
  if (error != NULL)
    {
      g_warning ("Could not count coaching plans: %s", error->message);
      return NULL;
    }

  if (plans == 0)
    return g_strdup (_("No coaching plans under way"));

  return g_strdup_printf (ngettext ("%'d coaching plan under way",
                                    "%'d coaching plans under way",
                                    plans),
                          (int) plans);
}

static void
prospect_coaching_page_finalize (GObject *object)
{
  ProspectCoachingPage *self = (ProspectCoachingPage *)object;

  if (self->toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
  g_clear_pointer (&self->me_id, g_free);
  g_clear_pointer (&self->rep_id, g_free);
  g_clear_pointer (&self->rep_name, g_free);
  g_clear_pointer (&self->indicators, prospect_coaching_indicators_free);
  g_clear_pointer (&self->diagnosis, prospect_diagnosis_free);

  G_OBJECT_CLASS (prospect_coaching_page_parent_class)->finalize (object);
}

static void
prospect_coaching_page_class_init (ProspectCoachingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ProspectPageClass *page_class = PROSPECT_PAGE_CLASS (klass);

  object_class->finalize = prospect_coaching_page_finalize;
  page_class->summarize = prospect_coaching_page_summarize;
  page_class->refresh = prospect_coaching_page_refresh;
  prospect_page_class_watch_tables (page_class, "deal", "activity", "person", "stage", "setting",
                                    "coaching_plan", "coaching_note", "coaching_assessment", NULL);
}

static void
prospect_coaching_page_init (ProspectCoachingPage *self)
{
  prospect_page_setup (PROSPECT_PAGE (self),
                       _("Coaching"), "chat-message-new-symbolic",
                       _("Coaching"), NULL);

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "chat-message-new-symbolic");
  adw_status_page_set_title (self->empty_page, _("Coaching"));
  gtk_widget_set_vexpand (GTK_WIDGET (self->empty_page), TRUE);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, new_coaching_view (self), "coaching");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_stack_set_visible_child_name (self->stack, "empty");

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->stack));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->toasts));
}
