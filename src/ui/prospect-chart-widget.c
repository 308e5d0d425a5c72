/* prospect-chart-widget.c - a funnel, gauge or bar chart on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-chart-widget"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-chart-private.h"
#include "prospect-chart-widget.h"

struct _ProspectChartWidget
{
  GtkWidget             parent_instance;

  ProspectChartKind     kind;
  gpointer              data;        /* a copy, of the type kind says; NULL = none yet */
  ProspectChartStyle   *style;       /* from the theme */
  char                 *title;
  char                 *description;

  /* The item under the pointer and the one chosen with the keyboard:
   * series 0 and index -1 = none. */
  guint                 hover_series;
  int                   hover_index;
  guint                 focus_series;
  int                   focus_index;
  gboolean              keyboard_mode;  /* the arrows were used since the last click */

  GtkWidget            *menu;
  GtkFileChooserNative *chooser;
  GtkFileFilter        *pdf_filter;
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static guint n_series (ProspectChartWidget *self);
static int   n_items  (ProspectChartWidget *self,
                       guint                series);

G_DEFINE_FINAL_TYPE (ProspectChartWidget, prospect_chart_widget, GTK_TYPE_WIDGET)

/* Sizes at which each kind still reads, and the size it would like. */
static const struct {
  int min_width;
  int min_height;
  int natural_width;
  int natural_height;
} kind_sizes[] = {
  [PROSPECT_CHART_FUNNEL] = { 280, 200, 560, 360 },
  [PROSPECT_CHART_GAUGE] = { 200, 100, 320, 104 },
  [PROSPECT_CHART_BARS] = { 280, 180, 560, 280 },
};

static void
free_data (ProspectChartWidget *self)
{
  if (self->data == NULL)
    return;

  switch (self->kind)
    {
    case PROSPECT_CHART_FUNNEL:
      prospect_funnel_data_free (self->data);
      break;
    case PROSPECT_CHART_GAUGE:
      prospect_gauge_data_free (self->data);
      break;
    case PROSPECT_CHART_BARS:
      prospect_bar_data_free (self->data);
      break;
    default:
      g_assert_not_reached ();
    }
  self->data = NULL;
}

static void
color_from_rgba (ProspectChartColor *color,
                 const GdkRGBA      *rgba)
{
  color->red = rgba->red;
  color->green = rgba->green;
  color->blue = rgba->blue;
  color->alpha = rgba->alpha;
}

/* A libadwaita named colour; keeps the palette's value when the theme
 * does not define it (a third-party theme). */
static void
lookup_color (GtkStyleContext    *context,
              const char         *name,
              ProspectChartColor *color)
{
  GdkRGBA rgba;

  if (gtk_style_context_lookup_color (context, name, &rgba))
    color_from_rgba (color, &rgba);
}

static void
update_style (ProspectChartWidget *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  PangoContext *pango_context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  gboolean high_contrast = adw_style_manager_get_high_contrast (manager);
  ProspectChartStyle *style;
  GdkRGBA foreground;

  style = prospect_chart_style_new (adw_style_manager_get_dark (manager)
                                    ? PROSPECT_CHART_PALETTE_DARK
                                    : high_contrast ? PROSPECT_CHART_PALETTE_HIGH_CONTRAST
                                                    : PROSPECT_CHART_PALETTE_LIGHT);

  gtk_style_context_get_color (context, &foreground);
  color_from_rgba (&style->foreground, &foreground);
  style->dim_foreground = style->foreground;
  style->dim_foreground.alpha *= high_contrast ? 0.8f : 0.55f;
  style->grid = style->foreground;
  style->grid.alpha *= high_contrast ? 0.5f : 0.12f;

  lookup_color (context, "window_bg_color", &style->background);
  lookup_color (context, "accent_bg_color", &style->accent);
  lookup_color (context, "accent_fg_color", &style->accent_foreground);
  lookup_color (context, "success_color", &style->success);
  lookup_color (context, "warning_color", &style->warning);
  lookup_color (context, "error_color", &style->error);
  prospect_chart_style_set_font (style, pango_context_get_font_description (pango_context));

  g_clear_pointer (&self->style, prospect_chart_style_free);
  self->style = style;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_description (ProspectChartWidget *self)
{
  g_clear_pointer (&self->description, g_free);
  if (self->data != NULL)
    self->description = prospect_chart_describe (self->kind, self->data);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description != NULL ? self->description : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

static void
set_data (ProspectChartWidget *self,
          ProspectChartKind    kind,
          gpointer             data)
{
  free_data (self);
  self->kind = kind;
  self->data = data;
  self->hover_index = -1;
  /* Fresh figures (the database changed) keep the keyboard's place. */
  self->focus_series = MIN (self->focus_series, n_series (self) - 1);
  self->focus_index = MIN (self->focus_index, n_items (self, self->focus_series) - 1);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  update_description (self);
}

/* The item at (x, y) in widget coordinates, or -1. */
static int
item_at (ProspectChartWidget *self,
         double               x,
         double               y,
         guint               *series)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  *series = 0;
  if (self->data == NULL)
    return -1;

  switch (self->kind)
    {
    case PROSPECT_CHART_FUNNEL:
      return prospect_funnel_chart_band_at (self->data, width, height, x, y, series);
    case PROSPECT_CHART_BARS:
      return prospect_bar_chart_category_at (self->data, width, height, x, y);
    case PROSPECT_CHART_GAUGE:
      return 0;
    default:
      g_assert_not_reached ();
    }
}

static char *
describe_item (ProspectChartWidget *self,
               guint                series,
               int                  index)
{
  switch (self->kind)
    {
    case PROSPECT_CHART_FUNNEL:
      return prospect_funnel_chart_describe_band (self->data, series, index);
    case PROSPECT_CHART_BARS:
      return prospect_bar_chart_describe_category (self->data, index);
    case PROSPECT_CHART_GAUGE:
      return g_strdup (self->description);
    default:
      g_assert_not_reached ();
    }
}

/* The outline of an item, for the hover and keyboard highlights. */
static gboolean
item_rect (ProspectChartWidget *self,
           guint                series,
           int                  index,
           ProspectChartRect   *rect)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  const ProspectBarData *bars = self->data;
  ProspectChartRect last;

  if (index < 0)
    return FALSE;

  switch (self->kind)
    {
    case PROSPECT_CHART_FUNNEL:
      return prospect_funnel_chart_band_rect (self->data, width, height, series, index, rect);

    case PROSPECT_CHART_BARS:
      /* The whole column of the category's group, up to the top. */
      if (!prospect_bar_chart_bar_rect (bars, width, height, 0, index, rect)
          || !prospect_bar_chart_bar_rect (bars, width, height, bars->n_series - 1, index, &last))
        return FALSE;
      rect->width = last.x + last.width - rect->x;
      rect->height = rect->y + rect->height;
      rect->y = 0;
      return TRUE;

    case PROSPECT_CHART_GAUGE:
      *rect = (ProspectChartRect) { 0, 0, width, height };
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static void
draw_highlights (ProspectChartWidget *self,
                 cairo_t             *cr)
{
  ProspectChartRect rect;
  const ProspectChartColor *fg = &self->style->foreground;

  if (self->kind != PROSPECT_CHART_GAUGE
      && item_rect (self, self->hover_series, self->hover_index, &rect))
    {
      prospect_chart_set_color (cr, fg, 0.1);
      prospect_chart_rounded_rect (cr, rect.x - 4, rect.y - 4, rect.width + 8, rect.height + 8, 10);
      cairo_fill (cr);
    }

  if (gtk_widget_has_focus (GTK_WIDGET (self))
      && (self->keyboard_mode || gtk_widget_has_visible_focus (GTK_WIDGET (self)))
      && item_rect (self, self->focus_series, MAX (self->focus_index, 0), &rect))
    {
      /* Like libadwaita's focus ring: accent at half strength, rounded. */
      prospect_chart_set_color (cr, &self->style->accent, 0.5);
      cairo_set_line_width (cr, 2.0);
      prospect_chart_rounded_rect (cr, rect.x - 4, rect.y - 4, rect.width + 8, rect.height + 8, 10);
      cairo_stroke (cr);
    }
}

static void
set_hover (ProspectChartWidget *self,
           guint                series,
           int                  index)
{
  if (self->hover_series == series && self->hover_index == index)
    return;

  self->hover_series = series;
  self->hover_index = index;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), index >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static guint
n_series (ProspectChartWidget *self)
{
  if (self->kind == PROSPECT_CHART_FUNNEL)
    return MIN (((ProspectFunnelData *) self->data)->series->len, 2);

  return 1;
}

static int
n_items (ProspectChartWidget *self,
         guint                series)
{
  const ProspectFunnelData *funnel = self->data;

  switch (self->kind)
    {
    case PROSPECT_CHART_FUNNEL:
      if (series >= funnel->series->len)
        return 0;
      return ((ProspectFunnelSeries *) g_ptr_array_index (funnel->series, series))->stages->len;
    case PROSPECT_CHART_BARS:
      return ((ProspectBarData *) self->data)->categories->len;
    case PROSPECT_CHART_GAUGE:
      return 1;
    default:
      g_assert_not_reached ();
    }
}

static void
export_response_cb (GtkNativeDialog     *dialog,
                    int                  response,
                    ProspectChartWidget *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  ProspectChartFormat format;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    path = g_file_get_path (file);

  /* No extension typed: the chosen filter decides. */
  if (path != NULL && !prospect_chart_format_for_path (path, &format))
    {
      gboolean pdf = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog)) == self->pdf_filter;
      char *with_extension = g_strconcat (path, pdf ? ".pdf" : ".png", NULL);

      g_free (path);
      path = with_extension;
    }

  if (path != NULL && !prospect_chart_widget_export_to_file (self, path, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                   _("Could Not Export Chart"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }

  g_clear_object (&self->chooser);
  self->pdf_filter = NULL;
}

static gboolean
query_tooltip_cb (GtkWidget           *widget,
                  int                  x,
                  int                  y,
                  gboolean             keyboard_mode,
                  GtkTooltip          *tooltip,
                  ProspectChartWidget *self)
{
  g_autofree char *text = NULL;
  guint series = 0;
  int index;

  if (self->data == NULL)
    return FALSE;

  if (keyboard_mode)
    {
      series = self->focus_series;
      index = MAX (self->focus_index, 0);
    }
  else
    index = item_at (self, x, y, &series);

  if (index < 0 || index >= n_items (self, series))
    return FALSE;

  text = describe_item (self, series, index);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           ProspectChartWidget      *self)
{
  guint series;
  int index = item_at (self, x, y, &series);

  set_hover (self, series, index);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          ProspectChartWidget      *self)
{
  set_hover (self, 0, -1);
}

static void
click_released_cb (GtkGestureClick     *gesture,
                   int                  n_press,
                   double               x,
                   double               y,
                   ProspectChartWidget *self)
{
  guint series;
  int index = item_at (self, x, y, &series);

  if (index < 0)
    return;

  /* As a button does: the keyboard carries on from what was clicked. */
  if (gtk_widget_get_focus_on_click (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  self->keyboard_mode = FALSE;
  self->focus_series = series;
  self->focus_index = index;
  g_signal_emit (self, signals[ACTIVATED], 0, series, index);
}

static void
context_pressed_cb (GtkGestureClick     *gesture,
                    int                  n_press,
                    double               x,
                    double               y,
                    ProspectChartWidget *self)
{
  GdkRectangle at = { x, y, 1, 1 };

  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &at);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  prospect_chart_widget_export (PROSPECT_CHART_WIDGET (widget));
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ProspectChartWidget *self = PROSPECT_CHART_WIDGET (widget);

  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), NULL);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/* Arrows: (0, ±1) moves between stages or bars, (±1, 0) between the two
 * funnels of a comparison. */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ProspectChartWidget *self = PROSPECT_CHART_WIDGET (widget);
  int d_series, d_index;
  int count;

  if (self->data == NULL || n_series (self) == 0)
    return;

  g_variant_get (parameter, "(ii)", &d_series, &d_index);
  if (self->kind == PROSPECT_CHART_BARS)
    d_index += d_series;
  else
    self->focus_series = CLAMP ((int) self->focus_series + d_series, 0, (int) n_series (self) - 1);

  /* Nothing chosen yet reads as the first item, which is highlighted. */
  count = n_items (self, self->focus_series);
  self->focus_index = count > 0 ? CLAMP (MAX (self->focus_index, 0) + d_index, 0, count - 1) : -1;

  /* GtkWindow hides the focus ring after a key that leaves the focus on
   * the same widget; these keys move it inside the chart, and whoever
   * presses them needs to see where it went. */
  self->keyboard_mode = TRUE;
  gtk_widget_queue_draw (widget);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ProspectChartWidget *self = PROSPECT_CHART_WIDGET (widget);
  int index = MAX (self->focus_index, 0);

  if (self->data != NULL && index < n_items (self, self->focus_series))
    g_signal_emit (self, signals[ACTIVATED], 0, self->focus_series, index);
}

static void
style_changed_cb (AdwStyleManager     *manager,
                  GParamSpec          *pspec,
                  ProspectChartWidget *self)
{
  update_style (self);
}

static void
prospect_chart_widget_css_changed (GtkWidget         *widget,
                                   GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (prospect_chart_widget_parent_class)->css_changed (widget, change);

  update_style (PROSPECT_CHART_WIDGET (widget));
}

/* The keyboard highlight follows focus and its visibility. */
static void
prospect_chart_widget_state_flags_changed (GtkWidget     *widget,
                                           GtkStateFlags  previous)
{
  GtkStateFlags changed = previous ^ gtk_widget_get_state_flags (widget);

  GTK_WIDGET_CLASS (prospect_chart_widget_parent_class)->state_flags_changed (widget, previous);

  if (changed & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);
}

static void
prospect_chart_widget_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  ProspectChartWidget *self = PROSPECT_CHART_WIDGET (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = kind_sizes[self->kind].min_width;
      *natural = kind_sizes[self->kind].natural_width;
    }
  else
    {
      *minimum = kind_sizes[self->kind].min_height;
      *natural = kind_sizes[self->kind].natural_height;
    }
}

static void
prospect_chart_widget_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  ProspectChartWidget *self = PROSPECT_CHART_WIDGET (widget);

  gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
prospect_chart_widget_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  ProspectChartWidget *self = PROSPECT_CHART_WIDGET (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->data == NULL || self->style == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  prospect_chart_draw (cr, self->kind, self->data, width, height, self->style);
  draw_highlights (self, cr);
  cairo_destroy (cr);
}

static void
prospect_chart_widget_dispose (GObject *object)
{
  ProspectChartWidget *self = PROSPECT_CHART_WIDGET (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->menu, gtk_widget_unparent);

  G_OBJECT_CLASS (prospect_chart_widget_parent_class)->dispose (object);
}

static void
prospect_chart_widget_finalize (GObject *object)
{
  ProspectChartWidget *self = PROSPECT_CHART_WIDGET (object);

  free_data (self);
  g_clear_pointer (&self->style, prospect_chart_style_free);
  g_free (self->title);
  g_free (self->description);

  G_OBJECT_CLASS (prospect_chart_widget_parent_class)->finalize (object);
}

static void
prospect_chart_widget_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ProspectChartWidget *self = PROSPECT_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
prospect_chart_widget_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ProspectChartWidget *self = PROSPECT_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      prospect_chart_widget_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  guint           keypad_keyval,
                  int             d_series,
                  int             d_index)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, "chart.move", "(ii)", d_series, d_index);
  gtk_widget_class_add_binding_action (widget_class, keypad_keyval, 0, "chart.move", "(ii)",
                                       d_series, d_index);
}

static void
prospect_chart_widget_class_init (ProspectChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prospect_chart_widget_dispose;
  object_class->finalize = prospect_chart_widget_finalize;
  object_class->get_property = prospect_chart_widget_get_property;
  object_class->set_property = prospect_chart_widget_set_property;

  widget_class->css_changed = prospect_chart_widget_css_changed;
  widget_class->measure = prospect_chart_widget_measure;
  widget_class->size_allocate = prospect_chart_widget_size_allocate;
  widget_class->snapshot = prospect_chart_widget_snapshot;
  widget_class->state_flags_changed = prospect_chart_widget_state_flags_changed;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "chart.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "chart.menu", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "chart.move", "(ii)", move_action);
  gtk_widget_class_install_action (widget_class, "chart.activate", NULL, activate_action);

  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1);
  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "chart.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "chart.menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
prospect_chart_widget_init (ProspectChartWidget *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *context = gtk_gesture_click_new ();
  g_autoptr(GMenu) menu = g_menu_new ();

  self->kind = PROSPECT_CHART_FUNNEL;
  self->hover_index = -1;
  self->focus_index = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (context), GDK_BUTTON_SECONDARY);
  g_signal_connect (context, "pressed", G_CALLBACK (context_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (context));

  g_menu_append (menu, _("_Export Chart…"), "chart.export");
  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));

  /* css-changed covers theme switches; high contrast alone may change
   * only colours that no CSS property of ours reads, so listen too. */
  g_signal_connect (adw_style_manager_get_default (), "notify::dark",
                    G_CALLBACK (style_changed_cb), self);
  g_signal_connect (adw_style_manager_get_default (), "notify::high-contrast",
                    G_CALLBACK (style_changed_cb), self);
  update_style (self);
}

GtkWidget *
prospect_chart_widget_new (void)
{
  return g_object_new (PROSPECT_TYPE_CHART_WIDGET, NULL);
}

void
prospect_chart_widget_set_funnel (ProspectChartWidget      *self,
                                  const ProspectFunnelData *data)
{
  g_return_if_fail (PROSPECT_IS_CHART_WIDGET (self));
  g_return_if_fail (data != NULL);

  set_data (self, PROSPECT_CHART_FUNNEL, prospect_funnel_data_copy (data));
}

void
prospect_chart_widget_set_gauge (ProspectChartWidget     *self,
                                 const ProspectGaugeData *data)
{
  g_return_if_fail (PROSPECT_IS_CHART_WIDGET (self));
  g_return_if_fail (data != NULL);

  set_data (self, PROSPECT_CHART_GAUGE, prospect_gauge_data_copy (data));
}

void
prospect_chart_widget_set_bars (ProspectChartWidget   *self,
                                const ProspectBarData *data)
{
  g_return_if_fail (PROSPECT_IS_CHART_WIDGET (self));
  g_return_if_fail (data != NULL);

  set_data (self, PROSPECT_CHART_BARS, prospect_bar_data_copy (data));
}

/* FALSE until data was set. */
gboolean
prospect_chart_widget_get_kind (ProspectChartWidget *self,
                                ProspectChartKind   *kind)
{
  g_return_val_if_fail (PROSPECT_IS_CHART_WIDGET (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  *kind = self->kind;

  return self->data != NULL;
}

const char *
prospect_chart_widget_get_title (ProspectChartWidget *self)
{
  g_return_val_if_fail (PROSPECT_IS_CHART_WIDGET (self), NULL);

  return self->title;
}

void
prospect_chart_widget_set_title (ProspectChartWidget *self,
                                 const char          *title)
{
  g_return_if_fail (PROSPECT_IS_CHART_WIDGET (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : "", -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
prospect_chart_widget_get_description (ProspectChartWidget *self)
{
  g_return_val_if_fail (PROSPECT_IS_CHART_WIDGET (self), NULL);

  return self->description;
}

void
prospect_chart_widget_export (ProspectChartWidget *self)
{
  GtkRoot *root;
  g_autoptr(GtkFileFilter) png = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  g_return_if_fail (PROSPECT_IS_CHART_WIDGET (self));

  if (self->data == NULL || self->chooser != NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  self->chooser = gtk_file_chooser_native_new (_("Export Chart"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (png, _("PNG Image"));
  gtk_file_filter_add_mime_type (png, "image/png");
  gtk_file_filter_add_suffix (png, "png");
  gtk_file_filter_set_name (pdf, _("PDF Document"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), pdf);
  self->pdf_filter = pdf;

  /* TRANSLATORS: default file name of an exported chart without a title */
  name = g_strdup_printf ("%s.png", self->title != NULL ? self->title : _("Chart"));
  g_strdelimit (name, "/", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Files are read away from the screen, often printed: they get the light
 * palette whatever the desktop's, in the widget's font. */
gboolean
prospect_chart_widget_export_to_file (ProspectChartWidget  *self,
                                      const char           *path,
                                      GError              **error)
{
  g_autoptr(ProspectChartStyle) style = prospect_chart_style_new (PROSPECT_CHART_PALETTE_LIGHT);
  ProspectChartFormat format;
  double width;
  double height;

  g_return_val_if_fail (PROSPECT_IS_CHART_WIDGET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (self->data != NULL, FALSE);

  if (!prospect_chart_format_for_path (path, &format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s” is neither a PNG nor a PDF file name"), path);
      return FALSE;
    }

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (width <= 0 || height <= 0)
    {
      width = kind_sizes[self->kind].natural_width;
      height = kind_sizes[self->kind].natural_height;
    }
  if (self->style != NULL)
    prospect_chart_style_set_font (style, self->style->font);

  return prospect_chart_export (self->kind, self->data, style, format, width, height, path, error);
}
