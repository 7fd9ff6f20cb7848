// Stand-ins: a required template section that neither the exact nor the loose match found, with
// a heading of the spec that no template section took standing in its place (between the template
// sections before and after it). Old records written to an earlier version of their template keep
// the section under its old name there ("Impact on existing code" where the template now has
// "Source compatibility" and "ABI compatibility"); a finding per such section is noise, a note
// naming the heading is not. Runs once, after match_loosely.
#pragma once

#include "model/document.h"
#include "schema/match.h"
#include "schema/schema.h"

namespace specgate {

// Fills m.stand_ins for every required section with no instance whose place in the spec holds
// a heading no template section took.
void find_stand_ins(const Schema& schema, const Document& doc, SectionMatch& m);

}  // namespace specgate
