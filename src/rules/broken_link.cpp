// broken-link: relative links to files that do not exist, and `#anchor` links (in this file or
// in another Markdown file) that match no heading slug or explicit HTML anchor. URLs with a
// scheme, autolinks and repository-root paths ("/docs/x.md") are not checked: they cannot be
// resolved from the spec's directory alone.
#include <algorithm>
#include <filesystem>
#include <optional>
#include <memory>

#include <sys/stat.h>

#include "core/concat.h"
#include "core/edit_distance.h"
#include "core/file_io.h"
#include "core/markdown_path.h"
#include "core/path_lexical.h"
#include "core/text.h"
#include "model/load.h"
#include "model/normalize.h"
#include "model/slug.h"
#include "rules/rule.h"
#include "rules/link_targets.h"

namespace specgate {

namespace {

namespace fs = std::filesystem;

// Placeholder-like targets ("<link>", "{url}", "<link or N/A>" written as a destination) are the
// placeholder rule's business; a file name has an extension or a slash.
bool looks_templated(std::string_view t) {
  if (contains_any_of(t, "<>{}") || t.find("...") != std::string_view::npos) return true;
  return t.find(' ') != std::string_view::npos && t.find('.') == std::string_view::npos;
}

using AnchorSet = std::unordered_set<std::string>;

AnchorSet lowered(AnchorSet anchors) {
  // Heading slugs are lowercase already; only explicit HTML ids may not be.
  bool upper = false;
  for (const auto& a : anchors) {
    for (char c : a) upper = upper || (c >= 'A' && c <= 'Z');
    if (upper) break;
  }
  if (!upper) return anchors;
  AnchorSet out;
  for (const auto& a : anchors) out.insert(to_lower_ascii(a));
  return out;
}

std::string closest(const AnchorSet& anchors, std::string_view want) {
  std::string best;
  size_t best_d = std::max<size_t>(2, want.size() / 4) + 1;
  EditDistanceFrom from_want(want);
  for (const auto& a : anchors) {
    if (a.size() > want.size() + best_d || want.size() > a.size() + best_d) continue;
    const size_t d = from_want.to(a, best_d);
    if (d < best_d || (d == best_d && !best.empty() && a < best)) {
      best_d = d;
      best = a;
    }
  }
  return best;
}

class BrokenLink : public Rule {
 public:
  std::string_view name() const override { return "broken-link"; }
  std::string_view summary() const override {
    return "A relative link points to a missing file or an anchor that matches no heading";
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    if (doc.links.empty()) return;
    const std::string& path = doc.source.path();
    const bool on_disk = !path.empty() && path != "-" && path != "<stdin>";
    const std::string dir = on_disk ? fs::path(path).parent_path().native() : std::string();
    std::unique_ptr<AnchorSet> own;
    std::unique_ptr<LinkTargets> local;  // without a run to share with (a context built in a test)
    LinkTargets& targets = ctx.link_targets ? *ctx.link_targets : *(local = std::make_unique<LinkTargets>());

    for (const Link& link : doc.links) {
      if (link.autolink) continue;
      const std::string_view target = trim(link.target);
      if (target.empty() || target.front() == '/' || has_url_scheme(target) || looks_templated(target)) continue;
      if (istarts_with(target, "www.")) continue;
      const size_t hash = target.find('#');
      std::string_view file_part = target.substr(0, hash);
      const std::string_view fragment = hash == std::string_view::npos ? std::string_view() : target.substr(hash + 1);
      file_part = file_part.substr(0, file_part.find('?'));

      const auto [col, len] = target_span(doc, link);
      if (!file_part.empty()) {
        if (!on_disk) continue;
        const std::string decoded = percent_decode(file_part);
        const std::string resolved = lexically_joined(dir, decoded);
        struct stat st;  // follows symbolic links, as std::filesystem::status does
        if (!targets.may_exist(resolved) || ::stat(resolved.c_str(), &st) != 0) {
          out.report(link.line, col, len,
                     concat({link.image ? "image" : "link", " target '", file_part, "' does not exist"}),
                     "fix the path (it is resolved from the spec's directory) or remove the link");
          continue;
        }
        if (fragment.empty() || !S_ISREG(st.st_mode) || !is_markdown_path(resolved)) continue;
        const AnchorSet* anchors = targets.anchors_of(resolved, [](const std::string& file) {
          std::string error;
          std::optional<Document> d = load_document(file, error);
          return d ? std::make_unique<AnchorSet>(lowered(document_anchors(*d))) : nullptr;
        });
        if (!anchors) continue;
        check_fragment(out, link, col, len, fragment, *anchors, "'" + std::string(file_part) + "'");
        continue;
      }
      if (fragment.empty()) continue;
      if (!own) own = std::make_unique<AnchorSet>(lowered(document_anchors(doc)));
      check_fragment(out, link, col, len, fragment, *own, "this file");
    }
  }

 private:
  // The target's position in the line, or the link's start when it cannot be found.
  static std::pair<uint32_t, uint32_t> target_span(const Document& doc, const Link& link) {
    const std::string_view line = doc.source.line(link.line);
    // The first "(target", else the first ": target" (a reference definition).
    auto after = [&](std::string_view lead) {
      for (size_t p = line.find(link.target, lead.size()); p != std::string_view::npos; p = line.find(link.target, p + 1)) {
        if (line.compare(p - lead.size(), lead.size(), lead) == 0) return p;
      }
      return std::string_view::npos;
    };
    size_t b = after("(");
    if (b == std::string_view::npos) b = after(": ");
    if (b == std::string_view::npos) return {link.column, 1};
    return {doc.source.column_of(link.line, b), static_cast<uint32_t>(count_chars(link.target))};
  }

  static void check_fragment(Reporter& out, const Link& link, uint32_t col, uint32_t len, std::string_view fragment,
                             const AnchorSet& anchors, const std::string& where) {
    std::string want = to_lower_ascii(percent_decode(fragment));
    if (anchors.count(want)) return;
    if (istarts_with(want, "user-content-") && anchors.count(want.substr(13))) return;
    std::string hint = "anchors are GitHub heading slugs: lowercase, punctuation removed, spaces as '-'";
    const std::string near = closest(anchors, want);
    if (!near.empty()) hint = concat({"did you mean '#", near, "'?"});
    out.report(link.line, col, len, concat({"anchor '#", fragment, "' matches no heading in ", where}), std::move(hint));
  }
};

}  // namespace

std::unique_ptr<Rule> make_broken_link() { return std::make_unique<BrokenLink>(); }

}  // namespace specgate
