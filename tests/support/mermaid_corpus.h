// The Mermaid corpus in ../shared/corpus/mermaid/docs, read by the model and render tests: the
// diagrams Mermaid itself accepted, by type (manifest.tsv's diagram_type column).
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "support/test_paths.h"

namespace specgate::test {

inline std::filesystem::path mermaid_corpus_dir() { return shared_dir() / "corpus" / "mermaid" / "docs"; }

// (file name, source) of every diagram of `type` that Mermaid rendered; empty without ../shared.
inline std::vector<std::pair<std::string, std::string>> valid_corpus_diagrams(const std::string& type) {
  std::vector<std::pair<std::string, std::string>> out;
  std::ifstream manifest(mermaid_corpus_dir() / "manifest.tsv");
  std::string line;
  while (std::getline(manifest, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("file\t", 0) == 0) continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) f.push_back(cell);
    if (f.size() < 3 || f[1] != type || f[2] != "1") continue;
    std::ifstream in(mermaid_corpus_dir() / f[0], std::ios::binary);
    std::stringstream body;
    body << in.rdbuf();
    out.emplace_back(f[0], body.str());
  }
  return out;
}

// (seed file name, block) of every ```mermaid block in ../shared/seeds whose first line starts
// with `header`; empty without ../shared.
inline std::vector<std::pair<std::string, std::string>> seed_diagrams(const std::string& header) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!have_shared()) return out;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(shared_dir() / "seeds")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string line, block;
    bool inside = false;
    while (std::getline(in, line)) {
      if (!inside && line.rfind("```mermaid", 0) == 0) {
        inside = true;
        block.clear();
      } else if (inside && line.rfind("```", 0) == 0) {
        inside = false;
        size_t b = block.find_first_not_of(" \t\n");
        if (b != std::string::npos && block.compare(b, header.size(), header) == 0)
          out.emplace_back(f.filename().string(), block);
      } else if (inside) {
        block += line + "\n";
      }
    }
  }
  return out;
}

// Whether for_each_corpus_diagram also runs over the seeds' diagrams of the type.
enum class Seeds { kWithout, kWith };

// Calls check(source) for every diagram of `type` Mermaid accepted (valid_corpus_diagrams), and
// with Seeds::kWith every seed block of that type (seed_diagrams), each under a SCOPED_TRACE
// naming its file. Returns how many it checked: 0 without ../shared, for the test to skip:
//   if (for_each_corpus_diagram("erDiagram", Seeds::kWith, check) == 0) GTEST_SKIP() << ...;
// An ASSERT in `check` ends that diagram's check, not the test.
template <class Check>
size_t for_each_corpus_diagram(const std::string& type, Seeds seeds, Check&& check) {
  auto diagrams = valid_corpus_diagrams(type);
  if (diagrams.empty()) return 0;
  if (seeds == Seeds::kWith)
    for (auto& seed : seed_diagrams(type)) diagrams.push_back(std::move(seed));
  for (const auto& [file, src] : diagrams) {
    SCOPED_TRACE(file);
    check(src);
  }
  return diagrams.size();
}

}  // namespace specgate::test
