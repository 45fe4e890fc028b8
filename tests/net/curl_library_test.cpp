// libcurl is loaded on first use, not linked (net/curl_library.h).
#include "net/curl_library.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/test_paths.h"

namespace eutl::net::detail {
namespace {

TEST(CurlLibrary, LoadsAndResolvesEveryEntryPoint) {
  const char* why = nullptr;
  ASSERT_TRUE(load_curl(&why)) << why;
  EXPECT_STREQ(why, "");
  const CurlLibrary& c = curl();
  EXPECT_NE(c.global_init, nullptr);
  EXPECT_NE(c.multi_poll, nullptr);
  EXPECT_NE(c.slist_free_all, nullptr);
  CURL* h = c.easy_init();
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(c.easy_setopt(h, CURLOPT_URL, "https://example.invalid/"), CURLE_OK);
  c.easy_cleanup(h);
}

// The eutl binary does not need libcurl to start: the dynamic loader, asked to list
// what it would load (what ldd does), names no libcurl.
TEST(CurlLibrary, TheCliDoesNotLoadLibcurlAtStartUp) {
  auto r = eutl::test::run_command("LD_TRACE_LOADED_OBJECTS=1 '" + eutl::test::cli() + "' 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("libc.so"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("libcurl"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace eutl::net::detail
