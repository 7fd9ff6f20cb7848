// Factories of the rules, one per src/rules/NAME.cpp.
#pragma once

#include <memory>

#include "rules/rule.h"

namespace specgate {

std::unique_ptr<Rule> make_missing_section();
std::unique_ptr<Rule> make_empty_section();
std::unique_ptr<Rule> make_placeholder();

}  // namespace specgate
