// Canonicalization of a trusted-list signature's node sets (the whole document minus
// the enveloped signature, a bare-name "#id" target, SignedInfo) with a direct
// visibility test instead of xmlsec's composite node sets: the same bytes, so the
// same digests and signature input (see xmlsec_fast_c14n.cpp for the equivalence).
// Internal to verify/.
#pragma once

#include <xmlsec/transforms.h>

namespace eutl::verify::trust {

// What the callbacks learn about the document during one xmlSecDSigCtxVerify: set
// xmlSecDSigCtx::userData to one (xmlsec hands it to each reference's transform
// context) before verifying. Without it the chains are rebuilt but libxml2 writes.
struct FastC14NMemo final {
  const xmlDoc* doc = nullptr;  // the document c14n_writer_handles was asked about
  bool writer_handles = false;
};

// For xmlSecDSigCtx::referencePreExecuteCallback. A reference chain that starts
// enveloped-signature (URI="") or a bare-name XPointer ("#id"), then one c14n
// transform without InclusiveNamespaces, then the digest, gets its first two
// transforms replaced by one equivalent transform; every other chain is left as
// xmlsec built it. Returns 0, or -1 (failing the reference) if a chain could not be
// rebuilt once changed.
int reference_fast_c14n(xmlSecTransformCtxPtr ctx);

// For xmlSecDSigCtx::transformCtx.preExecCallback: the same for the SignedInfo chain
// (c14n transform, then the signature method). When transformCtx.userData is the
// xmlSecDSigCtx, its c14nMethod is moved to the replacement transform.
int signed_info_fast_c14n(xmlSecTransformCtxPtr ctx);

// How many chains each callback has rebuilt in this process (tests use it to prove
// that the fast path ran).
struct FastC14NCounts final {
  unsigned long whole_document = 0;
  unsigned long id_reference = 0;
  unsigned long signed_info = 0;
  // chains (of the three above) written by verify/c14n_writer.cpp rather than libxml2
  unsigned long own_writer = 0;
};
FastC14NCounts fast_c14n_counts();

}  // namespace eutl::verify::trust
