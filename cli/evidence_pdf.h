// `eutl evidence report --pdf OUT.pdf`: the report printed to PDF by headless
// Chromium, through the report's print stylesheet (what "print to PDF" in a browser
// gives). eutl carries no PDF writer of its own: without `chromium` on PATH it says
// how to get the PDF (install chromium, or open the HTML and print it to PDF).
#pragma once

#include <string>

namespace eutl::cli {

// Writes `html` to `html_out` when not empty, then prints it to `pdf_out` with
// headless Chromium. Returns the exit code: 0 written; 4 (could not run) when
// chromium is not on PATH or fails, with a message saying how to get the PDF.
int write_evidence_pdf(const std::string& html, const std::string& html_out, const std::string& pdf_out);

}  // namespace eutl::cli
