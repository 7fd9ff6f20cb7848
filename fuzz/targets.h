// Fuzz entry points, shared by the libFuzzer binaries (fuzz_NAME.cpp) and by the gtest that
// replays every saved crasher (tests/unit/crashers_test.cpp), so a crasher is re-run through
// exactly the code that found it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace specgate::fuzz {

// Markdown bytes -> document model, and its JSON.
void markdown(const uint8_t* data, size_t size);
// A Mermaid diagram's source -> validator, then renderer.
void mermaid(const uint8_t* data, size_t size);
// Markdown template -> inferred schema, printed as YAML and JSON and loaded back.
void infer(const uint8_t* data, size_t size);
// "TEMPLATE <kSpecSeparator> SPEC" -> the whole check pipeline; without the separator the
// input is both template and spec.
void check(const uint8_t* data, size_t size);
// YAML bytes -> config loader, and the same bytes as a spec's front matter.
void yaml(const uint8_t* data, size_t size);
// Markdown -> Template Metadata -> validation and template-json rendering.
void template_json(const uint8_t* data, size_t size);

inline constexpr std::string_view kSpecSeparator = "\n=====SPEC=====\n";

using Entry = void (*)(const uint8_t*, size_t);
// The entry point named `name` ("markdown", "mermaid", ...), or nullptr.
Entry entry(std::string_view name);

}  // namespace specgate::fuzz
