// read_list_inputs / input_bytes (verify/list_inputs.cpp): files are opened and
// checked up front and read by the worker that parses them; the result is the same as
// for bytes read before, and a file that cannot be read by then is reported on its own.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "eutl/tsl/read_file.h"
#include "eutl/verify/list_set.h"
#include "tests/test_paths.h"
#include "tests/verify/list_set_test_util.h"

namespace eutl::verify {
namespace {

namespace fs = std::filesystem;
using test::fixtures;

std::vector<fs::path> fixture_lists() {
  auto files = expand_list_inputs({fixtures() / "lists"});
  EXPECT_TRUE(files) << files.error().message;
  return files ? *files : std::vector<fs::path>{};
}

ListSetRequest fixture_request() {
  ListSetRequest req;
  auto anchors = load_pem_certificates(fixtures() / "pki/oj-anchors.pem");
  EXPECT_TRUE(anchors.has_value());
  if (anchors) req.lotl_anchors = *anchors;
  req.at = test::at("2025-03-01T00:00:00Z");
  return req;
}

TEST(ListInputs, FilesAreOpenedNowAndReadOnce) {
  if (!fs::exists(fixtures() / "MANIFEST.txt")) GTEST_FAIL() << "fixtures missing: build eutl_fixtures";
  const auto files = fixture_lists();
  ASSERT_FALSE(files.empty());
  auto inputs = read_list_inputs(files);
  ASSERT_TRUE(inputs) << inputs.error().message;
  ASSERT_EQ(inputs->size(), files.size());
  ListSetInput& first = inputs->front();
  EXPECT_TRUE(first.bytes.empty());
  ASSERT_NE(first.file, nullptr);
  EXPECT_EQ(first.file->size_hint(), fs::file_size(files.front()));
  tsl::FileBytes storage;
  auto bytes = input_bytes(first, storage);
  ASSERT_TRUE(bytes) << bytes.error().message;
  EXPECT_EQ(tsl::Bytes(bytes->begin(), bytes->end()), tsl::read_file(files.front()).value());
  EXPECT_EQ(bytes->data(), storage.view().data());
  EXPECT_EQ(first.file, nullptr);
}

TEST(ListInputs, BytesGivenInMemoryAreUsedWhereTheyAre) {
  ListSetInput in{"memory", tsl::Bytes{'<', 'x', '/', '>'}, nullptr};
  tsl::FileBytes storage;
  auto bytes = input_bytes(in, storage);
  ASSERT_TRUE(bytes) << bytes.error().message;
  EXPECT_EQ(bytes->data(), in.bytes.data());
  EXPECT_EQ(bytes->size(), 4u);
  EXPECT_TRUE(storage.empty());
}

TEST(ListInputs, PastTwoHundredFiftySixFilesTheyAreReadAtOnce) {
  const fs::path dir = fs::temp_directory_path() / ("eutl-list-inputs-many-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::vector<fs::path> files;
  for (int i = 0; i < 257; ++i) {
    files.push_back(dir / ("l" + std::to_string(i) + ".xml"));
    std::ofstream(files.back()) << "<x/>";
  }
  auto many = read_list_inputs(files);
  auto few = read_list_inputs({files.begin(), files.begin() + 256});
  fs::remove_all(dir);
  ASSERT_TRUE(many) << many.error().message;
  ASSERT_TRUE(few) << few.error().message;
  EXPECT_EQ(many->front().file, nullptr);
  EXPECT_EQ(std::string(many->front().bytes.begin(), many->front().bytes.end()), "<x/>");
  EXPECT_NE(few->front().file, nullptr);
  EXPECT_TRUE(few->front().bytes.empty());
}

TEST(ListInputs, AMissingFileFailsBeforeAnyWork) {
  auto inputs = read_list_inputs({fixtures() / "lists" / "no-such-list.xml"});
  ASSERT_FALSE(inputs);
  EXPECT_EQ(inputs.error().code, Errc::kNotFound);
  EXPECT_NE(inputs.error().message.find("no-such-list.xml"), std::string::npos) << inputs.error().message;
}

TEST(ListInputs, OpenedFilesVerifyAsBytesReadBefore) {
  if (!fs::exists(fixtures() / "MANIFEST.txt")) GTEST_FAIL() << "fixtures missing: build eutl_fixtures";
  const auto files = fixture_lists();
  auto opened = read_list_inputs(files);
  ASSERT_TRUE(opened) << opened.error().message;
  const ListSetResult lazy = verify_list_set(std::move(*opened), fixture_request());
  const ListSetResult eager = verify_list_set(test::load_inputs(files), fixture_request());
  ASSERT_EQ(lazy.lists.size(), eager.lists.size());
  EXPECT_EQ(lazy.lotl, eager.lotl);
  for (std::size_t i = 0; i < lazy.lists.size(); ++i) {
    EXPECT_EQ(lazy.lists[i].source, files[i].string());  // input order, whatever the work order
    EXPECT_EQ(lazy.lists[i].source, eager.lists[i].source);
    EXPECT_EQ(lazy.lists[i].digest, eager.lists[i].digest);
    EXPECT_EQ(lazy.lists[i].status, eager.lists[i].status) << lazy.lists[i].source << ": " << test::codes(lazy.lists[i]);
    EXPECT_EQ(test::codes(lazy.lists[i]), test::codes(eager.lists[i]));
  }
}

TEST(ListInputs, AFileThatGrowsPastTheLimitAfterOpeningIsUnreadable) {
  if (!fs::exists(fixtures() / "MANIFEST.txt")) GTEST_FAIL() << "fixtures missing: build eutl_fixtures";
  const fs::path dir = fs::temp_directory_path() / ("eutl-list-inputs-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::vector<fs::path> files;
  for (const auto& f : fixture_lists()) {
    files.push_back(dir / f.filename());
    fs::copy_file(f, files.back());
  }
  auto inputs = read_list_inputs(files);
  ASSERT_TRUE(inputs) << inputs.error().message;
  // After the check at open, a national list grows past the 64 MiB limit (sparse).
  std::size_t tl = 0;
  while (tl < files.size() && !files[tl].filename().string().starts_with("tl-")) ++tl;
  ASSERT_LT(tl, files.size());
  fs::resize_file(files[tl], tsl::kMaxListFileBytes + 4096);
  const ListSetResult r = verify_list_set(std::move(*inputs), fixture_request());
  fs::remove_all(dir);
  ASSERT_EQ(r.lists.size(), files.size());
  const VerifiedList& grown = r.lists.at(tl);
  EXPECT_EQ(grown.status, ListStatus::kIndeterminate);
  ASSERT_TRUE(test::has_reason(grown, "unreadable")) << test::codes(grown);
  EXPECT_NE(grown.reasons.front().message.find("the file could not be read"), std::string::npos)
      << grown.reasons.front().message;
  EXPECT_FALSE(grown.list.has_value());
  ASSERT_TRUE(r.lotl.has_value());
  EXPECT_EQ(r.lists.at(*r.lotl).status, ListStatus::kValid) << test::codes(r.lists.at(*r.lotl));
}

}  // namespace
}  // namespace eutl::verify
