// What a sequence diagram says, as Mermaid's sequence database holds it: participants in order
// of first appearance, and one flat list of events (messages, notes, activations, block
// boundaries, autonumber switches) in source order, which a renderer walks top to bottom.
// Filled by sequence.cpp's grammar (the one parser): parse_sequence() validates and fills it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mermaid/validator.h"

namespace specgate::mermaid {

struct SeqParticipant {
  std::string id;     // as referenced in messages
  std::string label;  // the 'as' alias (or @{ alias }), else the id; text as written
  bool actor = false; // declared with 'actor' (a stick figure) or @{ type: actor }
  std::string type;   // @{ type: ... }: participant, actor, boundary, control, entity, database,
                      // collections, queue; "" when not given
  int box = -1;       // index into SequenceModel::boxes, -1 outside any box
  bool created = false;   // 'create participant': drawn from its first message down
  bool destroyed = false; // 'destroy X': its line ends at the next message
};

struct SeqBox {
  std::string label;  // "" when the box line has only a colour
  std::string color;  // a colour word, rgb()/rgba() or "" (the theme's)
};

// How a message's line and ends are drawn; `arrow` keeps the token as written.
enum class SeqHead : uint8_t {
  None,         // ->, -->
  Filled,       // ->>, -->>
  Cross,        // -x, --x
  Open,         // -), --) (asynchronous)
  HalfTop,      // -|\ : the upper half of a filled head
  HalfBottom,   // -|/
  StickTop,     // -\\ : one stroke above the line
  StickBottom,  // -//
};

enum class SeqEventKind : uint8_t {
  Message,
  Note,
  ActivateStart,  // activate X, or ->>+X
  ActivateEnd,    // deactivate X, or -->>-X (ends the sender's activation)
  BlockStart,     // loop, rect, opt, alt, par, par_over, critical, break
  BlockSection,   // else, and, option: a new section of the open block
  BlockEnd,
  Autonumber,     // numbering switched on (start, step) or off
  Create,         // 'create participant X': X appears at the next message
  Destroy,        // 'destroy X': X ends at the next message
};

enum class SeqNotePlace : uint8_t { LeftOf, RightOf, Over };

struct SeqEvent {
  SeqEventKind kind = SeqEventKind::Message;
  uint32_t line = 0;  // 1-based source line of the statement

  // Message: from/to participants; Note: first/second (second "" unless 'over A,B');
  // Activate*/Create/Destroy: `from` is the participant.
  std::string from;
  std::string to;
  std::string text;   // message/note text, block label, as written (trimmed); may hold <br>
  std::string arrow;  // Message: the arrow token, e.g. "-->>"
  bool dotted = false;        // Message: a -- line
  bool bidirectional = false; // Message: <<->> / <<-->>, a head at both ends
  bool reverse_head = false;  // Message: /|- and friends, the half head drawn at the sender
  SeqHead head = SeqHead::None;
  SeqNotePlace place = SeqNotePlace::Over;
  std::string block;  // BlockStart/Section/End: "loop", "alt", "else", "par", "and", ...
  bool number_on = true;      // Autonumber
  int number_start = 1;       // Autonumber
  int number_step = 1;        // Autonumber
};

struct SequenceModel {
  std::string title;
  std::vector<SeqParticipant> participants;
  std::vector<SeqBox> boxes;
  std::vector<SeqEvent> events;

  int find(std::string_view id) const {
    for (size_t i = 0; i < participants.size(); ++i)
      if (participants[i].id == id) return static_cast<int>(i);
    return -1;
  }
};

struct SequenceParse {
  Result result;        // exactly validate()'s verdict
  SequenceModel model;  // filled when result.type is a sequence diagram and it is valid
};

// Validates `source` (a .mmd file or a ```mermaid block) as validate() does and, when it is a
// sequence diagram, fills the model from the same parse.
SequenceParse parse_sequence(std::string_view source);

}  // namespace specgate::mermaid
