// One reader for specgate's own comments: template references, template headers, suppressions.
#include "model/directives.h"

#include <gtest/gtest.h>

#include "model/document.h"

namespace specgate {
namespace {

std::optional<Directive> on(std::string_view line) { return directive_on_line(line); }

TEST(Directives, OneSpellingForEveryVerb) {
  ASSERT_TRUE(on("<!-- specgate: template=task -->"));
  EXPECT_EQ(on("<!-- specgate: template=task -->")->verb, DirectiveVerb::Template);
  EXPECT_EQ(on("<!-- specgate: template=task -->")->args, "task");
  EXPECT_EQ(on("<!--specgate:template=task-->")->args, "task");
  EXPECT_EQ(on("<!-- specgate-template=rfc -->")->args, "rfc");
  EXPECT_EQ(on("<!-- specgate: template rfc -->")->verb, DirectiveVerb::Template);
  // A template's own header names the template and describes it; it is not a reference.
  const auto header = on("<!-- specgate-template: task \xE2\x80\x94 a technical task -->");
  ASSERT_TRUE(header);
  EXPECT_EQ(header->verb, DirectiveVerb::TemplateHeader);
  EXPECT_EQ(header->args, "task \xE2\x80\x94 a technical task");
  // Suppressions, in the dash form and in the colon form the template reference uses.
  EXPECT_EQ(on("<!-- specgate-disable-next-line placeholder, date -->")->verb, DirectiveVerb::DisableNextLine);
  EXPECT_EQ(on("<!-- specgate-disable-next-line placeholder, date -->")->args, "placeholder, date");
  EXPECT_EQ(on("<!-- specgate: disable-next-line placeholder -->")->verb, DirectiveVerb::DisableNextLine);
  EXPECT_EQ(on("<!-- specgate-disable -->")->verb, DirectiveVerb::Disable);
  EXPECT_EQ(on("<!-- specgate-disable-->")->args, "");
  EXPECT_EQ(on("<!-- specgate-enable\tplaceholder -->")->verb, DirectiveVerb::Enable);
}

TEST(Directives, NotDirectives) {
  EXPECT_FALSE(on("<!-- a comment -->"));
  EXPECT_FALSE(on("<!-- specgateway: template=x -->"));
  EXPECT_FALSE(on("<!-- specgate-disabled placeholder -->"));
  EXPECT_FALSE(on("<!-- specgate: templates=x -->"));
  EXPECT_FALSE(on("<!-- specgate-enable-all -->"));
  EXPECT_FALSE(on("specgate: template=x"));  // not a comment
}

TEST(Directives, ReadAnywhereOutsideCode) {
  std::string text = "# T\n\n```\n<!-- specgate: template=in-code -->\n```\n";
  for (int i = 0; i < 60; ++i) text += "line\n";  // past the first lines
  text += "<!-- specgate: template=task -->\n<!-- specgate-disable-next-line date -->\nx\n";
  const Document d = build_document(SourceText("t.md", text));
  ASSERT_EQ(d.directives.size(), 2u);
  EXPECT_EQ(d.directives[0].verb, DirectiveVerb::Template);
  EXPECT_EQ(d.directives[0].args, "task");
  EXPECT_EQ(d.directives[0].line, 66u);
  EXPECT_EQ(d.directives[1].verb, DirectiveVerb::DisableNextLine);
  EXPECT_TRUE(d.suppressions.suppressed("date", 68));
  EXPECT_FALSE(d.suppressions.suppressed("placeholder", 68));
}

}  // namespace
}  // namespace specgate
