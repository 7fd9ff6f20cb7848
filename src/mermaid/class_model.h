// What a class diagram says, as Mermaid's class database holds it: classes in order of first
// mention (label, generic, annotations, members), relations in source order (each end's kind and
// cardinality, the line style, the label), notes and namespaces. Filled by class.cpp's grammar
// (the one parser); parse_class() validates and fills it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "mermaid/validator.h"

namespace specgate::mermaid {

struct ClassMember {
  std::string text;       // as written, trimmed (the renderer shows ~T~ as <T>)
  bool method = false;    // has a parameter list: drawn in the methods compartment
};

struct ClassNode {
  std::string id;         // the name relations use (generic not included)
  std::string label;      // ["label"] if given, else the id
  std::string generic;    // the T of Name~T~, "" when none
  std::vector<std::string> annotations;  // interface, abstract, ... (without << >>)
  std::vector<ClassMember> members;      // attributes and methods in order written
  std::string name_space;                // the innermost namespace, "" outside any
  std::vector<std::string> classes;      // :::name, cssClass
  std::string style;                     // `style id ...` declarations as written, joined by ','
};

enum class ClassEnd : uint8_t { None, Extension, Composition, Aggregation, Dependency, Lollipop };

struct ClassRelation {
  std::string a;  // the class written first
  std::string b;
  ClassEnd end_a = ClassEnd::None;  // the end drawn at a (written on a's side of the line)
  ClassEnd end_b = ClassEnd::None;
  bool dotted = false;      // .. rather than --
  std::string card_a;       // the quoted cardinality next to a ("1", "0..*"), "" when none
  std::string card_b;
  std::string label;        // after ':' , trimmed
  uint32_t line = 0;
};

struct ClassNote {
  std::string for_class;  // "" for a free note
  std::string text;
};

// A lollipop interface: one per lollipop relation, as Mermaid's addInterface makes them.
struct ClassInterface {
  std::string id;     // interface0, interface1, ...: what the relation's end names
  std::string label;  // the name written (`bar` in `Class01 --() bar`)
};

struct ClassNamespace {
  std::string name;
  std::string parent;  // "" at top level
};

struct ClassModel {
  std::string direction = "TB";
  std::vector<ClassNode> classes;
  std::vector<ClassRelation> relations;
  std::vector<ClassNote> notes;
  std::vector<ClassNamespace> namespaces;
  std::vector<ClassInterface> interfaces;  // lollipop ends: drawn as a small circle, not a class
  std::map<std::string, std::string> class_defs;  // classDef name -> declarations as written

  int find(std::string_view id) const {
    for (size_t i = 0; i < classes.size(); ++i)
      if (classes[i].id == id) return static_cast<int>(i);
    return -1;
  }
};

struct ClassParse {
  Result result;     // exactly validate()'s verdict
  ClassModel model;  // filled when the source is a valid class diagram
};

ClassParse parse_class(std::string_view source);

}  // namespace specgate::mermaid
