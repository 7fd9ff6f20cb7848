// What a state diagram says, as Mermaid's stateDb records it: filled by state.cpp's grammar
// actions when a Models sink asks for it (parse_state), never on validation-only runs.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <map>
#include <vector>

#include "mermaid/validator.h"

namespace specgate::mermaid {

enum class StateKind { Normal, Start, End, Fork, Join, Choice, Note, Composite };

struct StateNode {
  std::string id;
  std::vector<std::string> descriptions;  // "A : text" lines and `state "text" as A`, in order
  StateKind kind = StateKind::Normal;
  int parent = -1;     // the composite state (node index) holding it, -1 at the top
  int region = 0;      // the concurrent region (separated by `--`) within the parent
  std::vector<std::string> classes;
  std::string style;
  std::string direction;  // composite only: its own `direction`
};

struct StateEdge {
  size_t from = 0;
  size_t to = 0;
  std::string label;
  bool note_link = false;  // a note's dotted link to its state, not a transition
};

struct StateModel {
  std::string direction = "TB";
  std::vector<StateNode> nodes;
  std::vector<StateEdge> edges;
  std::map<std::string, std::string> class_defs;
  std::unordered_map<std::string, size_t> index;  // id -> node (start/end have synthetic ids)

  size_t node(std::string_view id, int parent);
};

struct StateParse {
  Result result;
  StateModel model;
};

StateParse parse_state(std::string_view source);

}  // namespace specgate::mermaid
