#include "eutl/verify/missing_territories.h"

#include <algorithm>
#include <map>

namespace eutl::verify {
namespace {

// ETSI TS 119 612 V2.4.1 §5.3.17 / annex: the MimeType of the XML form of a list.
constexpr std::string_view kTslXmlMimeType = "application/vnd.etsi.tsl+xml";

}  // namespace

std::vector<MissingTerritory> missing_territories(const tsl::TrustedList& lotl,
                                                  const std::vector<std::string>& present) {
  struct Pointed final {
    MissingTerritory missing;
    bool xml = false;
  };
  std::map<std::string, Pointed> pointed;
  for (const tsl::OtherTslPointer& p : lotl.scheme.pointers) {
    if (p.tsl_type != tsl::TslType::kEuGeneric || p.territory.empty()) {
      continue;
    }
    const bool xml = p.mime_type == kTslXmlMimeType;
    auto [it, inserted] = pointed.try_emplace(p.territory, Pointed{{p.territory, p.location}, xml});
    if (!inserted && xml && !it->second.xml) {
      it->second = Pointed{{p.territory, p.location}, true};  // the XML form's location, not the PDF's
    }
  }
  std::vector<MissingTerritory> out;
  for (auto& [territory, m] : pointed) {
    if (std::find(present.begin(), present.end(), territory) == present.end()) {
      out.push_back(std::move(m.missing));
    }
  }
  return out;
}

}  // namespace eutl::verify
