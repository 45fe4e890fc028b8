// Verifying a set of trusted lists together: the LOTL (anchored in the Official
// Journal certificates, through pivots when needed), and each national list against
// the certificates the LOTL publishes for its territory (ETSI TS 119 615 §4.1–4.2 as
// summarised in docs; TS 119 612 V2.4.1 §5.7 and Annex B for the signature).
//
// This header is the contract between verify/ (which implements it), cache/ (which
// feeds it fetched or imported bytes) and the qualification decision (which only
// uses lists whose status is kValid).
#pragma once

#include <cstddef>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "eutl/result.h"
#include "eutl/tsl/bytes.h"
#include "eutl/tsl/model.h"
#include "eutl/tsl/read_file.h"
#include "eutl/tsl/time.h"
#include "eutl/verify/certificate_profile.h"

namespace eutl::verify {

// What a file is, recognised from its content (not its name): a list of lists that
// is the newest given is the LOTL; older lists of lists are pivots.
enum class ListKind { kLotl, kPivot, kTl };
std::string_view to_string(ListKind k);  // "lotl" / "pivot" / "tl"

enum class ListStatus { kValid, kExpired, kInvalid, kIndeterminate };
std::string_view to_string(ListStatus s);  // "valid" / "expired" / "invalid" / "indeterminate"

// A stable, machine-readable code ("sig-digest-mismatch", "signer-not-in-pointer",
// "expired", …; the full list is documented in verify/reasons.h) and a sentence.
struct Reason final {
  std::string code;
  std::string message;
};

struct SignatureInfo final {
  tsl::Bytes signer_der;                     // empty when no signer certificate was found
  std::optional<tsl::Sha256> signer_sha256;  // SHA-256 of signer_der
  std::optional<tsl::TimePoint> signing_time;
  std::string signature_method;  // the SignatureMethod URI
  // What authorised the signer: "anchor <sha256>" (from --lotl-signers), "pivot 300",
  // "pointer AT in LOTL 332", or "caller signer <sha256>" (ListSetRequest::tl_signers).
  // Empty when nothing did.
  std::string matched;
};

struct VerifiedList final {
  std::string source;  // file path or URL
  tsl::Sha256 digest{};  // SHA-256 of the exact bytes verified
  ListKind kind = ListKind::kTl;
  std::optional<tsl::TrustedList> list;  // absent when the bytes could not be read as a list
  ListStatus status = ListStatus::kIndeterminate;
  std::vector<Reason> reasons;   // why the status is not valid (empty when valid)
  std::vector<Reason> warnings;  // deviations that did not change the status
  SignatureInfo signature;
};

// Who vouched for a list's signer (read from SignatureInfo::matched):
//   kOfficialJournal  a LOTL or pivot, through the Official Journal anchors and pivots;
//   kLotl             a national list, through the LOTL's pointer for its territory;
//   kCallerSigner     a national list, through a signer the caller trusts directly
//                     (ListSetRequest::tl_signers), not the LOTL;
//   kNone             nothing did.
enum class ListTrust { kNone, kOfficialJournal, kLotl, kCallerSigner };
std::string_view to_string(ListTrust t);  // "none" / "official-journal" / "lotl" / "caller-signer"
[[nodiscard]] ListTrust trust_of(const VerifiedList& v);

struct ListSetInput final {
  std::string source;
  tsl::Bytes bytes;
  // Instead of `bytes` (read_list_inputs sets it): the file, opened and checked up
  // front, read by the worker that parses it, so that only the documents in flight are
  // in memory and each is read once, straight into the buffer that is parsed.
  std::shared_ptr<tsl::OpenedFile> file;
};

// The bytes of an input, read once: `bytes` where they are, else its file read now
// into `storage` (not zero-filled first; the file is closed). The view lives as long
// as `in.bytes` and `storage`.
[[nodiscard]] Result<tsl::ByteView> input_bytes(ListSetInput& in, tsl::FileBytes& storage);

// How the parse workers get their heap memory. The choice is the process's (it
// depends on its allocator policy), so the caller makes it:
//   kOnDemand  pages fault in one by one as each document's tree grows;
//   kPopulate  before its first list (the largest it will parse: lists are taken
//              largest first), each worker has the kernel back the heap that list
//              will need in one call, and reuses it for every list after. Right for
//              a process whose freed memory stays in its heap (the eutl CLI,
//              mallopt M_TRIM_THRESHOLD); otherwise the memory may go back to the
//              kernel at once and the call is wasted work.
enum class WorkerMemory : bool { kOnDemand, kPopulate };

// What is kept of each list's trust services (TS 119 612 §5.5):
//   kKept     all of the model, for a caller that indexes or decides with it;
//   kDropped  the providers are freed as soon as the list is read (its warnings, which
//             come from reading them, are kept), so that their memory serves the next
//             lists: for a caller that reports on the lists themselves (`eutl verify`).
//             VerifiedList::list then holds the scheme information and no providers.
enum class ServiceModels : bool { kKept, kDropped };

struct ListSetRequest final {
  std::vector<tsl::Bytes> lotl_anchors;  // DER certificates announced in the Official Journal
  // The same, still being read: waited for only when the LOTL is anchored, after the
  // lists are parsed, so a caller can read its anchors file while the workers parse.
  // Used instead of lotl_anchors when valid().
  std::shared_future<std::vector<tsl::Bytes>> lotl_anchors_later;
  tsl::TimePoint at{};                   // validation time (the CLI defaults it to now)
  // Signer certificates (DER) the caller trusts for national lists directly, without
  // the LOTL (ETSI TS 119 615 leaves that trust decision to the relying party). When
  // not empty, every national list is verified against these and only these: the
  // LOTL, if given, is still verified and reported but vouches for no national list.
  std::vector<tsl::Bytes> tl_signers;
  // The LOTL as an earlier call verified it (with its pivots, at the same time and
  // anchors), for a call whose inputs are national lists only: they are verified
  // against its pointers and the LOTL is not verified again (a refresh verifies the
  // LOTL and its pivots once, then chooses each territory's list). Lists of lists
  // among the inputs are then not verified: indeterminate, reason "no-lotl".
  std::shared_ptr<const VerifiedList> verified_lotl;
  // Pivots walked at most (libdigidocpp allows 3; the real 2023 chain needs 2).
  std::size_t max_pivots = 8;
  unsigned threads = 0;  // 0: one per core
  WorkerMemory worker_memory = WorkerMemory::kOnDemand;
  ServiceModels services = ServiceModels::kKept;
};

struct ListSetResult final {
  std::vector<VerifiedList> lists;  // one per input, in input order
  std::optional<std::size_t> lotl;  // index of the current LOTL in `lists`
};

// Never fails as a whole: every input gets a VerifiedList with its own status.
[[nodiscard]] ListSetResult verify_list_set(std::vector<ListSetInput> inputs, const ListSetRequest& request);

// Files as given; directories contribute their *.xml files, recursively, sorted by
// path. kIo for a missing path or an unreadable directory, kUsage when nothing is left.
[[nodiscard]] Result<std::vector<std::filesystem::path>> expand_list_inputs(
    const std::vector<std::filesystem::path>& inputs);

// Opens and checks each file (tsl::OpenedFile: regular, size-limited, not empty), in
// order; the bytes are read by verify_list_set's workers (input_bytes). The
// error names the first file that cannot be opened.
[[nodiscard]] Result<std::vector<ListSetInput>> read_list_inputs(const std::vector<std::filesystem::path>& files);

// Reads every certificate of a PEM file (the --lotl-signers file) as DER.
[[nodiscard]] Result<std::vector<tsl::Bytes>> load_pem_certificates(const std::filesystem::path& file);
// The same, each certificate with its profile (what read_certificate_profile gives of its
// DER, CertificateProfile::der), decoded once instead of twice.
[[nodiscard]] Result<std::vector<Result<CertificateProfile>>> load_pem_certificate_profiles(
    const std::filesystem::path& file);

}  // namespace eutl::verify
