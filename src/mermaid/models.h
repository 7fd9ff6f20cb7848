// Where a validator may also record what the diagram says (its model) for the renderer. Each
// pointer is optional: validation-only runs pass none and pay one null check per grammar action.
// One pointer per drawable type, declared here once so the renderers can be added independently.
#pragma once

namespace specgate::mermaid {

struct FlowchartModel;  // mermaid/flowchart_model.h
struct StateModel;      // mermaid/state_model.h
struct SequenceModel;   // mermaid/sequence_model.h
struct ErModel;         // mermaid/er_model.h
struct ClassModel;      // mermaid/class_model.h

struct Models {
  FlowchartModel* flowchart = nullptr;
  StateModel* state = nullptr;
  SequenceModel* sequence = nullptr;
  ErModel* er = nullptr;
  ClassModel* class_diagram = nullptr;
};

}  // namespace specgate::mermaid
