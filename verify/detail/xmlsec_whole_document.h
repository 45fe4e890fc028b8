// The whole-document reference of an enveloped signature, evaluated with a direct
// visibility test instead of xmlsec's composite node set (same bytes, same digest;
// see xmlsec_whole_document.cpp for the equivalence). Internal to verify/.
#pragma once

#include <xmlsec/transforms.h>


namespace eutl::verify::trust {

// An xmlSecTransformCtxPreExecuteCallback for xmlSecDSigCtx::referencePreExecuteCallback.
// For a reference with URI="" whose chain starts enveloped-signature → one c14n
// transform (no InclusiveNamespaces) → the digest, it replaces the first two with one
// equivalent transform; every other reference is left as xmlsec built it. Returns 0,
// or -1 (failing the reference) if the chain could not be rebuilt.
int whole_document_reference_callback(xmlSecTransformCtxPtr ctx);

// How many references the callback has rebuilt in this process (tests use it to
// prove the fast path ran).
unsigned long whole_document_fast_path_count();

}  // namespace eutl::verify::trust
