// If-None-Match by RFC 9110 §13.1.2 with weak comparison (§8.8.3.2): "*", one tag, a
// list, W/ tags, whitespace; malformed fields match nothing beyond what was read.
#include "server/web/entity_tag.h"

#include <gtest/gtest.h>

#include <string>

namespace eutl::server::web {
namespace {

TEST(EntityTag, IfNoneMatchByWeakComparison) {
  struct Case {
    std::string field;
    bool matches;
  };
  const Case cases[] = {
      {R"("abc")", true},
      {R"(W/"abc")", true},  // weak comparison: W/ does not count
      {"*", true},
      {" * ", true},
      {R"("x", "abc")", true},
      {R"("x",W/"abc")", true},
      {R"( "x" , "y" ,  "abc" )", true},
      {R"(,, "abc")", true},  // empty list elements (RFC 9110 §5.6.1)
      {"", false},
      {R"("abcd")", false},
      {R"("ab")", false},
      {R"("ABC")", false},  // opaque tags compare octet by octet
      {"abc", false},       // not quoted: not an entity-tag
      {R"(w/"abc")", false},  // "W/" is case-sensitive
      {R"("x" "abc")", false},  // no comma: malformed from there on
      {R"("x)", false},
      {R"(*, "abc")", false},  // "*" is the whole field or nothing
  };
  for (const Case& c : cases) {
    EXPECT_EQ(if_none_match_matches(c.field, "abc"), c.matches) << c.field;
  }
}

}  // namespace
}  // namespace eutl::server::web
