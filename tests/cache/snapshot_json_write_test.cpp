// The snapshot writer (cache/snapshot_json_write.cpp) writes exactly what nlohmann's
// dump(2) writes for the same object, whatever the strings hold: the snapshot id is a
// digest of these bytes, so a snapshot written before the writer changed must keep its
// bytes when read and written again (snapshot_json_test.cpp reads real stores back).
#include <gtest/gtest.h>

#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "eutl/cache/snapshot.h"

namespace eutl::cache {
namespace {

// dump(2) of the parsed text: keys sorted, two-space indent, nlohmann's escaping.
std::string as_nlohmann_writes_it(const std::string& text) {
  return nlohmann::json::parse(text).dump(2) + "\n";
}

ListRecord list_with(const std::string& text) {
  ListRecord l;
  l.territory = "AA";
  l.url = "https://example.org/" + text;
  l.in_use = InUse::kKept;
  l.in_use_etag = text;
  l.in_use_last_modified = "Sat, 01 Mar 2025 12:00:00 GMT";
  l.sequence_number = std::numeric_limits<std::uint64_t>::max();
  l.result = verify::ListStatus::kExpired;
  l.reasons = {{"code-" + text, "message " + text}, {"second", ""}};
  l.service_count = 91;
  l.certificate_count = std::numeric_limits<std::uint64_t>::max() - 1;
  l.fetch.status = net::FetchStatus::kHttpError;
  l.fetch.http_status = 404;
  l.fetch.error = text;
  l.fetch.etag = text;
  l.fetch.bytes = 1234567890123ull;
  l.fetch.attempts = 3;
  l.fetch.digest = tsl::sha256(tsl::as_bytes(text));
  l.fetch.result = verify::ListStatus::kInvalid;
  l.fetch.reasons = {{"c", text}};
  return l;
}

TEST(SnapshotJsonWrite, WritesWhatNlohmannWritesForTheSameObject) {
  const std::string texts[] = {
      "plain",
      "\"quoted\" and back\\slash",
      "controls \x01\x08\t\n\x0c\r\x1f end",
      "DEL \x7f",
      "UTF-8 \xc3\xa9\xe2\x82\xac\xf0\x9f\x94\x92",
      "",
  };
  for (const std::string& text : texts) {
    Snapshot s;
    s.created = tsl::parse_datetime("2026-12-06T20:00:00Z").value().time;
    s.validation_time = tsl::parse_datetime("2026-08-21T12:00:00Z").value().time;
    s.origin = text;
    s.lotl_url = "https://ec.europa.eu/tools/lotl/eu-lotl.xml";
    s.lotl_anchor_digests = {tsl::sha256(tsl::as_bytes("a")), tsl::sha256(tsl::as_bytes("b"))};
    s.lotl = list_with(text);
    s.lotl.sequence_number.reset();  // null
    s.lotl.reasons.clear();           // []
    s.lotl.fetch.reasons.clear();
    s.pivots = {list_with("pivot " + text)};
    s.lists = {list_with(text), list_with("second")};
    const std::string written = snapshot_to_json(s);
    EXPECT_EQ(written, as_nlohmann_writes_it(written)) << text;
    auto back = snapshot_from_json(written, "id");
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->origin, text);
    EXPECT_EQ(back->lists.at(0).fetch.error, text);
    EXPECT_EQ(snapshot_to_json(*back), written) << text;

    s.tl_signer_digests = {tsl::sha256(tsl::as_bytes("signer"))};  // the optional key
    s.pivots.clear();
    s.lists.clear();
    const std::string with_signers = snapshot_to_json(s);
    EXPECT_EQ(with_signers, as_nlohmann_writes_it(with_signers)) << text;
    EXPECT_NE(with_signers.find("\"tl_signer_digests\": ["), std::string::npos);
    EXPECT_NE(with_signers.find("\"lists\": [],"), std::string::npos);
  }
}

TEST(SnapshotJsonWrite, InvalidUtf8IsRefusedAsNlohmannRefusesIt) {
  Snapshot s;
  s.origin = "bad \xff byte";
  EXPECT_THROW((void)snapshot_to_json(s), nlohmann::json::exception);
}

}  // namespace
}  // namespace eutl::cache
