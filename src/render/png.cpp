#include "render/png.h"

#include <cairo.h>
#include <dlfcn.h>
#include <librsvg/rsvg.h>

#include <cmath>
#include <mutex>

namespace specgate::render {
namespace {

// librsvg, cairo and GLib are loaded when the first PNG is made, not linked: linked, their
// relocations and initializers cost every specgate run (check, mermaid, ...) about 14 million
// instructions at start-up, 4x the whole start-up without them (docs/rendering.md, "PNG").
struct Rsvg {
  decltype(&rsvg_handle_new_from_data) new_from_data = nullptr;
  decltype(&rsvg_handle_get_intrinsic_size_in_pixels) intrinsic_size = nullptr;
  decltype(&rsvg_handle_render_document) render_document = nullptr;
  decltype(&g_object_unref) object_unref = nullptr;
  decltype(&g_error_free) error_free = nullptr;
  decltype(&cairo_image_surface_create) surface_create = nullptr;
  decltype(&cairo_create) create = nullptr;
  decltype(&cairo_surface_flush) surface_flush = nullptr;
  decltype(&cairo_surface_write_to_png_stream) write_png = nullptr;
  decltype(&cairo_destroy) destroy = nullptr;
  decltype(&cairo_surface_destroy) surface_destroy = nullptr;
  std::string error;
};

template <class F>
bool load(void* lib, const char* name, F& out, std::string& error) {
  out = reinterpret_cast<F>(dlsym(lib, name));
  if (!out && error.empty()) error = std::string("missing ") + name;
  return out != nullptr;
}

const Rsvg& rsvg() {
  static Rsvg r;
  static std::once_flag once;
  std::call_once(once, [] {
    void* rs = dlopen("librsvg-2.so.2", RTLD_NOW | RTLD_LOCAL);
    void* ca = dlopen("libcairo.so.2", RTLD_NOW | RTLD_LOCAL);
    void* go = dlopen("libgobject-2.0.so.0", RTLD_NOW | RTLD_LOCAL);
    void* gl = dlopen("libglib-2.0.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!rs || !ca || !go || !gl) {
      r.error = "PNG output needs librsvg and cairo (Debian: librsvg2-2, libcairo2)";
      return;
    }
    std::string& e = r.error;
    load(rs, "rsvg_handle_new_from_data", r.new_from_data, e);
    load(rs, "rsvg_handle_get_intrinsic_size_in_pixels", r.intrinsic_size, e);
    load(rs, "rsvg_handle_render_document", r.render_document, e);
    load(go, "g_object_unref", r.object_unref, e);
    load(gl, "g_error_free", r.error_free, e);
    load(ca, "cairo_image_surface_create", r.surface_create, e);
    load(ca, "cairo_create", r.create, e);
    load(ca, "cairo_surface_flush", r.surface_flush, e);
    load(ca, "cairo_surface_write_to_png_stream", r.write_png, e);
    load(ca, "cairo_destroy", r.destroy, e);
    load(ca, "cairo_surface_destroy", r.surface_destroy, e);
  });
  return r;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::optional<std::string> svg_to_png(std::string_view svg, double scale, std::string& error) {
  const Rsvg& r = rsvg();
  if (!r.error.empty()) {
    error = r.error;
    return std::nullopt;
  }
  GError* gerr = nullptr;
  RsvgHandle* h = r.new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &gerr);
  if (!h) {
    error = gerr ? gerr->message : "librsvg could not read the SVG";
    if (gerr) r.error_free(gerr);
    return std::nullopt;
  }
  gdouble w = 0, hgt = 0;
  if (!r.intrinsic_size(h, &w, &hgt) || w <= 0 || hgt <= 0) {
    r.object_unref(h);
    error = "the SVG has no size";
    return std::nullopt;
  }
  // Bounded: a huge diagram must not ask cairo for gigabytes.
  const double limit = 16384;
  if (w * scale > limit || hgt * scale > limit) scale = std::min(limit / w, limit / hgt);
  const int pw = static_cast<int>(std::ceil(w * scale)), ph = static_cast<int>(std::ceil(hgt * scale));
  cairo_surface_t* surface = r.surface_create(CAIRO_FORMAT_ARGB32, pw, ph);
  cairo_t* cr = r.create(surface);
  RsvgRectangle viewport{0, 0, static_cast<double>(pw), static_cast<double>(ph)};
  bool ok = r.render_document(h, cr, &viewport, &gerr);
  std::string png;
  if (ok) {
    r.surface_flush(surface);
    ok = r.write_png(surface, append, &png) == CAIRO_STATUS_SUCCESS;
    if (!ok) error = "cairo could not write the PNG";
  } else {
    error = gerr ? gerr->message : "librsvg could not draw the SVG";
  }
  if (gerr) r.error_free(gerr);
  r.destroy(cr);
  r.surface_destroy(surface);
  r.object_unref(h);
  if (!ok) return std::nullopt;
  return png;
}

}  // namespace specgate::render
