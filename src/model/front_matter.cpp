#include "model/front_matter.h"

#include <yaml-cpp/yaml.h>

#include "core/yaml_guard.h"
#include "model/normalize.h"

namespace specgate {

namespace {

std::string scalar_text(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar: return node.Scalar();
    case YAML::NodeType::Sequence: {
      std::string out;
      for (const auto& item : node) {
        if (!out.empty()) out += ", ";
        out += scalar_text(item);
      }
      return out;
    }
    case YAML::NodeType::Map: {
      YAML::Emitter e;
      e << YAML::Flow << node;
      return e.c_str();
    }
    default: return "";
  }
}

}  // namespace

size_t read_front_matter(const SourceText& src, FrontMatter& fm) {
  if (src.line_count() < 2 || trim(src.line(1)) != "---") return 0;
  uint32_t close = 0;
  for (uint32_t l = 2; l <= src.line_count(); ++l) {
    std::string_view t = trim(src.line(l));
    if (t == "---" || t == "...") { close = l; break; }
  }
  if (close == 0) return 0;  // a lone `---` on line 1 is a thematic break, not front matter
  fm.present = true;
  fm.line = 1;
  fm.end_line = close;
  const size_t body_begin = src.line_begin(2);
  const size_t body_end = src.line_begin(close);
  const std::string yaml(src.text().substr(body_begin, body_end - body_begin));
  try {
    const std::optional<YAML::Node> parsed = load_yaml(yaml);
    if (!parsed) {
      fm.error = "front matter nests deeper than " + std::to_string(kMaxYamlDepth) + " levels";
      fm.error_line = 2;
      fm.error_column = 1;
      return src.line_begin(close + 1);
    }
    const YAML::Node& root = *parsed;
    if (root.IsMap()) {
      for (const auto& kv : root) {
        FrontMatterEntry e;
        e.key = kv.first.as<std::string>("");
        e.value = scalar_text(kv.second);
        const YAML::Mark m = kv.second.Mark();
        const YAML::Mark km = kv.first.Mark();
        e.line = static_cast<uint32_t>((m.line >= 0 ? m.line : km.line) + 2);
        const int byte_col = m.line >= 0 ? m.column : km.column;
        e.column = src.column_of(e.line, static_cast<size_t>(byte_col >= 0 ? byte_col : 0));
        fm.entries.push_back(std::move(e));
      }
    } else if (!root.IsNull()) {
      fm.error = "front matter is not a mapping of keys to values";
      fm.error_line = 2;
      fm.error_column = 1;
    }
  } catch (const YAML::Exception& ex) {
    fm.error = ex.msg;
    fm.error_line = static_cast<uint32_t>(ex.mark.line >= 0 ? ex.mark.line + 2 : 2);
    fm.error_column = static_cast<uint32_t>(ex.mark.column >= 0 ? ex.mark.column + 1 : 1);
  }
  return src.line_begin(close + 1);
}

}  // namespace specgate
