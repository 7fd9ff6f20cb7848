#include "core/yaml_syntax.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <sstream>

#include "core/yaml_guard.h"

namespace specgate {

namespace {

// Parse events are dropped: only whether the text parses matters, and building nodes was most of
// the cost. Remembers where the last document started.
class DocumentStarts : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { last = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

  YAML::Mark last;
};

}  // namespace

std::optional<YamlSyntaxError> yaml_syntax_error(std::string_view text) {
  if (yaml_too_deep(text)) return std::nullopt;  // yaml-cpp recurses once per level
  // Each document but the first starts on a line of its own, so a text holds at most one more
  // document than it has lines. yaml-cpp 0.7 exceeds that at a ',' outside [ ] or { } (",",
  // "[a], b"): it reports an empty document there forever without consuming the ','.
  const size_t max_documents = static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 2;
  std::istringstream in{std::string(text)};
  DocumentStarts handler;
  try {
    YAML::Parser parser(in);
    for (size_t documents = 0; parser.HandleNextDocument(handler);) {
      if (++documents <= max_documents) continue;
      YamlSyntaxError e;
      e.line = static_cast<size_t>(std::max(0, handler.last.line));
      e.column = static_cast<size_t>(std::max(0, handler.last.column));
      e.located = !handler.last.is_null();
      const size_t pos = static_cast<size_t>(std::max(0, handler.last.pos));
      e.message = pos < text.size() && text[pos] == ','
                      ? "',' outside a [ ] or { } list"
                      : "the parser cannot get past this point";
      return e;
    }
  } catch (const YAML::Exception& ex) {
    YamlSyntaxError e;
    e.located = !ex.mark.is_null();
    if (e.located) {
      e.line = static_cast<size_t>(std::max(0, ex.mark.line));
      e.column = static_cast<size_t>(std::max(0, ex.mark.column));
    }
    e.message = ex.msg;
    return e;
  } catch (const std::exception& ex) {
    YamlSyntaxError e;
    e.message = ex.what();
    return e;
  }
  return std::nullopt;
}

}  // namespace specgate
