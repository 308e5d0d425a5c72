/* prospect-window.c - the main window: welcome, or the two workspaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-window"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-person.h"

#include "prospect-accounts-page.h"
#include "prospect-coaching-page.h"
#include "prospect-export-actions.h"
#include "prospect-deal-window.h"
#include "prospect-funnel-page.h"
#include "prospect-my-coaching-page.h"
#include "prospect-my-numbers-page.h"
#include "prospect-pipeline-page.h"
#include "prospect-quick-entry-dialog.h"
#include "prospect-targets-page.h"
#include "prospect-team-page.h"
#include "prospect-today-page.h"
#include "prospect-welcome.h"
#include "prospect-window.h"

/* Layout: one AdwLeaflet. Its sidebar pane holds an AdwViewStack whose
 * two pages are the sidebars of the Rep and Manager workspaces; its
 * content pane holds every page in one GtkStack. The AdwViewSwitcherTitle
 * of the content header switches workspace (the sidebar follows, and the
 * content shows that workspace's selected page). When the leaflet folds,
 * the header keeps only the page title and a back button, and the switcher
 * moves to an AdwViewSwitcherBar at the bottom of the window, where it
 * serves both the sidebar and the content view. */

struct _ProspectWindow
{
  AdwApplicationWindow  parent_instance;

  ProspectDatabase     *database;
  GSettings            *settings;
  gulong                person_changed_id;

  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *content_pane;
  AdwWindowTitle       *sidebar_title;
  AdwViewStack         *workspace_stack;
  GtkListBox           *rep_list;
  GtkListBox           *manager_list;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkStack             *page_stack;
  AdwStatusPage        *error_page;
};

typedef struct
{
  const char *workspace;
  const char *name;
  GType     (*get_type) (void);
} PageEntry;

static const PageEntry page_entries[] = {
  { "rep", "today", prospect_today_page_get_type },
  { "rep", "pipeline", prospect_pipeline_page_get_type },
  { "rep", "accounts", prospect_accounts_page_get_type },
  { "rep", "my-numbers", prospect_my_numbers_page_get_type },
  { "rep", "my-coaching", prospect_my_coaching_page_get_type },
  { "manager", "team", prospect_team_page_get_type },
  { "manager", "funnel", prospect_funnel_page_get_type },
  { "manager", "coaching", prospect_coaching_page_get_type },
  { "manager", "targets", prospect_targets_page_get_type },
};

#define PAGE_NAME_KEY "prospect-page-name"

G_DEFINE_FINAL_TYPE (ProspectWindow, prospect_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkWidget *
sidebar_row_new (const char *title,
                 const char *icon_name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  return row;
}

static GtkListBox *
prospect_window_get_sidebar (ProspectWindow *self,
                             const char     *workspace)
{
  return g_strcmp0 (workspace, "manager") == 0 ? self->manager_list : self->rep_list;
}

static void
prospect_window_add_pages (ProspectWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_entries); i++)
    {
      const PageEntry *entry = &page_entries[i];
      ProspectPage *page = g_object_new (entry->get_type (), NULL);
      GtkWidget *row;

      gtk_stack_add_named (self->page_stack, GTK_WIDGET (page), entry->name);

      row = sidebar_row_new (prospect_page_get_title (page),
                             prospect_page_get_icon_name (page));
      g_object_set_data (G_OBJECT (row), PAGE_NAME_KEY, (gpointer) entry->name);
      gtk_list_box_append (prospect_window_get_sidebar (self, entry->workspace), row);
    }
}

static void
prospect_window_set_pages_database (ProspectWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->page_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    prospect_page_set_database (PROSPECT_PAGE (child), self->database);
}

static void
prospect_window_show_row_page (ProspectWindow *self,
                               GtkListBoxRow  *row)
{
  const char *name = g_object_get_data (G_OBJECT (row), PAGE_NAME_KEY);
  ProspectPage *page;

  gtk_stack_set_visible_child_name (self->page_stack, name);
  page = PROSPECT_PAGE (gtk_stack_get_visible_child (self->page_stack));
  adw_view_switcher_title_set_title (self->switcher_title,
                                     prospect_page_get_title (page));
}

/* The content shows the selected page of the current workspace; each
 * sidebar keeps its own selection, so switching back returns to it. */
static void
prospect_window_sync_page (ProspectWindow *self)
{
  const char *workspace = adw_view_stack_get_visible_child_name (self->workspace_stack);
  GtkListBox *list = prospect_window_get_sidebar (self, workspace);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list);
  AdwViewStackPage *stack_page;

  stack_page = adw_view_stack_get_page (self->workspace_stack,
                                        adw_view_stack_get_visible_child (self->workspace_stack));
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        adw_view_stack_page_get_title (stack_page));

  if (row == NULL)
    gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 0));
  else
    prospect_window_show_row_page (self, row);
}

/* NULL when the database does not know its user yet, or when "me" points
 * to a person that no longer exists: both are cases for the welcome page. */
static ProspectPerson *
prospect_window_load_me (ProspectWindow *self)
{
  g_autofree char *me_id = prospect_database_get_setting (self->database, "me");

  if (me_id == NULL)
    return NULL;

  return prospect_person_load (self->database, me_id, NULL);
}

static void
prospect_window_update_me (ProspectWindow *self)
{
  g_autoptr(ProspectPerson) me = prospect_window_load_me (self);

  adw_window_title_set_subtitle (self->sidebar_title,
                                 me != NULL ? prospect_person_get_name (me) : NULL);
}

static void
prospect_window_show_workspaces (ProspectWindow *self,
                                 const char     *workspace)
{
  prospect_window_update_me (self);
  prospect_window_set_workspace (self, workspace);
  gtk_stack_set_visible_child_name (self->main_stack, "workspaces");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.workspace-rep", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.workspace-manager", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.quick-entry", TRUE);
}

static void
welcome_finished_cb (ProspectWindow  *self,
                     const char      *workspace,
                     ProspectWelcome *welcome)
{
  prospect_window_show_workspaces (self, workspace);
  gtk_stack_remove (self->main_stack, GTK_WIDGET (welcome));
}

static void
prospect_window_show_welcome (ProspectWindow *self)
{
  ProspectWelcome *welcome = prospect_welcome_new (self->database);

  g_signal_connect_object (welcome, "finished",
                           G_CALLBACK (welcome_finished_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (welcome), "welcome");
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
}

static void
prospect_window_show_error (ProspectWindow *self,
                            const GError   *error)
{
  g_autofree char *description = NULL;

  /* The core's message names the file and what is wrong with it. */
  description = g_markup_escape_text (error != NULL ? error->message : _("Unknown error"), -1);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

static void
person_changed_cb (ProspectDatabase   *database,
                   const char         *kind,
                   const char         *id,
                   ProspectChangeKind  change,
                   ProspectWindow     *self)
{
  prospect_window_update_me (self);
}

static void
workspace_changed_cb (ProspectWindow *self)
{
  prospect_window_sync_page (self);
}

static void
sidebar_row_selected_cb (ProspectWindow *self,
                         GtkListBoxRow  *row,
                         GtkListBox     *list)
{
  const char *workspace = adw_view_stack_get_visible_child_name (self->workspace_stack);

  if (row != NULL && list == prospect_window_get_sidebar (self, workspace))
    prospect_window_show_row_page (self, row);
}

static void
sidebar_row_activated_cb (ProspectWindow *self,
                          GtkListBoxRow  *row,
                          GtkListBox     *list)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
  /* Enter on a page's row takes the keyboard into the page */
  gtk_widget_child_focus (GTK_WIDGET (self->page_stack), GTK_DIR_TAB_FORWARD);
}

static void
back_clicked_cb (ProspectWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
update_switcher_bar (ProspectWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    folded || adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static void
leaflet_folded_changed_cb (ProspectWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, !folded);
  update_switcher_bar (self);
}

static void
workspace_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  const char *workspace = g_str_has_suffix (action_name, "manager") ? "manager" : "rep";

  prospect_window_set_workspace (PROSPECT_WINDOW (widget), workspace);
}

/* The toast overlay on screen, if the window or the shown page has one. */
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
quick_entry_saved_cb (ProspectWindow *self,
                      ProspectRecord *record,
                      const char     *message)
{
  AdwToastOverlay *overlay = find_toast_overlay (GTK_WIDGET (self));
  g_autofree char *markup = g_markup_escape_text (message, -1);

  /* a toast's title is markup: "Call with Smith & Sons added" */
  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, adw_toast_new (markup));
}

static void
quick_entry_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ProspectWindow *self = PROSPECT_WINDOW (widget);
  ProspectQuickEntryDialog *dialog = prospect_quick_entry_dialog_new (GTK_WINDOW (self), self->database);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (quick_entry_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.open-account (s: account id): the Rep workspace's Accounts page,
 * with that account selected and shown. */
static void
open_account_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ProspectWindow *self = PROSPECT_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_child_by_name (self->page_stack, "accounts");

  prospect_window_set_workspace (self, "rep");
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->rep_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), PAGE_NAME_KEY), "accounts") == 0)
      gtk_list_box_select_row (self->rep_list, GTK_LIST_BOX_ROW (row));

  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
  prospect_accounts_page_show_account (PROSPECT_ACCOUNTS_PAGE (page),
                                       g_variant_get_string (parameter, NULL));
}

/* win.open-deal (s: deal id): the deal's own window, or the one already
 * open for it. */
static void
open_deal_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ProspectWindow *self = PROSPECT_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->database == NULL)
    return;

  if (prospect_deal_window_open (GTK_WINDOW (self), self->database,
                                 g_variant_get_string (parameter, NULL), &error) == NULL)
    {
      AdwToastOverlay *overlay = find_toast_overlay (GTK_WIDGET (self));
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (overlay, adw_toast_new (markup));
    }
}

static void
prospect_window_restore_state (ProspectWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
prospect_window_close_request (GtkWindow *window)
{
  ProspectWindow *self = PROSPECT_WINDOW (window);
  gboolean maximized = gtk_window_is_maximized (window);

  /* A maximized window's default size is still the unmaximized one,
   * which is what should come back after unmaximizing next time. */
  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "workspaces") == 0)
    g_settings_set_string (self->settings, "workspace",
                           adw_view_stack_get_visible_child_name (self->workspace_stack));

  return GTK_WINDOW_CLASS (prospect_window_parent_class)->close_request (window);
}

static void
prospect_window_dispose (GObject *object)
{
  ProspectWindow *self = PROSPECT_WINDOW (object);

  if (self->database != NULL)
    g_clear_signal_handler (&self->person_changed_id, self->database);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), PROSPECT_TYPE_WINDOW);

  G_OBJECT_CLASS (prospect_window_parent_class)->dispose (object);
}

static void
prospect_window_class_init (ProspectWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = prospect_window_dispose;

  window_class->close_request = prospect_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/prospect-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ProspectWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ProspectWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ProspectWindow, content_pane);
  gtk_widget_class_bind_template_child (widget_class, ProspectWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, ProspectWindow, workspace_stack);
  gtk_widget_class_bind_template_child (widget_class, ProspectWindow, rep_list);
  gtk_widget_class_bind_template_child (widget_class, ProspectWindow, manager_list);
  gtk_widget_class_bind_template_child (widget_class, ProspectWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ProspectWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, ProspectWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, ProspectWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, workspace_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.workspace-rep", NULL, workspace_action_cb);
  gtk_widget_class_install_action (widget_class, "win.workspace-manager", NULL, workspace_action_cb);
  gtk_widget_class_install_action (widget_class, "win.quick-entry", NULL, quick_entry_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.quick-entry", NULL);
  prospect_export_actions_install (widget_class);
  gtk_widget_class_install_action (widget_class, "win.open-account", "s", open_account_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-deal", "s", open_deal_action_cb);

  g_type_ensure (PROSPECT_TYPE_PAGE);
}

static void
prospect_window_init (ProspectWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  prospect_window_restore_state (self);
  prospect_window_add_pages (self);
  leaflet_folded_changed_cb (self);

  /* Until the workspaces show, there is nothing for them to switch. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.workspace-rep", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.workspace-manager", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.quick-entry", FALSE);
}

ProspectWindow *
prospect_window_new (ProspectApplication *application)
{
  ProspectWindow *self;
  g_autoptr(ProspectPerson) me = NULL;
  g_autofree char *workspace = NULL;

  g_return_val_if_fail (PROSPECT_IS_APPLICATION (application), NULL);

  self = g_object_new (PROSPECT_TYPE_WINDOW,
                       "application", application,
                       NULL);

  self->database = prospect_application_get_database (application);
  if (self->database == NULL)
    {
      prospect_window_show_error (self, prospect_application_get_database_error (application));
      return self;
    }

  g_object_ref (self->database);
  self->person_changed_id = g_signal_connect (self->database, "changed::person",
                                              G_CALLBACK (person_changed_cb), self);
  prospect_window_set_pages_database (self);

  me = prospect_window_load_me (self);
  if (me == NULL)
    {
      prospect_window_show_welcome (self);
      return self;
    }

  workspace = g_settings_get_string (self->settings, "workspace");
  prospect_window_show_workspaces (self, workspace);

  return self;
}

void
prospect_window_set_workspace (ProspectWindow *self,
                               const char     *workspace)
{
  g_return_if_fail (PROSPECT_IS_WINDOW (self));
  g_return_if_fail (g_strcmp0 (workspace, "rep") == 0 || g_strcmp0 (workspace, "manager") == 0);

  /* Selecting the already visible workspace emits no notification, but the
   * content must still follow (at start-up it shows no page yet). */
  adw_view_stack_set_visible_child_name (self->workspace_stack, workspace);
  prospect_window_sync_page (self);
}
