// The frame every HTML page of `eutl serve` shares: head (stylesheet, script and icon
// from /static, nothing external), a skip link, the navigation, a notice when the
// lists are stale or missing, the page's <main>, and a footer naming the standards.
// Every string a page puts into HTML goes through esc() (evidence/detail/html_escape.h).
#pragma once

#include <string>
#include <string_view>

namespace eutl::server::web {

enum class Section { kCheck, kStatus, kServices, kNone };

struct PageFrame final {
  std::string_view title;          // the <title> and nothing else; the page writes its own <h1>
  Section section = Section::kNone;  // marked aria-current in the navigation
  std::string_view lists_problem;  // RequestContext::lists_problem: shown on every page
};

// & < > " ' escaped, for text and attribute values.
std::string esc(std::string_view text);

// The whole document around `main_html` (already HTML).
std::string render_page(const PageFrame& frame, std::string_view main_html);

}  // namespace eutl::server::web
