// What an ER diagram says, as Mermaid's ER database holds it: entities in order of first
// mention (with their attributes) and relationships in source order. Filled by er.cpp's grammar
// (the one parser); parse_er() validates and fills it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "mermaid/validator.h"

namespace specgate::mermaid {

struct ErAttribute {
  std::string type;                // as written, generics ~T~ shown as <T>
  std::string name;
  std::vector<std::string> keys;   // "PK", "FK", "UK" as written (upper-cased)
  std::string comment;             // without its quotes
};

struct ErEntity {
  std::string id;     // as referenced in relationships (quotes removed)
  std::string label;  // the [alias] if any, else the id
  std::vector<ErAttribute> attributes;
  std::vector<std::string> classes;  // :::name and 'class' statements
  std::string style;                 // `style id ...` declarations as written, joined by ','
};

enum class ErCardinality : uint8_t { ZeroOrOne, ExactlyOne, ZeroOrMore, OneOrMore, MdParent };

struct ErRelation {
  std::string a;  // the entity written first
  std::string b;
  ErCardinality card_a = ErCardinality::ExactlyOne;  // the cardinality written next to a
  ErCardinality card_b = ErCardinality::ExactlyOne;
  bool identifying = true;  // -- / to: solid line; .. / optionally to: dashed
  std::string label;        // without quotes
  uint32_t line = 0;
};

struct ErModel {
  std::string direction = "TB";
  std::vector<ErEntity> entities;
  std::vector<ErRelation> relations;
  std::map<std::string, std::string> class_defs;  // classDef name -> declarations as written

  int find(std::string_view id) const {
    for (size_t i = 0; i < entities.size(); ++i)
      if (entities[i].id == id) return static_cast<int>(i);
    return -1;
  }
};

struct ErParse {
  Result result;  // exactly validate()'s verdict
  ErModel model;  // filled when the source is a valid ER diagram
};

ErParse parse_er(std::string_view source);

}  // namespace specgate::mermaid
