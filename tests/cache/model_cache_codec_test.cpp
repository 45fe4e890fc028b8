// The lists of the model cache (cache/model_cache_codec.h): each length-prefixed on
// the wire, decoded the same on any number of workers, and a list that does not fill
// its length exactly is corruption.
#include "cache/model_cache_codec.h"

#include <gtest/gtest.h>

#include <cstring>
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

tsl::Bytes encoded(const std::vector<verify::VerifiedList>& lists) {
  WireWriter w;
  encode_lists(w, lists);
  return std::move(w.out());
}

TEST(ModelCacheCodec, ListsDecodeTheSameOnAnyNumberOfWorkers) {
  const tsl::Bytes bytes = encoded(some_lists(7));
  for (unsigned threads : {1u, 2u, 4u, 0u}) {
    WireReader r(bytes);
    std::vector<verify::VerifiedList> back;
    ASSERT_TRUE(decode_lists(r, back, threads)) << threads << " workers";
    EXPECT_TRUE(r.at_end());
    ASSERT_EQ(back.size(), 7u);
    EXPECT_EQ(back[3].source, "https://example.test/tl-3.xml");
    ASSERT_TRUE(back[3].list.has_value());
    EXPECT_EQ(back[3].list->scheme.sequence_number, 103u);
    EXPECT_EQ(back[3].status, verify::ListStatus::kInvalid);
    EXPECT_EQ(encoded(back), bytes) << threads << " workers";  // every field, in its place
  }
}

// [count 1][length][list], the list's bytes as encode_lists() wrote them.
tsl::Bytes one_list(tsl::ByteView list, std::uint32_t length) {
  WireWriter w;
  w.u32(1);
  w.u32(length);
  w.raw(list.data(), list.size());
  return std::move(w.out());
}

TEST(ModelCacheCodec, AListThatDoesNotFillItsLengthIsCorrupt) {
  const tsl::Bytes bytes = encoded(some_lists(1));
  const tsl::ByteView list = tsl::ByteView(bytes).subspan(8);  // after the count and the length
  std::vector<verify::VerifiedList> back;
  {
    const tsl::Bytes in = one_list(list, static_cast<std::uint32_t>(list.size()));
    WireReader r(in);
    EXPECT_TRUE(decode_lists(r, back));
  }
  {  // one byte more than the list: it does not reach the end of its length
    tsl::Bytes longer(list.begin(), list.end());
    longer.push_back(0);
    const tsl::Bytes in = one_list(longer, static_cast<std::uint32_t>(longer.size()));
    WireReader r(in);
    EXPECT_FALSE(decode_lists(r, back));
  }
  {  // its last byte cut off: it runs past its length
    const tsl::Bytes in = one_list(list.first(list.size() - 1), static_cast<std::uint32_t>(list.size() - 1));
    WireReader r(in);
    EXPECT_FALSE(decode_lists(r, back));
  }
  {  // a length past the end of the input
    const tsl::Bytes in = one_list(list, static_cast<std::uint32_t>(list.size() + 1));
    WireReader r(in);
    EXPECT_FALSE(decode_lists(r, back));
  }
}

}  // namespace
}  // namespace eutl::cache::detail
