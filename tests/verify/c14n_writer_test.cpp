// verify/c14n_writer.cpp against libxml2's xmlC14NExecute over the same node set (the
// whole document without one element's subtree, no comments): byte for byte, in
// both methods, on every real and peer list, on hand-written corner cases of the
// namespace and attribute axes, and on generated documents.
#include "verify/detail/c14n_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "eutl/tsl/xml_document.h"
#include "tests/support/libxml2_c14n.h"
#include "tests/test_paths.h"
#include "tsl/detail/xml_node.h"

namespace eutl::verify::trust {
namespace {

namespace fs = std::filesystem;

struct OwnCanonical final {
  C14NWrite status = C14NWrite::kNotHandled;
  std::string text;
  std::size_t chunks = 0;
};

OwnCanonical own_canonical(const xmlDoc* doc, const xmlNode* node, bool only, C14NMethod method) {
  OwnCanonical r;
  auto sink = [&](std::span<const std::uint8_t> chunk) {
    r.text.append(reinterpret_cast<const char*>(chunk.data()), chunk.size());
    ++r.chunks;
    return true;
  };
  if (!c14n_writer_handles(doc)) {
    return r;  // kNotHandled
  }
  r.status = only ? write_c14n_subtree(doc, node, method, sink) : write_c14n_without(doc, node, method, sink);
  return r;
}

// The first element named Signature, depth first (the enveloped ds:Signature of a list).
const xmlNode* first_signature(const xmlNode* n) {
  for (; n != nullptr; n = n->next) {
    if (n->type == XML_ELEMENT_NODE && tsl::detail::XmlNode(const_cast<xmlNode*>(n)).local_name() == "Signature") {
      return n;
    }
    if (const xmlNode* s = n->type == XML_ELEMENT_NODE ? first_signature(n->children) : nullptr) {
      return s;
    }
  }
  return nullptr;
}

constexpr C14NMethod kBothMethods[] = {C14NMethod::kInclusive10, C14NMethod::kExclusive10};

const char* method_name(C14NMethod m) { return m == C14NMethod::kExclusive10 ? "exclusive" : "inclusive"; }

void collect_elements(const xmlNode* n, std::vector<const xmlNode*>& out, bool signed_parts_only) {
  for (; n != nullptr; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) {
      continue;
    }
    std::string_view name = tsl::detail::XmlNode(const_cast<xmlNode*>(n)).local_name();
    if (!signed_parts_only || name == "SignedInfo" || name == "SignedProperties") {
      out.push_back(n);
    }
    collect_elements(n->children, out, signed_parts_only);
  }
}

// Compares the writer with libxml2 on `doc` for one set, in both methods; returns
// whether the writer handled it.
bool expect_same_set(xmlDoc* doc, const xmlNode* node, bool only, const std::string& what) {
  bool handled = true;
  for (C14NMethod m : kBothMethods) {
    OwnCanonical own = own_canonical(doc, node, only, m);
    if (own.status == C14NWrite::kNotHandled) {
      handled = false;
      continue;
    }
    EXPECT_EQ(own.status, C14NWrite::kWritten) << what;
    std::optional<std::string> reference = test::libxml2_c14n(doc, test::C14NSet{node, only}, m);
    if (!reference.has_value()) {
      ADD_FAILURE() << what << " (" << method_name(m) << "): libxml2 refuses what the writer wrote";
      continue;
    }
    EXPECT_TRUE(own.text == *reference) << what << " (" << method_name(m) << ")\n  ours:    " << own.text.substr(0, 2000)
                                        << "\n  libxml2: " << reference->substr(0, 2000);
  }
  return handled;
}

// The document without its first Signature, then the subtree of every element (of
// SignedInfo and SignedProperties only, in a document over 64 KiB: libxml2 walks the
// whole document for each). Returns whether the writer handled them all.
bool expect_same_canonical_form(const std::string& text, const std::string& what) {
  auto parsed = tsl::XmlDocument::parse(tsl::as_bytes(text), what);
  if (!parsed) {
    ADD_FAILURE() << what << ": " << parsed.error().message;
    return false;
  }
  xmlDoc* doc = tsl::detail::native_document(*parsed);
  // What the parse recorded and a walk over the finished tree agree.
  EXPECT_EQ(c14n_writer_handles(doc), c14n_writer_handles_walk(doc)) << what;
  bool handled = expect_same_set(doc, first_signature(doc->children), false, what);
  std::vector<const xmlNode*> tops;
  collect_elements(doc->children, tops, text.size() > 64 * 1024);
  for (const xmlNode* top : tops) {
    std::string name(tsl::detail::XmlNode(const_cast<xmlNode*>(top)).local_name());
    handled = expect_same_set(doc, top, true, what + ", subtree of " + name) && handled;
  }
  return handled;
}

std::vector<fs::path> xml_files_under(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::exists(dir)) {
    return files;
  }
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".xml") {
      files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string file_text(const fs::path& p) {
  auto bytes = tsl::read_file(p);
  return bytes ? std::string(bytes->begin(), bytes->end()) : std::string();
}

TEST(C14NWriter, EveryRealListCanonicalisesAsLibxml2DoesAndIsHandled) {
  EUTL_REQUIRE_REALDATA();
  std::size_t lists = 0;
  for (const fs::path& p : xml_files_under(test::realdata())) {
    std::string text = file_text(p);
    auto parsed = tsl::XmlDocument::parse(tsl::as_bytes(text), p.string());
    if (!parsed || first_signature(tsl::detail::native_document(*parsed)->children) == nullptr) {
      continue;  // realdata/broken holds lists that must not parse
    }
    EXPECT_TRUE(expect_same_canonical_form(text, p.string())) << p << ": a real list must take the fast writer";
    ++lists;
  }
  EXPECT_GE(lists, 140u);  // LOTL 2016-2026, pivots, the 2019, 2023, 2026 national lists
}

TEST(C14NWriter, PeerAndFixtureDocumentsCanonicaliseAsLibxml2Does) {
  std::size_t compared = 0;
  for (const fs::path& dir : {test::realdata().parent_path() / "peerdata", test::fixtures()}) {
    for (const fs::path& p : xml_files_under(dir)) {
      std::string text = file_text(p);
      if (!tsl::XmlDocument::parse(tsl::as_bytes(text), p.string())) {
        continue;  // deliberately broken inputs
      }
      compared += expect_same_canonical_form(text, p.string()) ? 1 : 0;
    }
  }
  EXPECT_GE(compared, 20u);
}

struct CornerCase final {
  const char* name;
  const char* xml;
  bool handled;
};

// Each names the rule of C14N §2.3 / Exc §3 (or the libxml2 behaviour) it pins.
const CornerCase kCornerCases[] = {
    {"default namespace undone by xmlns=\"\"", R"(<a xmlns="http://e.x/a"><b xmlns=""><c/></b></a>)", true},
    {"xmlns=\"\" with no default in scope", R"(<a><b xmlns=""/></a>)", true},
    {"xmlns=\"\" on the root", R"(<a xmlns=""><b/></a>)", true},
    {"redundant redeclaration", R"(<p:a xmlns:p="http://e.x/p"><p:b xmlns:p="http://e.x/p"/></p:a>)", true},
    {"prefix rebound", R"(<p:a xmlns:p="http://e.x/p"><p:b xmlns:p="http://e.x/q"><p:c/></p:b></p:a>)", true},
    {"declared high, used deep", R"(<a xmlns:p="http://e.x/p" xmlns:q="urn:q"><b><c p:x="1"><q:d/></c></b></a>)", true},
    {"unused declarations", R"(<a xmlns:z="http://e.x/z" xmlns:y="http://e.x/y"><b/></a>)", true},
    {"attribute order", R"(<a xmlns:b="http://e.x/2" xmlns:a="http://e.x/1" z="1" b:y="2" a:y="3" a:b="4" c="5" xml:lang="en"/>)", true},
    {"unprefixed element under a rendered default", R"(<a xmlns="http://e.x/d"><b xmlns=""><c xmlns="http://e.x/d"><d xmlns=""/></c></b></a>)", true},
    {"text escapes", "<a>&amp; &lt; &gt; \" ' &#xD; &#9; &#xA; \xc3\xa9\xe2\x82\xac</a>", true},
    {"attribute escapes", "<a v=\"&amp;&lt;&gt;&quot;'&#9;&#xA;&#xD; x\" w='\"'/>", true},
    {"CDATA", "<a><![CDATA[<b> & > \r]]>x<![CDATA[]]></a>", true},
    {"processing instructions", "<?pi before?><?empty?><!--c--><a><?in side ?><!--x--><b/></a><?pi after?><!--d-->", true},
    {"signature in the middle", R"(<r xmlns="http://e.x/r"><x/><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:s="http://e.x/s"><ds:S/></ds:Signature><y s:z="1" xmlns:s="http://e.x/s"/></r>)", true},
    {"signature is the root", R"(<?p x?><Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><a/></Signature><?q y?>)", true},
    {"empty elements", "<a><b/><c></c><d> </d></a>", true},
    {"xml namespace declared explicitly", R"(<a xmlns:xml="http://www.w3.org/XML/1998/namespace" xml:space="preserve"/>)", true},
    {"urn and port", R"(<a xmlns="urn:oasis:names:tc:x" xmlns:p="http://h.x:8080/p?q=1#f"><p:b/></a>)", true},
    {"xml:* attributes inherited at an inclusive apex",
     R"(<r xml:lang="en" xml:space="preserve" xmlns:p="http://e.x/p"><a xml:lang="fr" xmlns="http://e.x/d"><b p:x="1"><c xml:lang="de"/></b></a></r>)",
     true},
    {"apex under xmlns=\"\"", R"(<r xmlns="http://e.x/d"><a xmlns=""><b/></a></r>)", true},
    {"relative namespace name", R"(<a xmlns:p="rel/p"><p:b/></a>)", false},
    {"no server", R"(<a xmlns="http:///x"/>)", false},
    {"ampersand in a namespace name", R"(<a xmlns="http://e.x/a?b=1&amp;c=2"/>)", false},
    {"relative namespace name inside the omitted signature", R"(<r><Signature xmlns:p="p"/></r>)", false},
};

TEST(C14NWriter, CornerCasesMatchLibxml2) {
  for (const CornerCase& c : kCornerCases) {
    EXPECT_EQ(expect_same_canonical_form(c.xml, c.name), c.handled) << c.name;
  }
}

TEST(C14NWriter, TextIsEscapedAsC14NRequires) {
  // Independent of libxml2: C14N §2.3 (text: & < > #xD; attributes: & < " #x9 #xA #xD).
  auto parsed = tsl::XmlDocument::parse(tsl::as_bytes(std::string("<a v=\"&lt;&quot;&#9;&#xA;&#xD;>\">&amp;&lt;&gt;&#xD;\"</a>")), "t");
  ASSERT_TRUE(parsed);
  OwnCanonical own = own_canonical(tsl::detail::native_document(*parsed), nullptr, false, C14NMethod::kInclusive10);
  EXPECT_EQ(own.text, "<a v=\"&lt;&quot;&#x9;&#xA;&#xD;>\">&amp;&lt;&gt;&#xD;\"</a>");
}

TEST(C14NWriter, LargeOutputComesInChunksAndASinkFailureStops) {
  std::string xml = "<a>";
  for (int i = 0; i < 20000; ++i) {
    xml += "<b i=\"" + std::to_string(i) + "\">&lt;text&gt;</b>";
  }
  xml += "</a>";
  EXPECT_TRUE(expect_same_canonical_form(xml, "large"));
  auto parsed = tsl::XmlDocument::parse(tsl::as_bytes(xml), "large");
  ASSERT_TRUE(parsed);
  const xmlDoc* doc = tsl::detail::native_document(*parsed);
  OwnCanonical own = own_canonical(doc, nullptr, false, C14NMethod::kExclusive10);
  EXPECT_GT(own.chunks, 3u);
  std::size_t calls = 0;
  C14NWrite w = write_c14n_without(doc, nullptr, C14NMethod::kExclusive10, [&](std::span<const std::uint8_t>) {
    ++calls;
    return false;
  });
  EXPECT_EQ(w, C14NWrite::kSinkFailed);
  EXPECT_EQ(calls, 1u);
}

TEST(C14NWriter, ANodeOfAnotherDocumentIsRefusedBeforeWriting) {
  auto a = tsl::XmlDocument::parse(tsl::as_bytes(std::string("<a><b/></a>")), "a");
  auto b = tsl::XmlDocument::parse(tsl::as_bytes(std::string("<a><b/></a>")), "b");
  ASSERT_TRUE(a && b);
  const xmlDoc* doc_a = tsl::detail::native_document(*a);
  const xmlNode* root_b = ::xmlDocGetRootElement(tsl::detail::native_document(*b));
  std::size_t calls = 0;
  auto sink = [&](std::span<const std::uint8_t>) { return ++calls > 0; };
  EXPECT_EQ(write_c14n_subtree(doc_a, root_b, C14NMethod::kExclusive10, sink), C14NWrite::kNotHandled);
  EXPECT_EQ(write_c14n_without(doc_a, root_b, C14NMethod::kInclusive10, sink), C14NWrite::kNotHandled);
  EXPECT_EQ(write_c14n_subtree(doc_a, nullptr, C14NMethod::kInclusive10, sink), C14NWrite::kNotHandled);
  EXPECT_EQ(calls, 0u);
  EXPECT_EQ(write_c14n_without(doc_a, ::xmlDocGetRootElement(doc_a)->children, C14NMethod::kInclusive10, sink),
            C14NWrite::kWritten);
  EXPECT_EQ(calls, 1u);
}

// Random documents over a small vocabulary, so that prefixes are rebound, defaults
// undone, declarations repeated and attributes share namespaces.
class DocumentGenerator final {
 public:
  explicit DocumentGenerator(unsigned seed) : m_rng(seed) {}

  std::string document() {
    std::string out;
    if (pick(3) == 0) out += "<?head data?>";
    element(out, 0, {});
    if (pick(3) == 0) out += "<!--tail--><?tail?>";
    return out;
  }

 private:
  unsigned pick(unsigned n) { return std::uniform_int_distribution<unsigned>(0, n - 1)(m_rng); }

  void element(std::string& out, int depth, std::vector<std::string> bound) {
    static const char* const kPrefixes[] = {"", "a", "b", "ds"};
    static const char* const kUris[] = {"http://e.x/1", "http://e.x/2", "urn:e:3", ""};
    std::string decls;
    for (int i = 0, n = static_cast<int>(pick(3)); i < n; ++i) {
      std::string prefix = kPrefixes[pick(4)];
      std::string uri = kUris[pick(prefix.empty() ? 4 : 3)];
      if (decls.find(prefix.empty() ? " xmlns=" : " xmlns:" + prefix + "=") != std::string::npos) continue;
      decls += prefix.empty() ? " xmlns=\"" + uri + "\"" : " xmlns:" + prefix + "=\"" + uri + "\"";
      bound.push_back(prefix);
    }
    std::string name = pick(6) == 0 ? "Signature" : std::string(1, static_cast<char>('m' + pick(4)));
    std::string prefix = pick(2) == 0 ? "" : kPrefixes[pick(4)];
    if (!prefix.empty() && std::find(bound.begin(), bound.end(), prefix) == bound.end()) prefix.clear();
    std::string qname = prefix.empty() ? name : prefix + ":" + name;
    out += "<" + qname + decls;
    std::vector<std::string> used;
    for (int i = 0, n = static_cast<int>(pick(4)); i < n; ++i) {
      std::string ap = kPrefixes[1 + pick(3)];
      bool qualified = pick(2) == 0 && std::find(bound.begin(), bound.end(), ap) != bound.end();
      std::string an = std::string(1, static_cast<char>('p' + pick(3)));
      std::string key = qualified ? ap + ":" + an : an;
      if (std::find(used.begin(), used.end(), key) != used.end()) continue;
      used.push_back(key);
      out += " " + key + "=\"" + (pick(2) ? "v&amp;&lt;&#9;&#xD;" : "w\xc3\xa9") + "\"";
    }
    out += ">";
    for (int i = 0, n = depth < 4 ? static_cast<int>(pick(4)) : 0; i < n; ++i) {
      switch (pick(5)) {
        case 0: out += "t&amp;&gt;&#xD;\xe2\x82\xac"; break;
        case 1: out += "<!--c--><?p d?>"; break;
        case 2: out += "<![CDATA[<&>]]>"; break;
        default: element(out, depth + 1, bound);
      }
    }
    out += "</" + qname + ">";
  }

  std::mt19937 m_rng;
};

TEST(C14NWriter, GeneratedDocumentsMatchLibxml2) {
  DocumentGenerator gen(20261206);
  std::size_t compared = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string xml = gen.document();
    auto parsed = tsl::XmlDocument::parse(tsl::as_bytes(xml), "generated");
    if (!parsed) {
      continue;  // e.g. a prefixed attribute whose declaration was "" (not allowed)
    }
    if (expect_same_canonical_form(xml, "generated #" + std::to_string(i) + ": " + xml)) {
      ++compared;
    }
    if (HasFailure()) {
      break;
    }
  }
  EXPECT_GE(compared, 2000u);
}

}  // namespace
}  // namespace eutl::verify::trust
