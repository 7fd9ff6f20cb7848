// SVG -> PNG through librsvg and cairo (Debian librsvg2-dev): the renderer's own SVG, so the
// PNG shows exactly what the SVG does.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace specgate::render {

// PNG bytes of `svg` at `scale` times its size, or nullopt with `error` set.
std::optional<std::string> svg_to_png(std::string_view svg, double scale, std::string& error);

}  // namespace specgate::render
