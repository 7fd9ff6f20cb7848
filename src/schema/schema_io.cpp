#include "schema/schema_io.h"

#include <yaml-cpp/yaml.h>

#include <stdexcept>

#include "core/file_io.h"
#include "core/yaml_guard.h"
#include "model/normalize.h"
#include "schema/match.h"

namespace specgate {

using ojson = nlohmann::ordered_json;
using json = nlohmann::json;

namespace {

ojson field_json(const FieldSpec& f) {
  ojson j{{"key", f.key}, {"type", field_type_name(f.type)}};
  if (!f.choices.empty()) j["choices"] = f.choices;
  if (!f.id_prefix.empty()) j["id_prefix"] = f.id_prefix;
  j["required"] = f.required;
  if (!f.example.empty()) j["example"] = f.example;
  return j;
}

ojson section_json(const Schema& s, int32_t idx) {
  const SectionSpec& sec = s.sections[idx];
  ojson j{{"title", sec.title}, {"match", sec.repeatable ? sec.pattern : sec.normalized_title}, {"level", sec.level}};
  j["required"] = !sec.optional;
  if (sec.repeatable) j["repeatable"] = true;
  if (sec.allows_na) j["allows_na"] = true;
  if (sec.checklist) j["checklist"] = true;
  if (sec.evidence_line) j["evidence_line"] = true;
  if (!sec.fields.empty()) {
    ojson fields = ojson::array();
    for (const auto& f : sec.fields) fields.push_back(field_json(f));
    j["fields"] = std::move(fields);
  }
  if (!sec.tables.empty()) {
    ojson tables = ojson::array();
    for (const auto& t : sec.tables) tables.push_back(ojson{{"columns", t.columns}});
    j["tables"] = std::move(tables);
  }
  if (!sec.code.empty()) {
    ojson code = ojson::array();
    for (const auto& c : sec.code) {
      ojson cj{{"language", c.language}};
      if (!c.diagram_type.empty()) cj["diagram"] = c.diagram_type;
      code.push_back(std::move(cj));
    }
    j["code"] = std::move(code);
  }
  if (!sec.children.empty()) {
    ojson children = ojson::array();
    for (int32_t c : sec.children) children.push_back(section_json(s, c));
    j["sections"] = std::move(children);
  }
  return j;
}

template <class T>
T get_or(const json& j, const char* key, T fallback) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  return it->get<T>();
}

void read_section(const json& j, Schema& s, int32_t parent) {
  SectionSpec sec;
  sec.title = get_or<std::string>(j, "title", "");
  if (sec.title.empty()) throw std::runtime_error("a section has no 'title'");
  sec.level = get_or<int>(j, "level", parent >= 0 ? s.sections[parent].level + 1 : 1);
  sec.optional = !get_or<bool>(j, "required", true);
  sec.repeatable = get_or<bool>(j, "repeatable", false);
  sec.allows_na = get_or<bool>(j, "allows_na", false);
  sec.checklist = get_or<bool>(j, "checklist", false);
  sec.evidence_line = get_or<bool>(j, "evidence_line", false);
  const std::string match = get_or<std::string>(j, "match", normalize_title(sec.title).text);
  sec.normalized_title = sec.repeatable ? normalize_title(sec.title).text : match;
  if (sec.repeatable) sec.pattern = match;
  sec.has_content = true;
  sec.parent = parent;
  if (auto it = j.find("fields"); it != j.end()) {
    for (const auto& f : *it) {
      FieldSpec fs;
      fs.key = get_or<std::string>(f, "key", "");
      if (fs.key.empty()) throw std::runtime_error("a field of section '" + sec.title + "' has no 'key'");
      const std::string type = get_or<std::string>(f, "type", "text");
      if (!parse_field_type(type, fs.type))
        throw std::runtime_error("field '" + fs.key + "': unknown type '" + type + "' (text, choice, date, id, number)");
      fs.choices = get_or<std::vector<std::string>>(f, "choices", {});
      fs.id_prefix = get_or<std::string>(f, "id_prefix", "");
      fs.required = get_or<bool>(f, "required", !sec.optional);
      fs.example = get_or<std::string>(f, "example", "");
      sec.fields.push_back(std::move(fs));
    }
  }
  if (auto it = j.find("tables"); it != j.end()) {
    for (const auto& t : *it) sec.tables.push_back(TableSpec{get_or<std::vector<std::string>>(t, "columns", {}), 0});
  }
  if (auto it = j.find("code"); it != j.end()) {
    for (const auto& c : *it)
      sec.code.push_back(CodeSpec{get_or<std::string>(c, "language", ""), get_or<std::string>(c, "diagram", ""), 0});
  }
  const int32_t idx = static_cast<int32_t>(s.sections.size());
  if (parent >= 0) s.sections[parent].children.push_back(idx);
  s.sections.push_back(std::move(sec));
  if (auto it = j.find("sections"); it != j.end()) {
    for (const auto& c : *it) read_section(c, s, idx);
  }
}

json yaml_node_to_json(const YAML::Node& n, int depth) {
  if (depth > 200) throw std::runtime_error("nesting too deep");
  switch (n.Type()) {
    case YAML::NodeType::Map: {
      json j = json::object();
      for (const auto& kv : n) j[kv.first.as<std::string>("")] = yaml_node_to_json(kv.second, depth + 1);
      return j;
    }
    case YAML::NodeType::Sequence: {
      json j = json::array();
      for (const auto& item : n) j.push_back(yaml_node_to_json(item, depth + 1));
      return j;
    }
    case YAML::NodeType::Scalar: {
      const std::string& v = n.Scalar();
      if (n.Tag() == "!") return v;  // quoted: always a string
      if (v == "true") return true;
      if (v == "false") return false;
      if (v == "null" || v == "~") return nullptr;
      char* end = nullptr;
      long long i = std::strtoll(v.c_str(), &end, 10);
      if (!v.empty() && end && *end == '\0') return i;
      return v;
    }
    default: return nullptr;
  }
}

void emit(YAML::Emitter& e, const ojson& j) {
  if (j.is_object()) {
    e << YAML::BeginMap;
    for (const auto& [k, v] : j.items()) {
      e << YAML::Key << k << YAML::Value;
      emit(e, v);
    }
    e << YAML::EndMap;
  } else if (j.is_array()) {
    const bool flat = std::all_of(j.begin(), j.end(), [](const ojson& x) { return x.is_primitive(); });
    e << (flat ? YAML::Flow : YAML::Block) << YAML::BeginSeq;
    for (const auto& v : j) emit(e, v);
    e << YAML::EndSeq;
  } else if (j.is_string()) {
    e << YAML::DoubleQuoted << j.get<std::string>();
  } else if (j.is_boolean()) {
    e << j.get<bool>();
  } else if (j.is_number_integer()) {
    e << j.get<long long>();
  } else if (j.is_null()) {
    e << YAML::Null;
  } else {
    e << j.dump();
  }
}

}  // namespace

ojson schema_to_json(const Schema& s) {
  ojson j{{"schema_version", 1}, {"name", s.name}};
  if (!s.description.empty()) j["description"] = s.description;
  ojson rules = ojson::object();
  rules["evidence"] = s.rules.evidence;
  if (s.rules.evidence) rules["evidence_prefixes"] = s.rules.evidence_prefixes;
  rules["template_metadata"] = s.rules.template_metadata;
  j["rules"] = std::move(rules);
  if (!s.preamble_fields.empty()) {
    ojson fields = ojson::array();
    for (const auto& f : s.preamble_fields) fields.push_back(field_json(f));
    j["fields"] = std::move(fields);
  }
  ojson sections = ojson::array();
  for (size_t i = 0; i < s.sections.size(); ++i) {
    if (s.sections[i].parent < 0) sections.push_back(section_json(s, static_cast<int32_t>(i)));
  }
  j["sections"] = std::move(sections);
  return j;
}

std::string json_to_yaml(const ojson& j) {
  YAML::Emitter e;
  e.SetIndent(2);
  emit(e, j);
  return std::string(e.c_str()) + "\n";
}

std::string schema_to_yaml(const Schema& s) { return json_to_yaml(schema_to_json(s)); }

json yaml_to_json(const std::string& yaml) {
  const std::optional<YAML::Node> node = load_yaml(yaml);
  if (!node) throw std::runtime_error("nested deeper than " + std::to_string(kMaxYamlDepth) + " levels");
  return yaml_node_to_json(*node, 0);
}

std::optional<Schema> schema_from_json(const json& j, std::string& error) {
  try {
    if (!j.is_object()) throw std::runtime_error("a schema must be a mapping");
    Schema s;
    s.name = get_or<std::string>(j, "name", "");
    s.description = get_or<std::string>(j, "description", "");
    s.source = "schema";
    if (auto it = j.find("rules"); it != j.end()) {
      s.rules.evidence = get_or<bool>(*it, "evidence", false);
      s.rules.evidence_prefixes = get_or<std::vector<std::string>>(*it, "evidence_prefixes", s.rules.evidence_prefixes);
      s.rules.template_metadata = get_or<bool>(*it, "template_metadata", false);
    }
    if (auto it = j.find("fields"); it != j.end()) {
      for (const auto& f : *it) {
        FieldSpec fs;
        fs.key = get_or<std::string>(f, "key", "");
        parse_field_type(get_or<std::string>(f, "type", "text"), fs.type);
        fs.choices = get_or<std::vector<std::string>>(f, "choices", {});
        fs.id_prefix = get_or<std::string>(f, "id_prefix", "");
        fs.required = get_or<bool>(f, "required", true);
        fs.example = get_or<std::string>(f, "example", "");
        s.preamble_fields.push_back(std::move(fs));
      }
    }
    auto it = j.find("sections");
    if (it == j.end() || !it->is_array()) throw std::runtime_error("a schema needs a 'sections' list");
    for (const auto& sec : *it) read_section(sec, s, -1);
    index_sections(s);
    return s;
  } catch (const std::exception& e) {
    error = e.what();
    return std::nullopt;
  }
}

std::optional<Schema> load_schema(const std::string& path, std::string& error) {
  ReadResult r = read_file(path, size_t(16) << 20);
  if (!r.ok) {
    error = path + ": " + r.error;
    return std::nullopt;
  }
  json j;
  try {
    j = yaml_to_json(r.bytes);
  } catch (const YAML::Exception& e) {
    error = path + ":" + std::to_string(e.mark.line + 1) + ": invalid schema YAML/JSON: " + e.msg;
    return std::nullopt;
  } catch (const std::exception& e) {
    error = path + ": invalid schema: " + e.what();
    return std::nullopt;
  }
  std::string why;
  auto s = schema_from_json(j, why);
  if (!s) {
    error = path + ": invalid schema: " + why;
    return std::nullopt;
  }
  s->path = path;
  return s;
}

}  // namespace specgate
