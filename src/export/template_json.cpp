#include "export/template_json.h"

namespace specgate::exporter {

namespace {

pyjson::Value string_list(const std::vector<MetadataItem>& items) {
  pyjson::Value list = pyjson::Value::array();
  for (const auto& item : items) list.items.push_back(pyjson::Value::string(item.text));
  return list;
}

}  // namespace

pyjson::Value template_json_value(const TemplateMetadata& m) {
  pyjson::Value root = pyjson::Value::object();
  root.set("name", pyjson::Value::string(m.name.raw));
  root.set("description", pyjson::Value::string(m.description.raw));
  root.set("title_template", pyjson::Value::string(m.title_template.raw));
  root.set("acceptance_criteria", string_list(m.criteria));
  root.set("priority", pyjson::Value::string(m.priority_value));
  root.set("variables", string_list(m.variable_items));
  root.set("metadata", m.metadata_value);
  return root;
}

std::string render_template_json(const TemplateMetadata& m) {
  std::string out = pyjson::dump(template_json_value(m));
  out += '\n';
  return out;
}

}  // namespace specgate::exporter
