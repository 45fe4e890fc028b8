// EvidenceRecord's one JSON writer and reader: a record read and written again is the
// same bytes, typed members are read as types, and a damaged record is read leniently.
#include "eutl/evidence/record.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/evidence_support.h"

namespace eutl::evidence {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class RecordJsonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    EUTL_REQUIRE_FIXTURES();
    m_dir = test::temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    auto store = cache::Store::open(m_dir / "store");
    ASSERT_TRUE(store);
    const cache::Snapshot snap = test::import_fixture_lists(*store, test::fixture_set());
    m_record = test::make_record(*store, snap, "certs/qes-natural.pem", "2025-03-01T00:00:00Z", "qes");
    ASSERT_FALSE(m_record.empty());
  }
  void TearDown() override { fs::remove_all(m_dir); }

  fs::path m_dir;
  std::string m_record;
};

TEST_F(RecordJsonTest, ReadAndWrittenAgainIsTheSameBytes) {
  const RecordRead read = from_json(m_record);
  ASSERT_TRUE(read.record);
  EXPECT_TRUE(read.duplicate.empty());
  EXPECT_EQ(to_json(*read.record), m_record);
}

TEST_F(RecordJsonTest, TypedMembersAreReadAsTypes) {
  const RecordRead read = from_json(m_record);
  ASSERT_TRUE(read.record);
  const EvidenceRecord& r = *read.record;
  const json j = json::parse(m_record);
  EXPECT_EQ(r.schema, kEvidenceSchema);
  EXPECT_EQ(r.verdict, RecordVerdict::kConfirmed);
  ASSERT_TRUE(r.question.at);
  EXPECT_EQ(*r.question.at, test::at("2025-03-01T00:00:00Z"));
  ASSERT_TRUE(r.checked_at);
  EXPECT_EQ(*r.checked_at, test::at("2025-03-02T10:00:00Z"));
  EXPECT_EQ(r.question.claim, std::optional<std::string>("qes"));
  ASSERT_TRUE(r.certificate.sha256);
  auto der = tsl::base64_decode(r.certificate.der_base64);
  ASSERT_TRUE(der);
  EXPECT_EQ(*r.certificate.sha256, tsl::sha256(*der));
  ASSERT_EQ(r.lists.size(), j["lists"].size());
  for (std::size_t i = 0; i < r.lists.size(); ++i) {
    EXPECT_EQ(r.lists[i].sha256_hex, j["lists"][i]["sha256"]);
    EXPECT_EQ(r.lists[i].source, j["lists"][i]["source"]);
  }
  ASSERT_EQ(r.lotl_anchors.size(), j["lotl_anchors"].size());
  ASSERT_TRUE(r.integrity);
  EXPECT_EQ(tsl::to_hex(*r.integrity), j["integrity"]["sha256"]);
}

TEST_F(RecordJsonTest, DamagedMembersStayUnsetAndAreNotInvented) {
  json j = json::parse(m_record);
  j["certificate"]["sha256"] = "not-a-digest";
  j["question"]["at"] = "yesterday";
  j["verdict"] = "probably";
  const RecordRead read = from_json(j.dump());
  ASSERT_TRUE(read.record);
  EXPECT_FALSE(read.record->certificate.sha256);
  EXPECT_FALSE(read.record->question.at);
  EXPECT_EQ(read.record->verdict, RecordVerdict::kNone);
}

TEST(RecordJson, TextThatIsNotOneObjectIsNoRecord) {
  for (const char* text : {"", "{", "[]", "42", "\"eutl-evidence/1\""}) {
    EXPECT_FALSE(from_json(text).record) << text;
  }
}

TEST(RecordJson, RepeatedKeyIsNamed) {
  const RecordRead read = from_json(R"({"schema": "eutl-evidence/1", "question": {"at": "x", "at": "y"}})");
  ASSERT_TRUE(read.record);
  EXPECT_EQ(read.duplicate, "question.at");
}

TEST(RecordVerdict, TextAndToneAreTyped) {
  struct Case {
    RecordVerdict verdict;
    const char* text;
    VerdictTone tone;
  };
  const Case cases[] = {
      {RecordVerdict::kQualified, "qualified", VerdictTone::kGood},
      {RecordVerdict::kConfirmed, "confirmed", VerdictTone::kGood},
      {RecordVerdict::kNotQualified, "not_qualified", VerdictTone::kBad},
      {RecordVerdict::kRefuted, "refuted", VerdictTone::kBad},
      {RecordVerdict::kIndeterminate, "indeterminate", VerdictTone::kUnknown},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(to_string(c.verdict), c.text);
    EXPECT_EQ(record_verdict_from(c.text), c.verdict) << c.text;
    EXPECT_EQ(tone_of(c.verdict), c.tone) << c.text;
  }
  EXPECT_EQ(record_verdict_from("Qualified"), RecordVerdict::kNone);
  EXPECT_EQ(tone_of(RecordVerdict::kNone), VerdictTone::kUnknown);
}

}  // namespace
}  // namespace eutl::evidence
