// Class diagrams: each class a box of three compartments (annotations and name with its
// generic; attributes; methods), notes as note boxes linked to their class, lollipop interfaces
// as labelled points, laid out by the layered layout (render/box_graph); relations with UML ends
// (hollow triangle, diamonds, open arrow, circle), dotted when written '..', labels and
// cardinalities at both ends; namespaces as boxes around their classes.
#pragma once

#include <string>
#include <string_view>

#include "mermaid/class_model.h"
#include "render/scene.h"

namespace specgate::render {

Scene layout_class(const mermaid::ClassModel& model);

// A member as Mermaid shows it: ~T~ generics as <T>, a method's return type after " : ", the
// $ (static) or * (abstract) classifier dropped (`italic` set for *). `method`: the member has a
// parameter list (ClassMember::method).
std::string class_member_text(std::string_view written, bool* italic = nullptr, bool method = true);

}  // namespace specgate::render
