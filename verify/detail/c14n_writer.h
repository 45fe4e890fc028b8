// Canonical XML 1.0 (W3C REC-xml-c14n-20010315) and Exclusive XML Canonicalization 1.0
// (W3C REC-xml-exc-c14n-20020718, without an InclusiveNamespaces PrefixList), both
// without comments, of the node sets a trusted list's signature canonicalises: the
// whole document except one element and its subtree (an enveloped-signature
// reference with URI="", XMLDSig §6.6.4), and one element's subtree (a "#id"
// reference, SignedInfo).
//
// The bytes are libxml2's xmlC14NExecute output for the same set, byte for byte
// (tests/verify/c14n_writer_test.cpp and fuzz/fuzz_c14n.cpp compare them), written
// straight from the tree in one pass: no per-element lists, no namespace-axis walk to
// the root, no intermediate strings, and only the subtree is visited (libxml2 visits
// the whole document for every set, asking a callback about each node). A document
// with anything this writer does not reproduce is recognised before a single byte is
// written (c14n_writer_handles), so the caller can use libxml2 instead:
//   - a node other than an element, text, CDATA, processing instruction or comment
//     (entity references, a DTD node, XInclude markers);
//   - an attribute whose value is not plain text nodes;
//   - a namespace name that is not a plain absolute URI ("scheme://host…" or
//     "urn:…" over a conservative character set). C14N 1.0 must fail on relative
//     namespace URIs (§2.4 note) and libxml2 writes the name unescaped; both cases
//     stay with libxml2.
// Internal to verify/.
#pragma once

#include <libxml/tree.h>

#include <cstdint>
#include <functional>
#include <span>

namespace eutl::verify::trust {

enum class C14NMethod : std::uint8_t {
  kInclusive10,  // http://www.w3.org/TR/2001/REC-xml-c14n-20010315
  kExclusive10,  // http://www.w3.org/2001/10/xml-exc-c14n#
};

enum class C14NWrite : std::uint8_t {
  kWritten,       // the whole canonical form went to the sink
  kNotHandled,    // not a set of this document, or one libxml2 must write; nothing was written
  kSinkFailed,    // the sink refused a chunk; the output is incomplete
};

// Whether the writer reproduces libxml2 on `doc` (the conditions above), over the
// whole document (verify/c14n_support.cpp): for a document from
// tsl::XmlDocument::parse, from what its parse recorded; otherwise one pass over it.
// The answer depends on the document alone, so a caller canonicalising several sets
// of one document asks once.
bool c14n_writer_handles(const xmlDoc* doc);
// The same decided by walking every node, whatever parsed the document (for
// documents not from tsl::XmlDocument::parse; tests compare the two).
bool c14n_writer_handles_walk(const xmlDoc* doc);

// Receives the canonical bytes in order, in chunks of up to 64 KiB; returns false to
// stop.
using C14NSink = std::function<bool(std::span<const std::uint8_t>)>;

// The writers below require c14n_writer_handles(doc); they return kNotHandled (having
// written nothing) only when the node given is not an element of `doc`.

// Writes the canonical form of `doc` without `omitted` (an element of `doc`) and its
// descendants. `omitted` may be null: the whole document then.
C14NWrite write_c14n_without(const xmlDoc* doc, const xmlNode* omitted, C14NMethod method, const C14NSink& sink);

// Writes the canonical form of `top` (an element of `doc`) and its descendants: the
// set a bare-name "#id" reference selects, and SignedInfo. `top` is the apex (C14N
// §2.3, §2.4): in the inclusive method it carries every namespace in scope and its
// ancestors' nearest xml:* attributes; in the exclusive method nothing is inherited.
C14NWrite write_c14n_subtree(const xmlDoc* doc, const xmlNode* top, C14NMethod method, const C14NSink& sink);

// The "xml" prefix bound to its namespace: never rendered (C14N §2.3, Exc §3).
bool is_xml_namespace(const xmlNs* ns);

}  // namespace eutl::verify::trust
