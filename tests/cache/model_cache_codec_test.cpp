// The lists of the model cache (cache/model_cache_codec.h): each a head and a body
// that together give back every field, and a part that is not exactly one part is
// corruption.
#include "cache/model_cache_codec.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/verify/qualification_test_support.h"

namespace eutl::cache::detail {
namespace {

using test::date;

std::vector<verify::VerifiedList> some_lists(std::size_t n) {
  std::vector<verify::VerifiedList> out;
  for (std::size_t i = 0; i < n; ++i) {
    test::Issued ca = test::issue(test::CertSpec{.cn = "CA " + std::to_string(i), .ca = true}, nullptr);
    verify::VerifiedList v;
    v.source = "https://example.test/tl-" + std::to_string(i) + ".xml";
    v.digest = tsl::sha256(tsl::as_bytes(v.source));
    v.list = test::list("A" + std::string(1, static_cast<char>('A' + i)),
                        {test::service(ca, test::state("CA/QC", "granted", date(2017, 1, 1)),
                                       {test::state("CA/QC", "accredited", date(2010, 1, 1))})},
                        100 + i);
    v.status = i % 2 == 0 ? verify::ListStatus::kValid : verify::ListStatus::kInvalid;
    if (i % 2 != 0) {
      v.reasons.push_back({"signature-invalid", "list " + std::to_string(i)});
    }
    out.push_back(std::move(v));
  }
  return out;
}

struct Parts final {
  tsl::Bytes head;
  tsl::Bytes body;
};

Parts encoded(const verify::VerifiedList& list) {
  WireWriter head;
  encode_head(head, list);
  WireWriter body;
  encode_body(body, list);
  return {std::move(head.out()), std::move(body.out())};
}

TEST(ModelCacheCodec, AListIsItsHeadAndItsBody) {
  for (const verify::VerifiedList& list : some_lists(3)) {
    const Parts parts = encoded(list);
    verify::VerifiedList back;
    ASSERT_TRUE(decode_head(parts.head, back));
    EXPECT_EQ(back.source, list.source);
    EXPECT_EQ(back.status, list.status);
    ASSERT_TRUE(back.list.has_value());
    EXPECT_EQ(back.list->scheme.sequence_number, list.list->scheme.sequence_number);
    EXPECT_TRUE(back.list->providers.empty()) << "the head holds no provider";
    EXPECT_EQ(encoded(back).head, parts.head);
    ASSERT_TRUE(decode_body(parts.body, back));
    ASSERT_EQ(back.list->providers.size(), list.list->providers.size());
    const Parts again = encoded(back);
    EXPECT_EQ(again.head, parts.head);  // every field, in its place
    EXPECT_EQ(again.body, parts.body);
  }
}

TEST(ModelCacheCodec, AListWithoutAModelHasAnEmptyBody) {
  verify::VerifiedList none;
  none.source = "https://example.test/unparsable.xml";
  none.status = verify::ListStatus::kInvalid;
  const Parts parts = encoded(none);
  EXPECT_TRUE(parts.body.empty());
  verify::VerifiedList back;
  ASSERT_TRUE(decode_head(parts.head, back));
  EXPECT_FALSE(back.list.has_value());
  EXPECT_TRUE(decode_body({}, back));
  const Parts other = encoded(some_lists(1).front());
  EXPECT_FALSE(decode_body(other.body, back)) << "a body given to a list without a model";
}

tsl::Bytes one_more_byte(const tsl::Bytes& b) {
  tsl::Bytes out = b;
  out.push_back(0);
  return out;
}

tsl::ByteView last_byte_cut(const tsl::Bytes& b) { return tsl::ByteView(b).first(b.size() - 1); }

TEST(ModelCacheCodec, APartThatIsNotExactlyOnePartIsCorrupt) {
  const Parts parts = encoded(some_lists(1).front());
  verify::VerifiedList back;
  EXPECT_FALSE(decode_head(one_more_byte(parts.head), back));
  EXPECT_FALSE(decode_head(last_byte_cut(parts.head), back));
  ASSERT_TRUE(decode_head(parts.head, back));
  EXPECT_FALSE(decode_body(one_more_byte(parts.body), back));
  EXPECT_FALSE(decode_body(last_byte_cut(parts.body), back));
  EXPECT_TRUE(decode_body(parts.body, back));
}

}  // namespace
}  // namespace eutl::cache::detail
