// The Mermaid corpus in ../shared/corpus/mermaid/docs, read by the model and render tests: the
// diagrams Mermaid itself accepted, by type (manifest.tsv's diagram_type column).
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

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

}  // namespace specgate::test
