// multipart/form-data as browsers send it, and bodies that are not: missing or bad
// boundaries, parts without Content-Disposition, and every limit.
#include <gtest/gtest.h>

#include <string>

#include "server/web/form_data.h"

namespace eutl::server::web {
namespace {

constexpr const char* kB = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

std::string part(const std::string& headers, const std::string& content) {
  return std::string("--") + kB + "\r\n" + headers + "\r\n\r\n" + content + "\r\n";
}
std::string close() { return std::string("--") + kB + "--\r\n"; }

TEST(FormMultipart, ReadsFieldsAndABinaryFileAsChromeSendsThem) {
  const std::string der("\x30\x82\x01\x0a\r\n--not-the-boundary\r\n\x00\xff", 28);
  const std::string body = part("Content-Disposition: form-data; name=\"certificate\"", "") +
                           part("Content-Disposition: form-data; name=\"file\"; filename=\"qwac; \\\"x\\\".der\"\r\n"
                                "Content-Type: Application/X-X509-CA-Cert",
                                der) +
                           part("content-disposition: FORM-DATA; name=claim", "qwac") + close() + "epilogue";
  auto f = parse_multipart(body);
  ASSERT_TRUE(f) << f.error().message;
  ASSERT_EQ(f->size(), 3u);
  EXPECT_EQ((*f)[0].name, "certificate");
  EXPECT_EQ((*f)[0].value, "");
  EXPECT_EQ((*f)[1].name, "file");
  EXPECT_EQ((*f)[1].filename, "qwac; \"x\".der");
  EXPECT_EQ((*f)[1].content_type, "application/x-x509-ca-cert");
  EXPECT_EQ((*f)[1].value, der);
  EXPECT_EQ((*f)[2].value, "qwac");
}

TEST(FormMultipart, AnEmptyFileInputIsAnEmptyField) {
  auto f = parse_multipart(part("Content-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
                                "Content-Type: application/octet-stream",
                                "") +
                           close());
  ASSERT_TRUE(f) << f.error().message;
  ASSERT_EQ(f->size(), 1u);
  EXPECT_TRUE((*f)[0].value.empty());
}

TEST(FormMultipart, MalformedBodiesAreRefusedWithTheReason) {
  const std::string cd = "Content-Disposition: form-data; name=\"a\"";
  const std::pair<std::string, const char*> cases[] = {
      {"", "does not start with a boundary"},
      {"preamble\r\n" + part(cd, "1") + close(), "does not start with a boundary"},
      {"--" + std::string(71, 'b') + "\r\n" + cd + "\r\n\r\n1\r\n--" + std::string(71, 'b') + "--", "1 to 70"},
      {"--bad<boundary>\r\n" + cd + "\r\n\r\n1\r\n--bad<boundary>--", "1 to 70"},
      {part(cd, "1"), "closing boundary is missing"},
      {part(cd, "1") + "--" + kB + "garbage\r\n", "followed by other text"},
      {std::string("--") + kB + "\r\n\r\ncontent\r\n" + close(), "without headers"},
      {part("Content-Type: text/plain", "1") + close(), "without Content-Disposition"},
      {part("Content-Disposition: attachment; name=\"a\"", "1") + close(), "not form-data with a name"},
      {part("Content-Disposition: form-data; filename=\"a\"", "1") + close(), "not form-data with a name"},
      {part("Content-Disposition: form-data; name=\"a", "1") + close(), "unterminated quoted string"},
      {part("Content-Disposition: form-data; name", "1") + close(), "without '='"},
      {part("no colon here", "1") + close(), "without a name and ':'"},
      {std::string("--") + kB + "\r\n" + cd + "\r\n", "header block does not end"},
  };
  for (const auto& [body, why] : cases) {
    auto f = parse_multipart(body);
    ASSERT_FALSE(f) << body;
    EXPECT_EQ(f.error().code, Errc::kMalformed) << body;
    EXPECT_NE(f.error().message.find(why), std::string::npos) << f.error().message << " / want: " << why;
  }
}

TEST(FormMultipart, APreambleAndAnEpilogueAreIgnoredWithTheBoundaryOfTheContentType) {
  const std::string cd = "Content-Disposition: form-data; name=\"claim\"";
  // RFC 2046 §5.1.1: text before the first boundary line, even text that looks like one.
  for (const std::string& preamble : {std::string("This is a multi-part message in MIME format.\r\n"),
                                      std::string("line one\r\n--not-the-boundary\r\n\r\n"),
                                      std::string("\r\n"), std::string()}) {
    auto f = parse_multipart(preamble + part(cd, "qwac") + close() + "\r\nan epilogue\r\n", kB);
    ASSERT_TRUE(f) << preamble << ": " << f.error().message;
    ASSERT_EQ(f->size(), 1u);
    EXPECT_EQ((*f)[0].name, "claim");
    EXPECT_EQ((*f)[0].value, "qwac");
  }
}

TEST(FormMultipart, WithTheContentTypeBoundaryMalformedBodiesAreStillRefused) {
  const std::string cd = "Content-Disposition: form-data; name=\"a\"";
  const std::pair<std::string, const char*> cases[] = {
      {"no boundary anywhere", "no boundary line"},
      // The boundary must start a line: glued to the preamble, the first part is preamble.
      {"preamble" + part(cd, "1") + close(), "no part before the closing boundary"},
      {"preamble\r\n" + std::string("--") + kB + "x\r\n" + cd + "\r\n\r\n1\r\n" + close(), "followed by other text"},
      {"preamble\r\n" + close(), "no part before the closing boundary"},
      {"preamble\r\n" + part(cd, "1"), "closing boundary is missing"},
      {part("no colon here", "1") + close(), "without a name and ':'"},
  };
  for (const auto& [body, why] : cases) {
    auto f = parse_multipart(body, kB);
    ASSERT_FALSE(f) << body;
    EXPECT_EQ(f.error().code, Errc::kMalformed) << body;
    EXPECT_NE(f.error().message.find(why), std::string::npos) << f.error().message << " / want: " << why;
  }
  auto other = parse_multipart(part(cd, "1") + close(), "another-boundary");  // not the body's
  ASSERT_FALSE(other);
  EXPECT_NE(other.error().message.find("no boundary line --another-boundary"), std::string::npos);
  EXPECT_FALSE(parse_multipart(part(cd, "1") + close(), "bad<boundary>"));
}

TEST(FormMultipart, Limits) {
  FormLimits limits;
  limits.max_fields = 2;
  limits.max_name_bytes = 8;
  limits.max_value_bytes = 10;
  limits.max_part_header_bytes = 100;
  const auto field = [](const std::string& name, const std::string& value) {
    return part("Content-Disposition: form-data; name=\"" + name + "\"", value);
  };
  EXPECT_TRUE(parse_multipart(field("a", "0123456789") + field("b", "") + close(), limits));
  const std::string cases[] = {
      field("a", "1") + field("b", "2") + field("c", "3") + close(),
      field("a", "01234567890") + close(),
      field("a-long-name", "1") + close(),
      part("Content-Disposition: form-data; name=\"a\"\r\nX-Padding: " + std::string(100, 'x'), "1") + close(),
      // a header block that never ends, longer than the limit
      std::string("--") + kB + "\r\nContent-Disposition: form-data; name=\"a\"\r\nX: " + std::string(500, 'x'),
  };
  for (const std::string& body : cases) {
    auto f = parse_multipart(body, limits);
    ASSERT_FALSE(f) << body;
    EXPECT_EQ(f.error().code, Errc::kLimit) << f.error().message;
  }
}

}  // namespace
}  // namespace eutl::server::web
