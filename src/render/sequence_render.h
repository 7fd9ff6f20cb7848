// Sequence diagrams by direct geometry (no graph layout): participants left to right in order of
// first mention, spaced so every message label fits between its lifelines, then the events top
// to bottom in source order — messages, notes, activation bars, loop/alt/opt/par/critical/break
// frames, autonumber — and the participants mirrored at the bottom. Sizes follow Mermaid's
// sequence defaults (actor 150×65, margins 50, note margin 10, activation width 10).
#pragma once

#include "mermaid/sequence_model.h"
#include "render/scene.h"

namespace specgate::render {

Scene layout_sequence(const mermaid::SequenceModel& model);

}  // namespace specgate::render
