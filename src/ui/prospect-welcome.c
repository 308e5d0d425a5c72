/* prospect-welcome.c - first run: who is the user, and with what data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-welcome"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-demo.h"
#include "prospect-error.h"
#include "prospect-person.h"
#include "prospect-query-model.h"

#include "prospect-welcome.h"

struct _ProspectWelcome
{
  AdwBin               parent_instance;

  ProspectDatabase    *database;
  gboolean             busy;

  GtkWidget           *people_box;
  AdwComboRow         *people_row;
  AdwPreferencesGroup *new_person_group;
  AdwEntryRow         *name_row;
  AdwComboRow         *role_row;
  GtkLabel            *error_label;
  GtkWidget           *buttons_box;
  GtkButton           *sample_button;
  GtkButton           *empty_button;
  GtkLabel            *empty_label;
  GtkWidget           *progress_box;
  GtkProgressBar      *progress_bar;
  GtkLabel            *progress_label;
};

/* Runs in the worker thread; only the worker touches it until the task
 * returns. */
typedef struct
{
  char            *path;
  guint32          seed;
  ProspectWelcome *welcome;   /* for progress reports; not referenced */
  double           last_fraction;
  char            *last_phase;
} SampleData;

typedef struct
{
  ProspectWelcome *welcome;   /* referenced */
  double           fraction;
  char            *phase;
} SampleProgress;

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Every table the sample team fills. The generator notifies its own
 * connection in its own thread; the views listen to the main one. */
static const char *sample_tables[] = {
  "person", "account", "contact", "product", "stage", "deal",
  "deal_stage_change", "activity", "todo_item", "target",
  "coaching_plan", "coaching_note",
};

G_DEFINE_FINAL_TYPE (ProspectWelcome, prospect_welcome, ADW_TYPE_BIN)

static const char *
workspace_for_role (const char *role)
{
  return g_strcmp0 (role, "rep") == 0 ? "rep" : "manager";
}

static const char *
role_display_name (const char *role)
{
  if (g_strcmp0 (role, "manager") == 0)
    return _("Manager");
  if (g_strcmp0 (role, "director") == 0)
    return _("Director");
  return _("Rep");
}

static const char *
prospect_welcome_get_form_role (ProspectWelcome *self)
{
  return adw_combo_row_get_selected (self->role_row) == 1 ? "manager" : "rep";
}

static char *
prospect_welcome_dup_form_name (ProspectWelcome *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
}

static void
prospect_welcome_show_error (ProspectWelcome *self,
                             const GError    *error)
{
  gboolean on_name = g_error_matches (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID) &&
                     g_strcmp0 (prospect_error_get_field (error), "name") == 0;

  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);

  if (on_name)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message,
                                      -1);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
    }
}

static void
prospect_welcome_clear_error (ProspectWelcome *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->name_row),
                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
prospect_welcome_set_busy (ProspectWelcome *self,
                           gboolean         busy)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Move the focus off the form before it goes insensitive: GTK 4.8's
   * text widget otherwise misses its focus-out and complains. */
  if (busy && root != NULL)
    gtk_root_set_focus (root, NULL);

  self->busy = busy;
  gtk_widget_set_sensitive (self->people_box, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_person_group), !busy);
  gtk_widget_set_sensitive (self->buttons_box, !busy);
  gtk_widget_set_visible (self->progress_box, busy);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_label_set_text (self->progress_label, _("Creating the sample team…"));
}

/* "Ana Novak — Rep": the name alone may not tell two people apart. */
static char *
person_display_name (ProspectPerson *person,
                     gpointer        user_data)
{
  if (person == NULL)
    return NULL;

  /* Translators: a person in a list: name — role */
  return g_strdup_printf (_("%s — %s"), prospect_person_get_name (person),
                          role_display_name (prospect_person_get_role (person)));
}

static void
prospect_welcome_show_people (ProspectWelcome *self)
{
  g_autoptr(ProspectQuery) query = prospect_person_query_all ();
  g_autoptr(ProspectQueryModel) people = prospect_query_model_new (self->database, query);
  g_autoptr(GtkExpression) display = NULL;

  display = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                         G_CALLBACK (person_display_name), NULL, NULL);
  adw_combo_row_set_expression (self->people_row, display);
  adw_combo_row_set_model (self->people_row, G_LIST_MODEL (people));
  gtk_widget_set_visible (self->people_box, TRUE);
}

/* A database with data already (made by the CLI, or a sample team whose
 * owner was never set) offers its people to choose from; the sample team
 * is only for an empty database, which is all the generator accepts. */
static void
prospect_welcome_update_mode (ProspectWelcome *self)
{
  gint64 people = prospect_database_count (self->database, "person", NULL);
  gint64 deals = prospect_database_count (self->database, "deal", NULL);
  gboolean empty = people <= 0 && deals <= 0;
  gboolean in_memory = g_strcmp0 (prospect_database_get_path (self->database), ":memory:") == 0;

  if (people > 0)
    {
      prospect_welcome_show_people (self);
      adw_preferences_group_set_title (self->new_person_group, _("Or Add Yourself"));
    }

  /* A worker thread cannot reach a private in-memory database. */
  gtk_widget_set_visible (GTK_WIDGET (self->sample_button), empty && !in_memory);
  gtk_label_set_text_with_mnemonic (self->empty_label, empty ? _("Start _Empty") : _("_Add Me"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->empty_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  empty ? _("Start Empty") : _("Add Me"),
                                  -1);
}

/* Validates the form through the core, writing nothing. */
static ProspectPerson *
prospect_welcome_person_from_form (ProspectWelcome  *self,
                                   GError          **error)
{
  g_autofree char *name = prospect_welcome_dup_form_name (self);
  g_autoptr(ProspectPerson) person = prospect_person_new ();

  prospect_person_set_name (person, name);
  prospect_person_set_role (person, prospect_welcome_get_form_role (self));
  if (!prospect_record_validate (PROSPECT_RECORD (person), self->database, error))
    return NULL;

  return g_steal_pointer (&person);
}

/* Writes the person (insert when new) and the "me" setting, together. */
static gboolean
prospect_welcome_save_me (ProspectWelcome  *self,
                          ProspectPerson   *person,
                          gboolean          is_new,
                          GError          **error)
{
  ProspectRecord *record = PROSPECT_RECORD (person);

  if (!prospect_database_begin (self->database, error))
    return FALSE;

  if ((is_new ? prospect_record_insert (record, self->database, error)
              : prospect_record_update (record, self->database, error)) &&
      prospect_database_set_setting (self->database, "me",
                                     prospect_record_get_id (record), error) &&
      prospect_database_commit (self->database, error))
    return TRUE;

  prospect_database_rollback (self->database);
  return FALSE;
}

static void
prospect_welcome_finish (ProspectWelcome *self,
                         ProspectPerson  *me)
{
  g_signal_emit (self, signals[FINISHED], 0,
                 workspace_for_role (prospect_person_get_role (me)));
}

/* With the sample team, the user takes over the first sample person of
 * the chosen role under their own name: a rep then opens on a day plan
 * and a pipeline that are already alive, a manager on a real team. A new,
 * empty person would see none of the sample data as theirs. */
static gboolean
prospect_welcome_adopt_sample_person (ProspectWelcome  *self,
                                      GError          **error)
{
  const char *role = prospect_welcome_get_form_role (self);
  g_autofree char *name = prospect_welcome_dup_form_name (self);
  g_autofree char *id = prospect_demo_pick_person (self->database, role);
  g_autoptr(ProspectPerson) person = NULL;

  if (id == NULL)
    {
      g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_NOT_FOUND,
                   _("The sample team has nobody with the role %s"),
                   role_display_name (role));
      return FALSE;
    }

  person = prospect_person_load (self->database, id, error);
  if (person == NULL)
    return FALSE;

  prospect_person_set_name (person, name);
  if (!prospect_welcome_save_me (self, person, FALSE, error))
    return FALSE;

  prospect_welcome_finish (self, person);
  return TRUE;
}

static gboolean
sample_progress_idle_cb (gpointer user_data)
{
  SampleProgress *progress = user_data;
  ProspectWelcome *self = progress->welcome;

  if (self->busy)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, progress->fraction);
      if (progress->phase != NULL)
        gtk_label_set_text (self->progress_label, progress->phase);
    }

  return G_SOURCE_REMOVE;
}

static void
sample_progress_free (gpointer user_data)
{
  SampleProgress *progress = user_data;

  g_object_unref (progress->welcome);
  g_free (progress->phase);
  g_free (progress);
}

/* Called in the worker thread, possibly for every row: forward only
 * visible steps to the main thread. */
static void
sample_progress_cb (double      fraction,
                    const char *phase,
                    gpointer    user_data)
{
  SampleData *data = user_data;
  SampleProgress *progress;

  if (fraction - data->last_fraction < 0.01 && g_strcmp0 (phase, data->last_phase) == 0)
    return;

  data->last_fraction = fraction;
  g_free (data->last_phase);
  data->last_phase = g_strdup (phase);

  progress = g_new0 (SampleProgress, 1);
  progress->welcome = g_object_ref (data->welcome);
  progress->fraction = CLAMP (fraction, 0.0, 1.0);
  progress->phase = g_strdup (phase);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, sample_progress_idle_cb,
                   progress, sample_progress_free);
}

static void
sample_data_free (gpointer user_data)
{
  SampleData *data = user_data;

  g_free (data->path);
  g_free (data->last_phase);
  g_free (data);
}

/* The worker never shares the main thread's connection: it opens its own
 * on the same file, and the main connection sees the rows once the
 * generator's transaction commits. */
static void
sample_thread_cb (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SampleData *data = task_data;
  g_autoptr(ProspectDatabase) database = NULL;
  GError *error = NULL;

  database = prospect_database_open (data->path, &error);
  if (database == NULL ||
      !prospect_demo_generate (database, PROSPECT_DEMO_SMALL, data->seed, NULL,
                               sample_progress_cb, data, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
sample_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ProspectWelcome *self = PROSPECT_WELCOME (source_object);
  g_autoptr(GError) error = NULL;
  gboolean generated;

  generated = g_task_propagate_boolean (G_TASK (result), &error);

  /* The window was closed meanwhile: nobody is left to show this to. */
  if (self->database == NULL)
    return;

  prospect_welcome_set_busy (self, FALSE);

  if (generated)
    {
      for (guint i = 0; i < G_N_ELEMENTS (sample_tables); i++)
        prospect_database_notify_changed (self->database, sample_tables[i],
                                          NULL, PROSPECT_CHANGE_MANY);

      if (prospect_welcome_adopt_sample_person (self, &error))
        return;
    }

  /* The sample team may be there without its owner: offer its people. */
  prospect_welcome_update_mode (self);
  prospect_welcome_show_error (self, error);
}

static void
sample_clicked_cb (ProspectWelcome *self)
{
  g_autoptr(ProspectPerson) person = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SampleData *data;

  prospect_welcome_clear_error (self);

  /* Check the name before spending seconds on the sample team. */
  person = prospect_welcome_person_from_form (self, &error);
  if (person == NULL)
    {
      prospect_welcome_show_error (self, error);
      return;
    }

  data = g_new0 (SampleData, 1);
  data->path = g_strdup (prospect_database_get_path (self->database));
  data->seed = g_random_int ();
  data->welcome = self;

  prospect_welcome_set_busy (self, TRUE);

  task = g_task_new (self, NULL, sample_done_cb, NULL);
  g_task_set_source_tag (task, sample_clicked_cb);
  g_task_set_task_data (task, data, sample_data_free);
  g_task_run_in_thread (task, sample_thread_cb);
}

static void
start_empty_clicked_cb (ProspectWelcome *self)
{
  g_autoptr(ProspectPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  prospect_welcome_clear_error (self);

  person = prospect_welcome_person_from_form (self, &error);
  if (person == NULL || !prospect_welcome_save_me (self, person, TRUE, &error))
    {
      prospect_welcome_show_error (self, error);
      return;
    }

  prospect_welcome_finish (self, person);
}

static void
pick_clicked_cb (ProspectWelcome *self)
{
  ProspectPerson *person = adw_combo_row_get_selected_item (self->people_row);
  g_autoptr(GError) error = NULL;

  prospect_welcome_clear_error (self);

  if (person == NULL ||
      !prospect_database_set_setting (self->database, "me",
                                      prospect_record_get_id (PROSPECT_RECORD (person)),
                                      &error))
    {
      if (error != NULL)
        prospect_welcome_show_error (self, error);
      return;
    }

  prospect_welcome_finish (self, person);
}

static void
name_changed_cb (ProspectWelcome *self)
{
  prospect_welcome_clear_error (self);
}

static void
prospect_welcome_map (GtkWidget *widget)
{
  ProspectWelcome *self = PROSPECT_WELCOME (widget);

  GTK_WIDGET_CLASS (prospect_welcome_parent_class)->map (widget);

  /* The first thing to do: choose oneself, or type one's name. */
  if (gtk_widget_get_visible (self->people_box))
    gtk_widget_grab_focus (GTK_WIDGET (self->people_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
prospect_welcome_dispose (GObject *object)
{
  ProspectWelcome *self = PROSPECT_WELCOME (object);

  /* A sample team may still be generating: its late progress reports and
   * result must find nothing to update. */
  self->busy = FALSE;
  g_clear_object (&self->database);

  gtk_widget_dispose_template (GTK_WIDGET (self), PROSPECT_TYPE_WELCOME);

  G_OBJECT_CLASS (prospect_welcome_parent_class)->dispose (object);
}

static void
prospect_welcome_class_init (ProspectWelcomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prospect_welcome_dispose;

  widget_class->map = prospect_welcome_map;

  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/prospect-welcome.ui");
  gtk_widget_class_bind_template_child (widget_class, ProspectWelcome, people_box);
  gtk_widget_class_bind_template_child (widget_class, ProspectWelcome, people_row);
  gtk_widget_class_bind_template_child (widget_class, ProspectWelcome, new_person_group);
  gtk_widget_class_bind_template_child (widget_class, ProspectWelcome, name_row);
  gtk_widget_class_bind_template_child (widget_class, ProspectWelcome, role_row);
  gtk_widget_class_bind_template_child (widget_class, ProspectWelcome, error_label);
  gtk_widget_class_bind_template_child (widget_class, ProspectWelcome, buttons_box);
  gtk_widget_class_bind_template_child (widget_class, ProspectWelcome, sample_button);
  gtk_widget_class_bind_template_child (widget_class, ProspectWelcome, empty_button);
  gtk_widget_class_bind_template_child (widget_class, ProspectWelcome, empty_label);
  gtk_widget_class_bind_template_child (widget_class, ProspectWelcome, progress_box);
  gtk_widget_class_bind_template_child (widget_class, ProspectWelcome, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ProspectWelcome, progress_label);
  gtk_widget_class_bind_template_callback (widget_class, sample_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_empty_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, pick_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
}

static void
prospect_welcome_init (ProspectWelcome *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ProspectWelcome *
prospect_welcome_new (ProspectDatabase *database)
{
  ProspectWelcome *self;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (database), NULL);

  self = g_object_new (PROSPECT_TYPE_WELCOME, NULL);
  self->database = g_object_ref (database);
  prospect_welcome_update_mode (self);

  return self;
}
