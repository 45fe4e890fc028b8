// User-facing text cites only what a user can look up: ETSI/EN/RFC clauses, eIDAS
// articles, or documents that ship with eutl. Never internal work items ("issue 5",
// "style C13", "docs §4.4": plans and notes that are not part of the product).
// Scanned: every rule's clause (the RuleInfo tables, at run time and in the source),
// the shipped documents (README.md, docs/, the installed headers include/eutl/), and
// every string literal of the library and the CLI (messages, --help, JSON, HTML).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <vector>

#include "tests/test_paths.h"
#include "verify/rules/rules.h"
#include "tests/support/text_file.h"

namespace eutl::test {
namespace {

namespace fs = std::filesystem;

// Internal references: work items, style-guide rules, sections of unshipped notes.
const std::regex& internal_reference() {
  static const std::regex kPattern(
      R"(\bissues?\s+#?\d|\bstyle\s+C\d|\bdocs\s*§|\(docs[;),]|\bpitfall\s+\d|etsi-reference|\bresearch/)",
      std::regex::icase);
  return kPattern;
}

// "" when clean, else the first offending excerpt.
std::string find_internal(const std::string& text) {
  std::smatch m;
  if (!std::regex_search(text, m, internal_reference())) {
    return "";
  }
  const auto from = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, m.position(0) - 40));
  std::string excerpt = text.substr(from, 100);
  for (char& c : excerpt) {
    c = c == '\n' ? ' ' : c;
  }
  return excerpt;
}

// The string literals of a C++ source, comments skipped (raw strings included).
std::vector<std::string> string_literals(const std::string& src) {
  std::vector<std::string> out;
  std::size_t i = 0;
  const std::size_t n = src.size();
  while (i < n) {
    if (src.compare(i, 2, "//") == 0) {
      i = src.find('\n', i);
      i = i == std::string::npos ? n : i;
    } else if (src.compare(i, 2, "/*") == 0) {
      i = src.find("*/", i + 2);
      i = i == std::string::npos ? n : i + 2;
    } else if (src[i] == 'R' && i + 1 < n && src[i + 1] == '"' &&
               (i == 0 || !(std::isalnum(static_cast<unsigned char>(src[i - 1])) || src[i - 1] == '_'))) {
      const std::size_t open = src.find('(', i + 2);
      if (open == std::string::npos) {
        break;
      }
      const std::string close = ")" + src.substr(i + 2, open - i - 2) + "\"";
      const std::size_t end = src.find(close, open + 1);
      out.push_back(src.substr(open + 1, (end == std::string::npos ? n : end) - open - 1));
      i = end == std::string::npos ? n : end + close.size();
    } else if (src[i] == '"' || src[i] == '\'') {
      const char quote = src[i];
      std::string lit;
      ++i;
      while (i < n && src[i] != quote && src[i] != '\n') {
        if (src[i] == '\\' && i + 1 < n) {
          lit += src[i + 1];
          i += 2;
          continue;
        }
        lit += src[i++];
      }
      ++i;
      if (quote == '"') {
        out.push_back(lit);
      }
    } else {
      ++i;
    }
  }
  return out;
}

std::vector<fs::path> files_under(const fs::path& dir, const std::vector<std::string>& exts) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator(); ++it) {
    if (!it->is_regular_file()) {
      continue;
    }
    const std::string ext = it->path().extension().string();
    if (exts.empty() || std::find(exts.begin(), exts.end(), ext) != exts.end()) {
      out.push_back(it->path());
    }
  }
  return out;
}

// A clause names a real document: an ETSI TS/EN, an RFC, or the eIDAS Regulation.
bool names_a_standard(std::string_view clause) {
  static const std::regex kDoc(R"(\b(TS|EN) \d{3} \d{3}|\bRFC \d{3,4}|\beIDAS\b)");
  return std::regex_search(std::string(clause), kDoc);
}

TEST(Citations, TheScannerFindsWhatItLooksFor) {
  for (const char* bad : {"issue 5 item 6", "(issue 7)", "style C13", "as rebuilt in docs §4.4", "TS 119 615 (docs)",
                          "docs §5 pitfall 6"}) {
    EXPECT_NE(find_internal(bad), "") << bad;
  }
  for (const char* good : {"TS 119 615 §4.4 step 1", "EN 319 412-5 V2.4.1 §4.2.1", "RFC 5280 §4.2",
                           "docs/evidence-schema.md", "the CA may issue certificates"}) {
    EXPECT_EQ(find_internal(good), "") << good;
  }
  const auto lits = string_literals("// \"issue 1\" in a comment\nf(\"a\\\"b\", 'c', R\"x(raw \"q\")x\"); /* \"no\" */");
  ASSERT_EQ(lits.size(), 2u);
  EXPECT_EQ(lits[0], "a\"b");
  EXPECT_EQ(lits[1], "raw \"q\"");
  EXPECT_TRUE(names_a_standard("TS 119 615 §4.4"));
  EXPECT_FALSE(names_a_standard("issue 5 item 6"));
}

TEST(Citations, EveryRuleClauseIsARealCitation) {
  for (const auto& rule : verify::detail::kRuleTable) {
    SCOPED_TRACE(std::string(rule.id));
    EXPECT_EQ(find_internal(std::string(rule.clause)), "");
    EXPECT_TRUE(names_a_standard(rule.clause)) << rule.clause;
  }
}

// Rules not (yet) in kRuleTable are caught in the source: every RuleInfo initialiser.
TEST(Citations, EveryRuleInfoInTheSourceCitesAStandard) {
  static const std::regex kInfo(R"re(RuleInfo\s+\w+\s*\{\s*"([^"]*)"\s*,\s*"([^"]*)")re");
  std::size_t seen = 0;
  for (const auto& file : files_under(source_dir() / "verify", {".h", ".cpp"})) {
    const std::string src = read_text(file);
    for (auto it = std::sregex_iterator(src.begin(), src.end(), kInfo); it != std::sregex_iterator(); ++it) {
      ++seen;
      const std::string id = (*it)[1];
      const std::string clause = (*it)[2];
      EXPECT_EQ(find_internal(clause), "") << file << " " << id;
      EXPECT_TRUE(names_a_standard(clause)) << file << " " << id << ": " << clause;
    }
  }
  EXPECT_GE(seen, verify::detail::kRuleTable.size());
}

TEST(Citations, ShippedDocumentsCiteNoInternalReferences) {
  std::vector<fs::path> docs{source_dir() / "README.md"};
  for (const auto& f : files_under(source_dir() / "docs", {})) {
    docs.push_back(f);
  }
  for (const auto& f : files_under(source_dir() / "include" / "eutl", {})) {
    docs.push_back(f);  // installed with the library: its comments are documentation
  }
  ASSERT_GT(docs.size(), 10u);
  for (const auto& f : docs) {
    EXPECT_EQ(find_internal(read_text(f)), "") << f;
  }
}

TEST(Citations, UserFacingStringsCiteNoInternalReferences) {
  std::size_t literals = 0;
  for (const char* dir : {"tsl", "verify", "cache", "cli"}) {
    for (const auto& f : files_under(source_dir() / dir, {".h", ".cpp"})) {
      for (const auto& lit : string_literals(read_text(f))) {
        ++literals;
        EXPECT_EQ(find_internal(lit), "") << f;
      }
    }
  }
  EXPECT_GT(literals, 500u);
}

}  // namespace
}  // namespace eutl::test
