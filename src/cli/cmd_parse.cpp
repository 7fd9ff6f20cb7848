// `specgate parse FILE`: print the document model, as an outline or as JSON.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <iostream>
#include <vector>

#include "cli/commands.h"
#include "cli/common.h"
#include "model/load.h"
#include "model/model_json.h"

namespace specgate::cli {

namespace {

struct ParseOptions {
  std::string file;
  std::string format = "text";
};

void print_outline(const Document& doc) {
  fmt::print("{} ({} lines)\n", doc.source.path(), doc.source.line_count());
  if (doc.front_matter.present) {
    fmt::print("{:>5}  front matter ({} keys){}\n", doc.front_matter.line, doc.front_matter.entries.size(),
               doc.front_matter.error.empty() ? "" : ", invalid YAML: " + doc.front_matter.error);
  }
  // Per-section counts in one pass over each list (slot 0 is the preamble): counting per section
  // by scanning every list made a many-section document quadratic.
  struct Counts {
    size_t fields = 0, checked = 0, boxes = 0, tables = 0, code = 0, links = 0;
  };
  std::vector<Counts> counts(doc.sections.size() + 1);
  auto slot = [&](int32_t section) -> Counts& { return counts[static_cast<size_t>(section + 1)]; };
  for (const auto& f : doc.fields) slot(f.section).fields += !f.front_matter;
  for (const auto& c : doc.checklist) {
    ++slot(c.section).boxes;
    slot(c.section).checked += c.checked;
  }
  for (const auto& t : doc.tables) ++slot(t.section).tables;
  for (const auto& c : doc.code_blocks) ++slot(c.section).code;
  for (const auto& l : doc.links) ++slot(l.section).links;
  auto summary = [&](int32_t section) {
    const auto [fields, checked, boxes, tables, code, links] = slot(section);
    std::string out;
    if (fields) out += fmt::format(" fields={}", fields);
    if (boxes) out += fmt::format(" checklist={}/{}", checked, boxes);
    if (tables) out += fmt::format(" tables={}", tables);
    if (code) out += fmt::format(" code={}", code);
    if (links) out += fmt::format(" links={}", links);
    return out;
  };
  const std::string pre = summary(kPreamble);
  if (!pre.empty()) fmt::print("{:>5}  (preamble){}\n", 1, pre);
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    const Section& s = doc.sections[i];
    fmt::print("{:>5}  {}{} {}  [{}-{}]{}\n", s.line, std::string(2 * (s.level - 1), ' '), std::string(s.level, '#'),
               s.title, s.line, s.end_line, summary(static_cast<int32_t>(i)));
  }
  fmt::print("{} sections, {} fields, {} checklist items, {} tables, {} code blocks, {} links\n",
             doc.sections.size(), doc.fields.size(), doc.checklist.size(), doc.tables.size(),
             doc.code_blocks.size(), doc.links.size());
}

}  // namespace

void register_parse(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<ParseOptions>();
  auto* sub = app.add_subcommand("parse", "Print the document model of a Markdown file");
  sub->footer(
      "The outline lists each heading with its line, level and line range, and what the section\n"
      "holds. JSON is the full model (documented in docs/document-model.md).\n\n"
      "Examples:\n  specgate parse spec.md\n  specgate parse spec.md --format json | jq '.sections[].title'");
  sub->add_option("FILE", opts->file, "Markdown file to parse")->required();
  add_format_option(*sub, opts->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  sub->callback([opts, &exit_code] {
    std::string error;
    auto doc = load_document(opts->file, error);
    if (!doc) {
      fmt::print(stderr, "specgate: {}\n", error);
      exit_code = 2;
      return;
    }
    if (opts->format == "json") {
      std::string json;
      write_document_json(json, *doc);
      json += '\n';
      std::cout.write(json.data(), static_cast<std::streamsize>(json.size()));
    } else {
      print_outline(*doc);
    }
    exit_code = 0;
  });
}

}  // namespace specgate::cli
