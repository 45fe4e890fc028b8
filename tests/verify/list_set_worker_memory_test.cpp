// ListSetRequest::worker_memory and the file inputs read by the workers
// (verify/list_set.cpp): how memory is obtained and how files are read must not change
// a single result. The 2023 EU set, from files with kPopulate, against the same set
// given in memory with kOnDemand.
#include <gtest/gtest.h>

#include "eutl/verify/list_set.h"
#include "tests/test_paths.h"
#include "tests/verify/list_set_test_util.h"

namespace eutl::verify {
namespace {

std::vector<std::filesystem::path> set_2023() {
  return {test::realdata() / "lotl/eu-lotl-seq332-2023-09-27.xml",
          test::realdata() / "lotl/pivots/eu-lotl-pivot-282.xml",
          test::realdata() / "lotl/pivots/eu-lotl-pivot-300.xml", test::realdata() / "tl/2023"};
}

ListSetRequest request_2023(WorkerMemory memory) {
  ListSetRequest req;
  auto anchors = load_pem_certificates(test::realdata() / "oj/oj-C276-2019-lotl-signers.pem");
  EXPECT_TRUE(anchors.has_value());
  req.lotl_anchors = anchors ? *anchors : std::vector<tsl::Bytes>{};
  req.at = test::at("2023-10-28T00:00:00Z");
  req.threads = 2;
  req.worker_memory = memory;
  return req;
}

TEST(ListSetWorkerMemory, PopulatedWorkersReadingFilesGiveTheSameResults) {
  EUTL_REQUIRE_REALDATA();
  auto files = expand_list_inputs(set_2023());
  ASSERT_TRUE(files) << files.error().message;
  auto opened = read_list_inputs(*files);
  ASSERT_TRUE(opened) << opened.error().message;
  ListSetResult from_files = verify_list_set(std::move(*opened), request_2023(WorkerMemory::kPopulate));
  ListSetResult in_memory = verify_list_set(test::load_inputs(set_2023()), request_2023(WorkerMemory::kOnDemand));
  ASSERT_EQ(from_files.lists.size(), 33u);
  ASSERT_EQ(in_memory.lists.size(), from_files.lists.size());
  EXPECT_EQ(from_files.lotl, in_memory.lotl);
  for (std::size_t i = 0; i < from_files.lists.size(); ++i) {
    const VerifiedList& a = from_files.lists[i];
    const VerifiedList& b = in_memory.lists[i];
    SCOPED_TRACE(a.source);
    EXPECT_EQ(a.source, b.source);
    EXPECT_EQ(a.digest, b.digest);
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(test::codes(a), test::codes(b));
    EXPECT_EQ(a.signature.signer_sha256, b.signature.signer_sha256);
    EXPECT_EQ(a.signature.matched, b.signature.matched);
    ASSERT_TRUE(a.list.has_value());
    EXPECT_EQ(a.list->certificate_count(), b.list->certificate_count());
  }
}

// ListSetRequest::services: kDropped frees each list's providers as it is read and
// changes nothing else of any list: statuses, reasons, signers, scheme and the
// warnings read from the services (what `eutl verify` prints comes from these).
TEST(ListSetWorkerMemory, DroppedServicesChangeNothingElse) {
  EUTL_REQUIRE_REALDATA();
  ListSetRequest dropping = request_2023(WorkerMemory::kPopulate);
  dropping.services = ServiceModels::kDropped;
  ListSetResult dropped = verify_list_set(test::load_inputs(set_2023()), dropping);
  ListSetResult kept = verify_list_set(test::load_inputs(set_2023()), request_2023(WorkerMemory::kPopulate));
  ASSERT_EQ(dropped.lists.size(), 33u);
  ASSERT_EQ(kept.lists.size(), dropped.lists.size());
  EXPECT_EQ(dropped.lotl, kept.lotl);
  std::size_t services = 0;
  for (std::size_t i = 0; i < dropped.lists.size(); ++i) {
    const VerifiedList& a = dropped.lists[i];
    const VerifiedList& b = kept.lists[i];
    SCOPED_TRACE(a.source);
    EXPECT_EQ(a.digest, b.digest);
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(test::codes(a), test::codes(b));
    EXPECT_EQ(a.signature.matched, b.signature.matched);
    ASSERT_TRUE(a.list && b.list);
    EXPECT_TRUE(a.list->providers.empty());
    services += b.list->service_count();
    ASSERT_EQ(a.list->warnings.size(), b.list->warnings.size());
    for (std::size_t w = 0; w < a.list->warnings.size(); ++w) {
      EXPECT_EQ(a.list->warnings[w].code, b.list->warnings[w].code);
      EXPECT_EQ(a.list->warnings[w].message, b.list->warnings[w].message);
      EXPECT_EQ(a.list->warnings[w].line, b.list->warnings[w].line);
    }
    EXPECT_EQ(a.list->scheme.territory, b.list->scheme.territory);
    EXPECT_EQ(a.list->scheme.sequence_number, b.list->scheme.sequence_number);
    EXPECT_EQ(a.list->scheme.next_update, b.list->scheme.next_update);
    EXPECT_EQ(a.list->scheme.pointers.size(), b.list->scheme.pointers.size());
  }
  EXPECT_GT(services, 2000u);  // what kept holds and dropped does not
}

}  // namespace
}  // namespace eutl::verify
