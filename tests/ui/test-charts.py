# SPDX-License-Identifier: GPL-3.0-or-later
"""The chart widgets, as a screen reader and a mouse user meet them, in
the chart gallery (chart-gallery.c, fixed sample figures): every chart
states its figures in its accessible description; a click on a funnel
band or a gauge, and the arrow keys and Enter after it, activate the
right item; "Export" writes each chart as PNG and PDF at its on-screen
size."""

import os
import struct

import pyatspi

import uitest

tap = uitest.Tap(8)
export_dir = os.path.join(os.environ["PROSPECT_TEST_DIR"], "export")
app = uitest.App("--export", export_dir)

try:
    root = app.wait_for_window()
    funnel = uitest.find(root, "image", "Funnel")
except uitest.Failure as error:
    tap.bail_out("no chart gallery: %s\n%s" % (error, app.output()))


def description_of(name):
    return uitest.find(root, "image", name).description


def expect_in(text, *parts):
    missing = [part for part in parts if part not in text]
    if missing:
        raise uitest.Failure("%r lacks %r" % (text, missing))


def funnel_figures():
    expect_in(description_of("Funnel"),
              "Funnel by number of deals. Ana Novak — Lead: 60 deals worth €900000.00; "
              "70% went on to Qualified.",
              "Won: 8 deals worth €200000.00.",
              "Ana Novak — ", "Weakest step: Qualified to Proposal, 48%.",
              "Team — Lead: 240 deals worth €3360000.00; 62% went on to Qualified.",
              "Weakest step: Proposal to Negotiation, 44%.")


def gauge_figures():
    expect_in(description_of("Ana Novak target"),
              "Ana Novak: At risk. Won €52000.00 of a €100000.00 target (52%), with 60% of "
              "the period gone. Expected by period end: €89000.00. Same point last year: "
              "€45000.00.")
    expect_in(description_of("Team target"), "Team: On track.")
    expect_in(description_of("Bo Larsen target"), "Bo Larsen: Off track.")
    expect_in(description_of("Cleo Marin target"), "Cleo Marin: No target. Won €24000.00,")


def bar_figures():
    expect_in(description_of("Won per month"),
              "Bar chart. Apr: This fiscal year €42000.00, Previous fiscal year €36000.00.",
              "Nov: This fiscal year €0.00, Previous fiscal year €66000.00.")


def activated(text):
    return uitest.wait_until(lambda: uitest.find_all(root, "label", text),
                             what="label %r" % text)


def click_funnel_band():
    # The middle one of the five Proposal rows: the rows are centred under
    # the 30 px header inside 12 px padding (prospect-funnel-chart.c), so
    # the middle row's centre is 15 px below the widget's middle. The left
    # funnel's column starts after the stage names, a column of 28% of the
    # width (at most 150 px) and 12 px spacing, and takes half of the rest.
    extents = funnel.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    inner = extents.width - 24
    area_x = 12 + min(0.28 * inner, 150) + 12
    column = (extents.width - 12 - area_x - 24) / 2
    x = extents.x + area_x + column / 2
    y = extents.y + extents.height / 2 + 15
    pyatspi.Registry.generateMouseEvent(int(x), int(y), "b1c")
    activated("Activated: Funnel, series 0, item 2")


def keyboard_moves_on():
    # The click gave the funnel the keyboard focus: down a stage, over to
    # the team's funnel, and choose.
    uitest.press_keys("Down")
    uitest.press_keys("Right")
    uitest.press_keys("Return")
    activated("Activated: Funnel, series 1, item 3")


def click_gauge():
    uitest.mouse_click(uitest.find(root, "image", "Bo Larsen target"))
    activated("Activated: Bo Larsen target, series 0, item 0")


def png_size(path):
    with open(path, "rb") as f:
        header = f.read(24)
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        raise uitest.Failure("%s is not a PNG: %r" % (path, header[:8]))
    return struct.unpack(">II", header[16:24])


def exports_written():
    paths = [os.path.join(export_dir, "chart-%d.%s" % (i, ext))
             for i in range(6) for ext in ("png", "pdf")]
    uitest.wait_until(lambda: all(os.path.exists(p) for p in paths), what="6 PNG and 6 PDF files")
    extents = funnel.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    # chart-0 is the funnel, exported at its on-screen size
    size = png_size(paths[0])
    if size != (extents.width, extents.height):
        raise uitest.Failure("funnel PNG is %r, on screen %dx%d" % (size, extents.width,
                                                                   extents.height))
    for path in paths[1::2]:
        with open(path, "rb") as f:
            if not f.read(5) == b"%PDF-":
                raise uitest.Failure("%s is not a PDF" % path)


tap.check("the funnel states each stage's figures and the weakest step", funnel_figures)
tap.check("each gauge states its status, won, target, expected and last year", gauge_figures)
tap.check("the bar chart states both years' figures per month", bar_figures)
tap.check("nothing was activated before a click",
          lambda: activated("Activated: nothing yet"))
tap.check("a click on the Proposal band activates it", click_funnel_band)
tap.check("the arrow keys and Enter move on from there", keyboard_moves_on)
tap.check("a click on a rep's gauge activates it", click_gauge)
tap.check("every chart was exported as PNG (at screen size) and PDF", exports_written)

app.stop()
tap.exit()
