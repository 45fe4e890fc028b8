#include "eutl/tsl/xml_document.h"

#include <libxml/parser.h>
#include <libxml/valid.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cstring>
#include <optional>

#include "tsl/detail/markup_scan.h"
#include "tsl/detail/xml_node.h"

namespace eutl::tsl {
namespace {

using ParserCtxtPtr = eutl::detail::CHandle<xmlParserCtxt, ::xmlFreeParserCtxt>;

// What the SAX hooks below learn during one parse.
struct ParseState {
  int max_depth = 0;
  bool saw_dtd = false;
  long dtd_line = 0;
  bool too_deep = false;
  long deep_line = 0;
  // Backstop of the pre-scan (tsl/detail/markup_scan.h), counted as libxml2 reports.
  std::size_t max_ns_per_element = 0;
  std::size_t max_ns = 0;
  std::size_t max_attrs = 0;
  std::size_t ns_seen = 0;
  bool too_many = false;
  long many_line = 0;
  // The first error libxml2 reports: later ones are usually consequences of it
  // (a mismatched tag at line 596 ends as "extra content" at the last line).
  bool have_error = false;
  long error_line = 0;
  std::string error_message;
  startElementNsSAX2Func start_element = nullptr;
  referenceSAXFunc reference = nullptr;
  detail::ParseFacts facts;
};

ParseState& state_of(void* ctx) {
  return *static_cast<ParseState*>(static_cast<xmlParserCtxt*>(ctx)->_private);
}

long current_line(xmlParserCtxt* ctxt) { return ctxt->input != nullptr ? ctxt->input->line : 0; }

// Trusted lists never carry a DTD. Refusing one at the first sight of <!DOCTYPE
// closes the door on entity expansion (billion laughs, quadratic blowup), external
// entities and external DTDs in one place, whatever the document's encoding.
void reject_subset(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
  auto* ctxt = static_cast<xmlParserCtxt*>(ctx);
  ParseState& state = state_of(ctx);
  if (!state.saw_dtd) {
    state.saw_dtd = true;
    state.dtd_line = current_line(ctxt);
  }
  ::xmlStopParser(ctxt);
}

// Our own depth limit (ParseLimits::max_depth), checked before libxml2 builds the
// element; libxml2's built-in limit (256 without XML_PARSE_HUGE) stays as a backstop.
void start_element(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri, int nb_namespaces,
                   const xmlChar** namespaces, int nb_attributes, int nb_defaulted, const xmlChar** attributes) {
  auto* ctxt = static_cast<xmlParserCtxt*>(ctx);
  ParseState& state = state_of(ctx);
  if (ctxt->nodeNr >= state.max_depth) {
    state.too_deep = true;
    state.deep_line = current_line(ctxt);
    ::xmlStopParser(ctxt);
    return;
  }
  state.ns_seen += static_cast<std::size_t>(nb_namespaces);
  if (static_cast<std::size_t>(nb_namespaces) > state.max_ns_per_element || state.ns_seen > state.max_ns ||
      static_cast<std::size_t>(nb_attributes) > state.max_attrs) {
    state.too_many = true;
    state.many_line = current_line(ctxt);
    ::xmlStopParser(ctxt);
    return;
  }
  xmlNode* parent = ctxt->node;
  state.start_element(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes, nb_defaulted,
                      attributes);
  if (ctxt->node != parent && ctxt->node != nullptr) {
    state.facts.observe(ctxt->node);  // built, with its attributes: still in cache
  }
}

void reference(void* ctx, const xmlChar* name) {
  ParseState& state = state_of(ctx);
  state.facts.observe_reference();
  if (state.reference != nullptr) {
    state.reference(ctx, name);
  }
}

// Per-parse error channel (sax->serror takes precedence over the global handler):
// keeps the first error and keeps everything off stderr.
void record_error(void* ctx, xmlError* e) {
  if (e == nullptr || e->level < XML_ERR_ERROR) {
    return;
  }
  ParseState& state = state_of(ctx);
  if (state.have_error) {
    return;
  }
  state.have_error = true;
  state.error_line = e->line;
  state.error_message = e->message != nullptr ? std::string(detail::trim(e->message)) : "not well-formed XML";
  // Some messages span lines ("...encoding !\nBytes: 0xC3 0x28"): keep the error one line.
  for (std::size_t at = state.error_message.find('\n'); at != std::string::npos;
       at = state.error_message.find('\n', at)) {
    state.error_message.replace(at, 1, "; ");
  }
}

// The global handler, for anything raised outside a parser context.
void silence(void*, xmlError*) {}

// The document handed to libxml2 a chunk at a time, as xmllint reads a file: libxml2
// parses from its small input buffer and drops what it has consumed. Its memory input
// (xmlCtxtReadMemory) would first copy the whole document into a buffer of its own:
// one more pass over the bytes and as many freshly faulted pages as the document has.
struct ChunkReader final {
  const std::uint8_t* next = nullptr;
  std::size_t left = 0;
};

int read_chunk(void* context, char* buffer, int room) {
  auto* r = static_cast<ChunkReader*>(context);
  const std::size_t n = std::min(r->left, room > 0 ? static_cast<std::size_t>(room) : std::size_t{0});
  if (n > 0) {
    std::memcpy(buffer, r->next, n);
  }
  r->next += n;
  r->left -= n;
  return static_cast<int>(n);
}

}  // namespace

// A tree whose every block lies in its arena is not freed node by node (xmlFreeDoc
// walks the whole tree: ~3% of an `eutl verify`): the arena is released whole right
// after. What a document gains after its parse comes from malloc and is freed here:
// the Id table (xmlAddID, by verify/signature_structure.cpp and by xmlsec) and the
// xml: namespace that a namespace lookup may add. Parsed documents are otherwise
// read-only (tsl/, verify/): nothing else is ever attached to them.
XmlDocument::Impl::~Impl() {
  xmlDoc* d = doc.get();
  if (d == nullptr || !arena || !arena->whole()) {
    return;  // xmlFreeDoc, block by block
  }
  if (d->ids != nullptr) {
    ::xmlFreeIDTable(static_cast<xmlIDTablePtr>(d->ids));
    d->ids = nullptr;
  }
  if (d->refs != nullptr) {
    ::xmlFreeRefTable(static_cast<xmlRefTablePtr>(d->refs));
    d->refs = nullptr;
  }
  if (d->oldNs != nullptr && !detail::in_arena(d->oldNs)) {
    ::xmlFreeNsList(d->oldNs);
  }
  if (d->dict != nullptr) {
    ::xmlDictFree(d->dict);  // its lock is malloc memory
  }
  (void)doc.release();
}

XmlDocument::XmlDocument(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
XmlDocument::XmlDocument(XmlDocument&&) noexcept = default;
XmlDocument& XmlDocument::operator=(XmlDocument&&) noexcept = default;
XmlDocument::~XmlDocument() = default;

const std::string& XmlDocument::source() const noexcept { return m_impl->source; }

Result<XmlDocument> XmlDocument::parse(ByteView bytes, std::string source, const ParseLimits& limits) {
  if (bytes.size() > limits.max_bytes) {
    return Error(Errc::kLimit, source + ": document of " + std::to_string(bytes.size()) +
                                   " bytes exceeds the limit of " + std::to_string(limits.max_bytes) + " bytes");
  }
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) {
    return Error(Errc::kLimit, source + ": document too large");
  }
  if (limits.max_depth <= 0) {
    return Error(Errc::kUsage, source + ": ParseLimits::max_depth must be positive");
  }
  // Counted before libxml2 sees the bytes: its own checks are quadratic in them.
  if (auto counted = detail::scan_markup(bytes, source, limits); !counted) {
    return std::move(counted).error();
  }
  ::xmlInitParser();  // libxml2's global tables are never cut from a document's arena
  ::xmlSetStructuredErrorFunc(nullptr, silence);
  // Declared before everything the parse allocates, so released after all of it.
  std::unique_ptr<detail::XmlArena> arena;
  if (detail::document_arenas_enabled()) {
    arena = std::make_unique<detail::XmlArena>();
  }
  std::optional<detail::XmlArenaScope> in_arena;
  if (arena) {
    in_arena.emplace(*arena);
  }
  ParserCtxtPtr ctxt(::xmlNewParserCtxt());
  if (!ctxt) {
    return Error(Errc::kInternal, source + ": cannot create an XML parser");
  }
  ParseState state;
  state.max_depth = limits.max_depth;
  state.max_ns_per_element = limits.max_namespaces_per_element;
  state.max_ns = limits.max_namespaces;
  state.max_attrs = limits.max_attributes_per_element;
  state.start_element = ctxt->sax->startElementNs;
  state.reference = ctxt->sax->reference;
  ctxt->_private = &state;
  ctxt->sax->internalSubset = reject_subset;
  ctxt->sax->externalSubset = reject_subset;
  ctxt->sax->startElementNs = start_element;
  ctxt->sax->reference = reference;
  ctxt->sax->serror = record_error;
  // NONET: no network, ever. No NOENT / DTDLOAD / DTDATTR / XINCLUDE / HUGE: entities
  // stay unexpanded, nothing external is loaded, and libxml2 keeps its depth limit.
  constexpr int kOptions =
      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT;
  ChunkReader reader{bytes.data(), bytes.size()};
  detail::XmlDocPtr doc(::xmlCtxtReadIO(ctxt.get(), read_chunk, nullptr, &reader, nullptr, nullptr, kOptions));
  // The thread's copy of the last error may hold strings cut from the arena: cleared
  // while they are still there. What follows allocates from malloc again.
  ::xmlResetLastError();
  in_arena.reset();
  if (state.saw_dtd) {
    return Error(Errc::kMalformed, source + ":" + std::to_string(state.dtd_line) +
                                       ": a DOCTYPE/DTD is not allowed in a trusted list (entities and external "
                                       "DTDs are refused)");
  }
  if (state.too_deep) {
    return Error(Errc::kLimit, source + ":" + std::to_string(state.deep_line) + ": elements nested deeper than " +
                                   std::to_string(limits.max_depth) + " levels");
  }
  if (state.too_many) {
    return Error(Errc::kLimit, source + ":" + std::to_string(state.many_line) +
                                   ": namespace declarations or attributes over the limit (" +
                                   std::to_string(limits.max_namespaces_per_element) + " namespaces or " +
                                   std::to_string(limits.max_attributes_per_element) + " attributes per element, " +
                                   std::to_string(limits.max_namespaces) + " namespaces per document)");
  }
  // A namespace error (an undeclared prefix) leaves the tree ambiguous: refuse it too.
  if (!doc || !ctxt->wellFormed || !ctxt->nsWellFormed) {
    std::string what = state.have_error ? state.error_message : "not well-formed XML";
    return Error(Errc::kMalformed, source + ":" + std::to_string(state.error_line) + ": " + what);
  }
  if (::xmlDocGetRootElement(doc.get()) == nullptr) {
    return Error(Errc::kMalformed, source + ": no root element");
  }
  auto impl = std::make_unique<Impl>();
  impl->arena = std::move(arena);
  impl->doc = std::move(doc);
  impl->facts = std::move(state.facts);
  impl->doc->_private = &impl->facts;  // for detail::parse_facts
  impl->source = std::move(source);
  return XmlDocument(std::move(impl));
}

namespace detail {

std::string_view trim(std::string_view s) noexcept {
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return s;
}

std::string XmlNode::text() const {
  std::string scratch;
  return std::string(trim(text(scratch)));
}

}  // namespace detail
}  // namespace eutl::tsl
