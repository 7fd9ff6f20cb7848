// How a message names a template section: its heading as the spec's author reads it.
#pragma once

#include <string>
#include <string_view>

namespace specgate {

// A template heading without markup, its leading numbering ("16) ", "2.3 ") and a trailing
// requirement marker ("(Required)", "(required or N/A with reason)"). Kept per section in the
// schema's index (SectionTitleIndex::display), made once per template.
std::string section_display_title(std::string_view title);

}  // namespace specgate
