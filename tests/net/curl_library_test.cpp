// libcurl is loaded on first use, not linked (net/curl_library.h).
#include "net/curl_library.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <future>
#include <string>
#include <thread>

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

TEST(CurlLibrary, TellsWhetherTheProcessRunsOneThread) {
  const pid_t child = ::fork();  // a child runs the one thread that forked it
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::_exit(process_has_one_thread() ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;

  std::promise<void> done;
  std::thread second([f = done.get_future()]() mutable { f.wait(); });
  EXPECT_FALSE(process_has_one_thread());
  done.set_value();
  second.join();
}

// Debian's libcurl4 brings GnuTLS (through librtmp and libldap), which initialises itself
// as it is loaded and then, with GNUTLS_DEBUG_LEVEL set, says so on stderr ("gnutls[2]:
// Enabled GnuTLS 3.7.9 logging..."). `eutl fetch` and `eutl serve` load libcurl while
// they have one thread, with that start-up work turned off
// (net::ensure_curl_without_gnutls_init); a GNUTLS_NO_IMPLICIT_INIT of the user's own is
// left as it is.
TEST(CurlLibrary, FetchAndServeLoadLibcurlWithoutGnutlsInitialisingItself) {
  namespace fs = std::filesystem;
  const fs::path store = fs::temp_directory_path() / ("eutl-curl-gnutls-" + std::to_string(::getpid()));
  fs::remove_all(store);
  const std::string fetch = " GNUTLS_DEBUG_LEVEL=2 EUTL_STORE='" + store.string() + "' '" + eutl::test::cli() +
                            "' fetch --lotl-url https://127.0.0.1:1/eu-lotl.xml --retries 0 2>&1 >/dev/null";

  auto quiet = eutl::test::run_command("env -u GNUTLS_NO_IMPLICIT_INIT" + fetch);
  EXPECT_EQ(quiet.exit_code, 4) << quiet.out;
  EXPECT_NE(quiet.out.find("the LOTL could not be downloaded from 127.0.0.1:1"), std::string::npos) << quiet.out;
  EXPECT_EQ(quiet.out.find("gnutls["), std::string::npos) << quiet.out;

  auto as_told = eutl::test::run_command("env GNUTLS_NO_IMPLICIT_INIT=0" + fetch);
  EXPECT_EQ(as_told.exit_code, 4) << as_told.out;
  EXPECT_NE(as_told.out.find("gnutls[2]: Enabled GnuTLS"), std::string::npos) << as_told.out;

  // `eutl serve` loads it before its threads start, unless --read-only (no refreshes).
  // 192.0.2.1 (RFC 5737 TEST-NET-1) is no address of this host: the server cannot
  // listen and exits, after that.
  const std::string serve = " GNUTLS_DEBUG_LEVEL=2 '" + eutl::test::cli() + "' serve --store '" + store.string() +
                            "' --listen 192.0.2.1:0 2>&1 >/dev/null";
  for (const char* mode : {"", " --read-only"}) {
    auto served = eutl::test::run_command("env -u GNUTLS_NO_IMPLICIT_INIT" + serve + mode);
    EXPECT_EQ(served.exit_code, 4) << mode << served.out;
    EXPECT_NE(served.out.find("cannot listen on 192.0.2.1:0"), std::string::npos) << mode << served.out;
    EXPECT_EQ(served.out.find("gnutls["), std::string::npos) << mode << served.out;
  }
  auto served = eutl::test::run_command("env GNUTLS_NO_IMPLICIT_INIT=0" + serve);
  EXPECT_NE(served.out.find("gnutls[2]: Enabled GnuTLS"), std::string::npos) << served.out;
  auto read_only = eutl::test::run_command("env GNUTLS_NO_IMPLICIT_INIT=0" + serve + " --read-only");
  EXPECT_EQ(read_only.out.find("gnutls["), std::string::npos) << read_only.out;  // libcurl not loaded at all
  fs::remove_all(store);
}

}  // namespace
}  // namespace eutl::net::detail
