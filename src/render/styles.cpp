#include "render/styles.h"

#include <string_view>

#include "render/svg_writer.h"

namespace specgate::render {

std::string composed_style(const std::map<std::string, std::string>& class_defs, const std::vector<std::string>& classes,
                           const std::string& style, bool with_default) {
  std::string css;
  auto add = [&](const std::string& name) {
    auto it = class_defs.find(name);
    if (it != class_defs.end()) css += (css.empty() ? "" : ",") + it->second;
  };
  if (with_default) add("default");
  for (const std::string& c : classes) add(c);
  if (!style.empty()) css += (css.empty() ? "" : ",") + style;
  return css;
}

std::string text_style_of(const std::string& css) {
  std::string out;
  std::string clean = sanitize_style(css);
  size_t i = 0;
  while (i <= clean.size()) {
    size_t e = clean.find(';', i);
    if (e == std::string::npos) e = clean.size();
    std::string_view d(clean.data() + i, e - i);
    if (d.substr(0, 6) == "color:") {
      out += (out.empty() ? "" : ";") + std::string("fill:") + std::string(d.substr(6));
    } else if (d.substr(0, 5) == "font-") {
      out += (out.empty() ? "" : ";") + std::string(d);
    }
    i = e + 1;
  }
  return out;
}

}  // namespace specgate::render
