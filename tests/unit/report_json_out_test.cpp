// The hand-written JSON of the machine reports (report/json_out.h) must be byte for byte what
// nlohmann printed before: strings escaped and repaired the same way, the same layout. The fast
// escapes of the GitHub and JUnit writers must equal the plain forms they replace.
#include "report/json_out.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

#include "report/escape.h"
#include "report/json_diagnostic.h"
#include "report/report.h"
#include "support/lcg.h"
#include "support/report_builders.h"

namespace {

using specgate::report::append_json_string;
using specgate::report::JsonOut;
using Json = nlohmann::ordered_json;

std::string nlohmann_string(const std::string& s) {
  return Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string ours(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

// ASCII, escapes, valid multi-byte sequences and every kind of broken one: truncated, stray
// continuation bytes, overlong forms, surrogates, past U+10FFFF, bytes never valid.
const char* const kPieces[] = {
    "a",         "plain text ", "0123456789abcdefghij", "\"",       "\\",       "/",
    "\x01",      "\x08",        "\x09",                 "\x0A",     "\x0C",     "\x0D",
    "\x1F",      "\x7F",        "\xC3\xA9",             "\xC3",     "\xA9",     "\xE2\x82\xAC",
    "\xE2\x82",  "\xE0\xA0\x80", "\xE0\x80\x80",        "\xED\x9F\xBF", "\xED\xA0\x80", "\xEF\xBF\xBF",
    "\xF0\x9F\x98\x80", "\xF0\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF0\x9F\x98", "\xC0\xAF",
    "\xC1\xBF",  "\xF5\x80\x80\x80", "\xFE",            "\xFF",     "\x80",     "\xBF",
};

TEST(ReportJsonOut, EveryByteEscapedAsNlohmannDoes) {
  for (int b = 0; b < 256; ++b) {
    for (const std::string& s : {std::string(1, static_cast<char>(b)), "ab" + std::string(1, static_cast<char>(b)) + "cd",
                                 std::string(20, 'x') + std::string(1, static_cast<char>(b)) + std::string(20, 'y')}) {
      EXPECT_EQ(ours(s), nlohmann_string(s)) << "byte " << b;
    }
  }
}

TEST(ReportJsonOut, RandomStringsEscapedAndRepairedAsNlohmannDoes) {
  specgate::test::Lcg rng(15);
  for (int i = 0; i < 20000; ++i) {
    const std::string s = specgate::test::join_random(rng, kPieces, static_cast<int>(rng.below(12)));
    ASSERT_EQ(ours(s), nlohmann_string(s)) << "case " << i;
  }
}

TEST(ReportJsonOut, LayoutIsNlohmannsDumpTwo) {
  Json expected;
  expected["a"] = 1;
  expected["empty_object"] = Json::object();
  expected["empty_array"] = Json::array();
  expected["list"] = Json::array({Json{{"x", "y"}, {"n", nullptr}}, Json::array({true, false}), 7});
  expected["last"] = "z";

  std::string out;
  JsonOut j(out);
  j.begin_object();
  j.member_number("a", 1);
  j.key("empty_object");
  j.begin_object();
  j.end_object();
  j.key("empty_array");
  j.begin_array();
  j.end_array();
  j.key("list");
  j.begin_array();
  j.item();
  j.begin_object();
  j.member("x", "y");
  j.key("n");
  j.null();
  j.end_object();
  j.item();
  j.begin_array();
  j.item();
  j.boolean(true);
  j.item();
  j.boolean(false);
  j.end_array();
  j.item();
  j.number(7);
  j.end_array();
  j.member("last", "z");
  j.end_object();
  EXPECT_EQ(out, expected.dump(2));

  // Three levels deep: every line after the first indented by six more spaces.
  std::string nested;
  JsonOut k(nested, 3);
  k.begin_object();
  k.member("x", "y");
  k.end_object();
  EXPECT_EQ(nested, "{\n        \"x\": \"y\"\n      }");
}

// A report whose strings hold every piece above (valid UTF-8 only where a round trip through a
// parser needs it) and whose findings cover the optional members of each format.
specgate::RunReport random_report(specgate::test::Lcg& rng, bool valid_utf8_only) {
  using specgate::Severity;
  auto text = [&] {
    std::string s;
    for (int k = static_cast<int>(rng.below(6)); k > 0; --k) {
      const std::string piece = kPieces[rng.below(std::size(kPieces))];
      if (valid_utf8_only && specgate::report::valid_utf8(piece) != piece) continue;
      s += piece;
    }
    return s;
  };
  specgate::RunReport run;
  run.rules = {{"missing-section", Severity::Error, "A section is missing", true, {}},
               {"placeholder", Severity::Warning, "", false, {}}};
  for (int f = static_cast<int>(rng.below(4)); f > 0; --f) {
    std::vector<specgate::Diagnostic> diags;
    for (int d = static_cast<int>(rng.below(5)); d > 0; --d) {
      const Severity sev = static_cast<Severity>(rng.below(3));
      auto diag = specgate::test::diagnostic(sev, static_cast<uint32_t>(rng.below(4)), static_cast<uint32_t>(rng.below(3)),
                                             rng.below(3) == 0 ? "other-rule" : "missing-section", text());
      diag.end_line = static_cast<uint32_t>(rng.below(5));
      diag.end_column = static_cast<uint32_t>(rng.below(5));
      diag.hint = rng.below(2) ? text() : "";
      diag.section = rng.below(2) ? text() : "";
      diags.push_back(diag);
    }
    specgate::FileReport fr = specgate::test::file_report("dir/" + text() + ".md", diags, rng.below(2) ? "task" : "");
    fr.status = rng.below(2) ? text() : "";
    for (const auto& d : fr.diagnostics) {
      if (rng.below(2)) fr.excerpt_lines[d.line] = text();
    }
    run.files.push_back(fr);
  }
  return run;
}

std::string written(const specgate::RunReport& run, std::string_view format) {
  std::ostringstream out;
  specgate::write_report(out, run, *specgate::find_output_format(format));
  return out.str();
}

// What write_json printed when it built a nlohmann document.
std::string json_report_through_nlohmann(const specgate::RunReport& report) {
  Json root;
  root["version"] = 1;
  root["tool"] = Json{{"name", "specgate"}, {"version", SPECGATE_VERSION}};
  Json files = Json::array();
  for (const specgate::FileReport& f : report.files) {
    Json file;
    file["path"] = f.path;
    file["template"] = f.template_name.empty() ? Json(nullptr) : Json(f.template_name);
    file["status"] = f.status.empty() ? Json(nullptr) : Json(f.status);
    Json diags = Json::array();
    for (const specgate::Diagnostic& d : f.diagnostics) diags.push_back(specgate::diagnostic_to_json(d));
    file["diagnostics"] = std::move(diags);
    files.push_back(std::move(file));
  }
  root["files"] = std::move(files);
  const specgate::Summary s = specgate::summarize(report);
  root["summary"] = Json{{"files", s.files}, {"errors", s.errors}, {"warnings", s.warnings}, {"notes", s.notes}};
  Json errors = Json::array();
  for (const specgate::RunError& e : report.errors) errors.push_back(Json{{"path", e.path}, {"message", e.message}});
  root["errors"] = std::move(errors);
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace

TEST(ReportJsonOut, JsonReportEqualsTheNlohmannDocument) {
  specgate::test::Lcg rng(151);
  for (int i = 0; i < 300; ++i) {
    const specgate::RunReport run = random_report(rng, false);
    ASSERT_EQ(written(run, "json"), json_report_through_nlohmann(run)) << "case " << i;
  }
}

// SARIF was nlohmann's dump(2) of each piece: with valid UTF-8, parsing the output and printing
// it again the same way gives back the same bytes exactly when the layout and escapes are his.
TEST(ReportJsonOut, SarifReportIsNlohmannsLayout) {
  specgate::test::Lcg rng(152);
  for (int i = 0; i < 300; ++i) {
    const specgate::RunReport run = random_report(rng, true);
    const std::string out = written(run, "sarif");
    ASSERT_EQ(Json::parse(out).dump(2) + "\n", out) << "case " << i;
  }
}

TEST(ReportJsonOut, GithubEscapeInOnePassEqualsRepairThenEscape) {
  specgate::test::Lcg rng(153);
  const char* const extra[] = {"%", ":", ",", "\r", "\n", "%0A", "::error::"};
  for (int i = 0; i < 20000; ++i) {
    std::string s = specgate::test::join_random(rng, kPieces, static_cast<int>(rng.below(8)));
    s += specgate::test::join_random(rng, extra, static_cast<int>(rng.below(3)));
    for (const bool property : {false, true}) {
      std::string out = "prefix";
      specgate::report::append_github_escaped(out, s, property);
      const std::string repaired = specgate::report::valid_utf8(s);
      ASSERT_EQ(out, "prefix" + (property ? specgate::report::github_escape_property(repaired)
                                          : specgate::report::github_escape_data(repaired)))
          << "case " << i;
    }
  }
}

// The per-code-point form xml_escape had before printable runs were copied whole.
std::string xml_escape_reference(std::string_view s, bool attribute) {
  using specgate::report::kReplacementChar;
  std::string out;
  for (size_t i = 0, len = 0; i < s.size(); i += len) {
    const uint32_t cp = specgate::report::decode_utf8(s, i, len);
    const bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    if (!allowed) continue;
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += attribute ? "&quot;" : "\""; break;
      case '\'': out += attribute ? "&apos;" : "'"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\r': out += "&#13;"; break;
      default:
        if (cp == kReplacementChar && len == 1) specgate::report::append_utf8(out, cp);
        else out.append(s.substr(i, len));
    }
  }
  return out;
}

TEST(ReportJsonOut, XmlEscapeEqualsThePerCharacterForm) {
  specgate::test::Lcg rng(154);
  const char* const extra[] = {"&", "<", ">", "'", "\"", "\xEF\xBF\xBE", "\x0B"};
  for (int i = 0; i < 20000; ++i) {
    std::string s = specgate::test::join_random(rng, kPieces, static_cast<int>(rng.below(8)));
    s += specgate::test::join_random(rng, extra, static_cast<int>(rng.below(3)));
    for (const bool attribute : {false, true}) {
      ASSERT_EQ(specgate::report::xml_escape(s, attribute), xml_escape_reference(s, attribute)) << "case " << i;
    }
  }
}
