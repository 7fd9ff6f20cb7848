// The man page and the shell completions are generated from the CLI definition. These tests walk
// the CLI11 App tree themselves (not through cli/command_tree) and fail if any visible subcommand
// or option spelling is missing from the page or from a shell's script, in that command's part.
#include <CLI/CLI.hpp>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "cli/app.h"
#include "cli/command_tree.h"
#include "cli/completion.h"
#include "cli/manpage.h"

namespace {

using namespace specgate::cli;

struct Visible {
  std::string path;                    // "specgate templates list"
  std::vector<std::string> options;    // "-f", "--format", ...
  std::vector<std::string> subcommands;
};

// Every command a user can see in --help (a subcommand without a group is hidden).
std::vector<Visible> visible_commands(const CLI::App& app, const std::string& parent = "") {
  Visible v;
  v.path = parent.empty() ? app.get_name() : parent + " " + app.get_name();
  for (const CLI::Option* o : app.get_options()) {
    for (const auto& s : o->get_snames()) v.options.push_back("-" + s);
    for (const auto& l : o->get_lnames()) v.options.push_back("--" + l);
  }
  std::vector<Visible> out;
  auto subs = app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); });
  for (const CLI::App* s : subs) v.subcommands.push_back(s->get_name());
  out.push_back(v);
  for (const CLI::App* s : subs) {
    auto more = visible_commands(*s, v.path);
    out.insert(out.end(), more.begin(), more.end());
  }
  return out;
}

class CliDocs : public ::testing::Test {
 protected:
  int exit_code = 0;
  std::unique_ptr<CLI::App> app = make_app(exit_code);
  CommandSpec spec = describe_command(*app);
  std::vector<Visible> commands = visible_commands(*app);
};

// The text from `start` to the first `end` after it ("" when `start` is absent).
std::string between(const std::string& text, const std::string& start, const std::string& end) {
  size_t b = text.find(start);
  if (b == std::string::npos) return "";
  size_t e = text.find(end, b + start.size());
  return text.substr(b, e == std::string::npos ? std::string::npos : e - b);
}

// The quoted word list of the bash `case` arm for `path`.
std::string words_of_arm(const std::string& function, const std::string& path) {
  const std::string head = "    '" + path + "') echo '";
  size_t b = function.find(head);
  if (b == std::string::npos) return "";
  b += head.size();
  return function.substr(b, function.find('\'', b) - b);
}

std::string roff_dashes(const std::string& name) {
  std::string out;
  for (char c : name) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

TEST_F(CliDocs, TheTreeHasTheCommandsUsersKnow) {
  ASSERT_GE(commands.size(), 10u);
  EXPECT_EQ(commands.front().path, "specgate");
  for (const char* name : {"check", "status", "templates", "rules", "new", "parse", "export", "mermaid", "completion"})
    EXPECT_NE(std::find(commands.front().subcommands.begin(), commands.front().subcommands.end(), name),
              commands.front().subcommands.end())
        << name;
  // `man` is hidden: the build runs it, users read its output.
  EXPECT_EQ(std::find(commands.front().subcommands.begin(), commands.front().subcommands.end(), "man"),
            commands.front().subcommands.end());
}

TEST_F(CliDocs, ManPageHasEveryCommandAndOptionInItsSection) {
  const std::string page = man_page(spec, "9.9.9");
  for (const Visible& c : commands) {
    SCOPED_TRACE(c.path);
    const std::string section = c.path == "specgate" ? between(page, ".SH OPTIONS\n", ".SH COMMANDS\n")
                                                     : between(page, ".SS \"" + c.path + "\"\n", "\n.S");
    ASSERT_FALSE(section.empty()) << "no section for " << c.path;
    for (const auto& o : c.options) EXPECT_NE(section.find("\\fB" + roff_dashes(o) + "\\fR"), std::string::npos) << o;
    for (const auto& s : c.subcommands) EXPECT_NE(page.find(".SS \"" + c.path + " " + s + "\"\n"), std::string::npos) << s;
  }
}

TEST_F(CliDocs, ManPageNamesTheVersionAndChoices) {
  const std::string page = man_page(spec, "9.9.9");
  EXPECT_NE(page.find(".TH SPECGATE 1 \"\" \"specgate 9.9.9\""), std::string::npos);
  EXPECT_NE(page.find("specgate \\- lint Markdown specs"), std::string::npos);
  const std::string check = between(page, ".SS \"specgate check\"\n", "\n.S");
  // check's --format help already lists the formats; mermaid's says only "Output format".
  EXPECT_NE(check.find("Default: text."), std::string::npos) << check;
  const std::string mermaid = between(page, ".SS \"specgate mermaid\"\n", "\n.S");
  EXPECT_NE(mermaid.find("One of: text, json."), std::string::npos) << mermaid;
  // No text line may start with a roff control character unless it is a macro we wrote.
  EXPECT_EQ(page.find("\n'"), std::string::npos);
}

TEST_F(CliDocs, BashCompletionHasEveryCommandAndOption) {
  const std::string script = completion_script(spec, "bash");
  const std::string options = between(script, "_specgate_options() {", "\n}\n");
  const std::string subs = between(script, "_specgate_subcommands() {", "\n}\n");
  for (const Visible& c : commands) {
    SCOPED_TRACE(c.path);
    // The arm is `    'PATH') echo 'WORD WORD' ;;`: its words, padded so each is " WORD ".
    const std::string arm = " " + words_of_arm(options, c.path) + " ";
    ASSERT_NE(arm, "  ");
    for (const auto& o : c.options) EXPECT_NE(arm.find(" " + o + " "), std::string::npos) << o;
    if (c.subcommands.empty()) continue;
    const std::string sub_arm = " " + words_of_arm(subs, c.path) + " ";
    for (const auto& s : c.subcommands) EXPECT_NE(sub_arm.find(" " + s + " "), std::string::npos) << s;
  }
  EXPECT_NE(script.find("'specgate check -f'|'specgate check --format') echo 'text json sarif"), std::string::npos);
  EXPECT_NE(script.find("complete -F _specgate specgate"), std::string::npos);
}

TEST_F(CliDocs, ZshCompletionHasEveryCommandAndOption) {
  const std::string script = completion_script(spec, "zsh");
  EXPECT_EQ(script.rfind("#compdef specgate\n", 0), 0u);
  for (const Visible& c : commands) {
    SCOPED_TRACE(c.path);
    std::string fn = "_" + c.path;
    for (char& ch : fn)
      if (ch == ' ' || ch == '-') ch = '_';
    const std::string body = between(script, fn + "() {\n", "\n}\n");
    ASSERT_FALSE(body.empty());
    for (const auto& o : c.options) {
      // Either '--today[...' alone or inside the {-f,--format} brace list.
      bool found = body.find("'" + o + "[") != std::string::npos || body.find("{" + o + ",") != std::string::npos ||
                   body.find("," + o + "}") != std::string::npos;
      EXPECT_TRUE(found) << o;
    }
    for (const auto& s : c.subcommands) EXPECT_NE(body.find("'" + s + ":"), std::string::npos) << s;
  }
}

TEST_F(CliDocs, FishCompletionHasEveryCommandAndOption) {
  const std::string script = completion_script(spec, "fish");
  for (const Visible& c : commands) {
    SCOPED_TRACE(c.path);
    const std::string guard = "complete -c specgate -n '__specgate_is \\'" + c.path + "\\''";
    std::string lines;
    for (size_t at = script.find(guard); at != std::string::npos; at = script.find(guard, at + 1))
      lines += script.substr(at, script.find('\n', at) - at) + " \n";
    for (const auto& o : c.options) {
      const std::string flag = o.rfind("--", 0) == 0 ? " -l " + o.substr(2) + " " : " -s " + o.substr(1) + " ";
      EXPECT_NE(lines.find(flag), std::string::npos) << o;
    }
    for (const auto& s : c.subcommands) EXPECT_NE(lines.find(" -a '" + s + "' "), std::string::npos) << s;
  }
}

TEST_F(CliDocs, OnlyTheKnownShells) {
  EXPECT_EQ(completion_shells(), (std::vector<std::string>{"bash", "zsh", "fish"}));
  EXPECT_EQ(completion_script(spec, "tcsh"), "");
}

}  // namespace
