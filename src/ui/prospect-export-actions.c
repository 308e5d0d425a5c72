/* prospect-export-actions.c - the window's Export menu and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-export-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-clock.h"
#include "prospect-export-ical.h"
#include "prospect-report-pack.h"

#include "prospect-application.h"
#include "prospect-export-actions.h"
#include "prospect-period-selector.h"

typedef enum
{
  JOB_DEALS,
  JOB_ACTIVITIES,
  JOB_ACCOUNTS,
  JOB_CONTACTS,
  JOB_CALENDAR,
  JOB_REPORT,
  JOB_PRINT,
} JobKind;

static const struct {
  const char          *action;
  ProspectExportTable  table;
  const char          *file_word;    /* in the suggested name */
  const char          *extension;
  const char          *title;        /* the file chooser's */
  const char          *filter_name;
  const char          *mime_type;
} jobs[] = {
  [JOB_DEALS] = { "win.export-deals", PROSPECT_EXPORT_DEALS, N_("deals"), "csv",
                  N_("Export Deals"), N_("CSV Files"), "text/csv" },
  [JOB_ACTIVITIES] = { "win.export-activities", PROSPECT_EXPORT_ACTIVITIES, N_("activities"), "csv",
                       N_("Export Activities"), N_("CSV Files"), "text/csv" },
  [JOB_ACCOUNTS] = { "win.export-accounts", PROSPECT_EXPORT_ACCOUNTS, N_("accounts"), "csv",
                     N_("Export Accounts"), N_("CSV Files"), "text/csv" },
  [JOB_CONTACTS] = { "win.export-contacts", PROSPECT_EXPORT_CONTACTS, N_("contacts"), "csv",
                     N_("Export Contacts"), N_("CSV Files"), "text/csv" },
  [JOB_CALENDAR] = { "win.export-calendar", PROSPECT_EXPORT_ACTIVITIES, N_("calendar"), "ics",
                     N_("Export Calendar"), N_("iCalendar Files"), "text/calendar" },
  [JOB_REPORT] = { "win.export-report", 0, N_("report"), "pdf",
                   N_("Export Report Pack"), N_("PDF Documents"), "application/pdf" },
  [JOB_PRINT] = { "win.print-report", 0, NULL, NULL, NULL, NULL, NULL },
};

#define FILTER_KEY_FORMAT "prospect-export-filter-%u"

/* Everything a worker needs, copied on the main thread: it never touches
 * a widget or the window's database connection. */
typedef struct
{
  JobKind               kind;
  char                 *database_path;
  char                 *output;
  ProspectExportFilter  filter;
  ProspectPeriod        period;
  ProspectScope         scope;
  char                 *scope_person_id;
  char                 *period_label;

  /* results */
  guint64               n_rows;
  ProspectIcalCounts    counts;
  ProspectReportPack   *pack;
} Job;

static void
job_free (Job *job)
{
  g_free (job->database_path);
  g_free (job->output);
  prospect_export_filter_clear (&job->filter);
  g_free (job->scope_person_id);
  g_free (job->period_label);
  g_clear_pointer (&job->pack, prospect_report_pack_free);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

/* ------------------------------------------------------------ helpers */

static void
set_busy (GtkWidget *window,
          gboolean   busy)
{
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    gtk_widget_action_set_enabled (window, jobs[i].action, !busy);
}

/* The toast overlay on screen: the shown page's, if it has one. */
static AdwToastOverlay *
find_toast_overlay (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *overlay = find_toast_overlay (child);

      if (overlay != NULL)
        return overlay;
    }

  return NULL;
}

static void
show_error (GtkWindow    *window,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (window, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_file (GtkWindow  *window,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (window, uri, GDK_CURRENT_TIME);
}

static void
toast_open_cb (AdwToast *toast,
               GtkWindow *window)
{
  open_file (window, g_object_get_data (G_OBJECT (toast), "prospect-path"));
}

static void
dialog_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GtkWindow        *window)
{
  if (g_str_equal (response, "open"))
    open_file (window, g_object_get_data (G_OBJECT (dialog), "prospect-path"));
}

/* A toast with Open where the page has an overlay, else a dialog. */
static void
show_done (GtkWindow  *window,
           const char *message,
           const char *path)
{
  AdwToastOverlay *overlay = find_toast_overlay (GTK_WIDGET (window));
  g_autofree char *markup = g_markup_escape_text (message, -1);
  GtkWidget *dialog;

  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (markup);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_timeout (toast, 8);
      g_object_set_data_full (G_OBJECT (toast), "prospect-path", g_strdup (path), g_free);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_open_cb), window, 0);
      adw_toast_overlay_add_toast (overlay, toast);
      return;
    }

  dialog = adw_message_dialog_new (window, _("Export Finished"), message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "open", _("_Open"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  g_object_set_data_full (G_OBJECT (dialog), "prospect-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (dialog_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
done_message (const Job *job)
{
  g_autofree char *name = g_path_get_basename (job->output);
  guint n_pages;

  switch (job->kind)
    {
    case JOB_DEALS:
      return g_strdup_printf (ngettext ("%" G_GUINT64_FORMAT " deal exported to “%s”",
                                        "%" G_GUINT64_FORMAT " deals exported to “%s”", job->n_rows),
                              job->n_rows, name);
    case JOB_ACTIVITIES:
      return g_strdup_printf (ngettext ("%" G_GUINT64_FORMAT " activity exported to “%s”",
                                        "%" G_GUINT64_FORMAT " activities exported to “%s”", job->n_rows),
                              job->n_rows, name);
    case JOB_ACCOUNTS:
      return g_strdup_printf (ngettext ("%" G_GUINT64_FORMAT " account exported to “%s”",
                                        "%" G_GUINT64_FORMAT " accounts exported to “%s”", job->n_rows),
                              job->n_rows, name);
    case JOB_CONTACTS:
      return g_strdup_printf (ngettext ("%" G_GUINT64_FORMAT " contact exported to “%s”",
                                        "%" G_GUINT64_FORMAT " contacts exported to “%s”", job->n_rows),
                              job->n_rows, name);
    case JOB_CALENDAR:
      return g_strdup_printf (_("%" G_GUINT64_FORMAT " events and %" G_GUINT64_FORMAT
                                " to-dos exported to “%s”"),
                              job->counts.n_events, job->counts.n_todos, name);
    case JOB_REPORT:
    case JOB_PRINT:
    default:
      n_pages = prospect_report_pack_get_n_pages (job->pack, PROSPECT_REPORT_PACK_A4_WIDTH,
                                                  PROSPECT_REPORT_PACK_A4_HEIGHT);
      return g_strdup_printf (ngettext ("Report pack saved to “%s” (%u page)",
                                        "Report pack saved to “%s” (%u pages)", n_pages),
                              name, n_pages);
    }
}

/* ------------------------------------------------------------- worker */

static gboolean
run_job (Job           *job,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(ProspectDatabase) database = prospect_database_open (job->database_path, error);

  if (database == NULL)
    return FALSE;

  switch (job->kind)
    {
    case JOB_CALENDAR:
      return prospect_export_ical_save (database, &job->filter, job->output, &job->counts, cancellable, error);
    case JOB_REPORT:
    case JOB_PRINT:
      job->pack = prospect_report_pack_new (database, &job->period, &job->scope, error);
      if (job->pack == NULL)
        return FALSE;
      return job->kind == JOB_PRINT || prospect_report_pack_save_pdf (job->pack, job->output, error);
    case JOB_DEALS:
    case JOB_ACTIVITIES:
    case JOB_ACCOUNTS:
    case JOB_CONTACTS:
    default:
      return prospect_export_csv_save (database, jobs[job->kind].table, &job->filter, job->output,
                                       &job->n_rows, cancellable, error);
    }
}

static void
job_thread_cb (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (run_job (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* ------------------------------------------------------------ printing */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                ProspectReportPack *pack)
{
  gtk_print_operation_set_n_pages (operation,
                                   prospect_report_pack_get_n_pages (pack,
                                                                     gtk_print_context_get_width (context),
                                                                     gtk_print_context_get_height (context)));
}

static void
draw_page_cb (GtkPrintOperation  *operation,
              GtkPrintContext    *context,
              int                 page,
              ProspectReportPack *pack)
{
  prospect_report_pack_draw_page (pack, gtk_print_context_get_cairo_context (context), page,
                                  gtk_print_context_get_width (context),
                                  gtk_print_context_get_height (context));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWindow               *window)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  if (error != NULL && gtk_widget_get_mapped (GTK_WIDGET (window)))
    show_error (window, _("Could Not Print the Report Pack"), error);
}

/* The pages are laid out for the paper the print dialog chooses: the
 * whole sheet, in points, with the pack's own margins. */
static void
print_pack (GtkWindow *window,
            Job       *job)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  ProspectReportPack *pack = g_steal_pointer (&job->pack);
  g_autoptr(GError) error = NULL;

  g_object_set_data_full (G_OBJECT (operation), "prospect-pack", pack,
                          (GDestroyNotify) prospect_report_pack_free);
  gtk_print_operation_set_job_name (operation, prospect_report_pack_get_title (pack));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), pack);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), pack);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), window, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, window, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (window, _("Could Not Print the Report Pack"), error);
}

/* ------------------------------------------------------------ running */

static void
job_done_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GtkWindow *window = GTK_WINDOW (source_object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  set_busy (GTK_WIDGET (window), FALSE);

  /* The window was closed meanwhile: nobody is left to tell. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (window, job->kind == JOB_PRINT ? _("Could Not Print the Report Pack")
                                                 : _("Could Not Export"), error);
      return;
    }

  if (job->kind == JOB_PRINT)
    {
      print_pack (window, job);
      return;
    }

  message = done_message (job);
  show_done (window, message, job->output);
}

static void
start_job (GtkWindow *window,
           Job       *job)
{
  g_autoptr(GTask) task = g_task_new (window, NULL, job_done_cb, NULL);

  set_busy (GTK_WIDGET (window), TRUE);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread_cb);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     GtkWindow       *window)
{
  g_autoptr(Job) job = g_object_steal_data (G_OBJECT (chooser), "prospect-job");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  /* the reference ask_for_file() kept while the chooser was open */
  g_object_unref (chooser);

  if (file == NULL)
    return;

  job->output = g_file_get_path (file);
  if (job->output == NULL)
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                             _("Choose a file on this computer."));

      show_error (window, _("Could Not Export"), error);
      return;
    }

  start_job (window, g_steal_pointer (&job));
}

/* "Prospect deals 2026-11-23.csv", "Prospect report Q4 FY2026.pdf" */
static char *
suggested_name (const Job *job)
{
  g_autofree char *today = prospect_clock_today_iso ();

  if (job->kind == JOB_REPORT)
    /* TRANSLATORS: the report pack's file name; %s is the period, "Q4 FY2026" */
    return g_strdup_printf (_("Prospect report %s.pdf"), job->period_label);

  /* TRANSLATORS: an export's file name: what (deals, activities…), today's date, extension */
  return g_strdup_printf (_("Prospect %s %s.%s"), _(jobs[job->kind].file_word), today,
                          jobs[job->kind].extension);
}

/* Documents when the desktop has one, else home: not the directory the
 * application happened to be started from. */
static GFile *
default_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);

  return g_file_new_for_path (g_get_home_dir ());
}

static void
ask_for_file (GtkWindow *window,
              Job       *job)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (job);
  g_autoptr(GFile) folder = default_folder ();

  chooser = gtk_file_chooser_native_new (_(jobs[job->kind].title), window,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _(jobs[job->kind].filter_name));
  gtk_file_filter_add_mime_type (filter, jobs[job->kind].mime_type);
  gtk_file_filter_add_suffix (filter, jobs[job->kind].extension);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_object_set_data_full (G_OBJECT (chooser), "prospect-job", job, (GDestroyNotify) job_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), window, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---------------------------------------------------------- the jobs */

static void
set_report_period (Job              *job,
                   GtkWidget        *window,
                   ProspectDatabase *database)
{
  ProspectPeriodSelection *selection = prospect_period_selection_get_for_widget (window);
  g_autofree char *me_id = prospect_database_get_me (database);

  prospect_period_selection_get_period (selection, database, &job->period);
  prospect_period_selection_get_scope_for (selection, me_id, &job->scope);
  /* the scope points into the selection or me_id: the worker needs its own */
  job->scope_person_id = g_strdup (job->scope.person_id);
  job->scope.person_id = job->scope_person_id;
  job->period_label = prospect_period_get_label (&job->period);
}

static void
filter_free (gpointer data)
{
  prospect_export_filter_clear (data);
  g_free (data);
}

static void
set_filter (Job       *job,
            GtkWidget *window)
{
  g_autofree char *key = NULL;
  const ProspectExportFilter *filter;

  prospect_export_filter_init (&job->filter);
  if (job->kind == JOB_CALENDAR)
    return;

  key = g_strdup_printf (FILTER_KEY_FORMAT, jobs[job->kind].table);
  filter = g_object_get_data (G_OBJECT (window), key);
  if (filter != NULL)
    prospect_export_filter_copy (filter, &job->filter);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (widget));
  ProspectDatabase *database = NULL;
  g_autoptr(Job) job = g_new0 (Job, 1);
  const char *path;

  if (application != NULL)
    database = prospect_application_get_database (PROSPECT_APPLICATION (application));
  if (database == NULL)
    return;

  path = prospect_database_get_path (database);
  if (g_str_equal (path, ":memory:"))
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                             _("An in-memory database cannot be exported."));

      show_error (GTK_WINDOW (widget), _("Could Not Export"), error);
      return;
    }

  for (job->kind = 0; job->kind < G_N_ELEMENTS (jobs); job->kind++)
    if (g_str_equal (jobs[job->kind].action, action_name))
      break;
  g_return_if_fail (job->kind < G_N_ELEMENTS (jobs));

  job->database_path = g_strdup (path);
  set_filter (job, widget);
  if (job->kind == JOB_REPORT || job->kind == JOB_PRINT)
    set_report_period (job, widget, database);

  if (job->kind == JOB_PRINT)
    start_job (GTK_WINDOW (widget), g_steal_pointer (&job));
  else
    ask_for_file (GTK_WINDOW (widget), g_steal_pointer (&job));
}

void
prospect_export_actions_install (GtkWidgetClass *widget_class)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    gtk_widget_class_install_action (widget_class, jobs[i].action, NULL, export_action_cb);
}

void
prospect_export_actions_set_filter (GtkWidget                  *widget,
                                    ProspectExportTable         table,
                                    const ProspectExportFilter *filter)
{
  g_autofree char *key = g_strdup_printf (FILTER_KEY_FORMAT, table);
  ProspectExportFilter *copy = NULL;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if ((root = gtk_widget_get_root (widget)) == NULL)
    return;

  if (filter != NULL)
    {
      copy = g_new0 (ProspectExportFilter, 1);
      prospect_export_filter_copy (filter, copy);
    }
  g_object_set_data_full (G_OBJECT (root), key, copy, filter_free);
}
