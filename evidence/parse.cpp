// Reading an evidence record strictly: one JSON object, no object repeating a key
// (RFC 8259 §4 leaves the meaning of repeated names to each parser; a record must mean
// one thing only), schema eutl-evidence/3 (or /2, /1).
#include <set>

#include "evidence/json.h"

namespace eutl::evidence {
namespace detail {
namespace {

// One open object or array while parsing: its keys so far and the key being read.
struct Frame final {
  bool is_object = false;
  std::set<std::string> keys;
  std::string current;
};

std::string path_of(const std::vector<Frame>& frames, const std::string& key) {
  std::string path;
  for (std::size_t i = 0; i + 1 < frames.size(); ++i) {
    if (frames[i].is_object) {
      path += (path.empty() ? "" : ".") + frames[i].current;
    } else {
      path += "[]";
    }
  }
  return path + (path.empty() ? "" : ".") + key;
}

}  // namespace

StrictJson parse_strict(std::string_view text) {
  StrictJson out;
  std::vector<Frame> frames;
  auto callback = [&](int /*depth*/, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
        frames.push_back(Frame{true, {}, {}});
        break;
      case json::parse_event_t::array_start:
        frames.push_back(Frame{false, {}, {}});
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        if (!frames.empty()) {
          frames.pop_back();
        }
        break;
      case json::parse_event_t::key:
        if (!frames.empty() && parsed.is_string()) {
          Frame& f = frames.back();
          f.current = parsed.get<std::string>();
          if (!f.keys.insert(f.current).second && out.duplicate.empty()) {
            out.duplicate = path_of(frames, f.current);
          }
        }
        break;
      case json::parse_event_t::value:
        break;
    }
    return true;
  };
  out.value = json::parse(text, callback, false);
  return out;
}

}  // namespace detail

bool is_evidence_record(std::string_view text) {
  const RecordRead read = from_json(text);
  return read.record && is_known_schema(read.record->schema);
}

bool is_known_schema(std::string_view schema) {
  return schema == kEvidenceSchema || schema == kEvidenceSchemaV2 || schema == kEvidenceSchemaV1;
}

std::string_view to_string(EvidenceOutcome o) {
  switch (o) {
    case EvidenceOutcome::kSame:
      return "same";
    case EvidenceOutcome::kNotARecord:
      return "not-a-record";
    case EvidenceOutcome::kDiffers:
      return "differs";
    case EvidenceOutcome::kUntrustedAnchors:
      return "untrusted-anchors";
    case EvidenceOutcome::kInputsMissing:
      return "inputs-missing";
  }
  return "differs";
}

}  // namespace eutl::evidence
