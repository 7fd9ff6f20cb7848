#include "render/png.h"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <cmath>

namespace specgate::render {
namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::optional<std::string> svg_to_png(std::string_view svg, double scale, std::string& error) {
  GError* gerr = nullptr;
  RsvgHandle* h = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &gerr);
  if (!h) {
    error = gerr ? gerr->message : "librsvg could not read the SVG";
    if (gerr) g_error_free(gerr);
    return std::nullopt;
  }
  gdouble w = 0, hgt = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &hgt) || w <= 0 || hgt <= 0) {
    g_object_unref(h);
    error = "the SVG has no size";
    return std::nullopt;
  }
  // Bounded: a huge diagram must not ask cairo for gigabytes.
  const double limit = 16384;
  if (w * scale > limit || hgt * scale > limit) scale = std::min(limit / w, limit / hgt);
  const int pw = static_cast<int>(std::ceil(w * scale)), ph = static_cast<int>(std::ceil(hgt * scale));
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pw, ph);
  cairo_t* cr = cairo_create(surface);
  RsvgRectangle viewport{0, 0, static_cast<double>(pw), static_cast<double>(ph)};
  bool ok = rsvg_handle_render_document(h, cr, &viewport, &gerr);
  std::string png;
  if (ok) {
    cairo_surface_flush(surface);
    ok = cairo_surface_write_to_png_stream(surface, append, &png) == CAIRO_STATUS_SUCCESS;
    if (!ok) error = "cairo could not write the PNG";
  } else {
    error = gerr ? gerr->message : "librsvg could not draw the SVG";
  }
  if (gerr) g_error_free(gerr);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  g_object_unref(h);
  if (!ok) return std::nullopt;
  return png;
}

}  // namespace specgate::render
