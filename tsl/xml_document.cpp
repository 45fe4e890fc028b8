#include "eutl/tsl/xml_document.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <fstream>
#include <system_error>

#include "tsl/detail/xml_node.h"

namespace eutl::tsl {
namespace {

using ParserCtxtPtr = eutl::detail::CHandle<xmlParserCtxt, ::xmlFreeParserCtxt>;

// Trusted lists never carry a DTD. Refusing one at the first sight of <!DOCTYPE
// closes the door on entity expansion (billion laughs, quadratic blowup), external
// entities and external DTDs in one place, whatever the document's encoding.
struct ParseState {
  bool saw_dtd = false;
};

void reject_subset(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
  auto* ctxt = static_cast<xmlParserCtxt*>(ctx);
  static_cast<ParseState*>(ctxt->_private)->saw_dtd = true;
  ::xmlStopParser(ctxt);
}

// libxml2 reports through a per-thread global handler; the errors we need are read
// from the context, so the handler only keeps them off stderr.
void silence(void*, xmlError*) {}

}  // namespace

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
  ::xmlSetStructuredErrorFunc(nullptr, silence);
  ParserCtxtPtr ctxt(::xmlNewParserCtxt());
  if (!ctxt) {
    return Error(Errc::kInternal, source + ": cannot create an XML parser");
  }
  ParseState state;
  ctxt->_private = &state;
  ctxt->sax->internalSubset = reject_subset;
  ctxt->sax->externalSubset = reject_subset;
  // NONET: no network, ever. No NOENT / DTDLOAD / DTDATTR / XINCLUDE / HUGE: entities
  // stay unexpanded, nothing external is loaded, and libxml2 keeps its depth limit.
  constexpr int kOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES;
  detail::XmlDocPtr doc(::xmlCtxtReadMemory(ctxt.get(), reinterpret_cast<const char*>(bytes.data()),
                                            static_cast<int>(bytes.size()), nullptr, nullptr, kOptions));
  if (state.saw_dtd) {
    return Error(Errc::kMalformed, source + ": a DOCTYPE/DTD is not allowed in a trusted list");
  }
  if (!doc || !ctxt->wellFormed) {
    const xmlError* e = ::xmlCtxtGetLastError(ctxt.get());
    std::string what = (e && e->message) ? std::string(detail::trim(e->message)) : "not well-formed XML";
    long line = e ? e->line : 0;
    return Error(Errc::kMalformed, source + ":" + std::to_string(line) + ": " + what);
  }
  if (::xmlDocGetRootElement(doc.get()) == nullptr) {
    return Error(Errc::kMalformed, source + ": no root element");
  }
  auto impl = std::make_unique<Impl>();
  impl->doc = std::move(doc);
  impl->source = std::move(source);
  return XmlDocument(std::move(impl));
}

Result<Bytes> read_file(const std::filesystem::path& path, std::size_t max_bytes) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Error(Errc::kIo, path.string() + ": is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error(Errc::kIo, path.string() + ": cannot open (" + std::generic_category().message(errno) + ")");
  }
  in.seekg(0, std::ios::end);
  auto size = static_cast<std::streamoff>(in.tellg());
  if (size < 0) {
    return Error(Errc::kIo, path.string() + ": cannot determine the size");
  }
  if (static_cast<std::size_t>(size) > max_bytes) {
    return Error(Errc::kLimit, path.string() + ": file of " + std::to_string(size) + " bytes exceeds the limit of " +
                                   std::to_string(max_bytes) + " bytes");
  }
  in.seekg(0);
  Bytes data(static_cast<std::size_t>(size));
  if (size > 0 && !in.read(reinterpret_cast<char*>(data.data()), size)) {
    return Error(Errc::kIo, path.string() + ": read failed");
  }
  return data;
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
